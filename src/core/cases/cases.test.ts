import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { addUser, createTestApp, orgIdByName, signIn } from '../../server/testing.ts';
import { queryRows } from '../db/client.ts';
import { runSweep } from './sweep.ts';
import { caseSteps } from './schema.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, leader: Session, otherDivision: Session, otherDept: Session, sys: Session;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.ctx.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]
    .n;

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  await addUser(t.ctx, { username: 'staff2', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'leader2',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, {
    username: 'staff3',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '成果转化与区域创新科',
  });
  await addUser(t.ctx, {
    username: 'sys2',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  sys = await signIn(t.app, 'sys2', 'Sys-pass-2025');
  const gov = await orgIdByName(t.ctx, '示范市人民政府');
  const dept = await t.app.inject({
    method: 'POST',
    url: '/api/admin/orgs',
    headers: sys.headers,
    payload: { name: '示范市教育局', kind: 'department', parentId: gov },
  });
  await addUser(t.ctx, {
    username: 'edu',
    password: 'Edu-pass-2025',
    roles: ['staff', 'leader'],
    orgName: dept.json().name,
  });
  staff = await signIn(t.app, 'staff2', 'Staff-pass-2025');
  leader = await signIn(t.app, 'leader2', 'Leader-pass-2025');
  otherDivision = await signIn(t.app, 'staff3', 'Staff-pass-2025');
  otherDept = await signIn(t.app, 'edu', 'Edu-pass-2025');
});
after(() => t.close());

const worklist = async (s: Session) =>
  (await t.app.inject({ url: '/api/worklist', headers: s.headers })).json();
// The demo's 依申请公开, 规范性文件 and 合法性审查 steps these tests were written against; other modules' demo
// records (信访, 12345 …) are in the lists too and are left out of the order checks.
const CORE_DEMO = new Set([
  'disclosure',
  'documents',
  'decisions',
  'reviews',
  'meetings',
  'reports',
]);
const coreItems = (items: any[]): any[] => items.filter((i) => CORE_DEMO.has(i.module));

test('我的待办 lists open steps soonest first with due date, days left, colour flags and the explanation', async () => {
  const { today, items: all, total } = await worklist(staff);
  assert.equal(today, '2025-03-03');
  // The demo gives the division open steps in several modules; the counts follow from the demo, not from here.
  assert.equal(all.length, total);
  const items = coreItems(all);
  assert.ok(items.length >= 5);
  // Dated steps soonest first; steps without a deadline (公开征求意见 of a fresh draft) last.
  const dated = items.filter((i: { dueDate: string | null }) => i.dueDate);
  const dues = dated.map((i: { dueDate: string }) => i.dueDate);
  assert.deepEqual(dues, [...dues].sort());
  assert.deepEqual(items.slice(0, dated.length), dated);
  assert.ok(
    items.slice(dated.length).some((i: { stepLabel: string }) => i.stepLabel === '公开征求意见'),
  );
  const [first, second, third] = items;
  assert.equal(first.overdue, true);
  assert.ok(first.daysLeft < 0);
  assert.equal(second.overdue, false);
  assert.equal(second.dueSoon, true, 'received 18 working days ago: due in 2 working days');
  assert.equal(second.daysLeft, 2);
  assert.equal(third.dueSoon, false);
  assert.equal(first.unit, 'workday');
  assert.match(first.explanation, /起算20个工作日/);
  assert.equal(first.procedureLabel, '依申请公开');
});

test('我的待办 filters, counts and pages on the server', async () => {
  const get = async (qs: string) =>
    (await t.app.inject({ url: `/api/worklist?${qs}`, headers: staff.headers })).json();
  const all = await get('pageSize=100');
  const n = all.items.length;
  const page1 = await get('pageSize=2');
  assert.equal(page1.items.length, 2);
  assert.equal(page1.total, n);
  const overdueN = all.items.filter((i: { overdue: boolean }) => i.overdue).length;
  const soonN = all.items.filter((i: { dueSoon: boolean }) => i.dueSoon).length;
  assert.deepEqual(page1.counts, { all: n, dueSoon: soonN, overdue: overdueN });
  assert.ok(overdueN >= 1 && soonN >= 1);
  const last = await get(`pageSize=2&page=${Math.ceil(n / 2)}`);
  assert.equal(last.items.length, n % 2 || 2);
  assert.equal(last.items.at(-1).dueDate, null);
  const overdue = await get('filter=overdue');
  assert.equal(overdue.total, overdueN);
  assert.ok(overdue.items.every((i: { overdue: boolean }) => i.overdue));
  const soon = await get('filter=dueSoon');
  assert.equal(soon.total, soonN);
  assert.ok(soon.items.every((i: { dueSoon: boolean }) => i.dueSoon));
  const bad = await t.app.inject({ url: '/api/worklist?filter=late', headers: staff.headers });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /筛选/);
});

