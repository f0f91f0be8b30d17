// The editors' admin in a real browser: an editor signs in, uploads an
// image, writes and schedules an item, publishes it and sees it on the
// front page as a reader, edits it, compares and restores a revision; an
// author cannot publish; a dropped connection loses nothing (autosave).
// Every admin page: no axe-core WCAG 2.1 AA violation, no Nu checker error.

import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromiumSkip, formatViolations, lazyBrowser, runAxe } from './chromium.mjs';
import { lazyServer } from './server.mjs';
import { checkHtml } from './vnu.mjs';

const site = lazyServer();
const browser = lazyBrowser();
const files = mkdtempSync(join(tmpdir(), 'pamir-admin-files-'));

after(async () => {
  await browser.close();
  await site.stop();
  rmSync(files, { recursive: true, force: true });
});

/** A real PNG (an RGB gradient), written by hand: signature, IHDR, IDAT, IEND. */
function png(width, height) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([x % 256, y % 256, 120], 1 + x * 3);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** The demo administrator's password, from what `serve --demo` printed. */
async function adminLogin() {
  const server = await site.get();
  const match = /as (\S+) with the password (\S+)/.exec(server.stdout());
  assert.ok(match, `serve --demo printed no admin login:\n${server.stdout()}`);
  return { email: match[1], password: match[2] };
}

