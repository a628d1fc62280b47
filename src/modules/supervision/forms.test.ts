// The 督办 forms are declared once (forms.ts, issue 11 item 2): the list page is served the declared
// fields (GET /api/supervision/forms), the task page gets its acts' fields with the task, and each
// route refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { ACT_FORMS, TASK_FORMS } from './forms.ts';

const PW = 'Supervise-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
let orgId = '';
const api = testApi(
  () => t,
  ['supervised_tasks', 'supervision_progress', 'case_events', 'audit_events'],
);
before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'sf', password: PW, roles: ['staff'] });
  staff = await signIn(t.app, 'sf', PW);
  orgId = await orgIdByName(t.ctx, '高新技术科');
});
after(() => t.close());

test('the list page gets the declared forms; each route refuses by their labels', async () => {
  const served = await api.ok(staff, 'GET', '/api/supervision/forms');
  assert.deepEqual(Object.keys(served), Object.keys(TASK_FORMS));
  await formsContract({
    ...api,
    as: staff,
    served,
    declared: TASK_FORMS,
    routes: { create: '/api/supervision', importPlan: '/api/supervision/import-plan' },
  });
  const source = (served.create as Array<{ name: string; options?: unknown[] }>).find(
    (f) => f.name === 'sourceKind',
  );
  assert.equal(source?.options?.length, 4);
  // An option outside the declared ones; a text over its declared limit; a year not whole.
  const task = {
    title: '落实领导批示',
    sourceKind: 'instruction',
    assignedBy: '局长',
    orgId,
    dueOn: '2099-12-31',
  };
  await api.refused(
    staff,
    'POST',
    '/api/supervision',
    { ...task, sourceKind: 'rumour' },
    400,
    /督办来源/,
  );
  await api.refused(
    staff,
    'POST',
    '/api/supervision',
    { ...task, ownerName: '王'.repeat(51) },
    400,
    /责任人/,
  );
  await api.refused(
    staff,
    'POST',
    '/api/supervision/import-plan',
    { year: 2024.5, orgId, dueOn: '2099-12-31', assignedBy: '局党组' },
    400,
    /报告年度/,
  );
});

test('the task page gets its acts’ declared fields; the act route refuses by their labels', async () => {
  const v = await api.ok(staff, 'POST', '/api/supervision', {
    title: '整改巡察反馈的合同管理问题',
    sourceKind: 'inspection',
    assignedBy: '市委第三巡察组',
    orgId,
    dueOn: '2099-12-31',
  });
  const url = `/api/supervision/${v.task.id}/act`;
  await formsContract({
    ...api,
    as: staff,
    served: v.forms,
    declared: ACT_FORMS,
    routes: Object.fromEntries(
      Object.keys(ACT_FORMS).map((action) => [action, { url, body: { action } }]),
    ),
  });
  // Out of bounds, or not a whole number (declared `integer` on the field, so the form asks for one too).
  for (const percent of [101, 12.5])
    await api.refused(
      staff,
      'POST',
      url,
      { action: 'progress', on: '2099-01-01', percent, text: '已完成初稿。' },
      400,
      /完成进度（%）/,
    );
  assert.equal(v.forms.progress.find((f: { name: string }) => f.name === 'percent')?.integer, true);
});
