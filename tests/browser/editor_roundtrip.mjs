// Every item of a site opened in the rich-text editor: each text must read
// back as the same editor document once the editor writes it anew (every
// block serialised, none kept from its source), and saving the item
// without a change must keep its Markdown byte for byte.

/** Every item's editor address, following the admin list's pages. */
export async function itemAddresses(page, baseUrl) {
  const found = new Set();
  let next = `${baseUrl}/admin/items`;
  while (next) {
    await page.goto(next);
    const links = await page.$$eval('a[href^="/admin/items/"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) if (/^\/admin\/items\/\d+$/.test(href)) found.add(href);
    const more = page.locator('a[rel=next]');
    next = (await more.count()) ? new URL(await more.first().getAttribute('href'), baseUrl).href : null;
  }
  return [...found];
}

/** Waits until both texts of the item form are open in the rich-text editor. */
export async function editorsOpen(page) {
  await page.waitForFunction(() => {
    const fields = document.querySelectorAll('form.item-form textarea.markdown');
    return fields.length > 0 && [...fields].every((t) => t.closest('.field').querySelector('.rich')?.editor);
  });
}

/**
 * In the page: each text written again from its editor document alone and
 * opened again. Resolves to the fields whose document came back different,
 * with the first block that differs.
 */
export function rewrittenDocumentsDiffer(page) {
  return page.evaluate(async () => {
    const csrf = document.querySelector('form.item-form input[name=csrf]').value;
    const problems = [];
    for (const wrapper of document.querySelectorAll('.rich')) {
      const { view, markdownOf, open } = wrapper.editor;
      const doc = view.state.doc;
      const blocks = [];
      doc.forEach((node) => blocks.push(node.type.name === 'raw_block' ? node.attrs.markdown : markdownOf(node)));
      const markdown = blocks.join('\n\n');
      const data = new URLSearchParams({ csrf, markdown });
      const outline = await (await fetch('/admin/items/outline', { method: 'POST', body: data })).json();
      const again = open(outline).doc;
      if (!again.eq(doc)) {
        let index = 0;
        while (index < Math.min(doc.childCount, again.childCount) && doc.child(index).eq(again.child(index))) index++;
        problems.push({
          field: wrapper.parentNode.querySelector('textarea').id,
          block: index,
          before: index < doc.childCount ? JSON.stringify(doc.child(index).toJSON()).slice(0, 400) : null,
          written: blocks[index] ? blocks[index].slice(0, 400) : null,
          after: index < again.childCount ? JSON.stringify(again.child(index).toJSON()).slice(0, 400) : null,
        });
      }
    }
    return problems;
  });
}

/** The texts as the server sent them in the form. */
export function storedTexts(page) {
  return page.$$eval('form.item-form textarea.markdown', (fields) => fields.map((t) => [t.id, t.defaultValue]));
}

/**
 * Opens every item, checks that each text reads back the same, saves it
 * without a change and checks that the Markdown is what it was. Resolves to
 * { items, problems } for the caller to assert on.
 */
export async function roundTripEveryItem(page, baseUrl) {
  const addresses = await itemAddresses(page, baseUrl);
  const problems = [];
  for (const address of addresses) {
    await page.goto(baseUrl + address);
    await editorsOpen(page);
    const before = await storedTexts(page);
    for (const problem of await rewrittenDocumentsDiffer(page)) problems.push({ address, ...problem });
    const save = page.locator('button[value=save]');
    if (!(await save.count())) continue;
    await Promise.all([page.waitForURL(/saved=1$/), save.click()]);
    await editorsOpen(page);
    const after = await storedTexts(page);
    for (const [[field, was], [, now]] of before.map((b, i) => [b, after[i]])) {
      if (was !== now) problems.push({ address, field, saved: 'changed', was: was.slice(0, 200), now: now.slice(0, 200) });
    }
  }
  console.log(`# editor round trip: ${addresses.length} items opened and saved, ${problems.length} problems`);
  return { items: addresses.length, problems };
}
