// pamir's rich-text editor: the item's teaser and body edited as formatted
// text, stored as the same Markdown. It sits over each `textarea.markdown`
// of the item form and writes the Markdown back into the textarea on every
// change, so the form, its autosave and a page without JavaScript all work
// on the textarea as before. A switch shows the Markdown itself.
import { EditorState, Plugin, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { history, undo, redo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { baseKeymap, toggleMark, setBlockType, wrapIn, chainCommands, exitCode } from "prosemirror-commands";
import { wrapInList, splitListItem, liftListItem, sinkListItem } from "prosemirror-schema-list";
import { InputRule, inputRules, wrappingInputRule, textblockTypeInputRule, ellipsis, emDash } from "prosemirror-inputrules";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { tableEditing, goToNextCell, addRowAfter, addColumnAfter, deleteRow, deleteColumn } from "prosemirror-tables";
import { schema } from "./schema.js";
import { open, toMarkdown } from "./document.js";
import { blockMarkdown, escapeText } from "./markdown.js";
import { cleanPastedHtml } from "./paste.js";
import { findMarker, picturesOf } from "./pasted_images.js";
import { askForLink, askForImage, askForItem, askForMedia, askForFootnote } from "./dialogs.js";
import { startPictures } from "./pictures.js";

const form = document.querySelector("form.item-form");
const wordsElement = document.getElementById("editor-words");
if (form && wordsElement) {
  const words = wordsElement.dataset;
  const csrf = form.querySelector("input[name=csrf]").value;
  form.querySelectorAll("textarea.markdown").forEach((textarea) => start(textarea, words, csrf));
  startPictures(words, csrf);
}

async function fetchOutline(markdown, csrf) {
  const data = new URLSearchParams();
  data.set("csrf", csrf);
  data.set("markdown", markdown);
  const response = await fetch("/admin/items/outline", { method: "POST", body: data, credentials: "same-origin" });
  if (!response.ok) throw new Error("outline " + response.status);
  return response.json();
}

// Links to another item by its stable address (`/items/{id}`): on the
// selection, or as the item's title where nothing is selected.
function linkToItem(words) {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    askForItem(words).then((item) => {
      if (item) {
        const mark = schema.marks.link.create({ href: item.address });
        const { from, to, empty } = view.state.selection;
        const tr = empty
          ? view.state.tr.insert(from, schema.text(item.title, [mark]))
          : view.state.tr.addMark(from, to, mark);
        view.dispatch(tr.scrollIntoView());
      }
      view.focus();
    });
    return true;
  };
}

function inputRulesOf(words) {
  // Quotes stay as typed: Russian and Tajik write «», English “”.
  const rules = [ellipsis, emDash];
  // `[[`, as in a wiki: choose the item to link to.
  rules.push(
    new InputRule(/\[\[$/, (state, _match, start, end) => {
      // The rule has no view: the one typed in is the one with the focus.
      setTimeout(() => {
        const wrapper = document.activeElement && document.activeElement.closest(".rich");
        const view = wrapper && wrapper.editor && wrapper.editor.view;
        if (view) linkToItem(words)(view.state, view.dispatch, view);
      });
      return state.tr.delete(start, end);
    }),
  );
  rules.push(wrappingInputRule(/^\s*>\s$/, schema.nodes.blockquote));
  rules.push(wrappingInputRule(/^\s*([-+*])\s$/, schema.nodes.bullet_list));
  rules.push(
    wrappingInputRule(
      /^(\d+)\.\s$/,
      schema.nodes.ordered_list,
      (match) => ({ start: Number(match[1]) }),
      (match, node) => node.childCount + node.attrs.start === Number(match[1]),
    ),
  );
  rules.push(textblockTypeInputRule(/^(#{1,6})\s$/, schema.nodes.heading, (match) => ({ level: match[1].length })));
  return inputRules({ rules });
}

function keys(words) {
  const mod = {
    "Mod-k": toggleLink(words),
    "Mod-z": undo,
    "Shift-Mod-z": redo,
    "Mod-y": redo,
    "Mod-b": toggleMark(schema.marks.strong),
    "Mod-i": toggleMark(schema.marks.em),
    "Mod-`": toggleMark(schema.marks.code),
    "Shift-Enter": chainCommands(exitCode, (state, dispatch) => {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
      return true;
    }),
    Enter: splitListItem(schema.nodes.list_item),
    "Mod-[": liftListItem(schema.nodes.list_item),
    "Mod-]": sinkListItem(schema.nodes.list_item),
    "Mod-Alt-2": setBlockType(schema.nodes.heading, { level: 2 }),
    "Mod-Alt-3": setBlockType(schema.nodes.heading, { level: 3 }),
    "Mod-Alt-0": setBlockType(schema.nodes.paragraph),
  };
  // Tab moves between table cells; elsewhere it leaves the editor, as a
  // keyboard user expects of a form field.
  return [keymap({ Tab: goToNextCell(1), "Shift-Tab": goToNextCell(-1) }), keymap(mod), keymap(baseKeymap)];
}

function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks || $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

function blockActive(state, type, attrs = {}) {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type === type && Object.keys(attrs).every((key) => node.attrs[key] === attrs[key])) return true;
  }
  return false;
}

function toggleLink(words) {
  return (state, dispatch, view) => {
    const type = schema.marks.link;
    if (markActive(state, type)) {
      if (dispatch) toggleMark(type)(state, dispatch);
      return true;
    }
    if (state.selection.empty) return false;
    if (!dispatch) return true;
    askForLink(words).then((href) => {
      if (href) toggleMark(type, { href })(view.state, view.dispatch);
      view.focus();
    });
    return true;
  };
}

function insertTable(state, dispatch) {
  const cell = (header) => (header ? schema.nodes.table_header : schema.nodes.table_cell).create();
  const row = (header) => schema.nodes.table_row.create(null, [cell(header), cell(header)]);
  const table = schema.nodes.table.create(null, [row(true), row(false)]);
  if (dispatch) {
    const tr = state.tr.replaceSelectionWith(table);
    // The writer goes on typing in the first cell: find the table (the very
    // node inserted) and put the cursor inside its first cell.
    let at = null;
    tr.doc.descendants((node, pos) => {
      if (node === table) at = pos;
      return at === null;
    });
    if (at !== null) tr.setSelection(TextSelection.create(tr.doc, at + 3));
    dispatch(tr.scrollIntoView());
  }
  return true;
}

function insertRule(state, dispatch) {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.horizontal_rule.create()).scrollIntoView());
  return true;
}

// The image files among what was dropped or pasted.
function imageFiles(transfer) {
  if (!transfer || !transfer.files) return [];
  return Array.from(transfer.files).filter((file) => file.type.startsWith("image/"));
}

// The first of them.
function imageFile(transfer) {
  return imageFiles(transfer)[0] || null;
}

const EXTENSIONS = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg" };

// After a paste: each picture it held is uploaded (its alternative text
// asked first, the pasted words offered) and put in place of its mark, or
// its mark goes; the writer hears how many could not be brought in.
async function uploadPastedPictures(view, words, csrf, images, clipboard, announce) {
  const pictures = picturesOf(images, clipboard);
  let leftOut = 0;
  for (let n = 0; n < images.length; n++) {
    let image = null;
    const blob = pictures[n];
    if (blob) {
      const file = new File([blob], `pasted-${n + 1}.${EXTENSIONS[blob.type] || "img"}`, { type: blob.type });
      image = await askForImage(words, csrf, file, images[n].alt);
    } else {
      leftOut++;
    }
    const at = findMarker(view.state.doc, n);
    if (!at) continue;
    const tr = view.state.tr;
    if (image) {
      tr.replaceWith(at.from, at.to, schema.nodes.image.create(image));
    } else {
      tr.delete(at.from, at.to);
      // A paragraph that held only the picture goes with it.
      const $at = tr.doc.resolve(at.from);
      if ($at.parent.isTextblock && $at.parent.content.size === 0 && $at.depth > 0) tr.delete($at.before(), $at.after());
    }
    view.dispatch(tr);
  }
  if (leftOut) announce(words.pastedImages || "Some pictures could not be brought in: add them from the media library.");
  view.focus();
}

// Asks for the alternative text of `file`, uploads it and places it at `pos`
// (or the selection).
function placeImage(view, words, csrf, file, pos) {
  askForImage(words, csrf, file).then((image) => {
    if (image) {
      const node = schema.nodes.image.create(image);
      const tr = pos === null || pos === undefined ? view.state.tr.replaceSelectionWith(node) : view.state.tr.insert(pos, node);
      view.dispatch(tr.scrollIntoView());
    }
    view.focus();
  });
}

function insertImage(words, csrf) {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    askForImage(words, csrf).then((image) => {
      if (image) view.dispatch(view.state.tr.replaceSelectionWith(schema.nodes.image.create(image)).scrollIntoView());
      view.focus();
    });
    return true;
  };
}

// A sound or a film from the library, as a block of HTML the server
// renders (and sanitises) for the editor to show; it is kept as written.
function insertMedia(words, csrf) {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    askForMedia(words)
      .then(async (markdown) => {
        if (!markdown) return;
        const outline = await fetchOutline(markdown, csrf);
        const block = outline.blocks.find((b) => b.html) || { html: "" };
        const node = schema.nodes.raw_block.create({ markdown, html: block.html });
        view.dispatch(view.state.tr.replaceSelectionWith(node).scrollIntoView());
      })
      .finally(() => view.focus());
    return true;
  };
}

