// The serializer alone, on documents built with the schema (no browser):
// what an edited block is written as.
import assert from "node:assert/strict";
import { test } from "node:test";
import { schema } from "../src/schema.js";
import { blockMarkdown, escapeText } from "../src/markdown.js";

const { nodes: n, marks: m } = schema;
const text = (value, ...marks) => schema.text(value, marks);
const p = (...content) => n.paragraph.create(null, content);

test("text that looks like Markdown stays text", () => {
  assert.equal(escapeText("5 * 3 = 15, a_b, [x] <b> `c` ~~d~~ &amp;"), "5 \\* 3 = 15, a\\_b, \\[x\\] \\<b\\> \\`c\\` \\~\\~d\\~\\~ \\&amp;");
  assert.equal(blockMarkdown(p(text("# not a heading"))), "\\# not a heading");
  assert.equal(blockMarkdown(p(text("1990. A year"))), "1990\\. A year");
  assert.equal(blockMarkdown(p(text("- not a list"))), "\\- not a list");
  assert.equal(blockMarkdown(p(text("> not a quote"))), "\\> not a quote");
});

test("marks open and close around words, never around spaces", () => {
  const strong = m.strong.create();
  const em = m.em.create();
  assert.equal(blockMarkdown(p(text("a "), text("bold ", strong), text("b"))), "a **bold** b");
  assert.equal(blockMarkdown(p(text("x"), text(" both", strong, em), text("."))), "x ***both***.");
  const link = m.link.create({ href: "https://example.org/a b", title: 'say "hi"' });
  assert.equal(blockMarkdown(p(text("see "), text("this", link))), 'see [this](<https://example.org/a b> "say \\"hi\\"")');
  assert.equal(blockMarkdown(p(text("run `ls`", m.code.create()))), "`` run `ls` ``");
});

test("headings, quotes, lists, code, rules and breaks", () => {
  assert.equal(blockMarkdown(n.heading.create({ level: 3 }, [text("Costs #")])), "### Costs \\#");
  assert.equal(blockMarkdown(n.blockquote.create(null, [p(text("one")), p(text("two"))])), "> one\n>\n> two");
  const item = (...blocks) => n.list_item.create(null, blocks);
  assert.equal(blockMarkdown(n.bullet_list.create({ tight: true }, [item(p(text("a"))), item(p(text("b")))])), "- a\n- b");
  assert.equal(
    blockMarkdown(n.ordered_list.create({ start: 9, tight: false }, [item(p(text("nine")), p(text("more"))), item(p(text("ten")))])),
    "9. nine\n\n   more\n\n10. ten",
  );
  const nested = n.bullet_list.create({ tight: true }, [item(p(text("three")), n.bullet_list.create({ tight: true }, [item(p(text("four")))])), item(p(text("five")))]);
  assert.equal(blockMarkdown(nested), "- three\n  - four\n- five", "a nested list keeps its list tight");
  assert.equal(blockMarkdown(n.code_block.create({ language: "sh" }, [text("echo ```\n")])), "````sh\necho ```\n````");
  assert.equal(blockMarkdown(n.horizontal_rule.create()), "---");
  assert.equal(blockMarkdown(p(text("line"), n.hard_break.create(), text("next"))), "line\\\nnext");
  assert.equal(blockMarkdown(p(n.image.create({ src: "/media/a.jpg", alt: "A [lake]" }))), "![A \\[lake\\]](/media/a.jpg)");
  assert.equal(blockMarkdown(p(text("note"), n.footnote_ref.create({ label: "1" }))), "note[^1]");
});

test("tables have a header row, alignment and no pipes of their own", () => {
  const cell = (type, value, align = null) => n[type].create({ align }, value ? [text(value)] : []);
  const row = (...cells) => n.table_row.create(null, cells);
  const table = n.table.create(null, [
    row(cell("table_header", "Region"), cell("table_header", "People", "right")),
    row(cell("table_cell", "Sughd | north"), cell("table_cell", "2,700,000", "right")),
  ]);
  assert.equal(blockMarkdown(table), "| Region | People |\n| --- | ---: |\n| Sughd \\| north | 2,700,000 |");
});
