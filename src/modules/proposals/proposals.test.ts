// 建议提案 through the staff API: 3-month reply clock (6 months for difficult items), contact before the
// reply, result code required, 协办 opinions within 1 month, 复文 published without contact details, scope.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { addMonths } from './procedure.ts';
import { personalDataIn } from './personalData.ts';

const PW = 'Proposal-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, co: Session, other: Session, advisor: Session;
let leadOrgId = '',
  coOrgId = '';

before(async () => {
  t = await createTestApp();
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(t.ctx, { username: 'js', password: PW, roles: ['staff'] });
  await addUser(t.ctx, { username: 'jc', password: PW, roles: ['staff'], orgName: '政策法规科' });
  await addUser(t.ctx, { username: 'jo', password: PW, roles: ['staff'], orgName: '综合科' });
  await addUser(t.ctx, {
    username: 'jadv',
    password: PW,
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  [staff, co, other, advisor] = await Promise.all(
    ['js', 'jc', 'jo', 'jadv'].map((u) => signIn(t.app, u, PW)),
  );
  const org = async (name: string) =>
    (
      await queryRows<{ id: string }>(
        t.ctx.db,
        sql`select id from organisations where name = ${name}`,
      )
    )[0].id;
  leadOrgId = await org('高新技术科');
  coOrgId = await org('政策法规科');
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });
const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const refused = async (
  s: Session,
  url: string,
  payload: object,
  status: number,
  message: RegExp,
) => {
  const [{ n }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events`,
  );
  const res = await call(s, 'POST', url, payload);
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.json().error.message, message);
  const [{ n: after }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events`,
  );
  assert.equal(after, n, 'nothing changed');
};

test('month arithmetic: 3 and 6 months from 交办, month ends clamped', () => {
  assert.equal(addMonths('2025-03-03', 3), '2025-06-03');
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(addMonths('2024-08-31', 6), '2025-02-28');
  assert.equal(
    addMonths('2025-09-30', 1),
    '2025-10-30',
    'a calendar month through 国庆, not rolled',
  );
});

test('personal data in a text for the portal', () => {
  assert.deepEqual(personalDataIn('联系电话13812345678'), ['手机号码']);
  assert.deepEqual(personalDataIn('身份证号110101199001011234'), ['身份证号码']);
  assert.deepEqual(personalDataIn('电话0558-5123456'), ['固定电话号码']);
  assert.deepEqual(personalDataIn('资金10000000元，比例百分之十'), []);
});

test('assignment, contact, co-opinion, reply with its result code, feedback, 复文 published on the portal', async () => {
  const v = await ok(staff, 'POST', '/api/proposals', {
    kind: 'deputy',
    number: '2025088',
    title: '关于优化科研项目管理的建议',
    proposer: '刘代表',
    proposerContact: '13512345678',
    assignedBy: '市人大常委会代表工作室',
    assignedOn: '2025-01-20',
    leadOrgId,
    coOrgIds: [coOrgId],
  });
  const id = v.proposal.id;
  assert.equal(v.proposal.dueOn, '2025-04-20');
  const steps = Object.fromEntries(
    v.state.openSteps.map((s: { step: string; due: { date: string } }) => [s.step, s.due.date]),
  );
  assert.deepEqual(steps, { coOpinions: '2025-02-20', reply: '2025-04-20' });
  await refused(
    staff,
    '/api/proposals',
    {
      kind: 'deputy',
      number: '2025088',
      title: '重复',
      proposer: '刘代表',
      assignedBy: '市人大',
      assignedOn: '2025-01-20',
      leadOrgId,
    },
    409,
    /已经登记/,
  );
  await refused(
    staff,
    `/api/proposals/${id}/act`,
    { action: 'reply', on: '2025-03-03', resultCode: 'A', replyText: '答复内容答复内容答复内容' },
    409,
    /联系沟通/,
  );
  await refused(
    co,
    `/api/proposals/${id}/act`,
    { action: 'contact', on: '2025-02-01', method: 'faceToFace', note: '面商' },
    404,
    /不存在或无权访问/,
  );
  await ok(staff, 'POST', `/api/proposals/${id}/act`, {
    action: 'contact',
    on: '2025-02-01',
    method: 'faceToFace',
    note: '与刘代表面商办理方案',
  });
  await ok(co, 'POST', `/api/proposals/${id}/co-opinion`, {
    on: '2025-02-10',
    opinion: '同意主办单位意见，建议同步完善配套制度。',
  });
  // The result code is a required field of the reply's declared form (forms.ts): refused as the body.
  await refused(
    staff,
    `/api/proposals/${id}/act`,
    { action: 'reply', on: '2025-03-03', replyText: '答复内容答复内容答复内容' },
    400,
    /办理结果类别/,
  );
  const replied = await ok(staff, 'POST', `/api/proposals/${id}/act`, {
    action: 'reply',
    on: '2025-03-03',
    resultCode: 'B',
    replyText: '刘代表：您的建议收悉，现答复如下……联系人：王科长，电话13512345678。',
  });
  assert.equal(replied.proposal.status, 'replied');
  await refused(
    staff,
    `/api/proposals/${id}/publish`,
    { text: '刘代表：您的建议收悉，现答复如下……联系电话13512345678。' },
    400,
    /手机号码/,
  );
  await refused(
    staff,
    `/api/proposals/${id}/publish`,
    { text: '刘代表：您的建议收悉，身份证110101199001011234。' },
    400,
    /身份证号码/,
  );
  await ok(staff, 'POST', `/api/proposals/${id}/publish`, {
    text: '刘代表：\n您的建议收悉，现答复如下：我局将优化科研项目管理流程。',
  });
  await ok(staff, 'POST', `/api/proposals/${id}/act`, {
    action: 'feedback',
    on: '2025-03-03',
    feedback: 'satisfied',
  });
  const list = await t.app.inject({ method: 'GET', url: '/jyta' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /优化科研项目管理的建议/);
  const page = await t.app.inject({ method: 'GET', url: `/jyta/${id}` });
  assert.match(page.body, /我局将优化科研项目管理流程/);
  assert.doesNotMatch(page.body, /13512345678/);
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/jyta/00000000-0000-4000-8000-000000000001' }))
      .statusCode,
    404,
  );
});

test('difficult items: 6 months with the reason; scope (other department, outside advisor → 404/403)', async () => {
  const v = await ok(staff, 'POST', '/api/proposals', {
    kind: 'cppcc',
    number: '2025120',
    title: '关于建设区域科技创新中心的提案',
    proposer: '孙委员',
    assignedBy: '市政协提案委员会',
    assignedOn: '2025-02-28',
    leadOrgId,
  });
  await refused(
    staff,
    `/api/proposals/${v.proposal.id}/act`,
    { action: 'markDifficult', on: '2025-03-03', reason: '' },
    400,
    /理由/,
  );
  const d = await ok(staff, 'POST', `/api/proposals/${v.proposal.id}/act`, {
    action: 'markDifficult',
    on: '2025-03-03',
    reason: '涉及多部门协调，需纳入明年预算。',
  });
  assert.equal(d.proposal.dueOn, '2025-08-28');
  assert.equal(
    d.state.openSteps.find((s: { step: string }) => s.step === 'reply').due.date,
    '2025-08-28',
  );
  assert.equal((await call(other, 'GET', `/api/proposals/${v.proposal.id}`)).statusCode, 404);
  assert.equal((await call(advisor, 'GET', '/api/proposals')).statusCode, 403);
  assert.equal(
    (
      await call(other, 'POST', `/api/proposals/${v.proposal.id}/act`, {
        action: 'contact',
        on: '2025-03-03',
        method: 'phone',
        note: '电话沟通',
      })
    ).statusCode,
    404,
  );
});

test('facts: handled and published, each with its records', async (c) => {
  // A suggestion of this year, replied after the contact and its 复文 published.
  const v = await ok(staff, 'POST', '/api/proposals', {
    kind: 'deputy',
    number: '2025095',
    title: '关于加强科技成果转化的建议',
    proposer: '周代表',
    assignedBy: '市人大常委会代表工作室',
    assignedOn: '2025-02-10',
    leadOrgId,
  });
  const id = v.proposal.id;
  await ok(staff, 'POST', `/api/proposals/${id}/act`, {
    action: 'contact',
    on: '2025-02-20',
    method: 'phone',
    note: '电话沟通办理方案',
  });
  await ok(staff, 'POST', `/api/proposals/${id}/act`, {
    action: 'reply',
    on: '2025-03-03',
    resultCode: 'A',
    replyText: '周代表：您的建议收悉，现答复如下：已建立成果转化服务平台。',
  });
  await ok(staff, 'POST', `/api/proposals/${id}/publish`, {
    text: '周代表：\n您的建议收悉，现答复如下：已建立成果转化服务平台。',
  });
  await moveToDay(t, '2025-12-31');
  c.after(() => moveToDay(t, '2025-03-03'));
  const { facts } = await ok(staff, 'GET', '/api/proposals/facts?year=2025');
  const f = Object.fromEntries(facts.map((x: { key: string }) => [x.key, x]));
  const handled = await ok(staff, 'GET', '/api/proposals?year=2025&fact=handled');
  assert.equal(handled.total, f['proposals.handled'].value);
  assert.ok(handled.items.some((p: { id: string }) => p.id === id));
  const published = await ok(staff, 'GET', '/api/proposals?year=2025&fact=published');
  assert.equal(published.total, f['proposals.published'].value);
  assert.ok(f['proposals.published'].value >= 1);
});
