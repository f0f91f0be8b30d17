// Pasted HTML made plain before the editor reads it. The schema already
// drops what it has no rule for (fonts, colours, classes, inline styles,
// spans); this step handles what would otherwise survive in the wrong shape:
// Word's lists written as paragraphs with a bullet glyph, its conditional
// comments and <o:p> tags, empty paragraphs, and images from elsewhere,
// which a page of ours never links to.

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

// The pasted HTML cleaned, and how many images were left out (for the
// editor to tell the writer to add them from the media library).
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
  let imagesLeftOut = 0;
  body.querySelectorAll("img").forEach((image) => {
    image.remove();
    imagesLeftOut++;
  });
  body.querySelectorAll("p, h1, h2, h3, h4, h5, h6, li").forEach((element) => {
    if (isBlank(element)) element.remove();
  });
  return { html: body.innerHTML, imagesLeftOut };
}