// The labels of the footnotes a document has: its references' and its
// definitions' (kept as written, `[^label]: …`).
function footnoteLabels(doc) {
  const labels = new Set();
  doc.descendants((node) => {
    if (node.type === schema.nodes.footnote_ref) labels.add(node.attrs.label);
    if (node.type === schema.nodes.raw_block) {
      const match = /^\[\^([^\]]+)\]:/.exec(node.attrs.markdown);
      if (match) labels.add(match[1]);
    }
  });
  return labels;
}

// A footnote: its mark at the cursor, numbered after the others, and its
// text at the end of the document, where Markdown's footnotes are written.
function insertFootnote(words, csrf) {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    askForFootnote(words)
      .then(async (note) => {
        if (!note) return;
        const used = footnoteLabels(view.state.doc);
        let number = 1;
        while (used.has(String(number))) number++;
        const label = String(number);
        const markdown = `[^${label}]: ${escapeText(note)}`;
        // The server renders a definition only with a reference to it.
        const outline = await fetchOutline(`x[^${label}]\n\n${markdown}\n`, csrf);
        const block = outline.blocks.find((b) => b.markdown.startsWith("[^")) || { html: "" };
        const tr = view.state.tr.replaceSelectionWith(schema.nodes.footnote_ref.create({ label }), false);
        tr.insert(tr.doc.content.size, schema.nodes.raw_block.create({ markdown, html: block.html }));
        view.dispatch(tr.scrollIntoView());
      })
      .finally(() => view.focus());
    return true;
  };
}

