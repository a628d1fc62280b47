import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { gongwenDocx, MARGINS, PAGE, LINE_TWIPS, CHAR_SPACE } from './gongwen.ts';

/** The attributes of the first `<w:tag …>` in the XML, as numbers where they are numbers. */
function attrs(xml: string, tag: string): Record<string, string | number> {
  const el = new RegExp(`<w:${tag} ([^>]*?)/?>`).exec(xml) ?? assert.fail(`no w:${tag}`);
  return Object.fromEntries(
    [...el[1].matchAll(/w:(\w+)="([^"]*)"/g)].map(([, k, v]) => [
      k,
      /^-?\d+$/.test(v) ? Number(v) : v,
    ]),
  );
}

test('GB/T 9704 geometry in twips, computed from millimetres', () => {
  assert.deepEqual(MARGINS, { top: 2098, bottom: 1984, left: 1587, right: 1474 });
  assert.deepEqual(PAGE, { width: 11906, height: 16838 });
  assert.equal(LINE_TWIPS, 579);
  // 28 characters of 3号 (16 pt = 320 twips) fill the text width of 156 mm (8844 twips) within one character.
  assert.ok(Math.abs(PAGE.width - MARGINS.left - MARGINS.right - 28 * 320) < 320);
});

test('a 公文 .docx: title, body, headings, table, fonts, footer page numbers', async () => {
  const buf = await gongwenDocx({
    title: '政府信息公开申请答复书',
    blocks: [
      { kind: 'h1', text: '一、总体情况' },
      { kind: 'h2', text: '（一）主动公开' },
      { kind: 'p', text: '正文<script>&“引号”' },
      { kind: 'table', header: [['项目', '数量']], rows: [['行政许可', '3']] },
    ],
  });
  const { value } = await mammoth.extractRawText({ buffer: buf });
  for (const s of [
    '政府信息公开申请答复书',
    '一、总体情况',
    '（一）主动公开',
    '正文<script>&“引号”',
    '行政许可',
  ])
    assert.ok(value.includes(s), s);
  const zip = await JSZip.loadAsync(buf);
  const doc = await zip.file('word/document.xml')!.async('string');
  assert.match(doc, /w:pgMar w:top="2098"[^>]*w:right="1474" w:bottom="1984" w:left="1587"/);
  assert.match(doc, /w:pgSz w:w="11906" w:h="16838"/);
  assert.match(doc, /w:eastAsia="方正小标宋简体"/);
  assert.match(doc, /w:eastAsia="黑体"/);
  assert.match(doc, /w:eastAsia="楷体_GB2312"/);
  assert.match(doc, /w:line="579" w:lineRule="exact"/);
  const footers = Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f));
  assert.equal(footers.length, 2, 'odd and even footers');
  const footer = await zip.file(footers[0])!.async('string');
  assert.match(footer, /— /);
  assert.match(footer, /PAGE/);
  assert.match(footer, /w:eastAsia="宋体"/);
});

test("the section: A4, margins, the 22 × 28 document grid and the footer distance, from the standard's millimetres", async () => {
  const tw = (mm: number) => Math.round((mm * 1440) / 25.4);
  const zip = await JSZip.loadAsync(
    await gongwenDocx({
      title: '关于开展法治政府建设工作的通知',
      blocks: [{ kind: 'p', text: '各科室：' }],
    }),
  );
  const doc = await zip.file('word/document.xml')!.async('string');
  const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)?.[0] ?? assert.fail('no sectPr');
  // §5.2.1: A4; §5.2.2 版心 156 mm × 225 mm: 天头 37 mm, 订口 28 mm (so 26 mm and 35 mm opposite).
  assert.deepEqual(attrs(sect, 'pgSz'), { w: tw(210), h: tw(297), orient: 'portrait' });
  const mar = attrs(sect, 'pgMar');
  assert.deepEqual(
    { top: mar.top, bottom: mar.bottom, left: mar.left, right: mar.right },
    { top: tw(37), bottom: tw(35), left: tw(28), right: tw(26) },
  );
  const width = tw(210) - tw(28) - tw(26);
  const height = tw(297) - tw(37) - tw(35);
  // §5.2.2: 22 lines of 28 characters of 3号 (16 pt = 320 twips) — held by the grid, not by luck.
  const grid = attrs(sect, 'docGrid');
  assert.equal(grid.type, 'linesAndChars');
  const linePitch = grid.linePitch as number;
  assert.ok(
    22 * linePitch <= height && 23 * linePitch > height,
    `22 lines of ${linePitch} twips in ${height}`,
  );
  assert.equal(linePitch, Math.floor(height / 22));
  // Word adds charSpace/4096 pt to each character: the pitch must let exactly 28 characters fit, and
  // charSpace + 1 must not (Word rounds the other way and sets 27 a line).
  const pitch = (cs: number) => 320 + (cs * 20) / 4096;
  const charSpace = grid.charSpace as number;
  assert.equal(charSpace, CHAR_SPACE);
  assert.equal(
    Math.floor(width / pitch(charSpace)),
    28,
    `28 characters of ${pitch(charSpace)} twips in ${width}`,
  );
  assert.equal(Math.floor(width / pitch(charSpace + 1)), 27, 'the largest charSpace that fits 28');
  assert.equal(Math.floor(width / 320), 27, 'without the grid Word sets 27 characters a line');
  // §7.5: the 一字线 lies 7 mm below the text block, i.e. 28 mm above the page edge. The footer line is
  // exactly one 4号 character (14 pt = 280 twips) high with the dash at its middle.
  for (const f of Object.keys(zip.files).filter((n) => /word\/footer\d+\.xml/.test(n))) {
    const footer = await zip.file(f)!.async('string');
    assert.deepEqual(attrs(footer, 'spacing'), { line: 280, lineRule: 'exact' }, f);
  }
  const dashAboveEdge = (mar.footer as number) + 280 / 2;
  assert.ok(
    Math.abs(dashAboveEdge - (tw(35) - tw(7))) <= 1,
    `一字线 ${dashAboveEdge} twips above the page edge, 7 mm below the text block at ${tw(35)}`,
  );
  assert.ok((mar.footer as number) > tw(7) + 280, 'not 7 mm from the page edge');
  // Body indents are two grid characters, so the first line also holds 26 characters plus the indent.
  assert.match(doc, /<w:ind w:firstLine="\d+" w:firstLineChars="200"\/>/);
  const ind = attrs(doc, 'ind');
  assert.equal(Math.floor((width - (ind.firstLine as number)) / pitch(charSpace)), 26);
});

