// The rich-text editor, as a communications officer uses it: every demo
// item opens and saves unchanged byte for byte, an edit rewrites only its
// paragraph, the toolbar writes Markdown, a paste from Word or Google Docs
// comes out clean, an image is uploaded with its alternative text, the
// Markdown is one switch away, and without JavaScript the textarea stays.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertLooksAsBefore } from './baseline.mjs';
import { chromiumSkip, formatViolations, lazyBrowser, runAxe } from './chromium.mjs';
import { editorsOpen, roundTripEveryItem } from './editor_roundtrip.mjs';
import { REPO_ROOT, lazyServer } from './server.mjs';

const site = lazyServer();
const browser = lazyBrowser();
const files = mkdtempSync(join(tmpdir(), 'pamir-editor-files-'));

after(async () => {
  await browser.close();
  await site.stop();
  rmSync(files, { recursive: true, force: true });
});

async function signedIn(options = {}) {
  const server = await site.get();
  const match = /as (\S+) with the password (\S+)/.exec(server.stdout());
  assert.ok(match, 'serve --demo printed the admin login');
  const context = await (await browser.get()).newContext(options);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/admin/login`);
  await page.fill('#email', match[1]);
  await page.fill('#password', match[2]);
  await Promise.all([page.waitForURL(/\/admin\/$/), page.click('button[type=submit]')]);
  return { page, context, baseUrl: server.baseUrl };
}

const body = (page) => page.locator('[role=textbox][aria-labelledby="body-label"]');
const bodyMarkdown = (page) => page.inputValue('#body');
// Waits until the editor has written Markdown holding `part` into the form.
const waitForBody = (page, part) => page.waitForFunction((part) => document.getElementById('body').value.includes(part), part);
const bodyTools = (page) => page.locator('.field:has(#body) [role=toolbar]');

async function newItem(page, baseUrl) {
  await page.goto(`${baseUrl}/admin/items/new`);
  await editorsOpen(page);
  await body(page).click();
}

// A new item in News with its title, the cursor in its text.
async function newNewsItem(page, baseUrl, title) {
  await page.goto(`${baseUrl}/admin/items/new`);
  await editorsOpen(page);
  await page.fill('#title', title);
  await page.selectOption('#category', { label: 'News' });
  await body(page).click();
}

// Pasting as a browser does: a paste event carrying the clipboard's HTML.
async function paste(page, html) {
  await body(page).click();
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

// Word's HTML clipboard flavour, written for this test in its shape: Office
// namespaces, conditional comments, MsoNormal classes, mso- styles, fonts,
// and a list written as paragraphs with the bullet in an mso-list:Ignore span.
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; font-family:"Calibri"} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->
<h2 style='mso-outline-level:2'><span style='font-family:"Cambria";color:#2F5496'>Water for Vose district<o:p></o:p></span></h2>
<p class=MsoNormal style='margin-bottom:8.0pt;line-height:107%'><span style='font-size:12.0pt;font-family:"Calibri";color:red'>Three villages now have <b>clean water</b> and <i>a plan</i> to keep it.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>New pipes</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>A water committee</p>
<p class=MsoNormal>Read the <a href="https://example.org/report">full report</a>.</p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Village</b></p></td><td><p class=MsoNormal><b>People</b></p></td></tr>
<tr><td><p class=MsoNormal>Kalinin</p></td><td><p class=MsoNormal>1,200</p></td></tr></table>
<p class=MsoNormal><img width=200 height=100 src="file:///C:/Users/officer/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="pipes"></p>
<!--EndFragment--></body></html>`;

// Google Docs' clipboard, in its shape: everything inside a <b> with
// font-weight:normal and an internal id, emphasis as styled spans.
const DOCS_PASTE = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5a1c2e7f-7fff-1d2c-8a1b-000000000000"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">Migrants sent home </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;font-style:normal;">more than ever</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:italic;"> last year</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">.</span></p><br><p dir="ltr" style="line-height:1.38;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">Source: </span><a href="https://example.org/remittances" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;font-weight:400;text-decoration:underline;">the central bank</span></a></p><ol style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;"><p dir="ltr" role="presentation" style="line-height:1.38;"><span style="font-size:11pt;font-weight:400;">Russia</span></p></li><li dir="ltr" style="list-style-type:decimal;"><p dir="ltr" role="presentation"><span style="font-size:11pt;font-weight:400;">Kazakhstan</span></p></li></ol></b>`;

/** The hardening tests' hostile inputs, shared with the Rust tests. */
const HOSTILE = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'hostile-inputs.json'), 'utf8'));

