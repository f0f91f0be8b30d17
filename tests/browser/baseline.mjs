// Screenshots compared with the pictures in `screenshots/`, so that a change
// in the look is a change someone sees in review. When the look changes on
// purpose, run `tests/browser/update-screenshots.sh` and commit the pictures.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const BASELINES = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels that may differ: dates that move with the calendar, antialiasing. */
const TOLERANCE = 0.01;

/** Asserts that the PNG `shot` looks like the baseline `name`.png (writing it when asked to). */
export function assertLooksAsBefore(name, shot) {
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, shot);
    assert.ok(UPDATE, `no baseline for ${name}: wrote ${file}; review and commit it`);
    return;
  }
  const actual = PNG.sync.read(shot);
  const expected = PNG.sync.read(readFileSync(file));
  assert.equal(`${actual.width}×${actual.height}`, `${expected.width}×${expected.height}`, `${name} changed size`);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const share = changed / (actual.width * actual.height);
  if (share > TOLERANCE) writeFileSync(file.replace(/\.png$/, '.diff.png'), PNG.sync.write(diff));
  assert.ok(share <= TOLERANCE, `${name}: ${(share * 100).toFixed(2)} % of pixels changed (see ${name}.diff.png)`);
}
