// Word's pictures read from its RTF clipboard flavour.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rtfPictures, picturesOf } from "../src/pasted_images.js";

const PNG_START = "89504e470d0a1a0a";

function rtf(...groups) {
  return "{\\rtf1\\ansi{\\fonttbl{\\f0 Calibri;}}\\pard Text\\par " + groups.join("") + "\\par}";
}

// A picture as Word writes it: its PNG (hex, in lines), and the same
// picture again as a Windows metafile for readers that cannot show PNG.
function wordPicture(hex) {
  const lines = hex.replace(/(.{128})/g, "$1\r\n");
  return (
    "{\\*\\shppict{\\pict{\\*\\picprop}\\picw1587\\pich1058\\pngblip{\\*\\blipuid 0123456789abcdef0123456789abcdef}" +
    lines +
    "}}{\\nonshppict{\\pict\\picw1587\\pich1058\\wmetafile8 " +
    "0a".repeat(200) +
    "}}"
  );
}

test("each PNG or JPEG picture is read once, in order, and its metafile copy is not", async () => {
  const first = PNG_START + "00".repeat(100);
  const second = "ffd8ffe0" + "11".repeat(100);
  const jpeg = "{\\*\\shppict{\\pict\\jpegblip " + second + "}}";
  const found = rtfPictures(rtf(wordPicture(first), jpeg));
  assert.deepEqual(found.map((blob) => blob.type), ["image/png", "image/jpeg"]);
  const bytes = new Uint8Array(await found[0].arrayBuffer());
  assert.equal(bytes.length, first.length / 2, "the picture id is not part of it, line ends are not either");
  assert.deepEqual(Array.from(bytes.slice(0, 4)), [0x89, 0x50, 0x4e, 0x47]);
});

test("a clipboard without RTF has no pictures of Word's", () => {
  assert.deepEqual(rtfPictures(""), []);
  assert.deepEqual(rtfPictures(undefined), []);
});

test("pictures are matched to the pasted images in order: Word's by their files, data addresses read, other sites' left out", async () => {
  const images = [
    { src: "file:///C:/Users/officer/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" },
    { src: "https://pictures.elsewhere.example/logo.png" },
    { src: "data:image/png;base64,iVBORw0KGgo=" },
  ];
  const found = picturesOf(images, { rtf: rtf(wordPicture(PNG_START + "00".repeat(40))), files: [] });
  assert.equal(found.length, 3);
  assert.equal(found[0].type, "image/png");
  assert.equal(found[1], null, "never fetched from elsewhere");
  assert.deepEqual(Array.from(new Uint8Array(await found[2].arrayBuffer())), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});
