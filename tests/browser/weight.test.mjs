// Page weight: each page type (the front page, an article, an event, a photo
// story, a category page) plus the stylesheets and scripts it references, as
// sent over the wire to a client accepting gzip, must stay within 30 KiB
// before pictures. Readers are often on slow, expensive mobile networks.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, describe, test } from 'node:test';
import { startTags } from './html.mjs';
import { lazyServer } from './server.mjs';

const BUDGET = 30 * 1024;

const site = lazyServer();
after(() => site.stop());

/** GET with Accept-Encoding: gzip; the body is counted as sent, not decompressed. */
function getRaw(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' }, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function decodeBody(r) {
  const enc = (r.headers['content-encoding'] || '').toLowerCase();
  if (enc === 'gzip') return import('node:zlib').then((z) => z.gunzipSync(r.body).toString('utf8'));
  assert.ok(!enc || enc === 'identity', `unexpected Content-Encoding ${enc} (only gzip was accepted)`);
  return Promise.resolve(r.body.toString('utf8'));
}

const PAGE_TYPES = {
  front: '/en/',
  article: '/en/op-eds/remittances-keep-families-afloat',
  event: '/en/events/roads-and-roots-film-festival-2026',
  'photo story': '/en/photo-stories/my-road-home-exhibition',
  category: '/en/news/',
  'front (Tajik)': '/tg/',
};

describe('page weight', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`${type} (${path}) with its stylesheets and scripts is at most ${BUDGET} bytes gzip-compressed`, async (t) => {
      const { baseUrl } = await site.get();
      const pageUrl = new URL(path, baseUrl);
      const page = await getRaw(pageUrl);
      assert.equal(page.status, 200, `GET ${path} answered ${page.status}`);
      const html = await decodeBody(page);

      const assets = new Set();
      for (const link of startTags(html, 'link')) {
        if (link.href && (link.rel || '').toLowerCase().split(/\s+/).includes('stylesheet')) assets.add(new URL(link.href, pageUrl).href);
      }
      assert.ok(assets.size > 0, `${path} references no stylesheet: its CSS would not be weighed`);
      for (const script of startTags(html, 'script')) {
        if (script.src) assets.add(new URL(script.src, pageUrl).href);
      }

      const rows = [[path, page.body.length, page.headers['content-encoding'] || 'identity']];
      for (const href of assets) {
        const url = new URL(href);
        assert.equal(url.origin, pageUrl.origin, `${path} references ${href}, which is not served by the site itself`);
        const r = await getRaw(url);
        assert.equal(r.status, 200, `GET ${url.pathname} (referenced by ${path}) answered ${r.status}`);
        rows.push([url.pathname + url.search, r.body.length, r.headers['content-encoding'] || 'identity']);
      }
      const total = rows.reduce((sum, [, n]) => sum + n, 0);
      const table = rows.map(([what, n, enc]) => `#   ${String(n).padStart(7)} B  ${enc.padEnd(8)} ${what}`).join('\n');
      console.log(`# page weight of the ${type} page (as sent, Accept-Encoding: gzip):\n${table}\n#   ${String(total).padStart(7)} B  total (budget ${BUDGET} B = 30 KiB)`);
      t.diagnostic(`page weight of ${path}: ${total} bytes of ${BUDGET}`);
      assert.ok(total <= BUDGET, `${path} weighs ${total} bytes with its stylesheets and scripts, over the ${BUDGET}-byte budget`);
    });
  }
});
