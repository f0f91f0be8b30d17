// A text's outline (its top-level blocks, each with its Markdown and its
// rendered HTML, from the server) as an editor document, and the document
// as Markdown again.
//
// ProseMirror never changes a node in place: an edit makes new nodes for
// what it touched and keeps every other block as the same object. So each
// block the text was opened with remembers its Markdown, and writing the
// document back uses that Markdown for every block that is still the same
// object (or equal to one), and the blank lines that separated them. A text
// opened and saved without a change is the same bytes; after an edit, only
// the edited blocks are written anew.
import { DOMParser as ProseMirrorParser } from "prosemirror-model";
import { schema } from "./schema.js";
import { blockMarkdown } from "./markdown.js";

const parser = ProseMirrorParser.fromSchema(schema);

// The editor document of `outline` ({blocks: [{markdown, html, editable}], gaps}).
export function open(outline) {
  const nodes = outline.blocks.map((block) => {
    if (block.editable) {
      const body = new window.DOMParser().parseFromString(block.html, "text/html").body;
      const parsed = parser.parse(body);
      // A block that reads as anything but one editor block is kept as it was.
      if (parsed.childCount === 1 && !isEmptyParagraph(parsed.firstChild)) return parsed.firstChild;
    }
    return schema.nodes.raw_block.create({ markdown: block.markdown, html: block.html });
  });
  const doc = schema.node("doc", null, nodes.length ? nodes : [schema.nodes.paragraph.create()]);
  return { doc, origin: { doc, nodes, gaps: outline.gaps, sources: outline.blocks.map((b) => b.markdown) } };
}

function isEmptyParagraph(node) {
  return node.type.name === "paragraph" && node.childCount === 0;
}

// Which block of the opened text `node` is: the same object, or failing
// that an equal block not claimed yet; -1 for a block written since.
function originalIndex(node, origin, claimed) {
  let index = origin.nodes.indexOf(node);
  if (index >= 0 && !claimed.has(index)) return index;
  index = origin.nodes.findIndex((original, i) => !claimed.has(i) && original.eq(node));
  return index;
}

function hasContent(gap) {
  return /\S/.test(gap);
}

// The document as Markdown.
export function toMarkdown(doc, origin) {
  const text = origin.sources.reduce((all, source, i) => all + origin.gaps[i] + source, "") + origin.gaps[origin.gaps.length - 1];
  if (doc.eq(origin.doc)) return text;

  const claimed = new Set();
  const keptGaps = new Set();
  let out = "";
  let previous = -2;
  let first = true;
  doc.forEach((node) => {
    const index = originalIndex(node, origin, claimed);
    const markdown = index >= 0 ? origin.sources[index] : blockMarkdown(node);
    if (index < 0 && markdown === "") return;
    if (index >= 0) claimed.add(index);
    if (first) {
      if (index === 0) {
        out += origin.gaps[0];
        keptGaps.add(0);
      }
    } else if (index >= 0 && index === previous + 1) {
      out += origin.gaps[index];
      keptGaps.add(index);
    } else {
      out = out.replace(/\n*$/, "") + "\n\n";
    }
    out += markdown;
    previous = index;
    first = false;
  });
  // What renders to nothing between blocks (link reference definitions)
  // stays, at the end when its place is gone.
  const last = origin.gaps.length - 1;
  origin.gaps.forEach((gap, i) => {
    if (i < last && !keptGaps.has(i) && hasContent(gap)) out = out.replace(/\n*$/, "") + "\n\n" + gap.trim();
  });
  const ending = origin.gaps[last];
  return out === "" ? ending.replace(/^\s+/, "") : out + ending;
}
