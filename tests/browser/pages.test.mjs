// Crawls the demo site's public pages and checks each one: axe-core finds no
// WCAG 2.1 A/AA violation, the W3C Nu checker finds no HTML error, nothing
// scrolls sideways at 320 px, and without JavaScript the h1 and main show.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { chromiumSkip, formatViolations, lazyBrowser, runAxe } from './chromium.mjs';
import { anchors, elementsWithClass, hasClass } from './html.mjs';
import { lazyServer } from './server.mjs';
import { checkHtml } from './vnu.mjs';
import { fetchPage, postEmptyContactForm } from './site.mjs';

const site = lazyServer();
const browser = lazyBrowser();

after(async () => {
  await browser.close();
  await site.stop();
});

const CATEGORY_PAGES_FOR_ITEMS = ['/en/op-eds/', '/en/facts-and-figures/', '/en/events/', '/en/photo-stories/'];
const MAX_EXTRA_ITEMS = 3;

function isReadMore(a) {
  return hasClass(a.attrs, 'read-more') || /^read more\b/i.test(a.text);
}

/** Same-origin links of `html` (fetched from `pageUrl`) chosen by `pick`, as absolute URLs without fragment. */
function links(html, pageUrl, pick) {
  const origin = new URL(pageUrl).origin;
  const out = [];
  for (const a of anchors(html)) {
    if (!a.attrs.href || !pick(a)) continue;
    const url = new URL(a.attrs.href, pageUrl);
    url.hash = '';
    if (url.origin === origin && !out.includes(url.href)) out.push(url.href);
  }
  return out;
}

let crawlPromise = null;
/**
 * Resolves to { baseUrl, pages, problems }: pages are
 * { label, url, expect, status, contentType, html, synthetic } where
 * `synthetic` pages (the 422 answer to a POST) are replayed to the browser.
 */
function crawl() {
  if (!crawlPromise) crawlPromise = doCrawl();
  return crawlPromise;
}

