// The annual report's .docx tables in the layout of the official form (国办公开办函〔2021〕30号): unzip and read the XML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { buildTable3, TABLE2_LAYOUT, TABLE3_NOTE, type Table2Row } from './tables.ts';
import { reportDocxOf } from './export.ts';
import type { Snapshot } from './service.ts';

const table2: Table2Row[] = TABLE2_LAYOUT.map((l, i) => ({
  ...l,
  values: l.columns.map((_, j) => 10 * i + j),
  source: 'manual',
}));
const table3 = buildTable3({
  received: { naturalPerson: 5, business: 2 },
  carriedIn: { naturalPerson: 1 },
  results: { disclose: { naturalPerson: 3 }, withhold_process: { business: 1 } },
  carriedOut: { naturalPerson: 3, business: 1 },
});
const SNAPSHOT: Snapshot = {
  table2,
  table3,
  table4: [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1],
  fees: { count: 0, amount: 0 },
};

async function tables(): Promise<{ xml: string; tbls: string[] }> {
  const zip = await JSZip.loadAsync(
    await reportDocxOf(
      '示范市科学技术局2025年政府信息公开工作年度报告',
      2025,
      { overview: '总体情况。', problems: '问题。', other: '' },
      SNAPSHOT,
    ),
  );
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, tbls: xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [] };
}

/** Rows of cells: each cell's text and merge marks. */
function cells(tbl: string) {
  return (tbl.match(/<w:tr>.*?<\/w:tr>/gs) ?? []).map((tr) =>
    (tr.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map((tc) => ({
      text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      span: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1),
      vMerge: /<w:vMerge w:val="restart"\/>/.test(tc)
        ? 'restart'
        : /<w:vMerge(?: w:val="continue")?\/>/.test(tc)
          ? 'continue'
          : '',
    })),
  );
}
const count = (tbl: string, re: RegExp) => (tbl.match(re) ?? []).length;
const spans = (tbl: string, n: number) => count(tbl, new RegExp(`<w:gridSpan w:val="${n}"/>`, 'g'));

