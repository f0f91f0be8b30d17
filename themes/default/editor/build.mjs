// Bundles the editor into ../static/editor.js: one minified file with no
// source map or build path in it, so that the same sources and lockfile
// give the same bytes on any machine (CI rebuilds it and compares).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../static/editor.js", import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL("src/main.js", import.meta.url))],
  outfile: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  charset: "utf8",
  banner: { js: "// pamir's rich-text editor, built from themes/default/editor by `npm run build`: edit the sources there." },
  logLevel: "warning",
});
const bytes = readFileSync(out);
const gzip = gzipSync(bytes, { level: 9 }).length;
console.log(`editor.js: ${bytes.length} bytes, ${gzip} gzip`);
// The budget for the editor's script over a slow link.
const BUDGET = 150 * 1024;
if (gzip > BUDGET) {
  console.error(`editor.js is ${gzip} bytes gzip, over its budget of ${BUDGET}`);
  process.exit(1);
}
