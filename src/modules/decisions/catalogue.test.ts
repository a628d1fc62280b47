// 决策事项目录 on the procedure engine (catalogueProcedure.ts, 条例第三条第三款): the page's buttons are
// the acts the engine allows; an act out of order is refused through the API with the engine's Chinese
// reason and its code, changing nothing; the generic case API cannot bypass the catalogue's own routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session;
let legalId = '';
const TABLES = [
  'audit_events',
  'case_events',
  'cases',
  'decision_catalogues',
  'decision_catalogue_items',
  'decision_catalogue_adjustments',
  'publications',
];
const { call, ok, refused } = testApi(() => t, TABLES);

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await addUser(t.ctx, { username: 'cs', password: 'Staff-pass-2025', roles: ['staff'] });
  legalId = await addUser(t.ctx, {
    username: 'cl',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  staff = await signIn(t.app, 'cs', 'Staff-pass-2025');
  legal = await signIn(t.app, 'cl', 'Legal-pass-2025');
});
after(() => t.close());

interface Cat {
  id: string;
  year: number;
  caseId: string;
  status: string;
  statusLabel: string;
  actions: Record<'editItems' | 'approve' | 'publish' | 'adjust' | 'publishAdjustment', boolean>;
  items: Array<{ id: string }>;
}
const cat2026 = async (s: Session = staff): Promise<Cat> =>
  (await ok(s, 'GET', '/api/decision-catalogues?year=2026')).items[0];
const base = (c: Cat) => `/api/decision-catalogues/${c.id}`;
const GATE = /^须经保密审查通过后方可公开（《政府信息公开条例》第十七条）$/;
/** 条例第十七条: the drafter names the legal office's officer, who passes the review in their own session. */
async function secrecyReviewPassed(c: Cat) {
  await ok(staff, 'POST', `/api/cases/${c.caseId}/secrecy-review`, { reviewerId: legalId });
  await ok(legal, 'POST', `/api/cases/${c.caseId}/secrecy-review/decision`, { approve: true });
}