async function doCrawl() {
  const { baseUrl } = await site.get();
  const pages = [];
  const problems = [];
  const seen = new Set();

  async function get(path, expect = 200) {
    const url = new URL(path, baseUrl).href;
    if (seen.has(url)) return null;
    seen.add(url);
    const res = await fetchPage(url);
    const page = { label: new URL(url).pathname + new URL(url).search, url: res.url, expect, ...res, synthetic: false };
    if (res.status !== expect) problems.push(`GET ${page.label} answered ${res.status}, expected ${expect}`);
    if (!/^text\/html\b/i.test(res.contentType)) problems.push(`GET ${page.label}: Content-Type is "${res.contentType}", expected text/html`);
    pages.push(page);
    return page;
  }

  const front = await get('/en/');
  await get('/ru/');
  await get('/tg/');
  await get('/en/?page=2');
  await get('/en/news/');
  await get('/en/news/press-releases/');
  await get('/en/search');
  await get('/en/search?q=remittances');
  await get(`/ru/search?q=${encodeURIComponent('мигрантов')}`);
  await get(`/tg/search?q=${encodeURIComponent('мухочир')}`);

  const items = links(front.html, front.url, isReadMore);
  if (items.length === 0) problems.push('/en/ has no "Read more" (a.read-more) links to items');
  const itemPages = [];
  for (const url of items) itemPages.push(await get(url));

  let extra = 0;
  for (const path of CATEGORY_PAGES_FOR_ITEMS) {
    if (extra >= MAX_EXTRA_ITEMS) break;
    const res = await fetchPage(new URL(path, baseUrl));
    if (res.status !== 200) {
      problems.push(`GET ${path} (category page) answered ${res.status}, expected 200`);
      continue;
    }
    const first = links(res.html, res.url, isReadMore)[0];
    if (!first) {
      problems.push(`${path} has no item links with class read-more`);
      continue;
    }
    if (seen.has(first)) continue;
    itemPages.push(await get(first));
    extra++;
  }

  let tagUrl = null;
  for (const item of itemPages.filter(Boolean)) {
    for (const block of elementsWithClass(item.html, 'tags')) {
      tagUrl = links(block, item.url, (a) => /\/tags\//.test(a.attrs.href))[0];
      if (tagUrl) break;
    }
    if (tagUrl) break;
  }
  if (tagUrl) await get(tagUrl);
  else problems.push('no item page has a tag link (/…/tags/…) inside an element with class "tags"');

  await get('/en/contact');
  await get('/ru/contact');

  const invalid = await postEmptyContactForm(new URL('/en/contact', baseUrl));
  if (invalid.status !== 422) problems.push(`POST of an empty contact form answered ${invalid.status}, expected 422`);
  pages.push({ label: 'POST /en/contact (empty form, 422)', expect: 422, ...invalid, synthetic: true });

  await get('/en/no-such-page', 404);

  return { baseUrl, pages, problems };
}

/**
 * Opens a crawled page in `page`. Pages answered to a POST are replayed
 * from the HTML fetched earlier, at their own URL, so that relative links
 * and styles resolve as in the real answer.
 */
async function open(page, p) {
  if (!p.synthetic) {
    const res = await page.goto(p.url, { waitUntil: 'load' });
    assert.equal(res?.status(), p.expect, `${p.label}: the browser got status ${res?.status()}`);
    return;
  }
  const target = new URL(p.url).href;
  const matcher = (u) => u.href === target;
  const handler = (route) =>
    route.fulfill({ status: p.status, headers: { 'content-type': p.contentType || 'text/html; charset=utf-8' }, body: p.html });
  await page.route(matcher, handler);
  try {
    const res = await page.goto(target, { waitUntil: 'load' });
    assert.equal(res?.status(), p.expect, `${p.label}: the browser got status ${res?.status()}`);
  } finally {
    await page.unroute(matcher, handler);
  }
}

/** Runs `check(page, p)` on every crawled page in a fresh context; returns the failures. */
async function eachPage(contextOptions, check) {
  const { pages } = await crawl();
  const context = await (await browser.get()).newContext(contextOptions);
  const failures = [];
  try {
    const page = await context.newPage();
    for (const p of pages) {
      try {
        await open(page, p);
        const problem = await check(page, p);
        if (problem) failures.push(`${p.label}:\n${problem}`);
      } catch (e) {
        failures.push(`${p.label}: ${e.message}`);
      }
    }
  } finally {
    await context.close();
  }
  return { pages, failures };
}

describe('public pages', () => {
  test('/ redirects to the reader\'s language', async () => {
    const { baseUrl } = await site.get();
    for (const [acceptLanguage, lang] of [['en-GB,en;q=0.9', 'en'], ['ru-RU,ru;q=0.9,en;q=0.5', 'ru']]) {
      const res = await fetch(`${baseUrl}/`, { redirect: 'manual', headers: { 'accept-language': acceptLanguage } });
      await res.arrayBuffer();
      assert.ok(res.status >= 301 && res.status <= 308, `GET / (Accept-Language: ${acceptLanguage}) answered ${res.status}, expected a redirect`);
      const location = new URL(res.headers.get('location') || '', baseUrl);
      assert.equal(location.pathname, `/${lang}/`, `GET / (Accept-Language: ${acceptLanguage}) redirects to ${location.pathname}`);
    }
  });

  test('crawl: every page answers as expected', { timeout: 120_000 }, async () => {
    const { pages, problems } = await crawl();
    console.log(`# crawled ${pages.length} pages:\n${pages.map((p) => `#   ${p.status} ${p.label}`).join('\n')}`);
    assert.equal(problems.length, 0, `crawl problems:\n  ${problems.join('\n  ')}`);
  });

  test('HTML: the W3C Nu checker (vnu.jar) reports no errors and no warnings', { timeout: 300_000 }, async () => {
    const { pages } = await crawl();
    const { errors, warnings, warningTexts } = checkHtml(pages);
    console.log(`# Nu checker: ${pages.length} pages, ${errors.length} errors, ${warnings} warnings/info`);
    assert.equal(errors.length, 0, `the Nu checker found ${errors.length} errors:\n  ${errors.join('\n  ')}`);
    assert.equal(warningTexts.length, 0, `the Nu checker warns ${warningTexts.length} times:\n  ${warningTexts.join('\n  ')}`);
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core: no WCAG 2.1 A/AA violations in the ${colorScheme} colour scheme`, { skip: chromiumSkip, timeout: 300_000 }, async () => {
      // bypassCSP: the site's policy (rightly) refuses inline scripts, and axe is injected as one.
      const options = { viewport: { width: 1280, height: 800 }, bypassCSP: true, colorScheme };
      const { pages, failures } = await eachPage(options, async (page) => {
        const violations = await runAxe(page);
        return violations.length ? formatViolations(violations) : null;
      });
      assert.equal(failures.length, 0, `axe-core found violations on ${failures.length} of ${pages.length} pages:\n${failures.join('\n')}`);
    });
  }

  test('320 px wide: no page scrolls sideways', { skip: chromiumSkip, timeout: 300_000 }, async () => {
    const { pages, failures } = await eachPage({ viewport: { width: 320, height: 640 } }, async (page) => {
      const r = await page.evaluate(() => {
        const width = document.documentElement.scrollWidth;
        const wide = [];
        if (width > 320) {
          for (const el of document.body.querySelectorAll('*')) {
            const rect = el.getBoundingClientRect();
            if (rect.right > 320.5 && wide.length < 5) {
              const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${[...el.classList].join('.')}` : '');
              wide.push(`${name} (right edge ${Math.round(rect.right)} px)`);
            }
          }
        }
        return { width, wide };
      });
      return r.width > 320 ? `  scrollWidth is ${r.width} px; elements past 320 px: ${r.wide.join(', ') || '(none found)'}` : null;
    });
    assert.equal(failures.length, 0, `pages that scroll sideways at 320 px (${failures.length} of ${pages.length}):\n${failures.join('\n')}`);
  });

  test('without JavaScript: every page shows its h1 and main', { skip: chromiumSkip, timeout: 300_000 }, async () => {
    const { pages, failures } = await eachPage({ javaScriptEnabled: false }, async (page) => {
      const missing = [];
      if (!(await page.locator('main').first().isVisible())) missing.push('main');
      if (!(await page.locator('h1').first().isVisible())) missing.push('h1');
      return missing.length ? `  not visible without JavaScript: ${missing.join(', ')}` : null;
    });
    assert.equal(failures.length, 0, `pages missing content without JavaScript (${failures.length} of ${pages.length}):\n${failures.join('\n')}`);
  });
});
