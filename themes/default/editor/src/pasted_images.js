// Pictures that come with pasted text are uploaded to the media library,
// each after the writer has given its alternative text, and put where they
// stood; none is ever linked from elsewhere. Cleaning the paste leaves a
// mark in the text for each picture (`marker(n)`); once the paste is in,
// each mark becomes the uploaded picture, or goes.
//
// Where a picture's bytes are found:
// - Word puts pictures in the clipboard's RTF flavour (hex in `\pict`
//   groups), while its HTML points at files on the writer's disk
//   (`file:///…/clip_image001.png`) that a page cannot read;
// - LibreOffice and some pages send `data:` addresses;
// - a picture copied alone arrives as a file;
// - a picture of another site is left out, with a note, rather than
//   hot-linked: the admin's policy lets its pages connect to this site
//   alone (connect-src 'self'), which also keeps a script that got in from
//   sending anything elsewhere, so the writer saves it and uploads it.

const OPEN = "\uE000";
const CLOSE = "\uE001";

/** The mark that stands for the pasted picture number `n` until it is uploaded. */
export function marker(n) {
  return OPEN + n + CLOSE;
}

/** The pictures in Word's RTF flavour, in order: PNG and JPEG blips only
 * (each picture also comes as a Windows metafile for old readers, which is
 * skipped). */
export function rtfPictures(rtf) {
  if (!rtf) return [];
  const pictures = [];
  const starts = [];
  for (let at = rtf.indexOf("\\pict"); at >= 0; at = rtf.indexOf("\\pict", at + 5)) starts.push(at);
  starts.forEach((start, index) => {
    const group = rtf.slice(start, index + 1 < starts.length ? starts[index + 1] : rtf.length);
    const kind = /\\pngblip/.test(group) ? "image/png" : /\\jpegblip/.test(group) ? "image/jpeg" : null;
    if (!kind) return;
    const runs = group.match(/[0-9a-fA-F\r\n]{64,}/g) || [];
    const hex = runs.sort((a, b) => b.length - a.length)[0];
    if (!hex) return;
    const digits = hex.replace(/[\r\n]/g, "");
    const bytes = new Uint8Array(Math.floor(digits.length / 2));
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.substr(i * 2, 2), 16);
    pictures.push(new Blob([bytes], { type: kind }));
  });
  return pictures;
}

function dataAddressBlob(src) {
  const match = /^data:(image\/[a-z+.-]+);base64,([\s\S]*)$/i.exec(src);
  if (!match) return null;
  const text = atob(match[2].replace(/\s+/g, ""));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type: match[1].toLowerCase() });
}

/** The bytes of each pasted picture (or null), in the order of `images`. */
export function picturesOf(images, clipboard) {
  const fromWord = rtfPictures(clipboard.rtf);
  const files = clipboard.files.slice();
  const found = [];
  for (const { src } of images) {
    let blob = null;
    if (/^data:/i.test(src)) blob = dataAddressBlob(src);
    else if (/^file:/i.test(src) || src === "") blob = fromWord.shift() || files.shift() || null;
    found.push(blob && blob.type.startsWith("image/") ? blob : null);
  }
  return found;
}

/** Where mark `n` stands in `doc`: { from, to }, or null. */
export function findMarker(doc, n) {
  const wanted = marker(n);
  let found = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.isText) {
      const at = node.text.indexOf(wanted);
      if (at >= 0) found = { from: pos + at, to: pos + at + wanted.length };
    }
    return !found;
  });
  return found;
}
