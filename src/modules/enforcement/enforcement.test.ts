// 双随机、一公开 through the staff API and the portal: plan → commit → draw once → inspection →
// result published within 20 WD (a case step); the draw re-runs from the published data; repeated
// draws refused; officers without a valid certificate refused by name; scope (another department → 404).
// The registry's marks and too few inspectors: inspectors.test.ts.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { moveToDay } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { sha256 } from './draw.ts';
import { redrawById } from './draws.ts';
import { redrawCommand } from './index.ts';
import { useEnforcementTest, type EnforcementTest, type Session } from './testkit.ts';

const e = useEnforcementTest(() => ({ t, staff, legal, leader, advisor, eduStaff } = e));
const { call, ok, refused } = e;
let t: EnforcementTest['t'];
let staff: Session, legal: Session, leader: Session, advisor: Session, eduStaff: Session;

// One app for the file; each test draws its own plan (drawnPlan) and records what it needs, so none
// depends on another's records, and a test that moves the clock moves it back (movedTo).
type Inspection = { id: string; targetName: string; creditCode: string; inspectorIds: string[] };

/** A 2025 plan for the key item (50% of the 12 demo targets), approved, published, its draw committed. */
async function committedPlan(name: string) {
  const { items } = await ok(staff, 'GET', '/api/enforcement/items');
  const key = items.find((i: { kind: string }) => i.kind === 'key');
  const created = await ok(staff, 'POST', '/api/enforcement/plans', {
    year: 2025,
    name,
    itemIds: [key.id],
    ratio: 50,
    startOn: '2025-03-01',
    endOn: '2025-12-31',
  });
  const planId: string = created.plan.id;
  await ok(legal, 'POST', `/api/enforcement/plans/${planId}/approve`, {});
  await ok(leader, 'POST', `/api/enforcement/plans/${planId}/publish`, {});
  const committed = await ok(staff, 'POST', `/api/enforcement/plans/${planId}/draws`, {});
  return { planId, drawId: committed.draw.id as string };
}

/** The plan of committedPlan, drawn. */
async function drawnPlan(name: string) {
  const { planId, drawId } = await committedPlan(name);
  const drawn = await ok(staff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {});
  return { planId, drawId, inspections: drawn.inspections as Inspection[] };
}

/** Today is `day` for the rest of the test, and 2025-03-03 again after it. */
async function movedTo(c: TestContext, day: string) {
  await moveToDay(t, day);
  c.after(() => moveToDay(t, '2025-03-03'));
}

/** The inspection of 2025-03-07 recorded with a problem to rectify (today must be that day or later). */
const recordedFinding = (inspection: Inspection) =>
  ok(staff, 'POST', `/api/enforcement/inspections/${inspection.id}/record`, {
    inspectedOn: '2025-03-07',
    endedOn: '2025-03-07',
    findings: '现场检查实验动物设施，发现饲养记录缺失。',
    result: 'rectify',
  });

