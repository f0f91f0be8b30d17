// An article moved in from WordPress with a gallery, a video and a table,
// its files given with `--files`: imported with `pamir import wxr`, then
// served. Its page passes the Nu HTML checker and axe-core WCAG 2.1 A/AA,
// does not scroll sideways at 320 px, names nothing on the old host, and
// shows the gallery from the media library's own renditions, the video as
// a player with a plain link inside, and the table whole. The export and
// its files are this repository's own, written here.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { chromiumSkip, formatViolations, lazyBrowser, runAxe } from './chromium.mjs';
import { lazyServer } from './server.mjs';
import { fetchPage } from './site.mjs';
import { checkHtml } from './vnu.mjs';

const OLD = 'https://old-office.example.org';
const UPLOADS = `${OLD}/wp-content/uploads/2025/03`;

/** CRC-32 as PNG chunks carry it. */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A width × height PNG in one colour, shaded from left to right. */
function png(width, height, [r, g, b]) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const shade = x / width;
      rows.set([Math.round(r * shade), Math.round(g * shade), Math.round(b * shade)], at);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const PHOTOS = [
  ['well.png', 'A new well in Khatlon', [40, 120, 200]],
  ['pump.png', 'A hand pump at a school', [200, 120, 40]],
  ['river.png', 'The Vakhsh river at dawn', [60, 160, 90]],
];

// The post as WordPress's block editor saves it.
const CONTENT = [
  '<!-- wp:paragraph --><p>Three villages have clean water this spring.</p><!-- /wp:paragraph -->',
  '<!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery has-nested-images columns-3 is-cropped">',
  ...PHOTOS.map(
    ([file, alt], n) =>
      `<!-- wp:image {"id":${60 + n}} --><figure class="wp-block-image size-large"><img src="${UPLOADS}/${file.replace('.png', '-1024x683.png')}" alt="${alt}" class="wp-image-${60 + n}" srcset="${UPLOADS}/${file.replace('.png', '-300x200.png')} 300w, ${UPLOADS}/${file} 1200w" sizes="(max-width: 1024px) 100vw, 1024px"/></figure><!-- /wp:image -->`,
  ),
  '<figcaption class="blocks-gallery-caption wp-element-caption">Wells, pumps and the river they draw from</figcaption></figure><!-- /wp:gallery -->',
  `<!-- wp:video {"id":70} --><figure class="wp-block-video"><video controls src="${UPLOADS}/handover.mp4"></video><figcaption class="wp-element-caption">The handover in Bokhtar</figcaption></figure><!-- /wp:video -->`,
  '<!-- wp:table --><figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>Village</th><th>District</th><th>Households</th><th>Wells</th><th>Opened</th></tr></thead><tbody>',
  '<tr><td>Kalinin</td><td>Jaloliddini Balkhi</td><td>412</td><td>3</td><td>12 March 2025</td></tr>',
  '<tr><td>Navobod</td><td>Vakhsh</td><td>268</td><td>2</td><td>19 March 2025</td></tr>',
  '<tr><td>Guliston</td><td>Kushoniyon</td><td>530</td><td>4</td><td>26 March 2025</td></tr>',
  '</tbody><tfoot><tr><td>Total</td><td></td><td>1210</td><td>9</td><td></td></tr></tfoot></table><figcaption class="wp-element-caption">Source: the district water offices</figcaption></figure><!-- /wp:table -->',
].join('\n');

