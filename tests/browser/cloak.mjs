// Looks for an e-mail address (or recognisable parts of it) in text the way a
// harvester would: as is, after decoding HTML character references,
// percent-encoding and string escapes, with tags stripped, and inside every
// base64-looking run of 8 or more characters.

import { decodeEntities, decodeStringEscapes, percentDecode } from './html.mjs';

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

const DECODERS = [
  ['entities', decodeEntities],
  ['percent', percentDecode],
  ['escapes', decodeStringEscapes],
  ['tags stripped', (s) => s.replace(/<[^>]*>/g, '')],
];

/** Every string reachable from `text` through up to `depth` decoders, labelled by the path taken. */
function decodedVariants(text, depth) {
  const seen = new Map([[text, 'raw']]);
  let frontier = [[text, 'raw']];
  for (let d = 0; d < depth; d++) {
    const next = [];
    for (const [s, label] of frontier) {
      for (const [name, fn] of DECODERS) {
        const out = fn(s);
        if (!seen.has(out)) {
          const l = label === 'raw' ? name : `${label} + ${name}`;
          seen.set(out, l);
          next.push([out, l]);
        }
      }
    }
    frontier = next;
  }
  return [...seen.entries()];
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

function base64Candidates(s) {
  const out = new Set();
  for (const m of s.matchAll(BASE64_RUN)) {
    const run = m[0];
    const pieces = new Set([run, ...run.split('/').filter((p) => p.length >= 8)]);
    for (const piece of pieces) {
      for (let shift = 0; shift < 4 && piece.length - shift >= 8; shift++) {
        const buf = Buffer.from(piece.slice(shift), 'base64'); // accepts base64 and base64url
        out.add(buf.toString('latin1'));
        out.add(buf.toString('utf8'));
      }
    }
  }
  return out;
}

/**
 * Returns a list of { needle, via } for each needle found in `text` in any of
 * the forms above (case-insensitive). An empty list means nothing leaked.
 */
export function findLeaks(text, needles) {
  const lowerNeedles = needles.map((n) => n.toLowerCase());
  const found = new Map();
  const check = (s, via) => {
    const hay = s.replace(INVISIBLE, '').toLowerCase();
    for (const n of lowerNeedles) if (!found.has(n) && hay.includes(n)) found.set(n, via);
  };
  const decodedRuns = new Map();
  for (const [s, label] of decodedVariants(text, 3)) {
    check(s, label);
    for (const decoded of base64Candidates(s)) if (!decodedRuns.has(decoded)) decodedRuns.set(decoded, label);
  }
  for (const [decoded, label] of decodedRuns) {
    for (const [d, l2] of decodedVariants(decoded, 2)) {
      check(d, `${label} + base64${l2 === 'raw' ? '' : ` + ${l2}`}`);
    }
  }
  return [...found.entries()].map(([needle, via]) => ({ needle, via }));
}
