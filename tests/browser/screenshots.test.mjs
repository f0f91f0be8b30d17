// The look of the default theme, pinned: the front page, an article, an
// event, a photo story and a category page at 375 and 1280 px are compared
// with the pictures in `screenshots/`, so that a change in the look is a
// change someone sees in review. When the look changes on purpose, run
//
//   UPDATE_SCREENSHOTS=1 npm test --prefix tests/browser -- screenshots.test.mjs
//
// (or `tests/browser/update-screenshots.sh`) and commit the new pictures.

import { after, describe, test } from 'node:test';
import { assertLooksAsBefore } from './baseline.mjs';
import { chromiumSkip, lazyBrowser } from './chromium.mjs';
import { lazyServer } from './server.mjs';

const site = lazyServer();
const browser = lazyBrowser();
after(async () => {
  await browser.close();
  await site.stop();
});

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
        assertLooksAsBefore(`${name}-${width}`, await shoot(width, path));
      });
    }
  }
});
