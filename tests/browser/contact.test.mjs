// The contact page: the office e-mail address is never in the HTML the server
// sends, a working mailto link appears once scripts run, and the contact form
// works without JavaScript (validation errors, POST-redirect-GET thank-you page).

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { chromiumSkip, lazyBrowser } from './chromium.mjs';
import { findLeaks } from './cloak.mjs';
import { startTags } from './html.mjs';
import { lazyServer } from './server.mjs';
import { EMAIL_NEEDLES, fetchPage, OFFICE_EMAIL } from './site.mjs';

const site = lazyServer();
const browser = lazyBrowser();

after(async () => {
  await browser.close();
  await site.stop();
});

function assertNoLeak(what, text) {
  const leaks = findLeaks(text, EMAIL_NEEDLES);
  assert.equal(
    leaks.length,
    0,
    `${what} contains the office e-mail address (or a part of it) in a form a harvester can read:\n` +
      leaks.map((l) => `  "${l.needle}" found via ${l.via}`).join('\n'),
  );
}

/** A JavaScript-less browser page on `path`, checked to answer `status`. */
async function noScriptPage(path, status = 200) {
  const { baseUrl } = await site.get();
  const context = await (await browser.get()).newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(baseUrl + path, { waitUntil: 'load' });
  assert.equal(res?.status(), status, `GET ${path} without JavaScript answered ${res?.status()}`);
  return { page, context, baseUrl };
}

function submitButton(page) {
  return page
    .locator('form#contact-form')
    .locator('button[type=submit], button:not([type]), input[type=submit]')
    .first();
}

/** Lets the server, not Chromium's built-in constraint validation, judge the fields. */
async function disableClientValidation(page) {
  await page.locator('form#contact-form').evaluate((form) => { form.noValidate = true; });
}

