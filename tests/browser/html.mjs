// Small, dependency-free helpers to read the raw HTML the server sends.
// Not a full HTML parser: enough for the well-formed markup pamir renders.

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  commat: '@', period: '.', lowbar: '_', UnderBar: '_', hyphen: '\u2010',
  dash: '\u2010', colon: ':', semi: ';', sol: '/', bsol: '\\', plus: '+',
  equals: '=', num: '#', percnt: '%', excl: '!', quest: '?', comma: ',',
  lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']',
  lcub: '{', rcub: '}', lbrace: '{', rbrace: '}', ast: '*', midast: '*',
  dollar: '$', verbar: '|', vert: '|', VerticalLine: '|', grave: '`',
  DiacriticalGrave: '`', Hat: '^', tilde: '\u02dc', shy: '\u00ad',
  zwj: '\u200d', zwnj: '\u200c', ZeroWidthSpace: '\u200b', NewLine: '\n',
  Tab: '\t', copy: '\u00a9', reg: '\u00ae', mdash: '\u2014', ndash: '\u2013',
  hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', rsquo: '\u2019',
  lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', middot: '\u00b7',
};

function codePoint(n) {
  if (!Number.isFinite(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/** Decodes numeric (&#64; &#x40;, semicolon optional) and named character references. */
export function decodeEntities(s) {
  return s
    .replace(/&#[xX]([0-9a-fA-F]+);?/g, (_, hex) => codePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec) => codePoint(parseInt(dec, 10)))
    .replace(/&([A-Za-z][A-Za-z0-9]*);/g, (m, name) =>
      Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : m);
}

/** Decodes %XX runs (as UTF-8), leniently: malformed sequences are left as they are. */
export function percentDecode(s) {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    return bytes.toString('utf8');
  });
}

/** Decodes JavaScript/JSON/CSS string escapes: \x40, \u0040, \u{40}, CSS \40 . */
export function decodeStringEscapes(s) {
  return s
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, h) => codePoint(parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => codePoint(parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => codePoint(parseInt(h, 16)))
    .replace(/\\([0-9a-fA-F]{1,6}) ?/g, (_, h) => codePoint(parseInt(h, 16)));
}

/** Parses the attributes of a start tag's inside (the part after the tag name). */
export function parseAttrs(s) {
  const attrs = {};
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(s))) {
    const name = m[1].toLowerCase();
    if (name in attrs) continue;
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[name] = decodeEntities(raw);
  }
  return attrs;
}

/** Removes comments, scripts and styles, which never hold links we follow. */
function stripNonMarkup(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '');
}

/** All start tags named `name` with their attributes, e.g. startTags(html, 'link'). */
export function startTags(html, name) {
  const out = [];
  const re = new RegExp(`<${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  let m;
  const src = name.toLowerCase() === 'script' ? html.replace(/<!--[\s\S]*?-->/g, '') : stripNonMarkup(html);
  while ((m = re.exec(src))) out.push(parseAttrs(m[1]));
  return out;
}

/** All <a> elements: { attrs, text } with text = tags stripped, entities decoded, spaces collapsed. */
export function anchors(html) {
  const out = [];
  const re = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a\s*>/gi;
  let m;
  const src = stripNonMarkup(html);
  while ((m = re.exec(src))) {
    const text = decodeEntities(m[2].replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    out.push({ attrs: parseAttrs(m[1]), text, html: m[2] });
  }
  return out;
}

export function hasClass(attrs, cls) {
  return (attrs.class || '').split(/\s+/).includes(cls);
}

/**
 * The inner HTML of every element whose class list contains `cls`
 * (nesting of the same element name is followed).
 */
export function elementsWithClass(html, cls) {
  const src = stripNonMarkup(html);
  const out = [];
  const open = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m;
  while ((m = open.exec(src))) {
    const attrs = parseAttrs(m[2]);
    if (!hasClass(attrs, cls)) continue;
    const name = m[1].toLowerCase();
    const start = open.lastIndex;
    const tagRe = new RegExp(`<(/?)${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
    tagRe.lastIndex = start;
    let depth = 1;
    let end = src.length;
    let t;
    while ((t = tagRe.exec(src))) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) { end = t.index; break; }
    }
    out.push(src.slice(start, end));
  }
  return out;
}

/** The first <form> whose id is `id`: { attrs, html } or null. */
export function formById(html, id) {
  const re = /<form\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/form\s*>/gi;
  let m;
  const src = stripNonMarkup(html);
  while ((m = re.exec(src))) {
    const attrs = parseAttrs(m[1]);
    if (attrs.id === id) return { attrs, html: m[2] };
  }
  return null;
}