test('§7.3.5: the 发文机关署名 and 成文日期 — the date in Arabic numerals, starting two characters right of the authority', async () => {
  const { gongwenDate, signIndents } = await import('./gongwen.ts');
  assert.equal(gongwenDate('2026-12-05'), '2026年12月5日');
  assert.equal(gongwenDate('2027-01-09'), '2027年1月9日');
  // 示范市科学技术局 (8) and 2026年1月5日 (6 digits = 3 characters, + 3): the authority 2 from the right, the date 2 right of its start.
  assert.deepEqual(signIndents('示范市科学技术局', '2026年1月5日'), { authority: 2, date: 2 });
  // A longer date keeps 2 characters from the margin; the authority moves right.
  assert.deepEqual(signIndents('示范市科学技术局', '2026年12月15日'), { authority: 3, date: 2 });
  // A long authority: the date moves left with it.
  assert.deepEqual(signIndents('示范市科学技术局办公室', '2026年1月5日'), {
    authority: 2,
    date: 5,
  });
  const zip = await JSZip.loadAsync(
    await gongwenDocx({
      title: '关于印发某办法的通知',
      blocks: [
        { kind: 'p', text: '正文。' },
        { kind: 'sign', authority: '示范市科学技术局', date: '2026-12-05' },
      ],
    }),
  );
  const doc = await zip.file('word/document.xml')!.async('string');
  const ps = doc.match(/<w:p>.*?<\/w:p>/gs)!;
  const [name, on] = ps.slice(-2);
  assert.match(name, /示范市科学技术局/);
  assert.match(on, /2026年12月5日/);
  for (const p of [name, on]) assert.match(p, /<w:jc w:val="right"\/>/);
  assert.equal(ps.at(-3)!.includes('<w:t'), false, 'an empty line above');
});

test('a landscape block is a section of its own between portrait ones; page numbers and the grid carry on', async () => {
  const zip = await JSZip.loadAsync(
    await gongwenDocx({
      title: '报告',
      blocks: [
        { kind: 'p', text: '前文' },
        {
          kind: 'landscape',
          blocks: [{ kind: 'table', header: [['甲', '乙']], rows: [['1', '2']] }],
        },
        { kind: 'p', text: '后文' },
      ],
    }),
  );
  const doc = await zip.file('word/document.xml')!.async('string');
  const sects = doc.match(/<w:sectPr>.*?<\/w:sectPr>/gs)!;
  assert.equal(sects.length, 3);
  assert.deepEqual(
    sects.map((s) => attrs(s, 'pgSz').orient),
    ['portrait', 'landscape', 'portrait'],
  );
  assert.deepEqual(attrs(sects[1], 'pgSz'), { w: PAGE.height, h: PAGE.width, orient: 'landscape' });
  for (const s of sects) assert.match(s, /<w:footerReference/);
  for (const s of sects) assert.equal(attrs(s, 'docGrid').charSpace, CHAR_SPACE);
  // The landscape table spans the landscape text block (225 mm), not the portrait one.
  const mar = attrs(sects[1], 'pgMar');
  const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce(
    (a, m) => a + Number(m[1]),
    0,
  );
  assert.ok(
    Math.abs(grid - (PAGE.height - (mar.left as number) - (mar.right as number))) <= 2,
    `${grid}`,
  );
  // The table follows the first section's closing paragraph and precedes the landscape one's.
  assert.ok(
    doc.indexOf('<w:tbl>') > doc.indexOf(sects[0]) &&
      doc.indexOf('<w:tbl>') < doc.indexOf(sects[1]),
  );
  assert.match(
    doc,
    /<w:snapToGrid w:val="(false|0)"\/>/,
    'table text in 小四 does not snap to the 3号 grid',
  );
});
