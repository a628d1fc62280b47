// 提交合法性审查 is declared once (forms.ts, issue 11 item 2): the new-matter page is served the form
// (GET /api/reviews/forms), and POST /api/reviews refuses a body by the same Chinese labels, derived
// from it; what the API took before (the materials, the date left out) stays accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formsContract } from '../../server/testApi.ts';
import { MATTER_FORMS } from './forms.ts';
import { MATTER_TYPE_LABELS } from './labels.ts';
import { reviewsKit } from './testkit.ts';

const k = reviewsKit();

test('the new-matter page gets the declared form; the route refuses by its labels', async () => {
  const served = await k.ok(k.staff, 'GET', '/api/reviews/forms');
  assert.deepEqual(Object.keys(served), Object.keys(MATTER_FORMS));
  await formsContract({
    refused: k.refused,
    as: k.staff,
    served,
    declared: MATTER_FORMS,
    routes: { submit: { url: '/api/reviews', body: { type: 'contract' } } },
  });
  // The matter types as the list shows them; the hints as the page showed them.
  assert.deepEqual(
    served.submit[0].options.map((o: { label: string }) => o.label),
    Object.values(MATTER_TYPE_LABELS),
  );
  assert.deepEqual(
    served.submit.map((f: { help?: string }) => f.help ?? null),
    [null, null, '审查事项的背景、依据和需要重点审查的问题', '留空按该类事项的默认审查期限计算'],
  );
  // An option outside the declared ones; a text over its declared limit; a date that is none.
  const body = { type: 'contract', title: '技术服务合同' };
  await k.refused(k.staff, 'POST', '/api/reviews', { ...body, type: 'lease' }, 400, /事项类型/);
  await k.refused(
    k.staff,
    'POST',
    '/api/reviews',
    { ...body, title: '合'.repeat(201) },
    400,
    /事项名称/,
  );
  await k.refused(
    k.staff,
    'POST',
    '/api/reviews',
    { ...body, requestedBy: '下周五' },
    400,
    /要求完成日期/,
  );
  // The page's body: the form's values (an empty explanation left out) and the materials.
  const v = await k.ok(k.staff, 'POST', '/api/reviews', { ...body, fileIds: [] });
  assert.equal(v.matter.title, '技术服务合同');
  assert.equal(v.matter.type, 'contract');
});