test('a plan is approved and published, then drawn once from a committed nonce', async () => {
  const { items } = await ok(staff, 'GET', '/api/enforcement/items');
  const key = items.find((i: { kind: string }) => i.kind === 'key');
  const general = items.find(
    (i: { kind: string; ratio: number }) => i.kind === 'general' && i.ratio === 5,
  );
  await refused(
    staff,
    '/api/enforcement/plans',
    {
      year: 2025,
      name: '超比例计划',
      itemIds: [general.id],
      ratio: 50,
      startOn: '2025-03-01',
      endOn: '2025-12-31',
    },
    400,
    /抽查比例：一般检查事项的抽查比例不超过清单规定的5%/,
  );
  const created = await ok(staff, 'POST', '/api/enforcement/plans', {
    year: 2025,
    name: '2025年实验动物专项抽查',
    itemIds: [key.id],
    ratio: 50,
    startOn: '2025-03-01',
    endOn: '2025-12-31',
  });
  const planId = created.plan.id;
  await refused(staff, `/api/enforcement/plans/${planId}/draws`, {}, 409, /审批并公布后才能抽取/);
  await refused(staff, `/api/enforcement/plans/${planId}/approve`, {}, 403, /无权/);
  await ok(legal, 'POST', `/api/enforcement/plans/${planId}/approve`, {});
  await ok(leader, 'POST', `/api/enforcement/plans/${planId}/publish`, {});
  const committed = await ok(staff, 'POST', `/api/enforcement/plans/${planId}/draws`, {});
  const drawId = committed.draw.id;
  assert.equal(committed.draw.nonce, null, 'the nonce stays secret until the draw');
  assert.match(committed.draw.commitment, /^[0-9a-f]{64}$/);
  await refused(staff, `/api/enforcement/plans/${planId}/draws`, {}, 409, /已公布承诺值/);
  const drawn = await ok(staff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {});
  assert.equal(sha256(drawn.draw.nonce), drawn.draw.commitment);
  assert.equal(drawn.inspections.length, 6, '50% of 12 targets');
  for (const i of drawn.inspections) assert.equal(i.inspectorIds.length, 2);
  // 李强 declared a relative at the first demo company: never drawn for it; 赵磊 (suspended) never drawn.
  const officers = (await ok(legal, 'GET', '/api/enforcement/officers')).items as Array<{
    id: string;
    name: string;
    conflicts: Array<{ creditCode: string }>;
  }>;
  const li = officers.find((o) => o.name === '李强')!;
  const zhao = officers.find((o) => o.name === '赵磊')!;
  for (const i of drawn.inspections) {
    assert.ok(!i.inspectorIds.includes(zhao.id));
    if (li.conflicts.some((c) => c.creditCode === i.creditCode))
      assert.ok(!i.inspectorIds.includes(li.id));
  }
  await refused(
    staff,
    `/api/enforcement/draws/${drawId}/execute`,
    {},
    409,
    /已于.*完成，不能重复抽取/,
  );
  await refused(staff, `/api/enforcement/plans/${planId}/draws`, {}, 409, /不能重复抽取/);
  const again = await ok(staff, 'GET', `/api/enforcement/draws/${drawId}/redraw`);
  assert.equal(again.same, true);
  const cli = await redrawById(t.ctx.db, drawId);
  assert.equal(cli.same, true);
  const lines: string[] = [];
  assert.equal(
    await redrawCommand(t.ctx.db, drawId, (l) => lines.push(l)),
    0,
    'npm run fazhi -- inspections redraw <id>',
  );
  assert.match(lines.at(-1)!, /复核一致/);
  assert.equal(
    await redrawCommand(t.ctx.db, '00000000-0000-4000-8000-000000000000', (l) => lines.push(l)),
    1,
  );
  // Tampering with the stored snapshot is detected.
  await t.ctx.db.execute(
    sql`update enforcement_draws set snapshot = replace(snapshot, '"v":1', '"v":1 ') where id = ${drawId}`,
  );
  assert.equal(await redrawCommand(t.ctx.db, drawId, (l) => lines.push(l)), 2);
  assert.match(lines.at(-1)!, /哈希值与公布的不符/);
  await t.ctx.db.execute(
    sql`update enforcement_draws set snapshot = replace(snapshot, '"v":1 ', '"v":1') where id = ${drawId}`,
  );
});