async function signIn(context, email, password) {
  const { baseUrl } = await site.get();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/`);
  assert.match(page.url(), /\/admin\/login/, 'the admin asks for a sign-in first');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/admin\/$/), page.click('button[type=submit]')]);
  return page;
}

/** Adds a user through the admin's users page; resolves to the password shown once. */
async function addUser(adminPage, email, role) {
  const { baseUrl } = await site.get();
  await adminPage.goto(`${baseUrl}/admin/users`);
  await adminPage.fill('#add-email', email);
  await adminPage.selectOption('#add-role', role);
  await adminPage.click('section[aria-labelledby=add-title] button[type=submit]');
  const shown = await adminPage.locator('.notice code').textContent();
  assert.ok(shown && shown.length >= 12, 'a generated password is shown once');
  return shown.trim();
}

/** The demo site's clock: the admin reads and shows times in its zone. */
const SITE_ZONE = 'Asia/Dushanbe';

/** `YYYY-MM-DDTHH:MM` on the site's clock: the first whole minute at least `seconds` from now. */
function siteMinuteAfter(seconds) {
  const at = new Date(Date.now() + seconds * 1000);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  // Swedish writes dates as ISO does: "2026-12-04 18:05".
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: SITE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(at);
  return { text: local.replace(' ', 'T'), at };
}

/**
 * Writes `text` into the item form's teaser or body as an editor would: in
 * the rich-text editor, replacing what it held. Resolves once the editor
 * has written the Markdown into the form's field.
 */
async function writeText(page, field, text) {
  const surface = page.locator(`[role=textbox][aria-labelledby="${field}-label"]`);
  await surface.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.waitForFunction(([id, want]) => document.getElementById(id).value === want, [field, text]);
}

let editorPassword = null;
let authorPassword = null;
let itemUrl = null;

describe('the admin', { skip: chromiumSkip }, () => {
  before(async () => {
    const { email, password } = await adminLogin();
    const context = await (await browser.get()).newContext();
    const page = await signIn(context, email, password);
    editorPassword = await addUser(page, 'dilnoza@example.org', 'editor');
    authorPassword = await addUser(page, 'farrukh@example.org', 'author');
    await context.close();
  });

  test('an editor uploads an image, schedules an item, publishes it, and readers see it on time', { timeout: 240_000 }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    const page = await signIn(context, 'dilnoza@example.org', editorPassword);

    const imagePath = join(files, 'school-garden.png');
    writeFileSync(imagePath, png(1200, 700));
    await page.goto(`${baseUrl}/admin/media`);
    await page.setInputFiles('#file', imagePath);
    await page.fill('#alt-en', 'Pupils watering a school garden in Rasht');
    await page.fill('#caption-en', 'The garden after the first harvest');
    await Promise.all([page.waitForURL(/\/admin\/media$/), page.click('section[aria-labelledby=upload-title] button[type=submit]')]);
    assert.ok(await page.locator('img[alt="Pupils watering a school garden in Rasht"]').count(), 'the upload is in the library');

    await page.goto(`${baseUrl}/admin/items/new`);
    await page.fill('#title', 'School gardens feed 300 pupils');
    await page.selectOption('#category', { label: 'News' });
    await writeText(page, 'teaser', 'Gardens planted in spring now feed the pupils of four schools.');
    await writeText(page, 'body', 'Four schools in the Rasht valley planted gardens in April.');
    const imageValue = await page.locator('#image option', { hasText: 'Pupils watering a school garden' }).getAttribute('value');
    await page.selectOption('#image', imageValue);
    await page.check('#featured');
    await page.fill('#featured_order', '0');
    const { text: publishAt, at } = siteMinuteAfter(20);
    await page.fill('#publish_up', publishAt);
    await Promise.all([page.waitForURL(/\/admin\/items\/\d+\?saved=1$/), page.click('button[value=publish]')]);
    assert.match(await page.locator('.item-status').textContent(), /published/);

    const reader = await (await browser.get()).newContext({ javaScriptEnabled: false });
    const front = await reader.newPage();
    await front.goto(`${baseUrl}/en/`);
    assert.equal(await front.getByText('School gardens feed 300 pupils').count(), 0, 'scheduled: not shown before its time');
    // Nobody edits anything: the page appears at its time.
    const deadline = at.getTime() + 90_000;
    let shown = false;
    while (!shown && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 3000));
      await front.goto(`${baseUrl}/en/`);
      shown = (await front.getByText('School gardens feed 300 pupils').count()) > 0;
    }
    assert.ok(shown, `the item appeared on the front page after ${publishAt} ${SITE_ZONE}`);
    await front.getByRole('link', { name: 'School gardens feed 300 pupils' }).first().click();
    itemUrl = front.url();
    const lead = front.locator('main img[srcset]').first();
    assert.match(await lead.getAttribute('srcset'), /480w/, 'the lead image has its renditions');
    await reader.close();
    await context.close();
  });

  test('the editor edits the item, compares two revisions and restores the first', { timeout: 120_000 }, async () => {
    assert.ok(itemUrl, 'the previous test published the item');
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    const page = await signIn(context, 'dilnoza@example.org', editorPassword);
    await page.goto(`${baseUrl}/admin/items?q=school+gardens`);
    await page.getByRole('link', { name: 'School gardens feed 300 pupils' }).click();
    await writeText(page, 'body', 'Five schools in the Rasht valley planted gardens in April.');
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button[value=save]')]);
    await page.click('text=Revisions');
    await Promise.all([page.waitForURL(/compare/), page.click('button:has-text("Compare")')]);
    assert.equal(await page.locator('.diff del', { hasText: 'Four' }).count(), 1, 'the removed word is marked');
    assert.equal(await page.locator('.diff ins', { hasText: 'Five' }).count(), 1, 'the added word is marked');
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button:has-text("Restore version")')]);

    const reader = await (await browser.get()).newContext();
    const article = await reader.newPage();
    await article.goto(itemUrl);
    assert.ok(await article.getByText('Four schools in the Rasht valley').count(), 'the restored text is what readers see');
    await reader.close();
    await context.close();
  });

  test('an author can write and submit but not publish', { timeout: 60_000 }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    const page = await signIn(context, 'farrukh@example.org', authorPassword);
    await page.goto(`${baseUrl}/admin/items/new`);
    await page.fill('#title', 'Notes from a field visit');
    await page.selectOption('#category', { label: 'News' });
    await writeText(page, 'body', 'We visited three villages.');
    assert.equal(await page.locator('button[value=publish]').count(), 0, 'no publish button');
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button[value=submit]')]);
    assert.match(await page.locator('.item-status').textContent(), /waiting for review/);
    // Forcing it anyway is refused by the server.
    const id = /items\/(\d+)/.exec(page.url())[1];
    const status = await page.evaluate(async (id) => {
      const form = document.querySelector('form.item-form');
      const data = new URLSearchParams(new FormData(form));
      data.set('action', 'publish');
      const res = await fetch(`/admin/items/${id}`, { method: 'POST', body: data });
      return res.status;
    }, id);
    assert.equal(status, 403);
    await context.close();
  });

  test('text typed during a dropped connection is offered back', { timeout: 60_000 }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    const page = await signIn(context, 'dilnoza@example.org', editorPassword);
    await page.goto(`${baseUrl}/admin/items/new`);
    await page.fill('#title', 'Typed on a bus');
    await writeText(page, 'body', 'A paragraph written between two mountain passes.');
    await page.waitForTimeout(800);
    await context.setOffline(true);
    await page.click('button[value=save]').catch(() => {});
    await context.setOffline(false);
    await page.goto(`${baseUrl}/admin/items/new`);
    const offer = page.locator('.autosave');
    await offer.waitFor();
    await offer.locator('button').first().click();
    assert.equal(await page.inputValue('#body'), 'A paragraph written between two mountain passes.');
    assert.equal(await page.inputValue('#title'), 'Typed on a bus');
    await context.close();
  });

  test('what is typed into a saved item is kept on the server and comes back on another device', { timeout: 90_000 }, async () => {
    const { baseUrl } = await site.get();
    const laptop = await (await browser.get()).newContext();
    let page = await signIn(laptop, 'dilnoza@example.org', editorPassword);
    await page.goto(`${baseUrl}/admin/items/new`);
    await page.fill('#title', 'Kept while typing');
    await page.selectOption('#category', { label: 'News' });
    await writeText(page, 'body', 'The first paragraph, saved.');
    await Promise.all([page.waitForURL(/\/admin\/items\/\d+\?saved=1/), page.click('button[value=save]')]);
    const itemUrl = page.url().replace(/\?.*$/, '');
    await writeText(page, 'body', 'A second thought, never saved by hand.');
    await page.locator('.draft-status', { hasText: 'Kept on the server at' }).waitFor({ timeout: 15_000 });
    await laptop.close();

    // Another browser, with nothing of the first in its storage.
    const phone = await (await browser.get()).newContext({ viewport: { width: 375, height: 740 } });
    page = await signIn(phone, 'dilnoza@example.org', editorPassword);
    await page.goto(itemUrl);
    const offer = page.locator('.draft-offer');
    await offer.waitFor();
    assert.equal(await page.inputValue('#body'), 'The first paragraph, saved.', 'the form holds what is stored');
    await Promise.all([page.waitForURL(/draft=mine/), offer.locator('a').click()]);
    assert.equal(await page.inputValue('#body'), 'A second thought, never saved by hand.');
    await Promise.all([page.waitForURL(/\?saved=1/), page.click('button[value=save]')]);
    assert.equal(await page.inputValue('#body'), 'A second thought, never saved by hand.');
    assert.equal(await page.locator('.draft-offer').count(), 0, 'saved: nothing left to offer');
    await phone.close();
  });

  test('a save over a colleague\'s shows both side by side, and their version can be taken', { timeout: 90_000 }, async () => {
    const { baseUrl } = await site.get();
    const { email, password } = await adminLogin();
    const mine = await (await browser.get()).newContext({ bypassCSP: true });
    const page = await signIn(mine, email, password);
    await page.goto(`${baseUrl}/admin/items/new`);
    await page.fill('#title', 'Two hands on one text');
    await page.selectOption('#category', { label: 'News' });
    await writeText(page, 'body', 'The office opens at nine.');
    await Promise.all([page.waitForURL(/\?saved=1/), page.click('button[value=save]')]);
    const itemUrl = page.url().replace(/\?.*$/, '');

    // A colleague saves the same paragraph differently while it is open here.
    const theirs = await (await browser.get()).newContext();
    const colleague = await signIn(theirs, 'dilnoza@example.org', editorPassword);
    await colleague.goto(itemUrl);
    await writeText(colleague, 'body', 'The office opens at half past eight.');
    await Promise.all([colleague.waitForURL(/\?saved=1/), colleague.click('button[value=save]')]);
    await theirs.close();

    await writeText(page, 'body', 'The office opens at ten.');
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === itemUrl), page.click('button[value=save]')]);
    assert.equal(answer.status(), 409);
    await page.locator('.conflict .side-by-side').waitFor();
    assert.equal(await page.locator('.conflict pre.theirs').textContent(), 'The office opens at half past eight.');
    assert.equal(await page.inputValue('#body'), 'The office opens at ten.', 'mine stays in the form');
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    const { errors } = checkHtml([{ label: 'the conflict page', html: await answer.text() }]);
    assert.equal(errors.length, 0, errors.join('\n'));

    await page.click('button[data-use-theirs=body]');
    assert.equal(await page.inputValue('#body'), 'The office opens at half past eight.');
    await Promise.all([page.waitForURL(/\?saved=1/), page.click('button[value=save]')]);
    assert.equal(await page.inputValue('#body'), 'The office opens at half past eight.');
    await mine.close();
  });

  test('every admin page: no WCAG 2.1 AA violation and valid HTML', { timeout: 300_000 }, async () => {
    const { baseUrl } = await site.get();
    const { email, password } = await adminLogin();
    const context = await (await browser.get()).newContext({ bypassCSP: true });
    const page = await signIn(context, email, password);
    const id = await page.evaluate(async () => {
      const html = await (await fetch('/admin/items')).text();
      return /\/admin\/items\/(\d+)/.exec(html)[1];
    });
    // The editor as it looks with a draft kept and someone else at work on the item.
    const keepDraft = (p) => p.evaluate(async (item) => {
      const html = await (await fetch(`/admin/items/${item}`)).text();
      const form = new DOMParser().parseFromString(html, 'text/html').querySelector('form.item-form');
      const data = new URLSearchParams(new FormData(form));
      data.set('title', `${data.get('title')} (a draft)`);
      return (await fetch(`/admin/items/${item}/draft`, { method: 'POST', body: data })).status;
    }, id);
    assert.equal(await keepDraft(page), 200);
    const colleague = await (await browser.get()).newContext();
    assert.equal(await keepDraft(await signIn(colleague, 'dilnoza@example.org', editorPassword)), 200);
    await colleague.close();
    const revisions = await (await page.request.get(`${baseUrl}/admin/items/${id}/revisions`)).text();
    const ids = [...revisions.matchAll(/name="to" value="(\d+)"/g)].map((m) => m[1]);
    const paths = [
      '/admin/', '/admin/items', '/admin/items?state=published&sort=title', '/admin/items/new', `/admin/items/${id}`,
      `/admin/items/${id}/revisions`, `/admin/items/${id}/revisions/compare?from=${ids.at(-1)}&to=${ids[0]}`,
      '/admin/media', '/admin/categories', '/admin/categories/1', '/admin/tags', '/admin/tags/1', '/admin/settings',
      '/admin/users', '/admin/audit',
      '/admin/account', '/admin/account/mfa',
    ];
    const pages = [];
    const failures = [];
    for (const path of paths) {
      const res = await page.goto(`${baseUrl}${path}`);
      assert.equal(res.status(), 200, path);
      pages.push({ label: path, html: await res.text() });
      const violations = await runAxe(page);
      if (violations.length) failures.push(`${path}:\n${formatViolations(violations)}`);
    }
    const signedOut = await (await browser.get()).newContext({ bypassCSP: true });
    const login = await signedOut.newPage();
    const res = await login.goto(`${baseUrl}/admin/login`);
    pages.push({ label: '/admin/login', html: await res.text() });
    const loginViolations = await runAxe(login);
    if (loginViolations.length) failures.push(`/admin/login:\n${formatViolations(loginViolations)}`);
    await signedOut.close();
    await context.close();
    const editorPage = pages.find((p) => p.label === `/admin/items/${id}`).html;
    assert.match(editorPage, /class="autosave draft-offer"/, 'the editor page was checked with a draft offered');
    assert.match(editorPage, /id="presence"/, 'and with a colleague at work on the item');
    assert.equal(failures.length, 0, `axe-core found violations:\n${failures.join('\n')}`);
    const { errors } = checkHtml(pages);
    assert.equal(errors.length, 0, `the Nu checker found ${errors.length} errors:\n  ${errors.join('\n  ')}`);
  });
});
