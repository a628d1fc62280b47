// 双随机、一公开 through the staff API and the portal: plan → commit → draw once → inspection →
// result published within 20 WD (a case step); the draw re-runs from the published data; repeated
// draws refused, a cancelled draw kept with its reason; too few inspectors refused with nothing changed;
// officers without a valid certificate refused by name; scope (another department → 404).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { createOrg } from '../../core/orgs/service.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import { sha256 } from './draw.ts';
import { redrawById } from './draws.ts';
import { redrawCommand } from './index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session, advisor: Session, eduStaff: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'es', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'el',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, { username: 'ed', password: 'Leader-pass-2025', roles: ['leader'] });
  await addUser(t.ctx, {
    username: 'ea',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  const [gov] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市人民政府'`,
  );
  await createOrg(t.ctx, { userId: null, orgId: null } as unknown as Actor, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov.id,
  });
  await addUser(t.ctx, {
    username: 'edu',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '示范市教育局',
  });
  staff = await signIn(t.app, 'es', 'Staff-pass-2025');
  legal = await signIn(t.app, 'el', 'Legal-pass-2025');
  leader = await signIn(t.app, 'ed', 'Leader-pass-2025');
  advisor = await signIn(t.app, 'ea', 'Advisor-pass-2025');
  eduStaff = await signIn(t.app, 'edu', 'Staff-pass-2025');
});
after(() => t.close());

const call = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s?.headers ?? {}, payload });
const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const auditCount = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_events`))[0].n;
const refused = async (
  s: Session,
  url: string,
  payload: object,
  status: number,
  message: RegExp,
) => {
  const n = await auditCount();
  const res = await call(s, 'POST', url, payload);
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.json().error.message, message);
  assert.equal(await auditCount(), n, 'nothing changed');
  return res.json();
};

let planId = '';
let drawId = '';
let inspections: Array<{
  id: string;
  targetName: string;
  creditCode: string;
  inspectorIds: string[];
}> = [];

test('the demo registry: marks for expiring certificates and short training; the sweep opens a 换证 reminder', async () => {
  const r = await ok(legal, 'GET', '/api/enforcement/officers');
  const chen = r.items.find((o: { name: string }) => o.name === '陈静');
  assert.equal(chen.expiringSoon, true);
  const zhao = r.items.find((o: { name: string }) => o.name === '赵磊');
  assert.equal(zhao.eligible, false);
  assert.equal(r.items.find((o: { name: string }) => o.name === '张伟').trainingShort, true);
  await runSweep(t.ctx, sweepTasks);
  const [c] = await queryRows<{ title: string; status: string }>(
    t.ctx.db,
    sql`select title, status from cases where procedure = 'certificateRenewal'`,
  );
  assert.match(c.title, /陈静执法证.*即将到期/);
  const [step] = await queryRows<{ due: string }>(
    t.ctx.db,
    sql`select due_date::text as due from case_steps s join cases c on c.id = s.case_id where c.procedure = 'certificateRenewal' and s.status = 'open'`,
  );
  assert.equal(step.due, '2025-04-17', 'due on the expiry date (today + 45 days)');
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
  planId = created.plan.id;
  await refused(staff, `/api/enforcement/plans/${planId}/draws`, {}, 409, /审批并公布后才能抽取/);
  await refused(staff, `/api/enforcement/plans/${planId}/approve`, {}, 403, /无权/);
  await ok(legal, 'POST', `/api/enforcement/plans/${planId}/approve`, {});
  await ok(leader, 'POST', `/api/enforcement/plans/${planId}/publish`, {});
  const committed = await ok(staff, 'POST', `/api/enforcement/plans/${planId}/draws`, {});
  drawId = committed.draw.id;
  assert.equal(committed.draw.nonce, null, 'the nonce stays secret until the draw');
  assert.match(committed.draw.commitment, /^[0-9a-f]{64}$/);
  await refused(staff, `/api/enforcement/plans/${planId}/draws`, {}, 409, /已公布承诺值/);
  const drawn = await ok(staff, 'POST', `/api/enforcement/draws/${drawId}/execute`, {});
  assert.equal(sha256(drawn.draw.nonce), drawn.draw.commitment);
  assert.equal(drawn.inspections.length, 6, '50% of 12 targets');
  for (const i of drawn.inspections) assert.equal(i.inspectorIds.length, 2);
  inspections = drawn.inspections;
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

test('too few inspectors: refused in Chinese, the commitment stays, nothing drawn', async () => {
  const { items } = await ok(staff, 'GET', '/api/enforcement/items');
  const key = items.find((i: { kind: string }) => i.kind === 'key');
  const p = await ok(staff, 'POST', '/api/enforcement/plans', {
    year: 2025,
    name: '人员不足的计划',
    itemIds: [key.id],
    ratio: 10,
    perTarget: 6,
    startOn: '2025-03-01',
    endOn: '2025-12-31',
  });
  await ok(legal, 'POST', `/api/enforcement/plans/${p.plan.id}/approve`, {});
  await ok(legal, 'POST', `/api/enforcement/plans/${p.plan.id}/publish`, {});
  const d = await ok(staff, 'POST', `/api/enforcement/plans/${p.plan.id}/draws`, {});
  await refused(
    staff,
    `/api/enforcement/draws/${d.draw.id}/execute`,
    {},
    409,
    /执法检查人员不足：名录库中持有效执法证的在岗人员只有5名，每个检查对象需要6名/,
  );
  assert.equal(
    (await ok(staff, 'GET', `/api/enforcement/draws/${d.draw.id}`)).draw.status,
    'committed',
  );
  await refused(
    legal,
    `/api/enforcement/draws/${d.draw.id}/cancel`,
    { reason: '短' },
    400,
    /作废理由/,
  );
  const cancelled = await ok(legal, 'POST', `/api/enforcement/draws/${d.draw.id}/cancel`, {
    reason: '每户人数设置有误，重新制定计划',
  });
  assert.equal(cancelled.draw.status, 'cancelled');
  assert.equal(cancelled.draw.cancelReason, '每户人数设置有误，重新制定计划');
  await refused(
    staff,
    `/api/enforcement/draws/${d.draw.id}/execute`,
    {},
    409,
    /已作废（每户人数设置有误/,
  );
  const list = await ok(staff, 'GET', '/api/enforcement/draws?year=2025');
  assert.ok(
    list.items.some(
      (x: { id: string; status: string }) => x.id === d.draw.id && x.status === 'cancelled',
    ),
    'a cancelled draw stays on the record',
  );
});

test('inspection: eligible inspectors only, result recorded, published within 20 WD as a step', async () => {
  const officers = (await ok(legal, 'GET', '/api/enforcement/officers')).items as Array<{
    id: string;
    name: string;
  }>;
  const zhao = officers.find((o) => o.name === '赵磊')!;
  const wang = officers.find((o) => o.name === '王明')!;
  const first = inspections[0];
  await moveToDay(t, '2025-03-10');
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
  const rec = await ok(staff, 'POST', `/api/enforcement/inspections/${first.id}/record`, {
    inspectedOn: '2025-03-07',
    endedOn: '2025-03-07',
    findings: '现场检查实验动物设施，发现饲养记录缺失。',
    result: 'rectify',
  });
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

test('a finding opens one 行政处罚 case in one step; a second 立案 and a record without problems are refused', async () => {
  const [first, second] = inspections;
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

test('the portal publishes the registry, the lists and the draw for anyone to re-run', async () => {
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

test('facts and the exchange format count the records', async () => {
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