test('inspection: eligible inspectors only, result recorded, published within 20 WD as a step', async (c) => {
  const { planId, inspections } = await drawnPlan('2025年实验动物专项抽查（检查）');
  const officers = (await ok(legal, 'GET', '/api/enforcement/officers')).items as Array<{
    id: string;
    name: string;
  }>;
  const zhao = officers.find((o) => o.name === '赵磊')!;
  const wang = officers.find((o) => o.name === '王明')!;
  const first = inspections[0];
  await movedTo(c, '2025-03-10');
  await refused(
    staff,
    `/api/enforcement/inspections/${first.id}/record`,
    {
      inspectedOn: '2025-03-07',
      endedOn: '2025-03-07',
      findings: '现场检查',
      result: 'noProblem',
      inspectorIds: [wang.id, zhao.id],
    },
    400,
    /赵磊的状态为“暂停”，不能抽取或指派/,
  );
  await refused(
    staff,
    `/api/enforcement/inspections/${first.id}/record`,
    { inspectedOn: '2025-03-07', endedOn: '2025-03-12', findings: '现场检查', result: 'noProblem' },
    400,
    /不能晚于今天/,
  );
  const rec = await recordedFinding(first);
  assert.equal(
    rec.inspection.publishDue,
    '2025-04-07',
    '20 working days after 2025-03-07 (清明 2025-04-04 is a holiday)',
  );
  await refused(
    staff,
    `/api/enforcement/inspections/${first.id}/record`,
    { inspectedOn: '2025-03-07', endedOn: '2025-03-07', findings: '覆盖', result: 'noProblem' },
    409,
    /已经录入，不能覆盖/,
  );
  const [step] = await queryRows<{ label: string; due: string }>(
    t.ctx.db,
    sql`select s.label, s.due_date::text as due from case_steps s where s.case_id = ${rec.inspection.caseId} and s.status = 'open'`,
  );
  assert.deepEqual(step, { label: '公示抽查结果', due: '2025-04-07' });
  const portalBefore = await call(null, 'GET', `/sjcc?plan=${planId}`);
  assert.ok(!portalBefore.body.includes(first.creditCode), 'not on the portal before publication');
  await ok(staff, 'POST', `/api/enforcement/inspections/${first.id}/publish`, {});
  const [closed] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from case_steps where case_id = ${rec.inspection.caseId} and status = 'open'`,
  );
  assert.equal(closed.n, 0);
  const portal = await call(
    null,
    'GET',
    `/sjcc?plan=${planId}&q=${encodeURIComponent(first.creditCode)}`,
  );
  assert.match(portal.body, /发现问题，责令整改/);
  assert.ok(portal.body.includes(first.targetName));
  const none = await call(null, 'GET', `/sjcc?q=${encodeURIComponent('不存在的企业')}`);
  assert.match(none.body, /没有符合条件的抽查结果/);
});

test('a finding opens one 行政处罚 case in one step; a second 立案 and a record without problems are refused', async (c) => {
  const [first, second] = (await drawnPlan('2025年实验动物专项抽查（立案）')).inspections;
  await movedTo(c, '2025-03-10');
  await recordedFinding(first);
  const opened = await ok(staff, 'POST', '/api/penalties/from-inspection', {
    inspectionRecordId: first.id,
    approvedBy: '王局长',
  });
  assert.equal(opened.penalty.title, `${first.targetName}违法案（检查发现）`);
  assert.equal(
    opened.penalty.officerNames.length,
    2,
    'the inspectors are the case officers (Art 42)',
  );
  const linked = await ok(staff, 'GET', `/api/penalties?inspection=${first.id}`);
  assert.deepEqual(
    linked.items.map((i: { id: string }) => i.id),
    [opened.penalty.id],
  );
  await refused(
    staff,
    '/api/penalties/from-inspection',
    { inspectionRecordId: first.id },
    409,
    new RegExp(`已据此立案（${opened.penalty.caseNo.replace(/[〔〕]/g, '.')}）`),
  );
  await ok(staff, 'POST', `/api/enforcement/inspections/${second.id}/record`, {
    inspectedOn: '2025-03-10',
    endedOn: '2025-03-10',
    findings: '设施运行正常。',
    result: 'noProblem',
  });
  await refused(
    staff,
    '/api/penalties/from-inspection',
    { inspectionRecordId: second.id },
    400,
    /该检查未发现问题，不能据此立案/,
  );
});

test("the draw page offers the draw's acts by the rule the services enforce, and its portal page (issue 11 item 3)", async (c) => {
  const { drawId } = await committedPlan('2025年实验动物专项抽查（操作）');
  const page = (s: Session) => ok(s, 'GET', `/api/enforcement/draws/${drawId}`);
  // Committed: drawn by whoever runs inspections; cancelled only by the legal office or a leader.
  let staffPage = await page(staff);
  assert.deepEqual(staffPage.acts, { execute: true, verify: false, cancel: false });
  assert.equal(
    staffPage.portal,
    `/sjcc/draws/${drawId}`,
    'the commitment is public before the draw',
  );
  assert.deepEqual((await page(legal)).acts, { execute: true, verify: false, cancel: true });
  const drawn = await ok(staff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {});
  assert.deepEqual(drawn.acts, { execute: false, verify: true, cancel: false });
  assert.deepEqual((await page(legal)).acts, { execute: false, verify: true, cancel: true });
  // An inspection under way holds the cancellation back, with the service's reason.
  await movedTo(c, '2025-03-07');
  await recordedFinding(drawn.inspections[0]);
  const legalPage = await page(legal);
  assert.deepEqual(legalPage.acts, { execute: false, verify: true, cancel: false });
  assert.deepEqual(legalPage.blocked, [
    { action: 'cancel', label: '作废', reason: '已有检查对象录入了检查结果，不能作废本次抽取' },
  ]);
  assert.deepEqual((await page(staff)).blocked, [], "not the staff's act");
  await refused(
    legal,
    `/api/enforcement/draws/${drawId}/cancel`,
    { reason: '抽取对象有误' },
    409,
    /已有检查对象录入了检查结果，不能作废本次抽取/,
  );
  staffPage = await page(staff);
  assert.equal(staffPage.draw.status, 'drawn');
});

test('the portal publishes the registry, the lists and the draw for anyone to re-run', async () => {
  const { drawId } = await drawnPlan('2025年实验动物专项抽查（公开）');
  const zfgs = await call(null, 'GET', '/zfgs');
  assert.equal(zfgs.statusCode, 200);
  assert.match(zfgs.body, /王明/);
  assert.match(zfgs.body, /皖3401000101/);
  assert.match(zfgs.body, /实验动物生产、使用许可事中事后监管/);
  assert.match(zfgs.body, /执法流程图/);
  const page = await call(null, 'GET', `/sjcc/draws/${drawId}?verify=1`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /复核一致/);
  const snap = await call(null, 'GET', `/sjcc/draws/${drawId}/snapshot.json`);
  const d = (await ok(staff, 'GET', `/api/enforcement/draws/${drawId}`)).draw;
  assert.equal(
    sha256(snap.body),
    d.snapshotHash,
    'the published file hashes to the published hash',
  );
  assert.equal(
    (await call(null, 'GET', '/sjcc/draws/00000000-0000-4000-8000-000000000000')).statusCode,
    404,
  );
});

test('scope: another department sees nothing of ours (404); an outside advisor has no access', async () => {
  const { planId, drawId, inspections } = await drawnPlan('2025年实验动物专项抽查（范围）');
  assert.equal((await call(eduStaff, 'GET', `/api/enforcement/plans/${planId}`)).statusCode, 404);
  assert.equal((await call(eduStaff, 'GET', `/api/enforcement/draws/${drawId}`)).statusCode, 404);
  assert.equal(
    (await call(eduStaff, 'GET', `/api/enforcement/inspections/${inspections[0].id}`)).statusCode,
    404,
  );
  assert.equal(
    (await call(eduStaff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {})).statusCode,
    404,
  );
  assert.equal(
    (await call(eduStaff, 'POST', `/api/enforcement/inspections/${inspections[1].id}/publish`, {}))
      .statusCode,
    404,
  );
  assert.equal((await ok(eduStaff, 'GET', '/api/enforcement/inspections')).total, 0);
  assert.equal((await call(advisor, 'GET', '/api/enforcement/inspections')).statusCode, 403);
  assert.equal((await call(null, 'GET', '/api/enforcement/inspections')).statusCode, 401);
});

test('facts and the exchange format count the records', async (c) => {
  await movedTo(c, '2025-03-10');
  await recordedFinding((await drawnPlan('2025年实验动物专项抽查（统计）')).inspections[0]);
  const { facts } = await ok(staff, 'GET', '/api/enforcement/facts?year=2025');
  const get = (k: string) => facts.find((f: { key: string }) => f.key === k);
  assert.equal(get('enforcement.officers').value, 5);
  assert.ok(get('enforcement.inspections').value >= 1);
  const listed = await ok(
    staff,
    'GET',
    `/api/enforcement/inspections?year=2025&done=true&pageSize=200`,
  );
  assert.equal(
    listed.total,
    get('enforcement.inspections').value,
    'the value is the count of the records behind it',
  );
  const json = await ok(staff, 'GET', '/api/enforcement/exchange/inspections.json?year=2025');
  assert.equal(json.format, 'fazhi.inspections');
  assert.equal(json.records.length, get('enforcement.inspections').value);
  const csv = await call(staff, 'GET', '/api/enforcement/exchange/inspections.csv?year=2025');
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF记录编号,抽查计划'));
});