// The buttons: [word, command, is it on now?]
function tools(words, csrf) {
  const list = (type) => (state, dispatch) =>
    blockActive(state, type) ? liftListItem(schema.nodes.list_item)(state, dispatch) : wrapInList(type)(state, dispatch);
  const heading = (level) => (state, dispatch) =>
    blockActive(state, schema.nodes.heading, { level })
      ? setBlockType(schema.nodes.paragraph)(state, dispatch)
      : setBlockType(schema.nodes.heading, { level })(state, dispatch);
  return [
    ["bold", toggleMark(schema.marks.strong), (s) => markActive(s, schema.marks.strong)],
    ["italic", toggleMark(schema.marks.em), (s) => markActive(s, schema.marks.em)],
    ["link", toggleLink(words), (s) => markActive(s, schema.marks.link)],
    ["itemLink", linkToItem(words), null],
    ["heading", heading(2), (s) => blockActive(s, schema.nodes.heading, { level: 2 })],
    ["subheading", heading(3), (s) => blockActive(s, schema.nodes.heading, { level: 3 })],
    ["bullets", list(schema.nodes.bullet_list), (s) => blockActive(s, schema.nodes.bullet_list)],
    ["numbers", list(schema.nodes.ordered_list), (s) => blockActive(s, schema.nodes.ordered_list)],
    ["quote", wrapIn(schema.nodes.blockquote), (s) => blockActive(s, schema.nodes.blockquote)],
    ["image", insertImage(words, csrf), null],
    ["media", insertMedia(words, csrf), null],
    ["footnote", insertFootnote(words, csrf), null],
    ["table", insertTable, null],
    ["row", addRowAfter, null, true],
    ["column", addColumnAfter, null, true],
    ["deleteRow", deleteRow, null, true],
    ["deleteColumn", deleteColumn, null, true],
    ["rule", insertRule, null],
    ["undo", undo, null],
    ["redo", redo, null],
  ];
}

