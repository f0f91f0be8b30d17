// The cover picture and the gallery shown as pictures: a thumbnail of each,
// pictures added from the library or uploaded (dropped, or chosen, with
// their alternative text and a progress bar, as in the text), and the
// gallery put in order by dragging or from the keyboard. The two selects
// stay the form's fields and are kept in step (a multiple select sends its
// chosen options in the order they stand), so the form, its drafts and a
// page without JavaScript all work on them as before.
import { askForImage, element } from "./dialogs.js";

function button(text, attributes = {}) {
  return element("button", { type: "button", ...attributes }, text);
}

// "{name} is now picture {position} of {count}."
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function thumbnail(option) {
  const src = option.dataset.thumb;
  return src ? element("img", { src, alt: "", width: "64", height: "48", loading: "lazy" }) : element("span", { class: "no-thumb" });
}

// Uploads each file, asking for its alternative text, one after another;
// resolves with the library's options made for those that went in.
async function uploadAll(files, words, csrf) {
  const added = [];
  for (const file of files) {
    if (!file.type.startsWith("image/")) continue;
    const image = await askForImage(words, csrf, file);
    if (!image) continue;
    const path = image.src.replace(/^\/media\//, "");
    const label = path + " — " + (image.alt || words.decorativeShort || "(decorative)");
    added.push({ id: String(image.id), label, thumb: image.src });
  }
  return added;
}

// A picture new to the library, offered by both fields.
function offer(selects, picture) {
  for (const select of selects) {
    if (!select || select.querySelector(`option[value="${picture.id}"]`)) continue;
    select.append(element("option", { value: picture.id, "data-thumb": picture.thumb }, picture.label));
  }
}

function acceptsFiles(target, onFiles) {
  target.addEventListener("dragover", (event) => {
    if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes("Files")) return;
    event.preventDefault();
    target.classList.add("dropping");
  });
  target.addEventListener("dragleave", () => target.classList.remove("dropping"));
  target.addEventListener("drop", (event) => {
    target.classList.remove("dropping");
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    onFiles(Array.from(event.dataTransfer.files));
  });
}

function filePicker(text, multiple, onFiles) {
  const input = element("input", { type: "file", accept: "image/*", multiple, hidden: true, tabindex: "-1" });
  const open = button(text);
  open.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const files = Array.from(input.files);
    input.value = "";
    if (files.length) onFiles(files);
  });
  return [open, input];
}