const attachment = (id, file, mime) =>
  `<item><title>${file}</title><link>${OLD}/?attachment_id=${id}</link><wp:post_id>${id}</wp:post_id>` +
  `<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>5</wp:post_parent>` +
  `<wp:post_mime_type>${mime}</wp:post_mime_type><wp:attachment_url>${UPLOADS}/${file}</wp:attachment_url>` +
  `<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2025/03/${file}</wp:meta_value></wp:postmeta></item>`;

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old office</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${OLD}</wp:base_site_url><wp:base_blog_url>${OLD}</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[comms]]></wp:author_login><wp:author_display_name><![CDATA[Communications]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
<item><title>Clean water for three villages</title><link>${OLD}/2025/03/clean-water/</link><dc:creator>comms</dc:creator>
<content:encoded><![CDATA[${CONTENT}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>5</wp:post_id><wp:post_date>2025-03-28 10:00:00</wp:post_date><wp:post_date_gmt>2025-03-28 05:00:00</wp:post_date_gmt>
<wp:post_name>clean-water</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category></item>
${PHOTOS.map(([file], n) => attachment(60 + n, file, 'image/png')).join('\n')}
${attachment(70, 'handover.mp4', 'video/mp4')}
</channel></rss>`;

const site = lazyServer({
  prepare({ bin, dataDir, env }) {
    const files = join(dataDir, 'old-uploads');
    mkdirSync(join(files, '2025', '03'), { recursive: true });
    for (const [file, , colour] of PHOTOS) writeFileSync(join(files, '2025', '03', file), png(1200, 800, colour));
    // The first bytes of an MP4 (its `ftyp` box): enough to be taken as one.
    writeFileSync(join(files, '2025', '03', 'handover.mp4'), Buffer.from('\0\0\0\x18ftypisom\0\0\0\0isommp41 the handover', 'binary'));
    const export_ = join(dataDir, 'old-office.xml');
    writeFileSync(export_, WXR);
    const done = spawnSync(bin, ['import', 'wxr', export_, '--files', files, '--data', dataDir], { env, encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`pamir import wxr failed:\n${done.stderr}\n${done.stdout}`);
  },
});
const browser = lazyBrowser();

after(async () => {
  await browser.close();
  await site.stop();
});

let articlePromise = null;
/** The article's page, reached from its old address: { location, page }. */
function article() {
  if (!articlePromise) {
    articlePromise = (async () => {
      const { baseUrl } = await site.get();
      const res = await fetch(new URL('/2025/03/clean-water/', baseUrl), { redirect: 'manual' });
      await res.arrayBuffer();
      assert.equal(res.status, 301, 'the old address answers 301');
      const location = res.headers.get('location');
      return { location, page: await fetchPage(new URL(location, baseUrl)) };
    })();
  }
  return articlePromise;
}

describe('an imported article with a gallery, a video and a table', () => {
  test('shows them from this site: renditions, a player with a link, the table whole', async () => {
    const { location, page } = await article();
    assert.equal(page.status, 200, location);
    const html = page.html;
    assert.ok(!html.includes('old-office.example.org'), 'nothing on the old host');
    for (const [, alt] of PHOTOS) assert.ok(html.includes(`alt="${alt}"`), `the photo "${alt}" is there`);
    const gallerySources = [...html.matchAll(/<img [^>]*src="(\/media\/[^"]+)"[^>]*srcset="([^"]+)"/g)];
    assert.ok(gallerySources.length >= 3, `the photos come with srcset of this site's renditions:\n${html}`);
    for (const [, , srcset] of gallerySources) {
      assert.ok(srcset.split(',').every((c) => c.trim().startsWith('/media/')), srcset);
    }
    assert.match(html, /<video[^>]* controls[^>]*>[\s\S]*?<a [^>]*href="\/media\/[^"]+\.mp4"[\s\S]*?<\/video>/, 'a player with a plain link inside');
    assert.ok(html.includes('<tfoot>') && html.includes('Guliston') && html.includes('Source: the district water offices'));
  });

  test('has no HTML errors (Nu checker)', async () => {
    const { location, page } = await article();
    const { errors } = checkHtml([{ label: location, html: page.html }]);
    assert.deepEqual(errors, [], `Nu checker errors:\n${errors.join('\n')}`);
  });

  test('has no WCAG 2.1 A/AA violations (axe-core), wide and on a phone', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    const { location } = await article();
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
      // axe-core is injected as an inline script, which the site's CSP (rightly) forbids.
      const context = await (await browser.get()).newContext({ bypassCSP: true, viewport });
      try {
        const page = await context.newPage();
        await page.goto(new URL(location, baseUrl).href);
        const violations = await runAxe(page);
        assert.deepEqual(violations, [], `at ${viewport.width} px:\n${formatViolations(violations)}`);
      } finally {
        await context.close();
      }
    }
  });

  test('320 px wide: the page does not scroll sideways', { skip: chromiumSkip }, async () => {
    const { baseUrl } = await site.get();
    const { location } = await article();
    const context = await (await browser.get()).newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(new URL(location, baseUrl).href);
      await page.waitForLoadState('load');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      // What sticks out, to say where to look.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > 320.5)
          .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ends at ${Math.round(e.getBoundingClientRect().right)} px`)
          .slice(0, 8),
      );
      assert.ok(width <= 320, `${location} is ${width} px wide at 320 px:\n${wide.join('\n')}`);
    } finally {
      await context.close();
    }
  });
});
