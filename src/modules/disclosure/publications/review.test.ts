// Issue 13 item 11: the 保密审查 before 主动公开 (条例 Art 17) is an act of the named reviewer in their own session —
// the item waits as 待保密审查 in the reviewer's 我的待办 and reaches the portal only when they pass it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { auditEvents } from '../../../core/audit/schema.ts';
import {
  actorOf,
  publicationUsers,
  publishViaReview,
  sampleInput,
  withReviewer,
} from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session, otherDept: Session, bystander: Session;
let reviewerId = '';

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  ({ staff, reviewer, otherDept, reviewerId } = await publicationUsers(t));
  await addUser(t.ctx, {
    username: 'pub-bystander',
    password: 'Staff-pass-2025',
    roles: ['leader'],
  });
  bystander = await signIn(t.app, 'pub-bystander', 'Staff-pass-2025');
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });
const publishApi = (s: Session, body: object) =>
  publishViaReview(t.app, s, reviewer, withReviewer(body, reviewerId));
const count = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from publications`))[0].n;
const ask = async (title: string) => {
  const res = await call(
    staff,
    'POST',
    '/api/publications',
    withReviewer(sampleInput({ title }), reviewerId),
  );
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
// The portal's catalogue (sampleInput is a 规划计划 of 2025; the search box would echo a query's text).
const onPortal = async (title: string) =>
  (await t.app.inject({ url: '/xxgk/catalog?category=plan&year=2025' })).body.includes(title);
const worklist = async (s: Session) =>
  (await call(s, 'GET', '/api/worklist')).json().items as {
    caseId: string;
    stepLabel: string;
    dueDate: string;
  }[];

test('asked: 待保密审查, a step due in 5 working days in the named reviewer’s 我的待办 only, not on the portal', async () => {
  const before = await count();
  const asked = await ask('待审查的通知');
  assert.equal(asked.status, 'pending');
  assert.equal(asked.statusLabel, '待保密审查');
  assert.equal(asked.reviewerName, 'pub-reviewer');
  assert.equal(asked.dueOn, t.ctx.calendar.current().addWorkdays('2025-03-03', 5));
  assert.equal(await count(), before, 'nothing published yet');
  assert.equal(await onPortal('待审查的通知'), false);
  const step = (await worklist(reviewer)).find((i) => i.caseId === asked.caseId);
  assert.equal(step?.stepLabel, '保密审查');
  assert.equal(step?.dueDate, asked.dueOn);
  for (const s of [staff, bystander])
    assert.ok(!(await worklist(s)).some((i) => i.caseId === asked.caseId), 'only the reviewer');
  const mine = (await call(reviewer, 'GET', '/api/publications/reviews?status=pending')).json();
  assert.ok(mine.some((r: { id: string; mayDecide: boolean }) => r.id === asked.id && r.mayDecide));
  const kase = (await call(reviewer, 'GET', `/api/cases/${asked.caseId}`)).json();
  assert.equal(kase.case.statusLabel, '待保密审查');
  assert.equal(kase.case.page, `/publications/reviews/${asked.id}`);
});

test('only the named reviewer decides: the drafter is refused, another colleague 403, another department 404', async () => {
  const asked = await ask('只能由审查人审查的信息');
  const decide = (s: Session, approve = true) =>
    call(s, 'POST', `/api/publications/reviews/${asked.id}/decision`, { approve });
  const own = await decide(staff);
  assert.equal(own.statusCode, 409);
  assert.match(own.json().error.message, /不能由起草人本人进行保密审查/);
  const other = await decide(bystander);
  assert.equal(other.statusCode, 403);
  assert.match(other.json().error.message, /保密审查人为pub-reviewer/);
  assert.equal((await decide(otherDept)).statusCode, 404);
  assert.equal(
    (await call(otherDept, 'GET', `/api/publications/reviews/${asked.id}`)).statusCode,
    404,
  );
  assert.equal((await call(otherDept, 'GET', `/api/cases/${asked.caseId}`)).statusCode, 404);
  assert.equal(
    (await call(reviewer, 'GET', `/api/publications/reviews/${asked.id}`)).json().status,
    'pending',
  );
  assert.equal(await onPortal('只能由审查人审查的信息'), false);
});

test('passed by the reviewer: published with its 索引号, on the portal, the step done, both acts audited as the reviewer', async () => {
  const asked = await ask('审查通过的通知');
  const passed = await call(reviewer, 'POST', `/api/publications/reviews/${asked.id}/decision`, {
    approve: true,
    opinion: '不涉及国家秘密，可以公开',
  });
  assert.equal(passed.statusCode, 200, passed.body);
  assert.equal(passed.json().status, 'published');
  const p = (await call(staff, 'GET', `/api/publications/${passed.json().publicationId}`)).json();
  assert.match(p.indexNumber, /^11341600734987449Q\/202503-\d{5}$/);
  assert.equal(p.confidentialityReview.reviewerId, reviewerId);
  assert.equal(p.confidentialityReview.note, '不涉及国家秘密，可以公开');
  assert.equal((await t.app.inject({ url: `/xxgk/p/${p.indexNumber}` })).statusCode, 200);
  assert.ok(await onPortal('审查通过的通知'));
  assert.ok(!(await worklist(reviewer)).some((i) => i.caseId === asked.caseId), 'step done');
  for (const action of ['publication.review.pass', 'publication.publish']) {
    const [ev] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, action),
          eq(auditEvents.entityId, action === 'publication.publish' ? p.id : asked.id),
        ),
      );
    assert.equal(ev?.actorId, reviewerId, action);
  }
  const again = await call(reviewer, 'POST', `/api/publications/reviews/${asked.id}/decision`, {
    approve: true,
  });
  assert.equal(again.statusCode, 409, 'decided once');
});

test('returned with a reason: never published, not on the portal; the reason is required', async () => {
  const before = await count();
  const asked = await ask('退回的通知');
  const url = `/api/publications/reviews/${asked.id}/decision`;
  const bare = await call(reviewer, 'POST', url, { approve: false });
  assert.equal(bare.statusCode, 400);
  assert.match(bare.json().error.message, /退回理由：必填/);
  const returned = await call(reviewer, 'POST', url, {
    approve: false,
    opinion: '附件含有内部人员身份证号码，删除后重新提请',
  });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json().status, 'returned');
  assert.equal(returned.json().statusLabel, '已退回');
  assert.equal(returned.json().publicationId, null);
  assert.equal(await count(), before);
  assert.equal(await onPortal('退回的通知'), false);
  assert.ok(!(await worklist(reviewer)).some((i) => i.caseId === asked.caseId));
  const [ev] = await t.ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, 'publication.review.return'), eq(auditEvents.entityId, asked.id)),
    );
  assert.equal(ev.actorId, reviewerId);
  assert.equal(
    (ev.payload as { opinion: string }).opinion,
    '附件含有内部人员身份证号码，删除后重新提请',
  );
  assert.equal((await call(reviewer, 'POST', url, { approve: true })).statusCode, 409);
});

// Issue 13 item 11: the 保密审查人 defaulted to the clerk's own name. The review is named by account, another one.
test('保密审查 by another account: the drafter is refused as their own reviewer; the form offers the colleagues', async () => {
  const meta = (
    await t.app.inject({ url: '/api/publications/meta', headers: staff.headers })
  ).json();
  const me = (await actorOf(t.ctx, 'pub-staff')).userId;
  const offered: Array<{ value: string }> = meta.form.find(
    (f: { name: string }) => f.name === 'reviewerId',
  ).options;
  assert.ok(offered.some((o) => o.value === reviewerId));
  assert.ok(!offered.some((o) => o.value === me), 'the drafter is not offered');
  const before = await count();
  const self = await t.app.inject({
    method: 'POST',
    url: '/api/publications',
    headers: staff.headers,
    payload: withReviewer(sampleInput({ title: '自审的信息' }), me),
  });
  assert.equal(self.statusCode, 400);
  assert.match(self.json().error.message, /保密审查人：不能由起草人本人进行保密审查/);
  assert.equal(self.json().error.fields[0].path, 'confidentialityReview.reviewerId');
  const outsider = (await actorOf(t.ctx, 'pub-justice')).userId;
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/publications',
        headers: staff.headers,
        payload: withReviewer(sampleInput({ title: '外单位审查的信息' }), outsider),
      })
    ).statusCode,
    400,
  );
  assert.equal(await count(), before, 'nothing published');
  const ok = await publishApi(staff, sampleInput({ title: '他人审查的信息' }));
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().confidentialityReview, {
    reviewer: 'pub-reviewer',
    reviewerId,
    conclusion: 'public',
    on: '2025-03-03', // the day the reviewer passed it, in their own session
    note: null,
  });
});
