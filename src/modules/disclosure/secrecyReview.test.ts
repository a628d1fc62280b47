// Issue 13 item 11: the 保密审查 before a module publishes its record (条例第十七条) is the act of the account the
// drafter names, in its own session — shown here on the 政府信息公开工作年度报告, which carries the shared fragment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { auditEvents } from '../../core/audit/schema.ts';
import { users } from '../../core/auth/schema.ts';
import { publicationUsers } from './publications/testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session, otherDept: Session, bystander: Session;
let reviewerId = '';
let otherDeptId = '';

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  ({ staff, reviewer, otherDept, reviewerId } = await publicationUsers(t));
  await addUser(t.ctx, {
    username: 'sr-bystander',
    password: 'Staff-pass-2025',
    roles: ['leader'],
  });
  bystander = await signIn(t.app, 'sr-bystander', 'Staff-pass-2025');
  otherDeptId = await idOf('pub-justice');
});
after(() => t.close());

const idOf = async (username: string) =>
  (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });

/** A submitted report of `year` (its text frozen), ready for its 保密审查; answers its case id. */
async function submittedReport(year: number): Promise<string> {
  const put = await call(staff, 'PUT', `/api/disclosure/reports/${year}`, {
    prose: { overview: `${year}年度主动公开政府信息。`, problems: '无。', other: '' },
  });
  assert.equal(put.statusCode, 200, put.body);
  const sub = await call(staff, 'POST', `/api/disclosure/reports/${year}/submit`, {
    on: '2025-03-03',
  });
  assert.equal(sub.statusCode, 200, sub.body);
  return sub.json().caseId;
}
const ask = (s: Session, caseId: string, id = reviewerId) =>
  call(s, 'POST', `/api/cases/${caseId}/secrecy-review`, { reviewerId: id });
const decide = (s: Session, caseId: string, body: object) =>
  call(s, 'POST', `/api/cases/${caseId}/secrecy-review/decision`, body);
const publish = (year: number) =>
  call(staff, 'POST', `/api/disclosure/reports/${year}/publish`, { on: '2025-03-03' });
const worklist = async (s: Session) =>
  (await call(s, 'GET', '/api/worklist')).json().items as {
    caseId: string;
    stepLabel: string;
    dueDate: string;
  }[];

test('asked: 待保密审查 in the named reviewer’s 我的待办, due in 5 working days; publishing is refused until it passes', async () => {
  const caseId = await submittedReport(2021);
  const view = (await call(staff, 'GET', `/api/cases/${caseId}/secrecy-review`)).json();
  assert.equal(view.mayAsk, true);
  assert.ok(view.reviewers.some((r: { id: string }) => r.id === reviewerId));
  assert.ok(
    !view.reviewers.some((r: { name: string }) => r.name === 'pub-staff'),
    'the drafter is not offered as their own reviewer',
  );
  const early = await publish(2021);
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /须经保密审查通过后方可公开/);

  const asked = await ask(staff, caseId);
  assert.equal(asked.statusCode, 200, asked.body);
  const dueOn = t.ctx.calendar.current().addWorkdays('2025-03-03', 5);
  assert.deepEqual(
    {
      status: asked.json().review.status,
      reviewer: asked.json().review.reviewerName,
      dueOn: asked.json().review.dueOn,
    },
    { status: 'pending', reviewer: 'pub-reviewer', dueOn },
  );
  assert.equal(asked.json().gate, '须经保密审查通过后方可公开（《政府信息公开条例》第十七条）');
  const step = (await worklist(reviewer)).find(
    (i) => i.caseId === caseId && i.stepLabel === '保密审查',
  );
  assert.equal(step?.stepLabel, '保密审查');
  assert.equal(step?.dueDate, dueOn);
  assert.ok(
    !(await worklist(bystander)).some((i) => i.stepLabel === '保密审查' && i.caseId === caseId),
  );
  const twice = await ask(staff, caseId);
  assert.equal(twice.statusCode, 409);
  assert.match(twice.json().error.message, /已提请保密审查/);
  const still = await publish(2021);
  assert.equal(still.statusCode, 409);
  assert.match(still.json().error.message, /须经保密审查通过后方可公开/);
});

test('the reviewer is another account of the department, and only that account decides', async () => {
  const caseId = await submittedReport(2020);
  const self = await ask(staff, caseId, await idOf('pub-staff'));
  assert.equal(self.statusCode, 400);
  assert.match(self.json().error.message, /不能由起草人本人进行保密审查/);
  const outside = await ask(staff, caseId, otherDeptId);
  assert.equal(outside.statusCode, 400);
  assert.match(outside.json().error.message, /不是本部门可以进行保密审查的工作人员/);
  assert.equal((await ask(staff, caseId)).statusCode, 200);

  const own = await decide(staff, caseId, { approve: true });
  assert.equal(own.statusCode, 409);
  assert.match(own.json().error.message, /不能由起草人本人进行保密审查/);
  const other = await decide(bystander, caseId, { approve: true });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().error.message, '该事项的保密审查人为pub-reviewer，须由其本人审查');
  for (const res of [
    await decide(otherDept, caseId, { approve: true }),
    await call(otherDept, 'GET', `/api/cases/${caseId}/secrecy-review`),
    await ask(otherDept, caseId),
  ])
    assert.equal(res.statusCode, 404);
  const view = (await call(reviewer, 'GET', `/api/cases/${caseId}/secrecy-review`)).json();
  assert.equal(view.review.status, 'pending');
  assert.equal(view.mayDecide, true);
});

test('passed by the reviewer: the report is published and its 主动公开 item names the reviewer’s account', async () => {
  const caseId = await submittedReport(2019);
  assert.equal((await ask(staff, caseId)).statusCode, 200);
  const passed = await decide(reviewer, caseId, { approve: true, opinion: '不涉及国家秘密' });
  assert.equal(passed.statusCode, 200, passed.body);
  assert.equal(passed.json().review.status, 'passed');
  assert.equal(passed.json().gate, null);
  assert.ok(
    !(await worklist(reviewer)).some((i) => i.caseId === caseId && i.stepLabel === '保密审查'),
    'step done',
  );
  const [ev] = await t.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'secrecyReview.pass'), eq(auditEvents.entityId, caseId)));
  assert.equal(ev.actorId, reviewerId);

  const pub = await publish(2019);
  assert.equal(pub.statusCode, 200, pub.body);
  const item = (await call(staff, 'GET', `/api/publications/${pub.json().publicationId}`)).json();
  assert.deepEqual(item.confidentialityReview, {
    reviewer: 'pub-reviewer',
    reviewerId,
    conclusion: 'public',
    on: '2025-03-03',
    note: '不涉及国家秘密',
  });
});

test('returned: a reason is required, publishing stays refused, and the drafter may ask again', async () => {
  const caseId = await submittedReport(2018);
  assert.equal((await ask(staff, caseId)).statusCode, 200);
  const bare = await decide(reviewer, caseId, { approve: false });
  assert.equal(bare.statusCode, 400);
  assert.match(bare.json().error.message, /退回理由：必填/);
  const returned = await decide(reviewer, caseId, {
    approve: false,
    opinion: '附件含内部联系方式',
  });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json().review.status, 'returned');
  assert.equal(returned.json().review.opinion, '附件含内部联系方式');
  const refused = await publish(2018);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.json().error.message, /须经保密审查通过后方可公开/);
  const again = await ask(staff, caseId);
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().review.status, 'pending');
});
