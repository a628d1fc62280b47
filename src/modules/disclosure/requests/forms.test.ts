// The request page's forms are declared once (forms.ts, issue 11 item 2): the request's view serves
// 拟定答复, 收费通知, 登记送达, 申请延长答复期限 and the approver's 审批, and each route refuses a body by the
// same Chinese labels, derived from them; what the API took before (an answer type the service checks,
// 页数 given as text) stays taken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { formsContract, testApi, type Session } from '../../../server/testApi.ts';
import { ANSWER_OUTCOMES, DELIVERY_METHODS, outcomeLabel } from '../outcomes.ts';
import { REQUEST_FORMS } from './forms.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const api = testApi(() => t, ['disclosure_requests', 'case_events', 'audit_events']);
const PW = 'Request-forms-2025';
let clerk: Session;
let url = '';

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await addUser(t.ctx, { username: 'rf-clerk', password: PW, roles: ['staff'], orgName: '办公室' });
  clerk = await signIn(t.app, 'rf-clerk', PW);
  const intake = await api.ok(clerk, 'POST', '/api/disclosure/requests', {
    channel: 'inPerson',
    receivedOn: '2025-03-03',
    applicantKind: 'naturalPerson',
    name: '郑某',
    idType: 'idCard',
    idNumber: '110101199001010027',
    phone: '13800000017',
    description: '2024年度科技计划项目立项清单',
  });
  url = `/api/disclosure/requests/${intake.id}`;
});
after(() => t.close());

test('the request page gets its declared forms; each route refuses by their labels', async () => {
  const view = await api.ok(clerk, 'GET', url);
  assert.deepEqual(Object.keys(view.forms), Object.keys(REQUEST_FORMS));
  await formsContract({
    ...api,
    as: clerk,
    served: view.forms,
    declared: REQUEST_FORMS,
    routes: {
      answer: `${url}/answer`,
      fee: `${url}/fee-notice`,
      delivery: `${url}/delivery`,
      extension: `${url}/extension`,
      decision: { url: `${url}/extension/decision`, body: { approve: true } },
    },
  });
  type Served = { name: string; options?: Array<{ value: string; label: string }> };
  const served = (form: string, name: string) =>
    (view.forms[form] as Served[]).find((f) => f.name === name);
  // The table 三 outcomes one may answer with (not 其他); the 送达方式 of the code list.
  assert.deepEqual(
    served('answer', 'outcome')?.options,
    ANSWER_OUTCOMES.map((o) => ({ value: o.code, label: outcomeLabel(o) })),
  );
  assert.deepEqual(served('delivery', 'method')?.options, DELIVERY_METHODS);
  assert.deepEqual(served('fee', 'method')?.options, [
    { value: 'perRequest', label: '按件计收' },
    { value: 'perPage', label: '按量计收' },
  ]);
});

test('the routes keep what the API took and refused before', async () => {
  // An answer type outside the list is the service's to refuse, in its words.
  await api.refused(
    clerk,
    'POST',
    `${url}/answer`,
    { on: '2025-03-03', outcome: 'other1' },
    400,
    /答复类型：不是可选的答复类型/,
  );
  await api.refused(
    clerk,
    'POST',
    `${url}/answer`,
    { on: '2025-03-03', outcome: 'disclose', replyLetterNo: '号'.repeat(61) },
    400,
    /答复书编号/,
  );
  // Whole working days, 1 to 20; a reason of at least two characters.
  const ask = { on: '2025-03-03', workdays: 10, reason: '需要调取档案' };
  for (const wrong of [{ workdays: 1.5 }, { workdays: 21 }, { reason: '档' }])
    await api.refused(
      clerk,
      'POST',
      `${url}/extension`,
      { ...ask, ...wrong },
      400,
      /延长工作日数|延长理由/,
    );
  await api.refused(
    clerk,
    'POST',
    `${url}/delivery`,
    { on: '2025-03-03', method: 'pigeon' },
    400,
    /送达方式/,
  );
  const asked = await api.ok(clerk, 'POST', `${url}/extension`, ask);
  assert.equal(asked.approval.pending.kind, 'extension');
  // 页数 as the fee quote's query gives it (text) is taken by the notice's body too.
  const res = await api.call(clerk, 'POST', `${url}/fee-notice`, {
    on: '2025-03-03',
    method: 'perPage',
    pages: '45',
  });
  assert.notEqual(res.statusCode, 400, res.body);
});
