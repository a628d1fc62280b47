// 行政执法's forms are declared once (forms.ts, issue 11 item 2): GET /api/enforcement/forms serves the
// declared fields, and each route refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formsContract, type FormRoute } from '../../server/testApi.ts';
import { ENFORCEMENT_FORMS, type EnforcementForm } from './forms.ts';
import { useEnforcementTest } from './testkit.ts';

const e = useEnforcementTest();

test('forms: the web gets the declared fields; each route refuses by the labels the form shows', async () => {
  const { ok, refused, staff, legal } = e;
  const served = await ok(staff, 'GET', '/api/enforcement/forms');
  // The records the forms post to: an officer, a committed then executed draw, its inspections.
  const officer = (await ok(staff, 'GET', '/api/enforcement/officers')).items[0];
  const { items } = await ok(staff, 'GET', '/api/enforcement/items');
  const key = items.find((i: { kind: string }) => i.kind === 'key');
  const plan = {
    year: 2025,
    name: '表单声明测试计划',
    itemIds: [key.id],
    ratio: 50,
    startOn: '2025-03-01',
    endOn: '2025-12-31',
  };
  const planId = (await ok(staff, 'POST', '/api/enforcement/plans', plan)).plan.id;
  await ok(legal, 'POST', `/api/enforcement/plans/${planId}/approve`, {});
  await ok(legal, 'POST', `/api/enforcement/plans/${planId}/publish`, {});
  const drawId = (await ok(staff, 'POST', `/api/enforcement/plans/${planId}/draws`, {})).draw.id;
  const drawn = await ok(staff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {});
  const inspectionId = drawn.inspections[0].id;

  const ROUTES: Record<EnforcementForm, FormRoute<typeof staff>> = {
    officer: { as: legal, url: '/api/enforcement/officers' },
    training: { as: legal, url: `/api/enforcement/officers/${officer.id}/training` },
    conflict: { as: legal, url: `/api/enforcement/officers/${officer.id}/conflicts` },
    item: { as: legal, url: '/api/enforcement/items' },
    info: { as: legal, url: '/api/enforcement/info/publish' },
    plan: { as: staff, url: '/api/enforcement/plans' },
    record: { as: staff, url: `/api/enforcement/inspections/${inspectionId}/record` },
    cancel: { as: legal, url: `/api/enforcement/draws/${drawId}/cancel` },
  };
  await formsContract({
    refused: (who, _method, url, body, status, message) => refused(who, url, body, status, message),
    as: staff,
    served,
    declared: ENFORCEMENT_FORMS,
    routes: ROUTES,
  });
  // An option outside the declared ones, a number out of bounds or not whole, a text over its limit.
  await refused(staff, '/api/enforcement/plans', { ...plan, stratify: 'random' }, 400, /分层方式/);
  await refused(
    staff,
    '/api/enforcement/plans',
    { ...plan, perTarget: 2.5 },
    400,
    /每户检查人员数/,
  );
  await refused(staff, '/api/enforcement/plans', { ...plan, ratio: 0 }, 400, /抽查比例/);
  await refused(
    staff,
    `/api/enforcement/inspections/${inspectionId}/record`,
    { inspectedOn: '2025-03-03', endedOn: '2025-03-03', result: 'fine', findings: '检查情况正常' },
    400,
    /检查结果/,
  );
  await refused(
    legal,
    `/api/enforcement/draws/${drawId}/cancel`,
    { reason: '错' },
    400,
    /作废理由/,
  );
  // A select of records the page offers: its options are filled in by the page.
  const itemIds = served.plan.find((f: { name: string }) => f.name === 'itemIds');
  assert.equal(itemIds.type, 'select');
  assert.equal(itemIds.ref, true);
  const exclude = served.plan.find((f: { name: string }) => f.name === 'excludeLastYear');
  assert.equal(exclude.type, 'boolean');
});
