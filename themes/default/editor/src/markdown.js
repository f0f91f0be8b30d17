// Writing one edited block of the editor's document as Markdown that
// pamir's renderer reads back as the same block. Only blocks an editor
// changed come here: untouched blocks keep the Markdown they were written
// in (see document.js).

// Characters that mean something to Markdown anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>~|]/g;
// An entity-looking `&...;` would be decoded: keep the ampersand literal.
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

export function escapeText(text) {
  return text.replace(INLINE_SPECIAL, "\\$&").replace(ENTITY, "\\&");
}

// What a line may not start with unescaped: a heading, quote, list or rule.
function escapeLineStart(line) {
  return line
    .replace(/^([ \t]*)([#>+=-])/, "$1\\$2")
    .replace(/^([ \t]*\d+)([.)])/, "$1\\$2");
}

function backtickFence(text, min) {
  let longest = 0;
  for (const run of text.match(/`+/g) || []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(min, longest + 1));
}

function codeSpan(text) {
  const fence = backtickFence(text, 1);
  const pad = /^`|`$|^ .* $/.test(text) || text.startsWith("`") ? " " : "";
  return fence + pad + text + pad + fence;
}

function destination(url) {
  return /[\s()<>]/.test(url) ? "<" + url.replace(/[<>]/g, encodeURIComponent) + ">" : url;
}

function titlePart(title) {
  return title ? ' "' + title.replace(/["\\]/g, "\\$&") + '"' : "";
}

const OPEN = { em: "*", strong: "**", strike: "~~", link: "[" };

function closing(mark) {
  if (mark.type.name === "link") return "](" + destination(mark.attrs.href) + titlePart(mark.attrs.title) + ")";
  return OPEN[mark.type.name];
}

// The inline content of a paragraph, heading or table cell.
export function inlineMarkdown(parent, { inCell = false } = {}) {
  let out = "";
  let open = [];

  function closeTo(depth) {
    // Delimiters may not follow white space: it moves outside them.
    const space = /[ \t]*$/.exec(out)[0];
    out = out.slice(0, out.length - space.length);
    while (open.length > depth) out += closing(open.pop());
    out += space;
  }

  parent.forEach((child) => {
    const marks = child.marks.filter((m) => m.type.name !== "code");
    let keep = 0;
    while (keep < open.length && keep < marks.length && open[keep].eq(marks[keep])) keep++;
    let text = child.isText ? child.text.replace(/\n/g, " ") : null;
    closeTo(keep);
    // White space where a mark begins is written before its delimiter.
    if (text !== null && marks.length > keep) {
      const lead = /^\s*/.exec(text)[0];
      text = text.slice(lead.length);
      out += lead;
    }
    for (const mark of marks.slice(keep)) {
      out += OPEN[mark.type.name];
      open.push(mark);
    }
    if (child.isText) {
      out += child.marks.some((m) => m.type.name === "code") ? codeSpan(text) : escapeText(text);
    } else if (child.type.name === "image") {
      const alt = child.attrs.alt.replace(/[\\[\]]/g, "\\$&");
      out += "![" + alt + "](" + destination(child.attrs.src) + titlePart(child.attrs.title) + ")";
    } else if (child.type.name === "footnote_ref") {
      out += "[^" + child.attrs.label + "]";
    } else if (child.type.name === "hard_break") {
      out += inCell ? " " : "\\\n";
    }
  });
  closeTo(0);
  // A line that starts like a heading, a quote or a list item stays text.
  return out
    .split("\n")
    .map((line) => escapeLineStart(line.replace(/^[ \t]+/, "")))
    .join("\n");
}

function indent(text, first, rest) {
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? first + line : line === "" ? "" : rest + line))
    .join("\n");
}

// The blocks inside `node`; in a tight list item (a nested list under its
// line) without the blank line, which would make the whole list loose.
function children(node, separator = "\n\n") {
  const parts = [];
  node.forEach((child) => parts.push(blockMarkdown(child)));
  return parts.filter((part) => part !== "").join(separator);
}

function listMarkdown(node, marker) {
  const items = [];
  node.forEach((item, _offset, index) => {
    const mark = marker(index);
    items.push(indent(children(item, node.attrs.tight ? "\n" : "\n\n"), mark, " ".repeat(mark.length)));
  });
  return items.join(node.attrs.tight ? "\n" : "\n\n");
}

function tableMarkdown(node) {
  const rows = [];
  const aligns = [];
  node.forEach((row) => {
    const cells = [];
    row.forEach((cell, _offset, column) => {
      if (aligns[column] === undefined) aligns[column] = cell.attrs.align;
      cells.push(inlineMarkdown(cell, { inCell: true }).replace(/\n/g, " ") || " ");
      for (let span = 1; span < (cell.attrs.colspan || 1); span++) cells.push(" ");
    });
    rows.push(cells);
  });
  const width = Math.max(1, ...rows.map((cells) => cells.length));
  const line = (cells) => "| " + Array.from({ length: width }, (_, i) => cells[i] || " ").join(" | ") + " |";
  const rule = Array.from({ length: width }, (_, i) => {
    const align = aligns[i];
    return align === "center" ? ":---:" : align === "right" ? "---:" : align === "left" ? ":---" : "---";
  });
  return [line(rows[0] || []), "| " + rule.join(" | ") + " |", ...rows.slice(1).map(line)].join("\n");
}

// One block of the document as Markdown; "" for an empty paragraph.
export function blockMarkdown(node) {
  switch (node.type.name) {
    case "paragraph":
      return inlineMarkdown(node);
    case "heading": {
      let text = inlineMarkdown(node).replace(/\n/g, " ");
      // A closing run of # would be read as the heading's end.
      text = text.replace(/#+$/, (run) => "\\" + run);
      return "#".repeat(node.attrs.level) + (text ? " " + text : "");
    }
    case "blockquote":
      return indent(children(node), "> ", "> ").replace(/^$/gm, ">");
    case "horizontal_rule":
      return "---";
    case "code_block": {
      const text = node.textContent.replace(/\n$/, "");
      const fence = backtickFence(text, 3);
      return fence + (node.attrs.language || "") + "\n" + text + "\n" + fence;
    }
    case "bullet_list":
      return listMarkdown(node, () => "- ");
    case "ordered_list":
      return listMarkdown(node, (index) => node.attrs.start + index + ". ");
    case "table":
      return tableMarkdown(node);
    case "raw_block":
      return node.attrs.markdown.replace(/\s+$/, "");
    default:
      return inlineMarkdown(node);
  }
}
