// A site moved in from Joomla and WordPress: Joomla 3.10's "Learn Joomla"
// sample site and WordPress's theme unit test export are imported with the
// `pamir import` commands into a fresh site, which then serves them. Old
// addresses answer 301 to pages that exist, and the imported pages pass the
// same checks as the demo's: axe-core WCAG 2.1 A/AA, the Nu HTML checker,
// no raw plugin tags or shortcodes, no sideways scroll at 320 px, readable
// without JavaScript.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { chromiumSkip, formatViolations, lazyBrowser, runAxe } from './chromium.mjs';
import { roundTripEveryItem } from './editor_roundtrip.mjs';
import { REPO_ROOT, lazyServer } from './server.mjs';
import { fetchPage } from './site.mjs';
import { checkHtml } from './vnu.mjs';

// Where the corpora are (as for the Rust tests: PAMIR_CORPORA, else beside
// the checkout); without them these tests are skipped, unless
// PAMIR_REQUIRE_CORPORA=1 says they must run.
const CORPORA = process.env.PAMIR_CORPORA || resolve(REPO_ROOT, '..', 'shared', 'corpora');
const JOOMLA = join(CORPORA, 'joomla3');
const WXR = join(CORPORA, 'wordpress', 'themeunittestdata.wordpress.xml');
const corporaHere = existsSync(join(JOOMLA, 'joomla.sql')) && existsSync(WXR);
if (!corporaHere && process.env.PAMIR_REQUIRE_CORPORA === '1') {
  throw new Error(`the corpora are not at ${CORPORA}, and PAMIR_REQUIRE_CORPORA=1 says they must be`);
}
const corpusSkip = corporaHere ? false : `SKIPPED: the corpora are not at ${CORPORA}`;

