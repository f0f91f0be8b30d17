// The look of the default theme, pinned: the front page, an article, an
// event, a photo story and a category page at 375 and 1280 px are compared
// with the pictures in `screenshots/`, so that a change in the look is a
// change someone sees in review. When the look changes on purpose, run
//
//   UPDATE_SCREENSHOTS=1 npm test --prefix tests/browser -- screenshots.test.mjs
//
// (or `tests/browser/update-screenshots.sh`) and commit the new pictures.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { chromiumSkip, lazyBrowser } from './chromium.mjs';
import { lazyServer } from './server.mjs';

const site = lazyServer();
const browser = lazyBrowser();
after(async () => {
  await browser.close();
  await site.stop();
});

const BASELINES = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels that may differ: dates that move with the calendar, antialiasing. */
const TOLERANCE = 0.01;
/** The top of each page: what a reader sees first, without megabytes of pictures in the repository. */
const MAX_HEIGHT = { 375: 2400, 1280: 2000 };

const PAGES = {
  front: '/en/',
  article: '/en/op-eds/remittances-keep-families-afloat',
  event: '/en/events/roads-and-roots-film-festival-2026',
  'photo-story': '/en/photo-stories/my-road-home-exhibition',
  category: '/en/news/',
};

async function shoot(width, path) {
  const { baseUrl } = await site.get();
  const context = await (await browser.get()).newContext({ viewport: { width, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  // Every picture, not only those a lazy loader reached: the same picture each run.
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; }))));
  });
  const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), MAX_HEIGHT[width]);
  const png = await page.screenshot({ clip: { x: 0, y: 0, width, height }, fullPage: true, animations: 'disabled', caret: 'hide' });
  await context.close();
  return png;
}

describe('the look of the public pages', { skip: chromiumSkip }, () => {
  for (const width of [375, 1280]) {
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} at ${width} px looks as it did`, async () => {
        const file = join(BASELINES, `${name}-${width}.png`);
        const shot = await shoot(width, path);
        if (UPDATE || !existsSync(file)) {
          mkdirSync(BASELINES, { recursive: true });
          writeFileSync(file, shot);
          assert.ok(UPDATE, `no baseline for ${name} at ${width} px: wrote ${file}; review and commit it`);
          return;
        }
        const actual = PNG.sync.read(shot);
        const expected = PNG.sync.read(readFileSync(file));
        assert.equal(`${actual.width}×${actual.height}`, `${expected.width}×${expected.height}`, `${name} at ${width} px changed size`);
        const diff = new PNG({ width: actual.width, height: actual.height });
        const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
        const share = changed / (actual.width * actual.height);
        if (share > TOLERANCE) writeFileSync(file.replace(/\.png$/, '.diff.png'), PNG.sync.write(diff));
        assert.ok(share <= TOLERANCE, `${name} at ${width} px: ${(share * 100).toFixed(2)} % of pixels changed (see ${name}-${width}.diff.png)`);
      });
    }
  }
});