function coverWidget(select, gallery, words, csrf) {
  const preview = element("span", { class: "cover-preview" });
  const show = () => {
    const chosen = select.selectedOptions[0];
    preview.replaceChildren(chosen && chosen.value ? thumbnail(chosen) : "");
  };
  const uploadInto = async (files) => {
    const [picture] = await uploadAll(files.slice(0, 1), words, csrf);
    if (!picture) return;
    offer([select, gallery], picture);
    select.value = picture.id;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const [upload, input] = filePicker(words.coverUpload || "Upload a picture…", false, uploadInto);
  const box = element("div", { class: "cover-picture" }, preview, " ", upload, input);
  select.after(box);
  acceptsFiles(box, uploadInto);
  select.addEventListener("change", show);
  show();
}

function galleryWidget(select, cover, words, csrf) {
  const label = document.querySelector("label[for='gallery']");
  if (label) label.id = label.id || "gallery-label";
  const list = element("ol", { class: "picture-list", "aria-labelledby": label ? label.id : null, id: "gallery-pictures" });
  const empty = element("p", { class: "help" }, words.galleryEmpty || "No pictures yet: add them from the library, or drop them here.");
  const status = element("p", { class: "visually-hidden", role: "status" });
  const add = element("select", { id: "gallery-add" });
  const addLabel = element("label", { for: "gallery-add" }, words.galleryAddLabel || "A picture from the library");
  const addButton = button(words.galleryAdd || "Add to the gallery");
  const [upload, input] = filePicker(words.galleryUpload || "Upload pictures…", true, (files) => uploadInto(files));
  const box = element(
    "div",
    { class: "gallery-pictures" },
    list,
    empty,
    status,
    element("p", {}, addLabel, " ", add, " ", addButton),
    element("p", {}, upload, input),
  );
  select.hidden = true;
  select.after(box);

  const optionOf = (id) => select.querySelector(`option[value="${id}"]`);
  const nameOf = (id) => (optionOf(id) ? optionOf(id).textContent : id);

  // The form's field follows the list: chosen options first, in its order.
  function sync() {
    const ids = Array.from(list.children, (item) => item.dataset.id);
    for (const id of ids) {
      const option = optionOf(id);
      if (option) {
        option.selected = true;
        select.append(option);
      }
    }
    for (const option of Array.from(select.options)) {
      if (!ids.includes(option.value)) {
        option.selected = false;
        select.append(option);
      }
    }
    empty.hidden = ids.length > 0;
    const offered = Array.from(select.options).filter((option) => !ids.includes(option.value));
    add.replaceChildren(...offered.map((option) => element("option", { value: option.value }, option.textContent)));
    addButton.disabled = offered.length === 0;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function say(id) {
    const items = Array.from(list.children);
    const position = items.findIndex((item) => item.dataset.id === id) + 1;
    status.textContent = fill(words.pictureMoved || "{name} is now picture {position} of {count}.", {
      name: nameOf(id),
      position,
      count: items.length,
    });
  }

  function move(item, by) {
    const items = Array.from(list.children);
    const to = items.indexOf(item) + by;
    if (to < 0 || to >= items.length) return;
    if (by < 0) list.insertBefore(item, items[to]);
    else list.insertBefore(item, items[to].nextSibling);
    sync();
    say(item.dataset.id);
  }

  function entry(option) {
    const id = option.value;
    const up = button("↑", { class: "move-up", "aria-label": fill(words.moveUp || "Move {name} up", { name: option.textContent }) });
    const down = button("↓", { class: "move-down", "aria-label": fill(words.moveDown || "Move {name} down", { name: option.textContent }) });
    const remove = button(words.remove || "Remove", { class: "secondary", "aria-label": fill(words.removeNamed || "Remove {name}", { name: option.textContent }) });
    const item = element("li", { "data-id": id, draggable: "true" }, thumbnail(option), " ", element("span", { class: "picture-name" }, option.textContent), " ", up, " ", down, " ", remove);
    up.addEventListener("click", () => {
      move(item, -1);
      up.focus();
    });
    down.addEventListener("click", () => {
      move(item, 1);
      down.focus();
    });
    // Alt+Arrow moves the picture from any of its buttons.
    item.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      const focused = document.activeElement;
      move(item, event.key === "ArrowUp" ? -1 : 1);
      if (focused) focused.focus();
    });
    remove.addEventListener("click", () => {
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      sync();
      status.textContent = fill(words.pictureRemoved || "{name} is no longer in the gallery.", { name: option.textContent });
      (next ? next.querySelector(".move-up") : add).focus();
    });
    item.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("application/x-pamir-picture", id);
      event.dataTransfer.effectAllowed = "move";
      item.classList.add("dragging");
    });
    item.addEventListener("dragend", () => item.classList.remove("dragging"));
    return item;
  }

  // A picture dragged within the list lands before the one it is dropped on
  // (after it, on its lower half).
  list.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("application/x-pamir-picture")) event.preventDefault();
  });
  list.addEventListener("drop", (event) => {
    const id = event.dataTransfer && event.dataTransfer.getData("application/x-pamir-picture");
    if (!id) return;
    event.preventDefault();
    const moved = list.querySelector(`li[data-id="${id}"]`);
    const target = event.target.closest && event.target.closest("li");
    if (!moved || !target || target === moved) return;
    const box = target.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    list.insertBefore(moved, after ? target.nextSibling : target);
    sync();
    say(id);
  });

  function append(option) {
    if (list.querySelector(`li[data-id="${option.value}"]`)) return;
    list.append(entry(option));
  }

  async function uploadInto(files) {
    for (const picture of await uploadAll(files, words, csrf)) {
      offer([select, cover], picture);
      append(optionOf(picture.id));
    }
    sync();
  }
  acceptsFiles(box, uploadInto);

  addButton.addEventListener("click", () => {
    const option = optionOf(add.value);
    if (!option) return;
    append(option);
    sync();
    say(option.value);
  });

  for (const option of Array.from(select.selectedOptions)) append(option);
  sync();
}

export function startPictures(words, csrf) {
  const cover = document.getElementById("image");
  const gallery = document.getElementById("gallery");
  if (cover) coverWidget(cover, gallery, words, csrf);
  if (gallery) galleryWidget(gallery, cover, words, csrf);
}