// A toolbar that follows the selection: marks and blocks in force are
// pressed, commands that cannot apply are disabled, table commands show
// only inside a table.
function toolbar(words, csrf, label) {
  const bar = document.createElement("div");
  bar.className = "toolbar rich-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", label);
  const buttons = tools(words, csrf).map(([word, command, isOn, tableOnly]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tool-" + word;
    button.textContent = words[word] || word;
    if (isOn) button.setAttribute("aria-pressed", "false");
    bar.append(button);
    return { button, command, isOn, tableOnly };
  });
  let view = null;
  bar.addEventListener("mousedown", (event) => {
    // Keep the selection in the text while a button is pressed.
    if (event.target.closest("button")) event.preventDefault();
  });
  buttons.forEach(({ button, command }) =>
    button.addEventListener("click", () => {
      if (!view) return;
      command(view.state, view.dispatch, view);
      view.focus();
    }),
  );
  const plugin = new Plugin({
    view(editorView) {
      view = editorView;
      const update = () => {
        const inTable = blockActive(view.state, schema.nodes.table);
        for (const { button, command, isOn, tableOnly } of buttons) {
          button.hidden = Boolean(tableOnly) && !inTable;
          button.disabled = !command(view.state, undefined, view);
          if (isOn) button.setAttribute("aria-pressed", String(isOn(view.state)));
        }
      };
      update();
      return { update };
    },
  });
  return { bar, plugin };
}

