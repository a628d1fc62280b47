// Tables 三 and 四 of the 政府信息公开工作年度报告 are wide (7 and 15 figure columns): in the portrait text
// block their headers (自然人, 商业企业, 结果维持…) wrapped one character per line (issue 13 item 18). They
// stand on a landscape page whose columns hold at least two characters of 小四 per line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { buildTable3, TABLE2_LAYOUT, type Table2Row } from './tables.ts';
import { reportDocxOf } from './export.ts';
import type { Snapshot } from './service.ts';

const table2: Table2Row[] = TABLE2_LAYOUT.map((l) => ({
  ...l,
  values: l.columns.map(() => 1),
  source: 'manual',
}));
const SNAPSHOT: Snapshot = {
  table2,
  table3: buildTable3({
    received: { naturalPerson: 5, business: 2 },
    carriedIn: {},
    results: { disclose: { naturalPerson: 5, business: 2 } },
    carriedOut: {},
  }),
  table4: Array(15).fill(0),
  fees: { count: 0, amount: 0 },
};

async function documentXml(): Promise<string> {
  const zip = await JSZip.loadAsync(
    await reportDocxOf(
      '示范市科学技术局2025年政府信息公开工作年度报告',
      2025,
      { overview: '总体情况。', problems: '问题。', other: '' },
      SNAPSHOT,
    ),
  );
  return zip.file('word/document.xml')!.async('string');
}

const num = (xml: string, re: RegExp) => Number(re.exec(xml)?.[1] ?? NaN);

/** The body cut at its section ends: each section's content with its w:sectPr. */
function sections(xml: string): Array<{ content: string; sectPr: string }> {
  const body = /<w:body>(.*)<\/w:body>/s.exec(xml)![1];
  const out: Array<{ content: string; sectPr: string }> = [];
  let rest = body;
  for (;;) {
    const m = /<w:sectPr[ >].*?<\/w:sectPr>/s.exec(rest);
    if (!m) break;
    out.push({ content: rest.slice(0, m.index), sectPr: m[0] });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** Each header cell of a table: its text and its width minus the cell margins, in twips. */
function headerCells(tbl: string): Array<{ text: string; inner: number; snaps: boolean }> {
  const margin = (side: string) =>
    num(tbl, new RegExp(`<w:tblCellMar>.*?<w:${side} w:w="(\\d+)"`, 's')) || 108; // Word's default 0.19 cm
  const rows = (tbl.match(/<w:tr>.*?<\/w:tr>/gs) ?? []).filter((tr) => /<w:tblHeader\/>/.test(tr));
  return rows.flatMap((tr) =>
    (tr.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map((tc) => ({
      text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      inner: num(tc, /<w:tcW [^>]*w:w="(\d+)"/) - margin('left') - margin('right'),
      snaps: !/<w:snapToGrid w:val="(false|0)"\/>/.test(tc),
    })),
  );
}

test('tables 三 and 四 stand on a landscape page, table 二 and the text around them on portrait pages', async () => {
  const xml = await documentXml();
  const parts = sections(xml);
  const where = (s: string) => parts.findIndex((p) => p.content.includes(s));
  const orient = (i: number) => /w:orient="(\w+)"/.exec(parts[i].sectPr)?.[1];
  assert.equal(orient(where('申请人情况')), 'landscape', 'table 三');
  assert.equal(orient(where('未经复议直接起诉')), 'landscape', 'table 四');
  assert.equal(
    orient(where('三、收到和处理政府信息公开申请情况')),
    'landscape',
    'the heading stays with its table',
  );
  assert.equal(orient(where('第二十条第（一）项')), 'portrait', 'table 二');
  assert.equal(orient(where('五、存在的主要问题及改进情况')), 'portrait');
  const land = parts[where('申请人情况')].sectPr;
  assert.ok(num(land, /w:w="(\d+)"/) > num(land, /w:h="(\d+)"/), 'the page is wider than high');
  assert.match(land, /<w:footerReference/, 'page numbers run on');
  // Each table fits the landscape text block.
  const textWidth =
    num(land, /w:w="(\d+)"/) - num(land, /w:left="(\d+)"/) - num(land, /w:right="(\d+)"/);
  for (const tbl of parts[where('申请人情况')].content.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []) {
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce(
      (a, m) => a + Number(m[1]),
      0,
    );
    assert.ok(grid <= textWidth, `table ${grid} twips in ${textWidth}`);
  }
});

test('no header cell of tables 三 and 四 wraps one character per line (at least two characters of 小四 a line)', async () => {
  const xml = await documentXml();
  const tbls = xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
  const three = tbls.find((t) => t.includes('申请人情况'))!;
  const four = tbls.find((t) => t.includes('未经复议直接起诉'))!;
  const narrow: string[] = [];
  for (const [name, tbl] of [
    ['三', three],
    ['四', four],
  ] as const) {
    for (const c of headerCells(tbl)) {
      // Snapped to the 3号 document grid a character takes a grid cell (about 316 twips); not snapped, 小四 is 240.
      const char = c.snaps ? 316 : 240;
      if (c.inner < 2 * char) narrow.push(`table ${name} ${c.text}: ${c.inner} twips`);
    }
  }
  assert.deepEqual(narrow, []);
  const cells = headerCells(three);
  for (const label of ['自然人', '商业企业', '科研机构', '总计']) {
    const c = cells.find((x) => x.text === label)!;
    assert.ok(c.inner >= [...label].length * 240, `${label} on one line (${c.inner} twips)`);
  }
});
