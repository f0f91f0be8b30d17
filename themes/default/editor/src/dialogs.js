import { isSafeLink } from "./schema.js";

// The editor's two questions, as modal dialogs with labelled fields: the
// address of a link, and an image to upload with its alternative text.

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

let counter = 0;
function field(labelText, input) {
  input.id = input.id || "editor-field-" + ++counter;
  return element("p", {}, element("label", { for: input.id }, labelText), " ", input);
}

// A modal dialog whose form resolves with `read(form)` on OK, null on cancel.
function ask(title, body, words, read) {
  return new Promise((resolve) => {
    const heading = element("h2", { id: "editor-dialog-" + ++counter }, title);
    const problem = element("p", { class: "error", role: "alert", hidden: true });
    const ok = element("button", { type: "submit" }, words.ok || "OK");
    const cancel = element("button", { type: "button", class: "secondary" }, words.cancel || "Cancel");
    const formElement = element("form", { method: "dialog" }, heading, ...body, problem, element("p", {}, ok, " ", cancel));
    const dialog = element("dialog", { class: "editor-dialog", "aria-labelledby": heading.id }, formElement);
    document.body.append(dialog);
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    cancel.addEventListener("click", () => finish(null));
    dialog.addEventListener("cancel", () => finish(null));
    formElement.addEventListener("submit", async (event) => {
      event.preventDefault();
      ok.disabled = true;
      try {
        const value = await read(formElement);
        finish(value);
      } catch (error) {
        problem.textContent = error.message;
        problem.hidden = false;
        ok.disabled = false;
      }
    });
    dialog.showModal();
  });
}

export function askForLink(words) {
  const input = element("input", { type: "text", inputmode: "url", name: "href", required: true, placeholder: "https://" });
  return ask(words.link || "Link", [field(words.linkAddress || "Address", input)], words, () => {
    const href = input.value.trim();
    if (!isSafeLink(href)) throw new Error(words.linkUnsafe || "A link goes to a web address (https://...), an e-mail address (mailto:) or a page of this site (/...).");
    return href;
  });
}

// Sends the file to the media library with its alternative text, showing
// the upload's progress; resolves with the library's address of the image.
function uploadImage(file, alt, decorative, csrf, progress, words, caption = "", credit = "") {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    data.set("csrf", csrf);
    data.set("file", file);
    document.querySelectorAll("form.item-form [name=lang]").forEach((lang) => {
      data.set("alt_" + lang.value, alt);
      data.set("caption_" + lang.value, caption);
    });
    data.set("credit", credit);
    if (decorative) data.set("decorative", "on");
    const request = new XMLHttpRequest();
    request.open("POST", "/admin/media/upload");
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress.value = event.loaded / event.total;
    });
    request.addEventListener("load", () => {
      let answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (error) {
        answer = null;
      }
      if (request.status === 200 && answer && answer.url) resolve(answer);
      else reject(new Error((answer && answer.error) || words.uploadFailed || "The upload failed."));
    });
    request.addEventListener("error", () => reject(new Error(words.uploadFailed || "The upload failed.")));
    request.send(data);
  });
}

// `given`: a file dropped or pasted into the text, which needs no choosing;
// `suggested`: alternative text it came with, for the writer to check.
export function askForImage(words, csrf, given = null, suggested = "") {
  const file = element("input", { type: "file", name: "file", accept: "image/*", required: !given });
  const alt = element("input", { name: "alt", "aria-describedby": "editor-alt-help", value: suggested || null });
  const altHelp = element("span", { class: "help", id: "editor-alt-help" }, words.altHelp || "");
  const decorative = element("input", { type: "checkbox", name: "decorative", id: "editor-decorative" });
  const progress = element("progress", { max: "1", value: "0", hidden: true, "aria-label": words.uploading || "Uploading" });
  // Shown under the picture on the page (a figure's caption), with the credit.
  const caption = element("input", { name: "caption" });
  const credit = element("input", { name: "credit", autocomplete: "off" });
  const chosen = given ? element("p", {}, given.name) : field(words.imageFile || "Image", file);
  const body = [
    chosen,
    element("p", {}, element("label", { for: alt.id || (alt.id = "editor-alt") }, words.alt || "Alternative text"), " ", alt, " ", altHelp),
    element("p", { class: "check" }, decorative, " ", element("label", { for: decorative.id }, words.decorative || "Decorative")),
    field(words.imageCaption || "Caption (shown under the picture)", caption),
    field(words.imageCredit || "Credit (the photographer or the source)", credit),
    progress,
  ];
  return ask(words.image || "Image", body, words, async () => {
    const text = alt.value.trim();
    if (!text && !decorative.checked) throw new Error(words.altNeeded || "Describe the image, or mark it decorative.");
    const upload = given || file.files[0];
    if (!upload) throw new Error(words.imageFile || "Image");
    progress.hidden = false;
    const said = caption.value.trim();
    const answer = await uploadImage(upload, text, decorative.checked, csrf, progress, words, said, credit.value.trim());
    // The caption travels with the picture in the text, as its title.
    return { src: answer.url, alt: decorative.checked ? "" : text, title: said || null, id: answer.id };
  });
}

