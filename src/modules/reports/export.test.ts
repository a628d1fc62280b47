// The report as a 公文 .docx, read back from its XML: page, margins, the fonts and sizes of the
// title, the 一、 and （一） headings and the body, the figures written out, hints left out, the
// signature, and the "— 1 —" page numbers. PDF only when LibreOffice is installed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { docxToPdf, findSoffice, reportDocx } from './export.ts';
import type { Figure, ReportDocument } from './document.ts';

const figure = (key: string, value: number, sentence: string): Figure => ({
  key,
  label: key,
  value,
  unit: '件',
  sentence,
  method: '',
  records: { path: '/api/x', query: {} },
});
const figures = {
  'documents.issued': figure('documents.issued', 3, '2025年制发行政规范性文件3件。'),
  'study.sessions': figure('study.sessions', 5, '2025年组织领导干部学法5次。'),
};
const doc: ReportDocument = {
  title: '示范市科学技术局2025年法治政府建设年度报告',
  preface: [{ id: 'a', kind: 'p', inlines: [], hint: '导语' }],
  parts: [
    {
      code: 'measures',
      heading: '2025年度推进法治政府建设的主要举措和成效',
      blocks: [
        { id: 'b', kind: 'h2', inlines: [{ t: 'text', text: '行政规范性文件管理' }] },
        {
          id: 'c',
          kind: 'p',
          inlines: [
            { t: 'fact', key: 'documents.issued', form: 'sentence' },
            { t: 'text', text: '共出台' },
            { t: 'fact', key: 'documents.issued', form: 'value' },
            { t: 'text', text: '件，执法人员' },
            { t: 'manual', text: '18' },
            { t: 'text', text: '名。' },
          ],
        },
        { id: 'd', kind: 'p', inlines: [], hint: '补充举措' },
      ],
    },
    {
      code: 'shortcomings',
      heading: '存在的不足和原因',
      blocks: [{ id: 'e', kind: 'p', inlines: [{ t: 'text', text: '一是学法不够系统。' }] }],
    },
    {
      code: 'firstResponsible',
      heading: '第一责任人职责',
      blocks: [
        { id: 'f', kind: 'p', inlines: [{ t: 'fact', key: 'study.sessions', form: 'sentence' }] },
      ],
    },
    {
      code: 'plans',
      heading: '2026年度主要安排',
      blocks: [
        { id: 'g', kind: 'h2', inlines: [{ t: 'text', text: '深化学法' }] },
        { id: 'h', kind: 'h2', inlines: [{ t: 'text', text: '严格执法' }] },
      ],
    },
    { code: 'other', heading: '其他需要报告的情况', blocks: [] },
  ],
};

/** Each paragraph of document.xml: its text, its East Asian fonts, sizes and alignment. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const p = m[1] ?? m[2];
    return {
      text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
      fonts: [...new Set([...p.matchAll(/w:eastAsia="([^"]+)"/g)].map((x) => x[1]))],
      sizes: [...new Set([...p.matchAll(/<w:sz w:val="(\d+)"/g)].map((x) => Number(x[1])))],
      align: /<w:jc w:val="(\w+)"/.exec(p)?.[1],
    };
  });
}

test('the report .docx in 公文格式 (GB/T 9704-2012), read back from the XML', async () => {
  const buf = await reportDocx(doc, figures, { department: '示范市科学技术局', on: '2026-02-10' });
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/, 'A4');
  assert.match(
    xml,
    /w:pgMar w:top="2098"[^>]*w:right="1474" w:bottom="1984" w:left="1587"/,
    '37/35/28/26 mm',
  );
  assert.match(xml, /w:line="579" w:lineRule="exact"/, '22 lines a page');
  const ps = paragraphs(xml).filter((p) => p.text);
  const find = (text: string) =>
    ps.find((p) => p.text === text) ??
    assert.fail(`no paragraph «${text}» in ${ps.map((p) => p.text).join(' | ')}`);
  assert.deepEqual(find('示范市科学技术局2025年法治政府建设年度报告'), {
    text: '示范市科学技术局2025年法治政府建设年度报告',
    fonts: ['方正小标宋简体'],
    sizes: [44],
    align: 'center',
  });
  assert.deepEqual(find('一、2025年度推进法治政府建设的主要举措和成效').fonts, ['黑体']);
  assert.deepEqual(find('（一）行政规范性文件管理').fonts, ['楷体_GB2312']);
  assert.deepEqual(
    find('（二）严格执法').fonts,
    ['楷体_GB2312'],
    'second-level headings numbered within their part',
  );
  const body = find('2025年制发行政规范性文件3件。共出台3件，执法人员18名。');
  assert.deepEqual(
    { fonts: body.fonts, sizes: body.sizes },
    { fonts: ['仿宋_GB2312'], sizes: [32] },
  );
  assert.deepEqual(
    ps.map((p) => p.text).filter((t) => /^[一二三四五]、/.test(t)),
    [
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、存在的不足和原因',
      '三、第一责任人职责',
      '四、2026年度主要安排',
      '五、其他需要报告的情况',
    ],
  );
  assert.ok(!ps.some((p) => /导语|补充举措/.test(p.text)), 'hints are never exported');
  assert.equal(find('2026年2月10日').align, 'right');
  assert.equal(find('示范市科学技术局').align, 'right');
  const footers = Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f));
  assert.equal(footers.length, 2);
  for (const f of footers) {
    const footer = await zip.file(f)!.async('string');
    assert.match(footer, /— [\s\S]*PAGE[\s\S]* —/);
    assert.match(footer, /w:eastAsia="宋体"/);
    assert.match(footer, /<w:sz w:val="28"\/>/, '4号');
  }
});

test('PDF through LibreOffice when installed; without it a clear Chinese refusal', async () => {
  const make = async () =>
    docxToPdf(await reportDocx(doc, figures, { department: '示范市科学技术局', on: '2026-02-10' }));
  if (await findSoffice()) {
    assert.equal((await make()).subarray(0, 5).toString(), '%PDF-');
  } else {
    await assert.rejects(
      make,
      (e: Error & { code?: string }) =>
        e.code === 'UNAVAILABLE' && /LibreOffice/.test(e.message) && /\.docx/.test(e.message),
    );
  }
});