test('the report has its three tables where the placeholders stood, one 勾稽 note and no 条款 column', async () => {
  const { xml, tbls } = await tables();
  assert.equal(tbls.length, 3);
  assert.doesNotMatch(xml, /\{\{table/);
  assert.doesNotMatch(xml, /条款/);
  assert.equal(xml.split(TABLE3_NOTE).length - 1, 1, 'the 勾稽 note is printed once, in table 三');
  const order = [
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '三、收到和处理政府信息公开申请情况',
    '申请人情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '未经复议直接起诉',
    '五、存在的主要问题及改进情况',
  ].map((s) => xml.indexOf(s));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(order.every((i) => i > 0));
});

test('table 二: a title row per 第二十条 block across four columns; one-figure blocks span the three figure columns', async () => {
  const t = (await tables()).tbls[0];
  const rows = cells(t);
  assert.deepEqual(
    rows.slice(0, 4).map((r) => r.map((c) => `${c.text}${c.span > 1 ? `×${c.span}` : ''}`)),
    [
      ['第二十条第（一）项×4'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '1', '2'],
      ['行政规范性文件', '10', '11', '12'],
    ],
  );
  assert.deepEqual(
    rows.slice(4).map((r) => r.map((c) => `${c.text}${c.span > 1 ? `×${c.span}` : ''}`)),
    [
      ['第二十条第（五）项×4'],
      ['信息内容', '本年处理决定数量×3'],
      ['行政许可', '20×3'],
      ['第二十条第（六）项×4'],
      ['信息内容', '本年处理决定数量×3'],
      ['行政处罚', '30×3'],
      ['行政强制', '40×3'],
      ['第二十条第（八）项×4'],
      ['信息内容', '本年收费金额（单位：万元）×3'],
      ['行政事业性收费', '50×3'],
    ],
  );
  assert.equal(spans(t, 4), 4);
  assert.equal(spans(t, 3), 7);
  assert.equal(count(t, /<w:vMerge/g), 0);
});

test('table 三: 申请人情况 / 法人或其他组织 headers, the note three rows deep, each row group printed once', async () => {
  const t = (await tables()).tbls[1];
  const rows = cells(t);
  assert.equal(rows.length, 3 + 25);
  assert.deepEqual(
    rows[0].map((c) => [c.text, c.span, c.vMerge]),
    [
      [TABLE3_NOTE, 3, 'restart'],
      ['申请人情况', 7, ''],
    ],
  );
  assert.deepEqual(
    rows[1].map((c) => [c.text, c.span, c.vMerge]),
    [
      ['', 3, 'continue'],
      ['自然人', 1, 'restart'],
      ['法人或其他组织', 5, ''],
      ['总计', 1, 'restart'],
    ],
  );
  assert.deepEqual(
    rows[2].map((c) => c.text),
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  );
  // Every row has 10 grid columns.
  for (const r of rows)
    assert.equal(
      r.reduce((a, c) => a + c.span, 0),
      10,
    );
  assert.deepEqual(
    rows[3].map((c) => c.text),
    ['一、本年新收政府信息公开申请数量', '5', '2', '0', '0', '0', '0', '7'],
  );
  assert.deepEqual(
    rows[5].slice(0, 2).map((c) => [c.text, c.span, c.vMerge]),
    [
      ['三、本年度办理结果', 1, 'restart'],
      ['（一）予以公开', 2, ''],
    ],
  );
  assert.deepEqual(
    rows[7].slice(0, 3).map((c) => [c.text, c.vMerge]),
    [
      ['', 'continue'],
      ['（三）不予公开', 'restart'],
      ['1.属于国家秘密', ''],
    ],
  );
  assert.deepEqual(
    rows[12].slice(0, 3).map((c) => [c.text, c.vMerge]),
    [
      ['', 'continue'],
      ['', 'continue'],
      ['6.属于四类过程性信息', ''],
    ],
  );
  assert.equal(rows[12][4].text, '1', '商业企业 column');
  assert.deepEqual(
    rows[26].slice(0, 2).map((c) => [c.text, c.span]),
    [
      ['', 1],
      ['（七）总计', 2],
    ],
  );
  assert.deepEqual(
    rows[27].slice(0, 1).map((c) => [c.text, c.span]),
    [['四、结转下年度继续办理', 3]],
  );
  for (const label of [
    '三、本年度办理结果',
    '（三）不予公开',
    '（四）无法提供',
    '（五）不予处理',
    '（六）其他处理',
  ])
    assert.equal(t.split(`>${label}<`).length - 1, 1, label);
  // Merges: the note (3 rows), 自然人 and 总计 (2), 三、本年度办理结果 (22), the four groups (8, 3, 5, 3).
  assert.equal(count(t, /<w:vMerge w:val="restart"\/>/g), 8);
  assert.equal(count(t, /<w:vMerge(?: w:val="continue")?\/>/g), 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2);
  assert.equal(spans(t, 7), 1);
  assert.equal(spans(t, 5), 1);
  assert.equal(spans(t, 3), 3 + 3, 'the note (in its three rows) and rows 一, 二, 四');
  assert.equal(spans(t, 2), 3, '（一）, （二）, （七）');
});

test('table 四: 行政复议 and the 行政诉讼 parent header, its two kinds below, fifteen figures', async () => {
  const t = (await tables()).tbls[2];
  const rows = cells(t);
  const show = (r: ReturnType<typeof cells>[number]) =>
    r.map((c) => `${c.text}${c.span > 1 ? `×${c.span}` : ''}${c.vMerge ? `:${c.vMerge}` : ''}`);
  assert.deepEqual(show(rows[0]), ['行政复议×5', '行政诉讼×10']);
  assert.deepEqual(show(rows[1]), [
    '结果维持:restart',
    '结果纠正:restart',
    '其他结果:restart',
    '尚未审结:restart',
    '总计:restart',
    '未经复议直接起诉×5',
    '复议后起诉×5',
  ]);
  assert.deepEqual(show(rows[2]), [
    ...Array(5).fill(':continue'),
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
  ]);
  assert.deepEqual(
    rows[3].map((c) => c.text),
    SNAPSHOT.table4.map(String),
  );
});