// Writes the document into the textarea a moment after each change, and at
// once when the form is sent; `hooks.flush` writes it now.
function syncPlugin(textarea, origin, hooks) {
  let timer = null;
  const write = (view) => {
    clearTimeout(timer);
    const markdown = toMarkdown(view.state.doc, origin);
    if (textarea.value !== markdown) {
      textarea.value = markdown;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  return new Plugin({
    view(view) {
      const onSubmit = () => write(view);
      form.addEventListener("submit", onSubmit);
      hooks.flush = () => write(view);
      return {
        update(view, previous) {
          if (view.state.doc === previous.doc) return;
          clearTimeout(timer);
          timer = setTimeout(() => write(view), 250);
        },
        // Whoever closes the editor decides whether its text is kept (flush).
        destroy() {
          clearTimeout(timer);
          form.removeEventListener("submit", onSubmit);
        },
      };
    },
  });
}

// Raw blocks show their HTML (sanitised by the server) and say why they
// cannot be edited here.
function rawBlockView(words) {
  return (node) => {
    const dom = document.createElement("div");
    dom.className = "raw-block";
    dom.setAttribute("data-raw-markdown", node.attrs.markdown);
    const note = document.createElement("p");
    note.className = "raw-note";
    note.textContent = words.raw || "Kept as written: edit it in Markdown.";
    const shown = new window.DOMParser().parseFromString(node.attrs.html, "text/html").body;
    const content = document.createElement("div");
    content.append(...shown.childNodes);
    dom.append(note, content);
    return { dom, ignoreMutation: () => true, stopEvent: () => false };
  };
}

async function start(textarea, words, csrf) {
  const field = textarea.closest(".field") || textarea.parentNode;
  const label = form.querySelector("label[for='" + textarea.id + "']");
  const help = textarea.getAttribute("aria-describedby");
  const markdownTools = textarea.previousElementSibling && textarea.previousElementSibling.classList.contains("toolbar")
    ? textarea.previousElementSibling
    : null;

  const wrapper = document.createElement("div");
  wrapper.className = "rich";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "show-markdown";
  toggle.textContent = words.markdown || "Markdown";
  toggle.setAttribute("aria-pressed", "false");
  toggle.setAttribute("aria-controls", textarea.id);
  let view = null;
  // What the clipboard held besides HTML, while a paste is read.
  let clipboard = null;
  const hooks = { flush: () => {} };

  async function showRich() {
    let outline;
    try {
      outline = await fetchOutline(textarea.value, csrf);
    } catch (error) {
      // No connection: the Markdown stays, nothing is lost.
      return false;
    }
    const opened = open(outline);
    const bar = toolbar(words, csrf, (words.toolbar || "Formatting") + (label ? ": " + label.textContent : ""));
    const state = EditorState.create({
      doc: opened.doc,
      plugins: [
        inputRulesOf(words),
        ...keys(words),
        history(),
        dropCursor(),
        gapCursor(),
        tableEditing(),
        bar.plugin,
        syncPlugin(textarea, opened.origin, hooks),
      ],
    });
    const surface = document.createElement("div");
    surface.className = "rich-surface";
    wrapper.replaceChildren(bar.bar, surface);
    // Before the editor reads a paste: Word's pictures travel in its RTF.
    surface.addEventListener(
      "paste",
      (event) => {
        const data = event.clipboardData;
        clipboard = data ? { rtf: data.getData("text/rtf"), files: imageFiles(data) } : null;
      },
      true,
    );
    view = new EditorView(surface, {
      state,
      nodeViews: { raw_block: rawBlockView(words) },
      attributes: {
        class: "rich-text",
        role: "textbox",
        "aria-multiline": "true",
        ...(label ? { "aria-labelledby": label.id } : {}),
        ...(help ? { "aria-describedby": help } : {}),
        spellcheck: "true",
        lang: form.querySelector("[name=lang]") ? form.querySelector("[name=lang]").value : "",
      },
      // An image file dropped or pasted into the text is uploaded, after
      // the writer has given its alternative text.
      handleDrop(dropView, event) {
        const file = imageFile(event.dataTransfer);
        if (!file) return false;
        event.preventDefault();
        const at = dropView.posAtCoords({ left: event.clientX, top: event.clientY });
        placeImage(dropView, words, csrf, file, at && at.pos);
        return true;
      },
      // A picture pasted alone is placed as a dropped one; text with
      // pictures is pasted, then its pictures are uploaded into place
      // (ProseMirror reads the HTML before it asks this, so what else the
      // clipboard holds is kept by the listener on the surface below).
      handlePaste(pasteView, event) {
        const data = event.clipboardData;
        const files = imageFiles(data);
        if (data && !data.getData("text/html") && files.length) {
          event.preventDefault();
          placeImage(pasteView, words, csrf, files[0], null);
          return true;
        }
        return false;
      },
      transformPastedHTML(html) {
        const cleaned = cleanPastedHtml(html);
        if (cleaned.images.length) {
          const pasted = clipboard || { rtf: "", files: [] };
          // Once the paste is in the document.
          setTimeout(() => uploadPastedPictures(view, words, csrf, cleaned.images, pasted, announce));
        }
        clipboard = null;
        return cleaned.html;
      },
    });
    // For tests and the curious: the view, how one of its blocks would be
    // written, and how an outline opens.
    wrapper.editor = { view, markdownOf: blockMarkdown, open };
    textarea.hidden = true;
    if (markdownTools) markdownTools.hidden = true;
    wrapper.hidden = false;
    toggle.setAttribute("aria-pressed", "false");
    return true;
  }

  function showMarkdown() {
    if (view) {
      hooks.flush();
      view.destroy();
      view = null;
    }
    wrapper.hidden = true;
    wrapper.replaceChildren();
    textarea.hidden = false;
    if (markdownTools) markdownTools.hidden = false;
    toggle.setAttribute("aria-pressed", "true");
    textarea.focus();
  }

  const status = document.createElement("p");
  status.className = "rich-status";
  status.setAttribute("role", "status");
  function announce(text) {
    status.textContent = text;
  }

  toggle.addEventListener("click", () => (view ? showMarkdown() : showRich().then((ok) => ok && view.focus())));
  if (label) {
    if (!label.id) label.id = textarea.id + "-label";
    label.addEventListener("click", (event) => {
      if (view) {
        event.preventDefault();
        view.focus();
      }
    });
  }
  // Text put into the textarea by someone else (autosave restoring a
  // draft) is opened again in the editor.
  textarea.addEventListener("change", () => {
    if (!view) return;
    view.destroy();
    view = null;
    showRich();
  });
  wrapper.hidden = true;
  field.insertBefore(wrapper, markdownTools || textarea);
  field.insertBefore(toggle, wrapper);
  textarea.after(status);
  await showRich();
}