test('the legal office sees the legality review step with its 15-working-day clock', async () => {
  await addUser(t.ctx, {
    username: 'legal2',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const legal = await signIn(t.app, 'legal2', 'Legal-pass-2025');
  const { items: all } = await worklist(legal);
  // The demo's normative document under review (other modules' review steps may be listed too).
  const items = all.filter(
    (i: { stepLabel: string; procedureLabel: string }) =>
      i.stepLabel === '合法性审核' && i.procedureLabel.startsWith('行政规范性文件'),
  );
  assert.equal(items.length, 1);
  assert.equal(items[0].daysLeft, 12);
  const view = (
    await t.app.inject({ url: `/api/cases/${items[0].caseId}`, headers: legal.headers })
  ).json();
  assert.ok(view.actions.some((a: { action: string }) => a.action === 'concludeLegalReview'));
  // The generic page links to the document's own page (the row that holds this case).
  const [doc] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from normative_documents where case_id = ${items[0].caseId}`,
  );
  assert.equal(view.case.page, `/documents/${doc.id}`);
  // Collective deliberation before the review is concluded is refused, with the reason.
  const early = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${items[0].caseId}/actions`,
    headers: leader.headers,
    payload: {
      action: 'collectiveDecision',
      on: '2025-03-03',
      data: { meeting: 'directorsOffice', decision: 'adopted' },
    },
  });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /合法性审核/);
});

test('scope: another division does not see division steps; another department gets 404 for the case', async () => {
  const items = coreItems((await worklist(staff)).items);
  // The other division sees none of 高新技术科's steps (department-wide ones of other modules are everyone's).
  assert.ok(
    (await worklist(otherDivision)).items.every(
      (i: { orgName: string }) => i.orgName !== '高新技术科',
    ),
  );
  assert.equal((await worklist(otherDept)).items.length, 0);
  const res = await t.app.inject({
    url: `/api/cases/${items[0].caseId}`,
    headers: otherDept.headers,
  });
  assert.equal(res.statusCode, 404);
  const act = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${items[0].caseId}/actions`,
    headers: otherDept.headers,
    payload: { action: 'answer', on: '2025-03-03', data: { outcome: 'disclose' } },
  });
  assert.equal(act.statusCode, 404);
  // Administrators see no business cases (三员 are not business users).
  assert.equal(
    (await t.app.inject({ url: `/api/cases/${items[0].caseId}`, headers: sys.headers })).statusCode,
    404,
  );
});

test('a refused action says why in Chinese and changes nothing; an allowed one moves the deadline', async () => {
  const items = coreItems((await worklist(staff)).items);
  const item = items[2];
  const before = { events: await count('case_events'), audit: await count('audit_events') };
  // (The 依申请公开 extension is an approval and goes through its module: the Art 35 reasonable deadline is generic.)
  const past = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${item.caseId}/actions`,
    headers: leader.headers,
    payload: {
      action: 'setDeadline',
      on: '2025-03-03',
      data: { dueOn: '2025-03-03', noticeOn: '2025-03-03', reason: '申请数量明显超过合理范围' },
    },
  });
  assert.equal(past.statusCode, 409);
  assert.equal(past.json().error.code, 'ACTION_NOT_ALLOWED');
  assert.match(past.json().error.message, /答复期限应当晚于确定之日/);
  const bad = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${item.caseId}/actions`,
    headers: leader.headers,
    payload: { action: 'setDeadline', on: '2025-02-30' },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /办理日期/);
  assert.deepEqual(
    { events: await count('case_events'), audit: await count('audit_events') },
    before,
  );

  const later = t.ctx.calendar.current().addWorkdays(item.dueDate, 10);
  const ok = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${item.caseId}/actions`,
    headers: leader.headers,
    payload: {
      action: 'setDeadline',
      on: '2025-03-03',
      data: { dueOn: later, noticeOn: '2025-03-03', reason: '申请数量明显超过合理范围' },
    },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const view = ok.json();
  const answer = view.steps.find(
    (s: { stepCode: string; status: string }) => s.stepCode === 'answer' && s.status === 'open',
  );
  assert.equal(answer.dueDate, later);
  assert.equal(view.events.at(-1).label, '确定延迟答复的合理期限');
  // The record speaks the form's words, not codes.
  assert.deepEqual(
    view.events[0].details.find((d: { label: string }) => d.label === '申请渠道'),
    { label: '申请渠道', value: '互联网渠道（双方确认之日）' },
  );
  assert.ok(
    view.events
      .at(-1)
      .details.some(
        (d: { label: string; value: string }) =>
          d.label === '理由' && d.value === '申请数量明显超过合理范围',
      ),
  );
  assert.equal(await count('audit_events'), before.audit + 1);
});

