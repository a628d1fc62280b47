// The draft from facts (pure): areas in REPORT_AREAS order, part (二) from the facts outside their
// expected range, part (三) from the 第一责任人 facts, last year's plans, the template's order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from './assemble.ts';
import { sentenceInlines, blockText, type Figure } from './document.ts';
import type { AreaFigure } from './facts.ts';
import { reportTemplateSetting } from './template.ts';

const fact = (
  key: string,
  area: AreaFigure['area'],
  value: number,
  extra: Partial<AreaFigure> = {},
): AreaFigure => ({
  key,
  label: key,
  value,
  unit: '件',
  sentence: `${key}共${value}件。`,
  method: '',
  records: { path: '/api/x', query: {} },
  area,
  ...extra,
});

test('parts, areas, shortfalls and the 第一责任人 facts', () => {
  const facts = [
    fact('docs.issued', 'documents', 3),
    fact('decisions.made', 'decisions', 2),
    fact('meetings.partyGroup', 'firstResponsible', 12),
    fact('docs.filedOnTime', 'documents', 80, {
      unit: '%',
      expect: { min: 100, shortfall: '规范性文件未全部按期备案', suggestion: '备案期限前提醒' },
    }),
    fact('timeliness.late.x.y', 'timeliness', 2, {
      expect: { max: 0, shortfall: '某环节超期', suggestion: '到期前提醒' },
    }),
  ];
  const doc = assemble({
    year: 2025,
    department: '示范市科学技术局',
    template: reportTemplateSetting.defaults,
    facts,
    referenceYear: 2024,
  });
  assert.equal(doc.title, '示范市科学技术局2025年法治政府建设年度报告');
  const [measures, shortcomings, first, plans] = doc.parts;
  const h2 = measures.blocks
    .filter((b) => b.kind === 'h2')
    .map((b) => (b.inlines[0] as { text: string }).text);
  assert.deepEqual(
    h2,
    ['依法科学民主决策', '行政规范性文件管理'],
    'REPORT_AREAS order; no 第一责任人 or timeliness section in part (一)',
  );
  const text = (b: { inlines: Array<{ t: string; text?: string; key?: string }> }) =>
    b.inlines.map((i) => i.text ?? `[${i.key}]`).join('');
  assert.deepEqual(shortcomings.blocks.filter((b) => b.inlines.length).map(text), [
    '经对照2025年度办理记录，主要存在以下不足：',
    '一是规范性文件未全部按期备案。[docs.filedOnTime]',
    '二是某环节超期。[timeliness.late.x.y]',
    '改进措施：一是备案期限前提醒；二是到期前提醒。',
  ]);
  assert.equal(text(first.blocks[0]), '[meetings.partyGroup]');
  // Last year's plans are a reference beside the editor, never this year's text (issue 13 item 10).
  assert.equal(plans.blocks.length, 1);
  assert.equal(plans.blocks[0].inlines.length, 0);
  assert.match(plans.blocks[0].hint ?? '', /写明2026年度.*可参考2024年度报告所列安排/);
  assert.match(plans.heading, /^2026年度/);
});

test('a fact sentence as text around a live value reference', () => {
  const f: Figure = {
    key: 'k',
    label: 'k',
    value: 2025,
    unit: '条',
    sentence: '2025年主动公开政府信息2025条。',
    method: '',
    records: { path: '/x', query: {} },
  };
  const inl = sentenceInlines(f);
  assert.deepEqual(
    inl,
    [
      { t: 'text', text: '2025年主动公开政府信息' },
      { t: 'fact', key: 'k', form: 'value' },
      { t: 'text', text: '条。' },
    ],
    'the value with its unit, not the year',
  );
  assert.equal(
    blockText({ id: 'b', kind: 'p', inlines: inl }, () => ({ ...f, value: 2100 })),
    '2025年主动公开政府信息2100条。',
  );
});

test('facts with nothing to say are left out; one paragraph per provider; an area with nothing to say has no section', () => {
  const facts = [
    fact('decisions.made', 'decisions', 0, {
      sentence: '本年度未作出重大行政决策。',
      module: 'decisions',
    }),
    fact('decisions.collective', 'decisions', 0, { sentence: '', module: 'decisions' }),
    fact('meetings.directorsOffice', 'decisions', 0, { sentence: '', module: 'meetings' }),
    fact('reviews.matters', 'decisions', 2, { module: 'reviews' }),
    fact('reviews.opinions', 'decisions', 3, { module: 'reviews' }),
    fact('documents.issued', 'documents', 0, { sentence: '', module: 'documents' }),
    fact('study.ledByHead', 'firstResponsible', 0, { sentence: '', module: 'reports.study' }),
  ];
  const doc = assemble({
    year: 2025,
    department: '示范市科学技术局',
    template: reportTemplateSetting.defaults,
    facts,
  });
  const text = (b: { inlines: Array<{ t: string; text?: string; key?: string }> }) =>
    b.inlines.map((i) => i.text ?? `[${i.key}]`).join('');
  assert.deepEqual(doc.parts[0].blocks.filter((b) => b.inlines.length).map(text), [
    '依法科学民主决策',
    '[decisions.made]',
    '[reviews.matters][reviews.opinions]',
  ]);
  assert.deepEqual(
    doc.parts[2].blocks.filter((b) => b.inlines.length),
    [],
    'no empty 第一责任人 paragraph',
  );
});

test('a sentence that does not state its figure is plain text when rewritten; a date is not a figure', () => {
  const base: Figure = {
    key: 'k',
    label: 'k',
    value: 0,
    unit: '项',
    sentence: '本年度未作出重大行政决策。',
    method: '',
    records: { path: '/x', query: {} },
  };
  assert.deepEqual(
    sentenceInlines(base),
    [{ t: 'text', text: '本年度未作出重大行政决策。' }],
    'no "…。0项" appended',
  );
  const dated = { ...base, value: 1, unit: '次', sentence: '于2025年1月5日更新政府信息公开指南。' };
  assert.deepEqual(
    sentenceInlines(dated),
    [{ t: 'text', text: '于2025年1月5日更新政府信息公开指南。' }],
    'the 1 of 1月 is not the figure',
  );
  const asOf = {
    ...base,
    value: 12,
    unit: '件',
    sentence: '截至2025年12月31日，现行有效行政规范性文件12件。',
  };
  assert.deepEqual(sentenceInlines(asOf), [
    { t: 'text', text: '截至2025年12月31日，现行有效行政规范性文件' },
    { t: 'fact', key: 'k', form: 'value' },
    { t: 'text', text: '件。' },
  ]);
});
