import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { gongwenDocx, MARGINS, PAGE, LINE_TWIPS } from './gongwen.ts';

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
  for (const s of ['政府信息公开申请答复书', '一、总体情况', '（一）主动公开', '正文<script>&“引号”', '行政许可']) assert.ok(value.includes(s), s);
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