// LibreOffice Writer's HTML clipboard flavour, written for this test in its
// shape: a whole document with its generator and page style, "western"
// heading classes, <font> colours and faces, lang spans, paragraphs in list
// items with their own margins, and a picture embedded as a data: address.
const LIBREOFFICE_PASTE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>
<style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm } p { line-height: 115%; margin-bottom: 0.25cm; background: transparent } h2.western { font-family: "Liberation Sans", sans-serif; font-size: 16pt }</style>
</head><body lang="en-GB" link="#000080" vlink="#800000" dir="ltr">
<h2 class="western">Water for Vose district</h2>
<p style="line-height: 100%; margin-bottom: 0cm"><font color="#c9211e"><font face="Liberation Serif, serif">Three villages now have <b>clean water</b> and <i>a plan</i> to keep it.</font></font></p>
<p style="line-height: 100%; margin-bottom: 0cm"><br/></p>
<ul><li><p style="margin-bottom: 0cm">New pipes</p></li><li><p style="margin-bottom: 0cm"><span lang="ru-RU">Водный комитет</span></p></li></ul>
<p align="left"><img src="data:image/png;base64,PNGDATA" name="Image1" align="bottom" width="60" height="40" border="0"/></p>
<p>Read the <a href="https://example.org/report">full report</a>.</p>
</body></html>`;

// Drops a PNG drawn in the page onto the body text, as a file from the desktop would be.
async function dropPicture(page, width, height) {
  const target = await body(page).elementHandle();
  await page.evaluate(async ([target, width, height]) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#2a6');
    gradient.addColorStop(1, '#036');
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'terraces.png', { type: 'image/png' }));
    const box = target.getBoundingClientRect();
    const at = { clientX: box.left + 20, clientY: box.bottom - 10, bubbles: true, cancelable: true, dataTransfer: data };
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, [target, width, height]);
}

describe('the rich-text editor', { skip: chromiumSkip }, () => {
  test('every demo item reads back the same and saves unchanged byte for byte', { timeout: 600_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    const { items, problems } = await roundTripEveryItem(page, baseUrl);
    assert.ok(items >= 30, `the demo's items were opened (${items})`);
    assert.deepEqual(problems, [], JSON.stringify(problems, null, 1));
    await context.close();
  });

  test('editing one paragraph rewrites that paragraph and nothing else', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await page.goto(`${baseUrl}/admin/items?q=exhibition`);
    await page.locator('a[href^="/admin/items/"]', { hasText: 'exhibition' }).first().click();
    await editorsOpen(page);
    const before = await bodyMarkdown(page);
    const paragraphs = before.split('\n\n');
    assert.ok(paragraphs.length > 3, 'the story has several paragraphs');
    // A click just after the last word of the second paragraph.
    const second = body(page).locator('p').nth(1);
    const box = await second.boundingBox();
    await second.click({ position: { x: box.width - 2, y: box.height - 4 } });
    await page.keyboard.press('End');
    await page.keyboard.type(' No ticket is needed.');
    await waitForBody(page, 'No ticket is needed.');
    const after = await bodyMarkdown(page);
    const expected = [...paragraphs];
    expected[1] = paragraphs[1] + ' No ticket is needed.';
    assert.equal(after, expected.join('\n\n'), 'only the edited paragraph differs');
    await context.close();
  });

  test('the toolbar and the keyboard write Markdown', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await bodyTools(page).getByRole('button', { name: 'Heading', exact: true }).click();
    await page.keyboard.type('What changed');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Families ');
    await page.keyboard.press('ControlOrMeta+B');
    await page.keyboard.type('stay together');
    await page.keyboard.press('ControlOrMeta+B');
    await page.keyboard.type(' now.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- first');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('In 5 * 3 = 15, a_b and [this] stay text.');
    await waitForBody(page, 'stay text.');
    assert.equal(
      await bodyMarkdown(page),
      '## What changed\n\nFamilies **stay together** now.\n\n- first\n- second\n\nIn 5 \\* 3 = 15, a\\_b and \\[this\\] stay text.',
    );
    assert.equal(await bodyTools(page).getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed'), 'false');
    await context.close();
  });

  test('a paste from Word keeps its structure and drops its styling', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await paste(page, WORD_PASTE);
    await waitForBody(page, 'Kalinin');
    const markdown = await bodyMarkdown(page);
    assert.equal(
      markdown,
      [
        '## Water for Vose district',
        'Three villages now have **clean water** and *a plan* to keep it.',
        '- New pipes\n- A water committee',
        'Read the [full report](https://example.org/report).',
        '| **Village** | **People** |\n| --- | --- |\n| Kalinin | 1,200 |',
      ].join('\n\n'),
    );
    for (const leftover of ['mso', 'Calibri', 'color', 'class', 'style', '·', 'file:', '<']) {
      assert.ok(!markdown.includes(leftover), `nothing of Word's styling is left (${leftover})`);
    }
    assert.match(await page.locator('.rich-status').first().textContent() + (await page.locator('.rich-status').nth(1).textContent()), /could not be brought in/, 'the writer is told the picture Word did not send was left out');
    await context.close();
  });

  test('a paste from Word with its picture uploads the picture into its place, with the words Word gave it', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await body(page).click();
    // Word's clipboard: HTML that points at a file on the writer's disk, and
    // RTF that holds the picture itself (hex in a \pict group, after a
    // metafile copy for old readers that is not a picture a page can show).
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 60;
      canvas.height = 40;
      canvas.getContext('2d').fillRect(0, 0, 60, 40);
      const bytes = new Uint8Array(await (await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'))).arrayBuffer());
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').replace(/(.{128})/g, '$1\r\n');
      const rtf = '{\\rtf1\\ansi{\\fonttbl{\\f0 Calibri;}}\\pard Before\\par '
        + '{\\*\\shppict{\\pict{\\*\\picprop}\\picw1587\\pich1058\\pngblip{\\*\\blipuid 0123456789abcdef0123456789abcdef}' + hex + '}}'
        + '{\\nonshppict{\\pict\\picw1587\\pich1058\\wmetafile8 ' + '0a'.repeat(80) + '}}\\par After\\par}';
      const html = '<html><body><!--StartFragment--><p class=MsoNormal>Before the picture.</p>'
        + '<p class=MsoNormal><img width=60 height=40 src="file:///C:/Users/officer/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" alt="A pump in Kalinin village"></p>'
        + '<p class=MsoNormal>After the picture, <img src="https://pictures.elsewhere.example/logo.png" alt="">from another site.</p><!--EndFragment--></body></html>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/rtf', rtf);
      data.setData('text/plain', 'Before the picture. After the picture, from another site.');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const dialog = page.getByRole('dialog', { name: 'Image' });
    assert.equal(await dialog.getByLabel('Alternative text').inputValue(), 'A pump in Kalinin village', 'Word\'s words are offered');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '![A pump');
    await page.waitForFunction(() => !document.getElementById('body').value.includes('\uE000'));
    assert.match(
      await bodyMarkdown(page),
      /^Before the picture\.\n\n!\[A pump in Kalinin village\]\(\/media\/\S+\.png\)\n\nAfter the picture, from another site\.$/,
    );
    // The other site's picture is left out, and the writer is told.
    await page.locator('.field:has(#body) .rich-status', { hasText: 'could not be brought in' }).waitFor();
    await context.close();
  });

  test('a paste from Google Docs keeps bold, italic, links and lists, not its wrapper', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await paste(page, DOCS_PASTE);
    await waitForBody(page, 'Kazakhstan');
    assert.equal(
      await bodyMarkdown(page),
      'Migrants sent home **more than ever** *last year*.\n\nSource: [the central bank](https://example.org/remittances)\n\n1. Russia\n2. Kazakhstan',
    );
    await context.close();
  });

  test('a paste from LibreOffice keeps its structure, drops its fonts and colours, and uploads its picture', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    // A real PNG for the data: address, drawn in the page.
    const png = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 60;
      canvas.height = 40;
      canvas.getContext('2d').fillRect(0, 0, 60, 40);
      const url = canvas.toDataURL('image/png');
      return url.slice(url.indexOf(',') + 1);
    });
    await paste(page, LIBREOFFICE_PASTE.replace('PNGDATA', png));
    const dialog = page.getByRole('dialog', { name: 'Image' });
    await dialog.getByLabel('Alternative text').fill('A new standpipe in Kalinin village');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '![A new standpipe');
    assert.match(
      await bodyMarkdown(page),
      new RegExp([
        '^## Water for Vose district',
        'Three villages now have \\*\\*clean water\\*\\* and \\*a plan\\* to keep it\\.',
        '- New pipes\\n- Водный комитет',
        '!\\[A new standpipe in Kalinin village\\]\\(/media/\\S+\\.png\\)',
        'Read the \\[full report\\]\\(https://example\\.org/report\\)\\.$',
      ].join('\\n\\n')),
    );
    const markdown = await bodyMarkdown(page);
    for (const leftover of ['font', 'Liberation', 'color', 'western', 'lang', 'data:', '<']) {
      assert.ok(!markdown.includes(leftover), `nothing of LibreOffice's styling is left (${leftover})`);
    }
    await context.close();
  });

  test('an image is uploaded with its alternative text and placed in the text', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await page.keyboard.type('Before the picture.');
    await page.keyboard.press('Enter');
    const svg = join(files, 'valley.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#2a6"/></svg>');
    await bodyTools(page).getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Image' });
    await dialog.getByLabel('Image file').setInputFiles(svg);
    await dialog.getByRole('button', { name: 'OK' }).click();
    assert.match(await dialog.getByRole('alert').textContent(), /alternative text/, 'no image without its alternative text');
    await dialog.getByLabel('Alternative text').fill('The green valley above Vose');
    await dialog.getByLabel('Caption (shown under the picture)').fill('Vose in May');
    await dialog.getByLabel('Credit (the photographer or the source)').fill('Nigora Karimova');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '![');
    assert.match(await bodyMarkdown(page), /^Before the picture\.\n\n!\[The green valley above Vose\]\(\/media\/\S+\.svg "Vose in May"\)$/);
    assert.equal(await body(page).locator('img[alt="The green valley above Vose"]').count(), 1);
    await context.close();
  });

  test('a formatted text with a dropped picture is published with the same structure', { timeout: 120_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newNewsItem(page, baseUrl, 'Terraces above Khorog');
    await page.keyboard.type('## Why terraces');
    await page.keyboard.press('Enter');
    await page.keyboard.type('They keep the soil. See the ');
    await page.keyboard.type('report');
    for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ControlOrMeta+K');
    await page.getByRole('dialog', { name: 'Link' }).getByLabel('Address of the page').fill('https://example.org/terraces');
    await page.getByRole('dialog', { name: 'Link' }).getByRole('button', { name: 'OK' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- stone walls');
    await page.keyboard.press('Enter');
    await page.keyboard.type('apricot trees');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await bodyTools(page).getByRole('button', { name: 'Table' }).click();
    await page.keyboard.type('Village');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Terraces');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Porshinev');
    await page.keyboard.press('Tab');
    await page.keyboard.type('40');
    await dropPicture(page, 1600, 900);
    const dialog = page.getByRole('dialog', { name: 'Image' });
    await dialog.getByLabel('Alternative text').fill('Terraced fields above the river at Khorog');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '![Terraced fields');
    const markdown = await bodyMarkdown(page);
    assert.match(
      markdown,
      /^## Why terraces\n\nThey keep the soil\. See the \[report\]\(https:\/\/example\.org\/terraces\)\.\n\n- stone walls\n- apricot trees\n\n\| Village \| Terraces \|\n\| --- \| --- \|\n\| Porshinev \| 40 \|/,
      markdown,
    );
    await Promise.all([page.waitForURL(/saved=1$/), page.click('button[value=publish]')]);
    const reader = await (await browser.get()).newContext({ javaScriptEnabled: false });
    const article = await reader.newPage();
    await article.goto(`${baseUrl}/en/news/terraces-above-khorog`);
    const main = article.locator('main');
    assert.equal(await main.locator('h2', { hasText: 'Why terraces' }).count(), 1);
    assert.equal(await main.locator('a[href="https://example.org/terraces"]', { hasText: 'report' }).count(), 1);
    assert.equal(await main.locator('ul li').filter({ hasText: /stone walls|apricot trees/ }).count(), 2);
    assert.equal(await main.locator('table th', { hasText: 'Village' }).count(), 1);
    assert.equal(await main.locator('table td', { hasText: 'Porshinev' }).count(), 1);
    const picture = main.locator('img[alt="Terraced fields above the river at Khorog"]');
    assert.match(await picture.getAttribute('srcset'), /480w/, 'the dropped picture is served with its renditions');
    await reader.close();
    await context.close();
  });

  test('hostile input pasted or typed into the link dialog never becomes active markup', { timeout: 120_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    for (const payload of HOSTILE) {
      await paste(page, payload);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(400);
    const active = await page.evaluate(() => {
      const found = [];
      for (const element of document.querySelectorAll('.rich-text *')) {
        if (/^(SCRIPT|IFRAME|OBJECT|EMBED|SVG)$/i.test(element.tagName)) found.push(element.tagName);
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name) || /^\s*(javascript|data):/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      return found;
    });
    assert.deepEqual(active, [], 'nothing active in the editor');
    const markdown = await bodyMarkdown(page);
    const rendered = await page.evaluate(async (markdown) => {
      const data = new URLSearchParams({ csrf: document.querySelector('input[name=csrf]').value, markdown });
      return (await fetch('/admin/items/preview', { method: 'POST', body: data })).text();
    }, markdown);
    for (const banned of ['<script', 'onerror=', 'onload=', 'href="javascript:', '<iframe', 'src="data:']) {
      assert.ok(!rendered.toLowerCase().includes(banned.toLowerCase()), `${banned} in what the text renders to`);
    }

    await body(page).click();
    await page.keyboard.type(' click me');
    for (let i = 0; i < 'click me'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (const address of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', '//evil.example/']) {
      await page.keyboard.press('ControlOrMeta+K');
      const dialog = page.getByRole('dialog', { name: 'Link' });
      await dialog.getByLabel('Address of the page').fill(address);
      await dialog.getByRole('button', { name: 'OK' }).click();
      assert.match(await dialog.getByRole('alert').textContent(), /web address/, `${address} is refused`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
    assert.ok(!(await bodyMarkdown(page)).includes('[click me]('), 'no such link was made');
    await context.close();
  });

  test('typing [[ links to another item by an address that survives its renaming', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await page.keyboard.type('Read about [[');
    const dialog = page.getByRole('dialog', { name: 'Link to an item' });
    await dialog.getByLabel('Find an item by its title').fill('exhibition');
    await dialog.getByRole('radio', { name: /thirty photographs, one exhibition \(en\)/ }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '](/items/');
    assert.match(await bodyMarkdown(page), /^Read about \[“My Road Home”: thirty photographs, one exhibition\]\(\/items\/\d+\)$/);
    await context.close();
  });

  test('the Markdown is one switch away, and edits there come back', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newItem(page, baseUrl);
    await page.keyboard.type('Written formatted.');
    const toggle = page.locator('.field:has(#body) .show-markdown');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('#body').isVisible(), 'the Markdown is shown');
    assert.equal(await bodyMarkdown(page), 'Written formatted.');
    await page.fill('#body', 'Written formatted.\n\n## Then in *Markdown*');
    await toggle.click();
    await editorsOpen(page);
    assert.equal(await body(page).locator('h2 em').textContent(), 'Markdown');
    assert.ok(!(await page.locator('#body').isVisible()), 'the Markdown is hidden again');
    await context.close();
  });

  test('the cover and the gallery take uploaded pictures with their alternative text, in the order given by keyboard and by dragging', { timeout: 120_000 }, async () => {
    // Without the page's CSP only so that axe can be injected at the end.
    const { page, context, baseUrl } = await signedIn({ bypassCSP: true });
    await newItem(page, baseUrl);
    await page.fill('#title', 'Walnut harvest in Shahriston');
    await page.selectOption('#category', { label: 'News' });
    await page.keyboard.type('Three villages, one harvest.');
    const drawing = (name, colour) => {
      const path = join(files, name);
      writeFileSync(path, `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="${colour}"/></svg>`);
      return path;
    };
    const giveWords = async (alt) => {
      // The next picture's dialog may open as this one closes: wait for this one.
      const heading = await page.getByRole('dialog', { name: 'Image' }).getAttribute('aria-labelledby');
      const dialog = page.locator(`dialog[aria-labelledby="${heading}"]`);
      await dialog.getByLabel('Alternative text').fill(alt);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    // Three pictures uploaded into the gallery, each asked for its words.
    const pictures = page.locator('#gallery-pictures li');
    await page.locator('.gallery-pictures input[type=file]').setInputFiles([
      drawing('walnuts-a.svg', '#6a4'), drawing('walnuts-b.svg', '#a64'), drawing('walnuts-c.svg', '#46a'),
    ]);
    for (const alt of ['Walnuts drying on a roof', 'A girl carrying a basket', 'The village of Shahriston']) await giveWords(alt);
    await page.waitForFunction(() => document.querySelectorAll('#gallery-pictures li').length === 3);
    const names = async () => (await pictures.locator('.picture-name').allTextContents()).map((name) => name.split(' — ')[1]);
    assert.deepEqual(await names(), ['Walnuts drying on a roof', 'A girl carrying a basket', 'The village of Shahriston']);

    // The keyboard: the third moved up with its button, then the first down with Alt+ArrowDown.
    await pictures.nth(2).getByRole('button', { name: /^Move .*Shahriston up$/ }).click();
    assert.match(await page.getByRole('status').filter({ hasText: 'is now picture' }).textContent(), /Shahriston is now picture 2 of 3\./);
    await pictures.nth(0).getByRole('button', { name: /up$/ }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepEqual(await names(), ['The village of Shahriston', 'Walnuts drying on a roof', 'A girl carrying a basket']);
    // Dragging: the last onto the top half of the first.
    await pictures.nth(2).dragTo(pictures.nth(0), { targetPosition: { x: 10, y: 2 } });
    assert.deepEqual(await names(), ['A girl carrying a basket', 'The village of Shahriston', 'Walnuts drying on a roof']);

    // The cover, uploaded the same way.
    await page.locator('.cover-picture input[type=file]').setInputFiles(drawing('orchard.svg', '#264'));
    await giveWords('A walnut orchard in autumn');
    await page.waitForFunction(() => document.getElementById('image').selectedOptions[0].textContent.includes('orchard'));
    assert.equal(await page.locator('.cover-preview img').count(), 1);

    await Promise.all([page.waitForURL(/\/admin\/items\/\d+\?saved=1/), page.click('button[value=save]')]);
    assert.deepEqual(await names(), ['A girl carrying a basket', 'The village of Shahriston', 'Walnuts drying on a roof'], 'saved in this order');
    assert.match(await page.locator('#image option:checked').textContent(), /A walnut orchard in autumn/);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await context.close();
  });

  test('a footnote is added at the cursor, numbered after the others, and shown under the text on the page', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    await newNewsItem(page, baseUrl, 'Remittances in 2025');
    const footnote = async (text) => {
      await bodyTools(page).getByRole('button', { name: 'Footnote', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Footnote' });
      await dialog.getByLabel('The note\'s text').fill(text);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await page.keyboard.type('Migrants sent home USD 4.6 billion');
    await footnote('World Bank, Migration and Development Brief 41.');
    await page.keyboard.type(', a third of the economy');
    await footnote('Compared with a GDP of USD 14 billion *estimated*.');
    await page.keyboard.type('.');
    await waitForBody(page, '[^2]:');
    assert.equal(
      await bodyMarkdown(page),
      'Migrants sent home USD 4.6 billion[^1], a third of the economy[^2].\n\n'
        + '[^1]: World Bank, Migration and Development Brief 41.\n\n'
        + '[^2]: Compared with a GDP of USD 14 billion \\*estimated\\*.',
    );
    await Promise.all([page.waitForURL(/\?saved=1/), page.click('button[value=publish]')]);
    const publicUrl = await page.locator('a', { hasText: 'View on the site' }).getAttribute('href');
    await page.goto(`${baseUrl}${publicUrl}`);
    assert.equal(await page.locator('main sup a[href^="#fn"]').count(), 2, 'two marks in the text');
    assert.match(await page.locator('main section.footnotes').textContent(), /Migration and Development Brief 41\.[\s\S]*USD 14 billion \*estimated\*/);
    await context.close();
  });

  test('a sound from the library is placed in the text with its caption and plays on the page', { timeout: 90_000 }, async () => {
    const { page, context, baseUrl } = await signedIn();
    // A second of silence as a WAV file: RIFF header, then 8,000 8-bit samples.
    const samples = Buffer.alloc(8000, 128);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + samples.length, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(8000, 24);
    header.writeUInt32LE(8000, 28);
    header.writeUInt16LE(1, 32);
    header.writeUInt16LE(8, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(samples.length, 40);
    const wav = join(files, 'anthem.wav');
    writeFileSync(wav, Buffer.concat([header, samples]));
    await page.goto(`${baseUrl}/admin/media`);
    await page.setInputFiles('#file', wav);
    await page.fill('#alt-en', 'Pupils of school 12 singing the anthem');
    await Promise.all([page.waitForURL(/\/admin\/media$/), page.click('section[aria-labelledby=upload-title] button[type=submit]')]);

    await newNewsItem(page, baseUrl, 'The anthem at school 12');
    await page.keyboard.type('Listen to the pupils.');
    await page.keyboard.press('Enter');
    await bodyTools(page).getByRole('button', { name: 'Sound or film', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sound or film' });
    await dialog.getByLabel(/singing the anthem/).check();
    await dialog.getByLabel('Caption').fill('Recorded on 1 September <2026>');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await waitForBody(page, '<figure>');
    assert.match(
      await bodyMarkdown(page),
      /^Listen to the pupils\.\n\n<figure>\n<audio controls preload="metadata" src="\/media\/\S+\.wav"><\/audio>\n<figcaption>Recorded on 1 September &lt;2026&gt;<\/figcaption>\n<\/figure>/,
    );
    assert.equal(await body(page).locator('audio[controls]').count(), 1, 'the editor shows the player');
    await Promise.all([page.waitForURL(/\?saved=1/), page.click('button[value=publish]')]);
    const publicUrl = await page.locator('a', { hasText: 'View on the site' }).getAttribute('href');
    await page.goto(`${baseUrl}${publicUrl}`);
    assert.equal(await page.locator('main figure audio[controls][src$=".wav"]').count(), 1, 'the page plays it');
    assert.equal(await page.locator('main figcaption', { hasText: 'Recorded on 1 September <2026>' }).count(), 1);
    await context.close();
  });

  test('the editor passes axe on a phone, and without JavaScript the Markdown field stays', { timeout: 60_000 }, async () => {
    const { page, context, baseUrl } = await signedIn({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    await newItem(page, baseUrl);
    await page.keyboard.type('On a phone.');
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the editor fits a phone (${width} px)`);
    await context.close();

    const plain = await signedIn({ javaScriptEnabled: false });
    await plain.page.goto(`${plain.baseUrl}/admin/items/new`);
    assert.ok(await plain.page.locator('#body').isVisible(), 'the textarea is there without JavaScript');
    assert.equal(await plain.page.locator('.rich').count(), 0);
    await plain.context.close();
  });

  for (const width of [1280, 375]) {
    test(`the editor at ${width} px looks as it did`, { timeout: 60_000 }, async () => {
      // Tall enough that the text needs no scrolling: the sticky toolbar stays in its place.
      const { page, context, baseUrl } = await signedIn({ viewport: { width, height: 3000 }, colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(`${baseUrl}/admin/items?q=exhibition`);
      await page.locator('a[href^="/admin/items/"]', { hasText: 'exhibition' }).first().click();
      await editorsOpen(page);
      const field = page.locator('.field:has(#body)');
      await field.scrollIntoViewIfNeeded();
      assertLooksAsBefore(`editor-${width}`, await field.screenshot({ animations: 'disabled', caret: 'hide' }));
      await context.close();
    });
  }
});