describe('contact page', () => {
  test('the HTML the server sends does not contain the office e-mail address in any form', async () => {
    const { baseUrl } = await site.get();
    const checked = [];
    for (const path of ['/en/contact', '/ru/contact', '/tg/contact', '/en/']) {
      const res = await fetchPage(baseUrl + path);
      assert.equal(res.status, 200, `GET ${path} answered ${res.status}`);
      assertNoLeak(`GET ${path}`, res.html);
      checked.push(path);
      if (path === '/en/contact') {
        // The scripts of the contact page are as readable to a harvester as the page.
        const scripts = startTags(res.html, 'script').filter((s) => s.src).map((s) => new URL(s.src, res.url));
        assert.ok(
          scripts.some((src) => src.origin === new URL(baseUrl).origin),
          'GET /en/contact references no script of the site: the one that shows the address was not checked',
        );
        for (const src of scripts) {
          if (src.origin !== new URL(baseUrl).origin) continue;
          const js = await fetchPage(src);
          assert.equal(js.status, 200, `GET ${src.pathname} (script of /en/contact) answered ${js.status}`);
          assertNoLeak(`script ${src.pathname}`, js.html);
          checked.push(src.pathname);
        }
      }
    }
    console.log(`# no trace of ${OFFICE_EMAIL} in: ${checked.join(', ')}`);
  });

  test('with JavaScript, a#contact-email is a mailto link showing the address', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    const context = await (await browser.get()).newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const res = await page.goto(`${baseUrl}/en/contact`, { waitUntil: 'load' });
      assert.equal(res?.status(), 200);
      const link = page.locator('a#contact-email');
      await link.waitFor({ state: 'visible', timeout: 10_000 }).catch((e) => {
        throw new Error(
          `a#contact-email did not become visible after scripts ran: ${e.message.split('\n')[0]}` +
            (errors.length ? `; page errors: ${errors.join('; ')}` : ''),
        );
      });
      assert.equal(await link.getAttribute('href'), `mailto:${OFFICE_EMAIL}`, 'href of a#contact-email');
      assert.equal((await link.innerText()).trim(), OFFICE_EMAIL, 'visible text of a#contact-email');
      assert.deepEqual(errors, [], 'JavaScript errors on /en/contact');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, there is no mailto link and the contact form is shown', { skip: chromiumSkip }, async () => {
    const { page, context } = await noScriptPage('/en/contact');
    try {
      assert.equal(await page.locator('a[href^="mailto:"]').count(), 0, 'a mailto: link is present without JavaScript');
      const form = page.locator('form#contact-form');
      assert.ok(await form.isVisible(), 'form#contact-form is not visible');
      assert.equal((await form.getAttribute('method'))?.toLowerCase(), 'post', 'form#contact-form method');
      for (const sel of ['input[name=name]', 'input[name=email]', 'textarea[name=message]']) {
        assert.ok(await form.locator(sel).isVisible(), `${sel} is not visible in form#contact-form`);
      }
      assert.equal(await form.locator('input[name=email]').getAttribute('type'), 'email', 'type of input[name=email]');
      assert.ok(await submitButton(page).isVisible(), 'form#contact-form has no visible submit button');

      const honeypot = form.locator('input[name=website]');
      assert.equal(await honeypot.count(), 1, 'form#contact-form has no honeypot input[name=website]');
      const box = await honeypot.boundingBox();
      const hidden = !(await honeypot.isVisible()) || !box || box.width * box.height <= 1 || box.x + box.width <= 0 || box.y + box.height <= 0;
      assert.ok(hidden, `the honeypot input[name=website] is visible (box ${JSON.stringify(box)})`);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, an incomplete form comes back (422) with linked errors and the typed values', { skip: chromiumSkip }, async () => {
    const { page, context } = await noScriptPage('/en/contact');
    try {
      await page.locator('form#contact-form input[name=name]').fill('Test Reader');
      await disableClientValidation(page);
      const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), submitButton(page).click()]);
      assert.ok(res, 'submitting the form did not navigate');
      assert.equal(res.request().method(), 'POST', 'the form was not sent with POST');
      assert.equal(res.status(), 422, `an incomplete form answered ${res.status()} (${res.url()}), expected 422`);
      assertNoLeak('the 422 contact page', await res.text());

      const form = page.locator('form#contact-form');
      assert.ok(await form.isVisible(), 'form#contact-form is not shown again');
      assert.equal(await form.locator('input[name=name]').inputValue(), 'Test Reader', 'the typed name was not kept');
      for (const sel of ['input[name=email]', 'textarea[name=message]']) {
        const field = form.locator(sel);
        const describedBy = (await field.getAttribute('aria-describedby')) || '';
        const ids = describedBy.split(/\s+/).filter(Boolean);
        assert.ok(ids.length > 0, `${sel} has no aria-describedby pointing to its error message`);
        const texts = [];
        for (const id of ids) {
          const el = page.locator(`[id="${id.replace(/"/g, '\\"')}"]`);
          assert.equal(await el.count(), 1, `${sel}: aria-describedby refers to "${id}", which is not exactly one element`);
          if (await el.isVisible()) texts.push((await el.innerText()).trim());
        }
        assert.ok(texts.some((t) => t.length > 0), `${sel}: no visible error text in the elements its aria-describedby names (${ids.join(', ')})`);
      }
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, a complete form leads to the thank-you page (POST-redirect-GET)', { skip: chromiumSkip }, async () => {
    const { page, context } = await noScriptPage('/en/contact');
    try {
      const form = page.locator('form#contact-form');
      await form.locator('input[name=name]').fill('Test Reader');
      await form.locator('input[name=email]').fill('reader@example.org');
      await form
        .locator('textarea[name=message]')
        .fill('Hello, I would like to know when the next film festival call for entries opens.');
      const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), submitButton(page).click()]);
      assert.ok(res, 'submitting the form did not navigate');
      const finalUrl = new URL(res.url());
      assert.ok(finalUrl.pathname.endsWith('/en/contact/thanks'), `the form led to ${res.url()}, expected a URL ending /en/contact/thanks`);
      assert.equal(res.status(), 200, `the thank-you page answered ${res.status()}`);
      assert.equal(res.request().method(), 'GET', 'the thank-you page was not reached with GET');
      const post = res.request().redirectedFrom();
      assert.ok(post, 'the thank-you page was not reached through a redirect');
      assert.equal(post.method(), 'POST', 'the redirect did not answer the POST');
      assert.ok(await page.locator('h1').first().isVisible(), 'the thank-you page has no visible h1');
    } finally {
      await context.close();
    }
  });
});
