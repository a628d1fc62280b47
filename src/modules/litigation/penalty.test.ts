// A 行政复议 or 行政诉讼 against one of the bureau's 行政处罚决定 (reached through penalties/index.ts):
// linked when the decision is made and in scope, refused in Chinese when the case is undecided or
// another department's; and the 复议机关's own decision period (行政复议法 Art 62) shown on the case,
// extended by the 复议机构's notice, marked when passed, never an item of the bureau's 我的待办.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { newId } from '../../core/clock.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let legal: Session, leader: Session, otherLeader: Session;
const api = testApi(() => t, ['litigation_cases', 'cases', 'case_events', 'audit_events']);
const officers = { a: newId(), b: newId(), c: newId(), d: newId() };
// Penalty cases built once and only read: each test registers its own 复议 against them.
let decided = '',
  undecided = '',
  foreign = '';

const spot = (officerIds: string[]) => ({
  partyKind: 'organisation',
  partyName: '示范科技有限公司',
  types: ['warning'],
  facts: '未按规定报送科技项目资料',
  basis: '《示范市科技项目管理办法》第二十条',
  officerIds,
});

before(async () => {
  t = await createTestApp();
  const dept = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '示范市科学技术局'`,
    )
  )[0].id;
  const otherDept = newId();
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, created_at) values (${otherDept}, '示范市某某局', 'department', now())`,
  );
  const officer = (id: string, d: string, name: string, cert: string) =>
    t.ctx.db.execute(
      sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at) values (${id}, ${d}, ${name}, ${cert}, '2023-01-01', '2027-12-31', 'active', now(), now())`,
    );
  await officer(officers.a, dept, '赵执法', 'ZF101');
  await officer(officers.b, dept, '钱执法', 'ZF102');
  await officer(officers.c, otherDept, '孙执法', 'ZF201');
  await officer(officers.d, otherDept, '李执法', 'ZF202');
  await addUser(t.ctx, {
    username: 'lp-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, { username: 'lp-lead', password: 'Leader-pass-2025', roles: ['leader'] });
  await addUser(t.ctx, {
    username: 'lp-other',
    password: 'Other-pass-2025',
    roles: ['leader'],
    orgName: '示范市某某局',
  });
  legal = await signIn(t.app, 'lp-legal', 'Legal-pass-2025');
  leader = await signIn(t.app, 'lp-lead', 'Leader-pass-2025');
  otherLeader = await signIn(t.app, 'lp-other', 'Other-pass-2025');
  decided = (await api.ok(leader, 'POST', '/api/penalties/summary', spot([officers.a, officers.b])))
    .penalty.id;
  foreign = (
    await api.ok(otherLeader, 'POST', '/api/penalties/summary', spot([officers.c, officers.d]))
  ).penalty.id;
  undecided = (
    await api.ok(leader, 'POST', '/api/penalties', {
      partyKind: 'individual',
      partyName: '张三',
      summary: '擅自开展实验动物生产活动',
      actOn: '2025-02-10',
      discoveredOn: '2025-03-03',
      approvedBy: '王局长',
      officerIds: [officers.a, officers.b],
    })
  ).penalty.id;
});
after(() => t.close());

const RECON = {
  caseNo: '示政复〔2025〕21号',
  applicant: '示范科技有限公司',
  body: '示范市人民政府',
  procedureType: 'ordinary',
  actModule: 'penaltyDecision',
  filedOn: '2025-02-25',
  acceptedOn: '2025-02-27',
  receivedOn: '2025-03-03',
};

/** A 复议 against the decided penalty, registered by the legal office; returns the API's view. */
const reconsideration = (caseNo: string) =>
  api.ok(legal, 'POST', '/api/litigation/reconsiderations', {
    ...RECON,
    caseNo,
    actRecordId: decided,
  });

test('a 复议 is registered against a decided penalty; the case links to the decision', async () => {
  const targets = await api.ok(legal, 'GET', '/api/litigation/targets?module=penaltyDecision');
  assert.deepEqual(
    targets.map((x: { id: string }) => x.id),
    [decided],
    "only the department's decided cases are offered",
  );
  assert.match(targets[0].title, /当罚〔2025〕\d+号（/);
  const v = await reconsideration(RECON.caseNo);
  const reconId = v.record.id;
  assert.deepEqual(v.record.act, {
    module: 'penaltyDecision',
    recordId: decided,
    path: `/penalties/${decided}`,
  });
  assert.match(v.record.actTitle, /^行政处罚决定：.*当罚〔2025〕\d+号/);
  assert.equal(v.record.acceptedOn, '2025-02-27');
  const list = await api.ok(legal, 'GET', '/api/litigation?kind=reconsideration');
  assert.equal(list.find((r: { id: string }) => r.id === reconId).act.module, 'penaltyDecision');
  // A suit against the same decision (after the 复议) links the same way.
  const suit = await api.ok(legal, 'POST', '/api/litigation/lawsuits', {
    caseNo: '（2025）皖1602行初21号',
    applicant: '示范科技有限公司',
    body: '示范市人民法院',
    actModule: 'penaltyDecision',
    actRecordId: decided,
    receivedOn: '2025-03-03',
    afterReconsideration: true,
  });
  assert.equal(suit.record.act.path, `/penalties/${decided}`);
});

test("an undecided penalty case or another department's decision is refused in Chinese; nothing is written", async () => {
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'p1', actRecordId: undecided },
    400,
    /被复议（诉讼）的行政行为：行政处罚案件.*尚未作出处罚决定/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'p2', actRecordId: foreign },
    400,
    /被复议（诉讼）的行政行为：本部门没有该行政处罚决定/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/lawsuits',
    {
      caseNo: 'p3',
      applicant: '某',
      body: '示范市人民法院',
      actModule: 'penaltyDecision',
      actRecordId: undecided,
      receivedOn: '2025-03-03',
    },
    400,
    /尚未作出处罚决定/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'p4', actRecordId: decided, acceptedOn: '2025-03-04' },
    400,
    /受理日期：不能晚于收到复议申请书副本的日期/,
  );
});

test("the 复议机关's decision period: 60 days from 受理 (Art 62), extended by ≤ 30 days, on the case but never in 我的待办", async (tc) => {
  tc.after(() => api.day('2025-03-03'));
  const reconId = (await reconsideration('示政复〔2025〕23号')).record.id;
  let v = await api.ok(legal, 'GET', `/api/litigation/${reconId}`);
  const clock = (view: typeof v) =>
    view.clocks.find((c: { clock: string }) => c.clock === 'decision');
  // 2月27日 + 60日 = 4月28日 (a Monday).
  assert.equal(clock(v).due, '2025-04-28');
  assert.match(clock(v).legalBasis, /第六十二条第一款/);
  assert.equal(clock(v).watch, '复议机关审理中');
  const work = JSON.stringify(await api.ok(legal, 'GET', '/api/worklist'));
  assert.ok(work.includes('提交书面答复和证据'), "the bureau's own answer is its 待办");
  assert.ok(
    !work.includes('作出决定期限') && !work.includes('2025-04-28'),
    "the 复议机关's period is not",
  );
  await api.day('2025-03-10');
  await api.ok(legal, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'answer',
    on: '2025-03-10',
    data: { summary: '处罚决定事实清楚' },
    evidence: [{ title: '现场检查笔录', gatheredOn: '2025-02-20' }],
  });
  await api.day('2025-04-21');
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${reconId}/acts`,
    { action: 'extendDecision', on: '2025-04-20', data: { days: 31, noticeOn: '2025-04-20' } },
    409,
    /延长日数/,
  );
  v = await api.ok(legal, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'extendDecision',
    on: '2025-04-20',
    data: { days: 30, noticeOn: '2025-04-20' },
  });
  // 4月28日 + 30日 = 5月28日.
  assert.equal(clock(v).due, '2025-05-28');
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${reconId}/acts`,
    { action: 'extendDecision', on: '2025-04-21', data: { days: 1, noticeOn: '2025-04-21' } },
    409,
    /延长合计不得超过30日/,
  );
  // Passed with no decision: marked on the case, still not overdue for the bureau.
  await api.day('2025-06-03');
  v = await api.ok(legal, 'GET', `/api/litigation/${reconId}`);
  assert.equal(clock(v).passed, true);
  assert.equal(clock(v).overdue, false);
  assert.equal(clock(v).watch, '期限已过，尚未登记复议决定');
  const overdue = await api.ok(legal, 'GET', '/api/worklist?filter=overdue');
  assert.ok(
    !JSON.stringify(overdue).includes(reconId) &&
      !JSON.stringify(overdue).includes('示政复〔2025〕23号'),
    'nothing of the case is overdue in 我的待办',
  );
  v = await api.ok(leader, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'decide',
    on: '2025-06-03',
    data: { decision: 'maintain' },
  });
  assert.equal(clock(v).state, 'stopped');
  assert.equal(clock(v).watch, '复议机关逾期作出决定');
});

test('简易程序: 30 days from 受理, no extension; without a 受理日期 the period runs from the copy and says so', async (tc) => {
  await api.day('2025-06-03');
  tc.after(() => api.day('2025-03-03'));
  const v = await api.ok(legal, 'POST', '/api/litigation/reconsiderations', {
    ...RECON,
    caseNo: '示政复〔2025〕22号',
    procedureType: 'simple',
    acceptedOn: null,
    filedOn: null,
    receivedOn: '2025-06-03',
    actRecordId: decided,
  });
  const c = v.clocks.find((k: { clock: string }) => k.clock === 'decisionSimple');
  // 6月3日 + 30日 = 7月3日.
  assert.equal(c.due, '2025-07-03');
  assert.match(c.legalBasis, /第六十二条第二款/);
  assert.match(c.explanation, /未登记受理日期/);
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${v.record.id}/acts`,
    { action: 'extendDecision', on: '2025-06-03', data: { days: 10, noticeOn: '2025-06-03' } },
    409,
    /简易程序案件的审理期限不能延长/,
  );
});