test('a closing act closes the step: it leaves 我的待办 and the case is closed', async () => {
  const { items } = await worklist(staff);
  // The latest-due 依申请公开 request (the earlier ones were used by the tests above).
  const item = items
    .filter((i: { procedureLabel: string }) => i.procedureLabel === '依申请公开')
    .at(-1);
  const view = (
    await t.app.inject({ url: `/api/cases/${item.caseId}`, headers: staff.headers })
  ).json();
  assert.ok(view.actions.some((a: { action: string }) => a.action === 'withdraw'));
  assert.match(view.case.page, /^\/disclosure\/requests\/[0-9a-f-]{36}$/);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${item.caseId}/actions`,
    headers: staff.headers,
    payload: { action: 'withdraw', on: '2025-03-03', data: { reason: '申请人书面撤回申请' } },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().case.status, 'closed');
  const after = (await worklist(staff)).items;
  assert.equal(after.length, items.length - 1);
  assert.ok(!after.some((i: { caseId: string }) => i.caseId === item.caseId));
});

test('the sweep marks overdue steps and notifies once, even when run again', async () => {
  const first = await runSweep(t.ctx);
  assert.equal(first.ran, true);
  assert.ok(first.results.notified >= 2);
  const again = await runSweep(t.ctx);
  assert.equal(again.results.notified, 0);
  assert.equal(again.results.markedOverdue, 0);
  const notes = (await t.app.inject({ url: '/api/notifications', headers: staff.headers })).json();
  assert.ok(notes.items.some((n: { kind: string }) => n.kind === 'overdue'));
  assert.ok(notes.items.some((n: { kind: string }) => n.kind === 'dueSoon'));
  assert.equal(notes.unread, notes.items.length);
  await t.app.inject({
    method: 'POST',
    url: `/api/notifications/${notes.items[0].id}/read`,
    headers: staff.headers,
  });
  assert.equal(
    (await t.app.inject({ url: '/api/notifications', headers: staff.headers })).json().unread,
    notes.items.length - 1,
  );
  const overdueRows = await t.ctx.db.select().from(caseSteps).where(eq(caseSteps.overdue, true));
  assert.ok(overdueRows.length >= 1);
  // Another division's staff get nothing about the division's steps.
  const divisionCases = new Set(
    (
      await queryRows<{ id: string }>(
        t.ctx.db,
        sql`select c.id from cases c join organisations o on o.id = c.org_id where o.name = '高新技术科'`,
      )
    ).map((r) => r.id),
  );
  assert.ok(notes.items.some((n: { caseId: string }) => divisionCases.has(n.caseId)));
  assert.ok(
    (await t.app.inject({ url: '/api/notifications', headers: otherDivision.headers }))
      .json()
      .items.every((n: { caseId: string }) => !divisionCases.has(n.caseId)),
  );
});
