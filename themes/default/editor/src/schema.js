// What a text can hold in the editor: exactly what pamir's Markdown
// (CommonMark + GFM tables, strikethrough, footnotes) can say, so that
// everything in the editor can be written back as Markdown. Each node reads
// the HTML the server renders (and what a paste brings) through its
// parseDOM rules; whatever no rule matches is dropped, which is how fonts,
// colours, classes and inline styles of a paste disappear. No rule reads a
// style: under the admin's CSP the browser ignores style attributes (see
// paste.js, which turns the styles that mean something into tags).
import { Schema } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";

const ALIGNMENTS = ["left", "center", "right"];

// Where a link may go: the web, e-mail, telephone, this site. A paste's
// `javascript:` or `data:` link keeps its words and loses the link.
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
// Where an image may come from: the web or this site, never `data:`.
const SAFE_IMAGE = /^(https?:\/\/|\/(?!\/))/i;

export function isSafeLink(href) {
  return SAFE_LINK.test((href || "").trim());
}

function alignmentOf(dom) {
  for (const align of ALIGNMENTS) {
    if (dom.classList.contains("align-" + align)) return align;
  }
  return null;
}

const tables = tableNodes({
  tableGroup: "block",
  cellContent: "inline*",
  cellAttributes: {
    align: {
      default: null,
      getFromDOM: alignmentOf,
      setDOMAttr(value, attrs) {
        if (value) attrs.class = "align-" + value;
      },
    },
  },
});

const nodes = {
  doc: { content: "block+" },

  paragraph: {
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: "p" }],
    toDOM: () => ["p", 0],
  },

  heading: {
    attrs: { level: { default: 2 } },
    content: "inline*",
    group: "block",
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: "h" + level, attrs: { level } })),
    toDOM: (node) => ["h" + node.attrs.level, 0],
  },

  blockquote: {
    content: "block+",
    group: "block",
    defining: true,
    parseDOM: [{ tag: "blockquote" }],
    toDOM: () => ["blockquote", 0],
  },

  horizontal_rule: {
    group: "block",
    parseDOM: [{ tag: "hr" }],
    toDOM: () => ["hr"],
  },

  code_block: {
    content: "text*",
    marks: "",
    group: "block",
    code: true,
    defining: true,
    attrs: { language: { default: "" } },
    parseDOM: [
      {
        tag: "pre",
        preserveWhitespace: "full",
        getAttrs(dom) {
          const code = dom.querySelector("code");
          const match = code && /(?:^|\s)language-(\S+)/.exec(code.className);
          return { language: match ? match[1] : "" };
        },
      },
    ],
    toDOM: () => ["pre", ["code", 0]],
  },

  bullet_list: {
    content: "list_item+",
    group: "block",
    attrs: { tight: { default: true } },
    parseDOM: [{ tag: "ul", getAttrs: (dom) => ({ tight: isTight(dom) }) }],
    toDOM: () => ["ul", 0],
  },

  ordered_list: {
    content: "list_item+",
    group: "block",
    attrs: { start: { default: 1 }, tight: { default: true } },
    parseDOM: [
      {
        tag: "ol",
        getAttrs: (dom) => ({
          start: dom.hasAttribute("start") ? Number(dom.getAttribute("start")) || 1 : 1,
          tight: isTight(dom),
        }),
      },
    ],
    toDOM: (node) => (node.attrs.start === 1 ? ["ol", 0] : ["ol", { start: node.attrs.start }, 0]),
  },

  list_item: {
    content: "paragraph block*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },

  // A block the editor shows but does not edit as text: raw HTML (as
  // imports bring) and footnote definitions. It keeps its Markdown as written.
  raw_block: {
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { markdown: { default: "" }, html: { default: "" } },
    parseDOM: [
      {
        tag: "div[data-raw-markdown]",
        getAttrs: (dom) => ({ markdown: dom.getAttribute("data-raw-markdown"), html: dom.innerHTML }),
      },
    ],
    toDOM: (node) => ["div", { class: "raw-block", "data-raw-markdown": node.attrs.markdown }],
  },

  ...tables,

  text: { group: "inline" },

  image: {
    inline: true,
    group: "inline",
    draggable: true,
    attrs: { src: {}, alt: { default: "" }, title: { default: null } },
    parseDOM: [
      {
        tag: "img[src]",
        getAttrs: (dom) =>
          SAFE_IMAGE.test(dom.getAttribute("src").trim()) && {
            src: dom.getAttribute("src").trim(),
            alt: dom.getAttribute("alt") || "",
            title: dom.getAttribute("title"),
          },
      },
    ],
    toDOM: (node) => ["img", { src: node.attrs.src, alt: node.attrs.alt, title: node.attrs.title }],
  },

  footnote_ref: {
    inline: true,
    group: "inline",
    atom: true,
    attrs: { label: {} },
    parseDOM: [
      {
        tag: "sup.footnote-ref",
        getAttrs(dom) {
          const link = dom.querySelector("a[href^='#fn-']");
          return link ? { label: decodeURIComponent(link.getAttribute("href").slice(4)) } : false;
        },
      },
    ],
    toDOM: (node) => ["sup", { class: "footnote-ref" }, "[" + node.attrs.label + "]"],
  },

  hard_break: {
    inline: true,
    group: "inline",
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },
};

// A list whose items hold paragraphs was written with blank lines between them.
function isTight(list) {
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.tagName === "P") return false;
    }
  }
  return true;
}

const marks = {
  link: {
    attrs: { href: {}, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) =>
          isSafeLink(dom.getAttribute("href")) && { href: dom.getAttribute("href").trim(), title: dom.getAttribute("title") },
      },
    ],
    toDOM: (node) => ["a", { href: node.attrs.href, title: node.attrs.title }, 0],
  },

  em: {
    parseDOM: [{ tag: "i" }, { tag: "em" }],
    toDOM: () => ["em", 0],
  },

  strong: {
    // Bold written as a style (Google Docs) is made a tag by paste.js.
    parseDOM: [{ tag: "strong" }, { tag: "b" }],
    toDOM: () => ["strong", 0],
  },

  strike: {
    parseDOM: [{ tag: "del" }, { tag: "s" }],
    toDOM: () => ["del", 0],
  },

  code: {
    parseDOM: [{ tag: "code" }],
    toDOM: () => ["code", 0],
  },
};

export const schema = new Schema({ nodes, marks });
