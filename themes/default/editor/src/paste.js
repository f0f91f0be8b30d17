import { marker } from "./pasted_images.js";

// Pasted HTML made plain before the editor reads it. The schema already
// drops what it has no rule for (fonts, colours, classes, inline styles,
// spans); this step handles what would otherwise survive in the wrong shape:
// Word's lists written as paragraphs with a bullet glyph, its conditional
// comments and <o:p> tags, and empty paragraphs. Pictures are taken out
// and marked, to be uploaded rather than linked (pasted_images.js).

// The admin's Content-Security-Policy allows no inline styles, so the
// browser does not apply a pasted style attribute (element.style is empty):
// the meaning a paste carries in its styles is read from the attribute text.
function styles(element) {
  const found = {};
  for (const declaration of (element.getAttribute("style") || "").split(";")) {
    const at = declaration.indexOf(":");
    if (at > 0) found[declaration.slice(0, at).trim().toLowerCase()] = declaration.slice(at + 1).trim().toLowerCase();
  }
  return found;
}

const BOLD = /^(bold(er)?|[6-9]00)$/;

// Bold, italic and struck-out text written as styles become the tags that
// say so; Google Docs' wrapper, a <b> styled not bold, goes.
function stylesAsTags(body) {
  const doc = body.ownerDocument;
  for (const element of Array.from(body.querySelectorAll("[style]"))) {
    const style = styles(element);
    if (element.tagName === "B" && style["font-weight"] && !BOLD.test(style["font-weight"])) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    if (element.tagName !== "SPAN") continue;
    const wraps = [];
    if (BOLD.test(style["font-weight"] || "")) wraps.push("strong");
    if (style["font-style"] === "italic") wraps.push("em");
    if ((style["text-decoration"] || style["text-decoration-line"] || "").includes("line-through")) wraps.push("del");
    for (const tag of wraps) {
      const wrapper = doc.createElement(tag);
      wrapper.append(...element.childNodes);
      element.append(wrapper);
    }
  }
}

// A table cell in the editor holds a line of text: the paragraphs Word and
// web pages put in cells become that line.
function cellsAsLines(body) {
  for (const cell of body.querySelectorAll("td, th")) {
    const blocks = Array.from(cell.querySelectorAll("p, div, h1, h2, h3, h4, h5, h6"));
    blocks.forEach((block, index) => {
      if (index > 0) block.before(" ");
      block.replaceWith(...block.childNodes);
    });
  }
}

// Word marks a list paragraph with mso-list in its style, and the bullet or
// number it shows in a span styled mso-list:Ignore.
function isWordListParagraph(element) {
  return element.tagName === "P" && /mso-list:\s*l\d/i.test(element.getAttribute("style") || "");
}

function wordListMarker(paragraph) {
  const marker = Array.from(paragraph.querySelectorAll("span")).find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute("style") || ""),
  );
  return marker;
}

// Consecutive Word list paragraphs become one <ul> or <ol>.
function wordListsAsLists(body) {
  const paragraphs = Array.from(body.querySelectorAll("p")).filter(isWordListParagraph);
  let list = null;
  let previous = null;
  for (const paragraph of paragraphs) {
    const marker = wordListMarker(paragraph);
    const ordered = marker ? /^\s*[0-9a-zA-Z]{1,3}[.)]/.test(marker.textContent) : false;
    if (marker) marker.remove();
    const adjacent = previous && previous.nextElementSibling === paragraph;
    if (!list || !adjacent || (list.tagName === "OL") !== ordered) {
      list = body.ownerDocument.createElement(ordered ? "ol" : "ul");
      paragraph.before(list);
    }
    const item = body.ownerDocument.createElement("li");
    item.append(...paragraph.childNodes);
    list.append(item);
    paragraph.remove();
    // The next paragraph of the list now follows the list itself.
    previous = list;
  }
}

function removeComments(node) {
  const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.remove());
}

function isBlank(element) {
  return element.textContent.replace(/[\s\u00a0\u200b]/g, "") === "" && !element.querySelector("img");
}

// The pasted HTML cleaned, with a mark where each picture stood and the
// pictures' addresses and words (the editor uploads them, see
// pasted_images.js).
export function cleanPastedHtml(html) {
  const doc = new window.DOMParser().parseFromString(html, "text/html");
  const body = doc.body;
  removeComments(body);
  body.querySelectorAll("style, script, meta, link, title, xml").forEach((element) => element.remove());
  // <o:p> and other namespaced Office tags: their text stays.
  Array.from(body.getElementsByTagName("*"))
    .filter((element) => element.tagName.includes(":"))
    .forEach((element) => element.replaceWith(...element.childNodes));
  wordListsAsLists(body);
  stylesAsTags(body);
  cellsAsLines(body);
  // Line breaks between paragraphs (Google Docs puts them there) say nothing.
  body.querySelectorAll(":scope > br").forEach((br) => br.remove());
  // A list item holding one paragraph is a line of a tight list.
  body.querySelectorAll("li").forEach((item) => {
    const only = item.children.length === 1 && item.firstElementChild;
    if (only && only.tagName === "P" && item.textContent.trim() === only.textContent.trim()) only.replaceWith(...only.childNodes);
  });
  const images = [];
  body.querySelectorAll("img").forEach((image) => {
    image.replaceWith(doc.createTextNode(marker(images.length)));
    images.push({ src: (image.getAttribute("src") || "").trim(), alt: (image.getAttribute("alt") || "").trim() });
  });
  body.querySelectorAll("p, h1, h2, h3, h4, h5, h6, li").forEach((element) => {
    if (isBlank(element)) element.remove();
  });
  return { html: body.innerHTML, images };
}