function run(bin, args, env) {
  const done = spawnSync(bin, args, { env, encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${done.stderr}\n${done.stdout}`);
  return done.stdout;
}

// An editor of the moved site, to open every imported item in the editor.
const EDITOR = { email: 'editor@example.org', password: 'correct horse battery staple 42' };

const site = lazyServer({
  prepare({ bin, dataDir, env }) {
    const sql = ['joomla.sql', 'sample_learn.sql'].map((f) => readFileSync(join(JOOMLA, f), 'utf8')).join('\n');
    const dump = join(dataDir, 'joomla-dump.sql');
    writeFileSync(dump, sql.replaceAll('#__', 'jos_'));
    run(bin, ['import', 'joomla', '--sql-dump', dump, '--data', dataDir], env);
    run(bin, ['import', 'wxr', WXR, '--permalinks', '/%year%/%monthnum%/%day%/%postname%/', '--data', dataDir], env);
    const added = spawnSync(bin, ['user', 'add', '--email', EDITOR.email, '--role', 'editor', '--password-stdin', '--data', dataDir], {
      env, encoding: 'utf8', input: `${EDITOR.password}\n`,
    });
    if (added.status !== 0) throw new Error(`pamir user add failed:\n${added.stderr}`);
  },
});
const browser = lazyBrowser();

after(async () => {
  await browser.close();
  await site.stop();
});

// Old addresses of the two sites, each with a text that must be on its new page.
const OLD_ADDRESSES = [
  ['/index.php?option=com_content&view=article&id=24:joomla&catid=19&Itemid=435', 'Joomla!'],
  ['/index.php/component/content/article/17-first-blog-post', 'First Blog Post'],
  ['/index.php/sample-data-articles/joomla/extensions/components/10-content', 'Content'],
  ['/index.php?option=com_content&view=category&id=19', 'Joomla!'],
  ['/index.php/sample-data-articles/park-site/photo-gallery/animals/25-koala', 'Koala'],
  ['/index.php?option=com_contact&view=contact&id=1&Itemid=62', 'Contacts'],
  ['/?p=1241', 'Template: Sticky'],
  ['/2013/01/11/markup-html-tags-and-formatting/', 'Markup: HTML Tags and Formatting'],
  ['/?p=1177', 'Markup: Image Alignment'],
  ['/?page_id=2', 'About The Tests'],
];

let pagesPromise = null;
/** Follows every old address once: [{ old, status, location, page }]. */
function movedPages() {
  if (!pagesPromise) {
    pagesPromise = (async () => {
      const { baseUrl } = await site.get();
      const found = [];
      for (const [old, title] of OLD_ADDRESSES) {
        const res = await fetch(new URL(old, baseUrl), { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        const location = res.headers.get('location');
        const page = location ? await fetchPage(new URL(location, baseUrl)) : null;
        found.push({ old, title, status: res.status, location, page });
      }
      return found;
    })();
  }
  return pagesPromise;
}

describe('a site moved in from Joomla and WordPress', { skip: corpusSkip }, () => {
  test('old addresses answer 301 with pages that exist', async () => {
    for (const { old, title, status, location, page } of await movedPages()) {
      assert.equal(status, 301, `${old} answered ${status}`);
      assert.ok(location?.startsWith('/en/'), `${old} → ${location}`);
      assert.equal(page.status, 200, `${old} → ${location} answered ${page.status}`);
      assert.ok(page.html.includes(title.replace("'", '&#39;')) || page.html.includes(title), `${location} shows "${title}"`);
    }
  });

  test('no plugin tag or shortcode shows on an imported page', async () => {
    for (const { location, page } of await movedPages()) {
      const text = page.html.replace(/<[^>]*>/g, ' ');
      for (const raw of ['{loadmodule', '{loadposition', '{emailcloak', '[caption', '[gallery', '<!-- wp:']) {
        assert.ok(!text.includes(raw) && !page.html.includes(raw), `${location} shows ${raw}`);
      }
    }
  });

  test('imported pages have no HTML errors (Nu checker)', async () => {
    const pages = (await movedPages()).map(({ location, page }) => ({ label: location, html: page.html }));
    const { errors } = checkHtml(pages);
    assert.deepEqual(errors, [], `Nu checker errors:\n${errors.join('\n')}`);
  });

  test('imported pages have no WCAG 2.1 A/AA violations (axe-core)', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    // axe-core is injected as an inline script, which the site's CSP (rightly) forbids.
    const context = await (await browser.get()).newContext({ bypassCSP: true });
    try {
      const problems = [];
      for (const { location } of await movedPages()) {
        const page = await context.newPage();
        await page.goto(new URL(location, baseUrl).href);
        const violations = await runAxe(page);
        if (violations.length) problems.push(`${location}:\n${formatViolations(violations)}`);
        await page.close();
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('320 px wide: no imported page scrolls sideways', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext({ viewport: { width: 320, height: 640 } });
    try {
      const wide = [];
      for (const { location } of await movedPages()) {
        const page = await context.newPage();
        await page.goto(new URL(location, baseUrl).href);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${location}: ${width} px`);
        await page.close();
      }
      assert.deepEqual(wide, [], `pages wider than 320 px:\n${wide.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('imported pages show their title and text without JavaScript', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext({ javaScriptEnabled: false });
    try {
      for (const { location } of await movedPages()) {
        const page = await context.newPage();
        await page.goto(new URL(location, baseUrl).href);
        assert.ok((await page.locator('h1').count()) === 1, `${location}: one h1`);
        assert.ok(await page.locator('main').isVisible(), `${location}: main shows`);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('every imported item reads back the same in the editor and saves unchanged byte for byte', { skip: chromiumSkip, timeout: 900_000 }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/admin/login`);
      await page.fill('#email', EDITOR.email);
      await page.fill('#password', EDITOR.password);
      await Promise.all([page.waitForURL(/\/admin\/$/), page.click('button[type=submit]')]);
      const { items, problems } = await roundTripEveryItem(page, baseUrl);
      assert.ok(items > 80, `the imported items were opened (${items})`);
      assert.deepEqual(problems, [], JSON.stringify(problems, null, 1));
    } finally {
      await context.close();
    }
  });
});
