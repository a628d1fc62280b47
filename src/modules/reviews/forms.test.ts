// The 合法性审查 forms are declared once (forms.ts, issue 11 item 2): the screens are served them (GET
// /api/reviews/forms) — 提交合法性审查, the matter page's acts, the 法律顾问 register and the time limits
// per type — and each route refuses a body by the same Chinese labels, derived from them; what the API
// took before (the materials, the date left out, 未开通 as null, the opinion of one's own) stays accepted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { formsContract, testApi } from '../../server/testApi.ts';
import { MATTER_FORMS, REVIEW_FORMS } from './forms.ts';
import { MATTER_TYPE_LABELS, reviewSettings } from './labels.ts';
import { advisorA, assignedContract, registered, reviewsKit, TABLES } from './testkit.ts';

const k = reviewsKit();
const settingsApi = testApi(() => k.t, [...TABLES, 'settings']);
const labelsOf = (f: { options: Array<{ label: string }> }) => f.options.map((o) => o.label);

test('the new-matter page gets the declared form; the route refuses by its labels', async () => {
  const served = await k.ok(k.staff, 'GET', '/api/reviews/forms');
  assert.deepEqual(Object.keys(served), Object.keys(REVIEW_FORMS));
  await formsContract({
    refused: k.refused,
    as: k.staff,
    served,
    declared: { submit: MATTER_FORMS.submit },
    routes: { submit: { url: '/api/reviews', body: { type: 'contract' } } },
  });
  // The matter types as the list shows them; the hints as the page showed them.
  assert.deepEqual(labelsOf(served.submit[0]), Object.values(MATTER_TYPE_LABELS));
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

test("the matter page's acts: served as declared, refused by their labels", async () => {
  const served = await k.ok(k.legal, 'GET', '/api/reviews/forms');
  const m = await assignedContract(k);
  const at = `/api/reviews/${m.matter.id}`;
  const { submit: _, ...acts } = MATTER_FORMS;
  await formsContract({
    refused: k.refused,
    as: k.legal,
    served,
    declared: acts,
    routes: {
      opinion: `${at}/opinions`,
      conclude: `${at}/conclude`,
      adoption: { url: `${at}/opinions/${randomUUID()}/adoption`, as: k.staff },
      withdraw: { url: `${at}/withdraw`, as: k.staff },
    },
  });
  assert.deepEqual(labelsOf(served.conclude[0]), ['合法', '修改后合法', '不合法']);
  assert.deepEqual(labelsOf(served.adoption[0]), ['采纳', '部分采纳', '未采纳']);
  // The records ticked or chosen are the page's: the ids of reviewers, advisors, assignments.
  assert.deepEqual(
    served.assign.map((f: { type: string; ref: boolean; maxItems: number }) => [
      f.type,
      f.ref,
      f.maxItems,
    ]),
    [
      ['tags', true, 20],
      ['tags', true, 20],
    ],
  );
  assert.equal(served.opinion[0].placeholder, '本人');
  await k.refused(k.legal, 'POST', `${at}/assign`, { userIds: ['张三'] }, 400, /法制审核人员/);
  const many = Array.from({ length: 21 }, () => randomUUID());
  await k.refused(k.legal, 'POST', `${at}/assign`, { advisorIds: many }, 400, /法律顾问、公职律师/);
  await k.refused(k.legal, 'POST', `${at}/opinions`, { body: '可' }, 400, /意见内容/);
  await k.refused(
    k.legal,
    'POST',
    `${at}/opinions`,
    { body: '建议修改', assignmentId: '周武' },
    400,
    /提出人/,
  );
  await k.refused(
    k.legal,
    'POST',
    `${at}/conclude`,
    { conclusion: 'fine', opinion: '合法' },
    400,
    /审查结论/,
  );
  await k.refused(
    k.staff,
    'POST',
    `${at}/withdraw`,
    { reason: '撤'.repeat(2001) },
    400,
    /撤回理由/,
  );
  // One's own opinion: 提出人 left out.
  const given = await k.ok(m.advisor, 'POST', `${at}/opinions`, { body: '第三条建议修改' });
  assert.equal(given.opinions.length, 1);
});

test('the 法律顾问 register: served as declared, refused by its labels, 未开通 taken as null', async () => {
  const served = await k.ok(k.legal, 'GET', '/api/reviews/forms');
  await formsContract({
    refused: k.refused,
    as: k.legal,
    served,
    declared: { advisor: REVIEW_FORMS.advisor },
    routes: { advisor: '/api/legal-advisors' },
  });
  assert.deepEqual(labelsOf(served.advisor[0]), ['法律顾问', '公职律师']);
  const userId = served.advisor.find((f: { name: string }) => f.name === 'userId');
  assert.deepEqual([userId.ref, userId.required, userId.placeholder], [true, false, '未开通']);
  const url = '/api/legal-advisors';
  const body = { ...advisorA, licenceNumber: 'FORMS-000001' };
  await k.refused(k.legal, 'POST', url, { ...body, kind: 'judge' }, 400, /类别/);
  await k.refused(k.legal, 'POST', url, { ...body, name: '陈' }, 400, /姓名/);
  await k.refused(
    k.legal,
    'POST',
    url,
    { ...body, licenceNumber: '13416#' },
    400,
    /执业证号：应为6至30位数字或字母/,
  );
  await k.refused(k.legal, 'POST', url, { ...body, termEnd: '年底' }, 400, /聘任截止日期/);
  await k.refused(k.legal, 'POST', url, { ...body, phone: '1'.repeat(31) }, 400, /联系电话/);
  const saved = await k.ok(k.legal, 'POST', url, { ...body, userId: null });
  assert.equal(saved.userId, null);
  const id = await registered(k, advisorA);
  assert.equal(
    (await k.ok(k.legal, 'PUT', `${url}/${id}`, { ...body, licenceNumber: 'FORMS-000002' })).phone,
    '',
  );
});

test('审查期限设置: a column a declared field, refused by its labels, in whole working days', async () => {
  const served = await k.ok(k.legal, 'GET', '/api/reviews/forms');
  const limits = reviewSettings.defaults;
  await formsContract({
    refused: settingsApi.refused,
    as: k.legal,
    served,
    declared: { limits: REVIEW_FORMS.limits },
    routes: {
      limits: { url: '/api/reviews/settings', method: 'PUT', body: { ...limits, contract: {} } },
    },
  });
  assert.deepEqual(
    served.limits.map((f: { min: number; max: number }) => [f.min, f.max]),
    [
      [0, 60],
      [0, 120],
      [1, 120],
    ],
  );
  const put = (contract: object) =>
    settingsApi.refused(
      k.legal,
      'PUT',
      '/api/reviews/settings',
      { ...limits, contract },
      400,
      /上限（工作日，0为不设）/,
    );
  await put({ ...limits.contract, maxWorkdays: 121 });
  await put({ ...limits.contract, maxWorkdays: 7.5 });
  const saved = await k.ok(k.legal, 'PUT', '/api/reviews/settings', {
    ...limits,
    contract: { ...limits.contract, defaultWorkdays: 6 },
  });
  assert.equal(saved.contract.defaultWorkdays, 6);
  await k.ok(k.legal, 'PUT', '/api/reviews/settings', limits);
});