// Finds an item by its title as the writer types; resolves with the chosen
// item ({ address, title }), whose address survives a change of its slug.
// Only items in the language of the item being written are offered.
export function askForItem(words) {
  const search = element("input", { type: "search", name: "q", autocomplete: "off" });
  const legend = element("legend", {}, words.itemsFound || "Items");
  const choices = element("fieldset", { class: "item-choices" }, legend);
  const none = element("p", { class: "help" }, words.noItems || "No item has these words.");
  let found = [];
  let timer = null;
  async function refresh() {
    const lang = document.querySelector("form.item-form [name=lang]");
    const query = "q=" + encodeURIComponent(search.value) + "&lang=" + encodeURIComponent(lang ? lang.value : "");
    const response = await fetch("/admin/items/find?" + query, { credentials: "same-origin" });
    found = response.ok ? await response.json() : [];
    choices.replaceChildren(legend);
    found.forEach((item, index) => {
      const radio = element("input", { type: "radio", name: "item", value: String(index), id: "editor-item-" + item.id });
      if (index === 0) radio.checked = true;
      const label = element("label", { for: radio.id }, item.title + " (" + item.lang + ")");
      choices.append(element("p", { class: "check" }, radio, " ", label));
    });
    none.hidden = found.length > 0;
  }
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  });
  refresh();
  return ask(words.itemLink || "Link to an item", [field(words.findItem || "Find an item", search), choices, none], words, (form) => {
    const chosen = form.querySelector("input[name=item]:checked");
    if (!chosen) throw new Error(words.noItems || "No item has these words.");
    const item = found[Number(chosen.value)];
    return { address: item.address, title: item.title };
  });
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Chooses a sound or a film from the media library, with a caption;
// resolves with the Markdown that shows it (an HTML figure, which the
// site's sanitiser keeps), or null.
export function askForMedia(words) {
  const search = element("input", { type: "search", name: "q", autocomplete: "off" });
  const audio = element("input", { type: "radio", name: "kind", value: "audio", id: "editor-kind-audio", checked: true });
  const video = element("input", { type: "radio", name: "kind", value: "video", id: "editor-kind-video" });
  const kinds = element(
    "fieldset",
    { class: "media-kinds" },
    element("legend", {}, words.mediaKind || "Kind"),
    element("span", { class: "check" }, audio, " ", element("label", { for: audio.id }, words.audio || "Sound")),
    " ",
    element("span", { class: "check" }, video, " ", element("label", { for: video.id }, words.video || "Film")),
  );
  const legend = element("legend", {}, words.mediaFound || "In the library");
  const choices = element("fieldset", { class: "item-choices" }, legend);
  const none = element("p", { class: "help" }, words.noMedia || "The library has no such file.");
  const caption = element("input", { name: "caption" });
  let found = [];
  let timer = null;
  const kind = () => (video.checked ? "video" : "audio");
  async function refresh() {
    const query = "kind=" + kind() + "&q=" + encodeURIComponent(search.value);
    const response = await fetch("/admin/media/find?" + query, { credentials: "same-origin" });
    found = response.ok ? await response.json() : [];
    choices.replaceChildren(legend);
    found.forEach((media, index) => {
      const radio = element("input", { type: "radio", name: "media", value: String(index), id: "editor-media-" + media.id });
      if (index === 0) radio.checked = true;
      choices.append(element("p", { class: "check" }, radio, " ", element("label", { for: radio.id }, media.name)));
    });
    none.hidden = found.length > 0;
  }
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  });
  audio.addEventListener("change", refresh);
  video.addEventListener("change", refresh);
  refresh();
  const body = [kinds, field(words.findMedia || "Find a file", search), choices, none, field(words.caption || "Caption", caption)];
  return ask(words.media || "Sound or film", body, words, (form) => {
    const chosen = form.querySelector("input[name=media]:checked");
    if (!chosen) throw new Error(words.noMedia || "The library has no such file.");
    const media = found[Number(chosen.value)];
    const player = kind() === "video"
      ? `<video controls preload="metadata" src="${escapeHtml(media.url)}"></video>`
      : `<audio controls preload="metadata" src="${escapeHtml(media.url)}"></audio>`;
    const text = caption.value.trim() || media.caption;
    const figcaption = text ? `\n<figcaption>${escapeHtml(text)}</figcaption>` : "";
    return `<figure>\n${player}${figcaption}\n</figure>`;
  });
}

// The text of a new footnote; resolves with it, or null.
export function askForFootnote(words) {
  const text = element("textarea", { name: "note", rows: "3", required: true });
  return ask(words.footnote || "Footnote", [field(words.footnoteText || "The note's text", text)], words, () => {
    const note = text.value.trim().replace(/\s*\n\s*/g, " ");
    if (!note) throw new Error(words.footnoteEmpty || "Write the note's text.");
    return note;
  });
}