test('out of order: publishing an unapproved catalogue is refused with the engine’s reason (条例第三条)', async () => {
  await ok(staff, 'POST', '/api/decision-catalogues', { year: 2026 });
  let c = await cat2026();
  assert.equal(c.status, 'draft');
  assert.equal(c.statusLabel, '草拟中');
  // Without an item there is nothing to agree to: the engine offers only editing.
  assert.deepEqual(c.actions, {
    editItems: true,
    approve: false,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
  const res = await call(staff, 'POST', `${base(c)}/publish`, {});
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'ACTION_NOT_ALLOWED');
  assert.equal(res.json().error.reason, 'not_approved');
  assert.equal(
    res.json().error.message,
    '决策事项目录须经同级党委同意后向社会公布（条例第三条）；请先登记同意情况',
  );
  await refused(staff, 'POST', `${base(c)}/publish`, {}, 409, /须经同级党委同意后向社会公布/);
  await refused(
    staff,
    'POST',
    `${base(c)}/approve`,
    { approvedOn: '2025-03-03', approvedBy: '中共示范市委' },
    409,
    /目录中还没有决策事项/,
  );
  await refused(
    staff,
    'POST',
    `${base(c)}/adjustments`,
    {
      reason: '增加事项',
      approvedOn: '2025-03-03',
      approvedBy: '中共示范市委',
      add: [{ title: '示范市科技成果转化奖励办法', undertakingUnit: '办公室' }],
    },
    409,
    /无需办理调整/,
  );
  await ok(staff, 'POST', `${base(c)}/items`, {
    title: '示范市科技创新券实施方案',
    undertakingUnit: '高新技术科',
  });
  c = await cat2026();
  assert.deepEqual(c.actions, {
    editItems: true,
    approve: true,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
});

test('approved: frozen; the generic case API cannot publish it past the catalogue’s own route', async () => {
  let c = await cat2026();
  await ok(staff, 'POST', `${base(c)}/approve`, {
    approvedOn: '2025-03-03',
    approvedBy: '中共示范市委',
  });
  c = await cat2026();
  assert.equal(c.status, 'approved');
  // 公布目录 waits for the 保密审查 (《政府信息公开条例》第十七条).
  assert.deepEqual(c.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
  await refused(staff, 'POST', `${base(c)}/publish`, {}, 409, GATE);
  await refused(
    staff,
    'POST',
    `${base(c)}/items/${c.items[0].id}/delete`,
    {},
    409,
    /^目录已经同意，待公布，不能直接修改；公布后如需调整，请办理目录调整并公布（条例第三条）$/,
  );

  // One who may read the catalogue but not keep it is offered no act.
  const seen = await cat2026(legal);
  assert.deepEqual(seen.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
  await secrecyReviewPassed(c);
  // Reviewed, it is still published through the catalogue's own route only.
  await refused(
    staff,
    'POST',
    `/api/cases/${c.caseId}/actions`,
    { action: 'publish', on: '2025-03-03', data: {} },
    409,
    /须在所属业务页面进行/,
  );
  c = await cat2026();
  assert.deepEqual(c.actions, {
    editItems: false,
    approve: false,
    publish: true,
    adjust: false,
    publishAdjustment: false,
  });
  await ok(staff, 'POST', `${base(c)}/publish`, {});
  c = await cat2026();
  assert.equal(c.status, 'published');
  const [pub] = await queryRows<{ review: { reviewerId: string } }>(
    t.ctx.db,
    sql`select confidentiality_review as review from publications where id = ${(c as Cat & { publicationId: string }).publicationId}`,
  );
  assert.equal(pub.review.reviewerId, legalId, 'the publication names the reviewer’s account');
  assert.deepEqual(c.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: true,
    publishAdjustment: false,
  });
  await refused(staff, 'POST', `${base(c)}/publish`, {}, 409, /^目录已经公布$/);
  await refused(
    staff,
    'POST',
    `${base(c)}/items`,
    { title: '新增事项名称', undertakingUnit: '办公室' },
    409,
    /^目录已公布，不能直接修改/,
  );
  // The case API answers with the same state: the engine is the one state machine.
  const view = await ok(staff, 'GET', `/api/cases/${c.caseId}`);
  assert.equal(view.case.status, 'published');
  assert.equal(view.case.statusLabel, '已公布');
});

test('an adjustment is agreed, reviewed for secrets in its own right (the catalogue’s review does not cover it) and published: its acts on the case', async () => {
  const c = await cat2026();
  await ok(staff, 'POST', `${base(c)}/adjustments`, {
    reason: '根据市政府工作部署增加事项',
    approvedOn: '2025-03-03',
    approvedBy: '中共示范市委',
    add: [{ title: '示范市科技成果转化奖励办法', undertakingUnit: '成果转化与区域创新科' }],
  });
  let pending = await cat2026();
  assert.equal(pending.items.length, 1, 'the agreed items wait for the publication');
  assert.deepEqual(pending.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
  await refused(staff, 'POST', `${base(c)}/adjustments/publish`, {}, 409, GATE);
  await secrecyReviewPassed(c);
  pending = await cat2026();
  assert.equal(pending.actions.publishAdjustment, true);
  await ok(staff, 'POST', `${base(c)}/adjustments/publish`, {});
  const after = await cat2026();
  assert.equal(after.items.length, 2);
  assert.equal(after.status, 'published');
  assert.deepEqual(after.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: true,
    publishAdjustment: false,
  });
  const rows = await queryRows<{ type: string }>(
    t.ctx.db,
    sql`select type from case_events where case_id = ${c.caseId} order by seq`,
  );
  const reviewed = ['requestSecrecyReview', 'passSecrecyReview'];
  assert.deepEqual(
    rows.map((r) => r.type),
    [
      'draft',
      'editItems',
      'approve',
      ...reviewed,
      'publish',
      'approveAdjustment',
      ...reviewed,
      'publishAdjustment',
    ],
  );
});
