// The default theme's layout at the widths readers use: phones (320, 375),
// tablets (768) and desktops (1280). Nothing scrolls sideways, the menu
// starts where the content column starts, the narrow menu is a disclosure
// that opens from the keyboard, the lead story outweighs the cards, and the
// footer gives the office's address and phone.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { chromiumSkip, lazyBrowser } from './chromium.mjs';
import { lazyServer } from './server.mjs';

const site = lazyServer();
const browser = lazyBrowser();

after(async () => {
  await browser.close();
  await site.stop();
});

const WIDTHS = [320, 375, 768, 1280];
export const PAGE_TYPES = {
  front: '/en/',
  article: '/en/op-eds/remittances-keep-families-afloat',
  event: '/en/events/roads-and-roots-film-festival-2026',
  'photo-story': '/en/photo-stories/my-road-home-exhibition',
  category: '/en/news/',
};

async function open(width, path, options = {}) {
  const { baseUrl } = await site.get();
  const context = await (await browser.get()).newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `${path} at ${width} px`);
  return { context, page };
}

/** Left edges of the menu's first entry and of the main column's content box. */
function edges() {
  const wide = document.querySelector('.menu-wide li a');
  const summary = document.querySelector('.menu-narrow summary');
  const menu = wide && wide.getClientRects().length ? wide : summary;
  const main = document.querySelector('main');
  const style = getComputedStyle(main);
  return {
    menu: menu.getBoundingClientRect().left,
    main: main.getBoundingClientRect().left + parseFloat(style.paddingLeft),
    brand: document.querySelector('.brand').getBoundingClientRect().left,
  };
}

describe('the theme at every width', { skip: chromiumSkip }, () => {
  for (const width of WIDTHS) {
    test(`${width} px: no page scrolls sideways, and the menu and the header line up with the content`, async () => {
      for (const [type, path] of Object.entries(PAGE_TYPES)) {
        const { context, page } = await open(width, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${type} scrolls sideways by ${overflow} px at ${width} px`);
        const at = await page.evaluate(edges);
        assert.ok(Math.abs(at.menu - at.main) <= 2, `${type} at ${width} px: menu at ${at.menu}, content at ${at.main}`);
        assert.ok(Math.abs(at.brand - at.main) <= 2, `${type} at ${width} px: logo at ${at.brand}, content at ${at.main}`);
        await context.close();
      }
    });
  }

  test('at 375 px the menu is a disclosure that opens from the keyboard and says so to screen readers', async () => {
    const { context, page } = await open(375, '/en/');
    assert.equal(await page.locator('.menu-wide').isVisible(), false, 'the wide menu is hidden');
    const summary = page.locator('.menu-narrow summary');
    assert.equal(await summary.isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Op-eds', exact: true }).isVisible(), false, 'closed at first');
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.matches('.menu-narrow summary') ?? false);
    }
    assert.ok(focused, 'the menu button is reached with Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.menu-narrow').getAttribute('open'), '', 'Enter opens it');
    assert.equal(await page.getByRole('link', { name: 'Op-eds', exact: true }).isVisible(), true);
    const snapshot = await page.locator('.site-nav').ariaSnapshot();
    assert.match(snapshot, /navigation "Site navigation"/);
    assert.match(snapshot, /group: Menu|Menu/, 'the disclosure is named');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.menu-narrow').getAttribute('open'), null, 'and closes it again');
    await context.close();
  });

  test('without JavaScript the narrow menu still opens', async () => {
    const { context, page } = await open(375, '/en/', { javaScriptEnabled: false });
    await page.locator('.menu-narrow summary').click();
    assert.equal(await page.getByRole('link', { name: 'Photo stories', exact: true }).isVisible(), true);
    await context.close();
  });

  test('at 1280 px the lead story is the largest picture, and the footer gives the address and phone', async () => {
    const { context, page } = await open(1280, '/en/');
    const lead = await page.locator('.lead-story-image').boundingBox();
    const card = await page.locator('.featured-row .card-image').first().boundingBox();
    assert.ok(lead && card && lead.width > card.width * 1.5, `lead ${lead?.width} px wide, cards ${card?.width} px`);
    const footer = page.locator('.site-footer');
    assert.match(await footer.locator('address').innerText(), /48 Sadriddin Aini Street/);
    assert.equal(await footer.locator('a[href="tel:+992372214560"]').isVisible(), true);
    assert.equal(await footer.locator('a[href^="mailto:"]').count(), 1, 'the script put the e-mail address together');
    const search = page.getByRole('search', { name: 'Search the site' });
    await search.getByRole('searchbox').fill('remittances');
    await Promise.all([page.waitForURL(/\/en\/search\?q=remittances/), search.getByRole('button').click()]);
    assert.ok((await page.locator('.search-results li').count()) > 0, 'the header search finds items');
    await context.close();
  });

  test('a photo story opens each picture large in a dialog, and without JavaScript links to it', async () => {
    const { context, page } = await open(1280, PAGE_TYPES['photo-story']);
    const links = page.locator('.gallery a.gallery-link');
    assert.ok((await links.count()) > 1, 'the gallery has pictures');
    const href = await links.nth(1).getAttribute('href');
    await links.nth(1).click();
    const dialog = page.locator('dialog.lightbox');
    assert.equal(await dialog.evaluate((d) => d.open), true, 'the dialog opened on the page');
    assert.equal(new URL(await dialog.locator('img').getAttribute('src'), page.url()).pathname, href, 'with the large picture');
    assert.ok((await dialog.locator('img').getAttribute('alt')).length > 0, 'and its alternative text');
    await page.keyboard.press('ArrowRight');
    assert.notEqual(new URL(await dialog.locator('img').getAttribute('src'), page.url()).pathname, href, 'the arrow key moves on');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.evaluate((d) => d.open), false, 'Escape closes it');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('gallery-link')), true, 'focus returns to the picture');
    await context.close();

    const plain = await open(1280, PAGE_TYPES['photo-story'], { javaScriptEnabled: false });
    await Promise.all([plain.page.waitForURL((url) => url.pathname === href), plain.page.locator('.gallery a.gallery-link').nth(1).click()]);
    await plain.context.close();
  });

  test('an article prints without the bands and menus, with its address', async () => {
    const { context, page } = await open(1280, PAGE_TYPES.article);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    assert.equal(await page.locator('.share').isVisible(), false);
    const address = page.locator('.print-url');
    assert.equal(await address.isVisible(), true);
    assert.match(await address.innerText(), /\/en\/op-eds\/remittances-keep-families-afloat$/);
    await context.close();
  });
});
