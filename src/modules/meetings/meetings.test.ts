// 局长办公会 / 党组会 and their agendas through the staff API: numbered sessions, topics linked to the
// department's own records only, decisions only through the decision page (Art 29 materials), the
// meeting record once and not before its date, public topics published, scope.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, advisor: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'gs', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'gadv',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  staff = await signIn(t.app, 'gs', 'Staff-pass-2025');
  advisor = await signIn(t.app, 'gadv', 'Advisor-pass-2025');
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });
const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const refused = async (url: string, payload: object, status: number, message: RegExp) => {
  const [{ n }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events`,
  );
  const res = await call(staff, 'POST', url, payload);
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.json().error.message, message);
  const [{ n: after }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events`,
  );
  assert.equal(after, n, 'nothing changed');
};

let id = '';

test('sessions are numbered per kind and year; a taken number is refused', async () => {
  const a = await ok(staff, 'POST', '/api/meetings', {
    kind: 'partyGroup',
    meetingOn: '2025-03-10',
  });
  const b = await ok(staff, 'POST', '/api/meetings', {
    kind: 'partyGroup',
    meetingOn: '2025-03-17',
  });
  assert.equal(a.meeting.name, '2025年第1次党组会');
  assert.equal(b.meeting.name, '2025年第2次党组会');
  await refused(
    '/api/meetings',
    { kind: 'partyGroup', meetingOn: '2025-03-24', sessionNo: 2 },
    400,
    /已经存在/,
  );
  id = a.meeting.id;
});

test("topics link only to the department's own records; decisions go through the decision page", async () => {
  const [doc] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from normative_documents limit 1`,
  );
  const v = await ok(staff, 'GET', `/api/meetings/${id}`);
  const subjects = v.forms.topic.find((f: { name: string }) => f.name === 'subjectId').options;
  assert.ok(
    subjects.some((s: { value: string }) => s.value === doc.id),
    'the demo draft is offered',
  );
  await ok(staff, 'POST', `/api/meetings/${id}/agenda`, {
    title: '审议孵化器认定和管理办法',
    subjectType: 'normativeDocument',
    subjectId: doc.id,
    isPublic: true,
    publicSummary: '研究孵化器认定办法',
  });
  await refused(
    `/api/meetings/${id}/agenda`,
    { title: '审议同一文件', subjectType: 'normativeDocument', subjectId: doc.id },
    409,
    /已列入本次会议议题/,
  );
  await refused(
    `/api/meetings/${id}/agenda`,
    {
      title: '不存在的文件',
      subjectType: 'normativeDocument',
      subjectId: '00000000-0000-4000-8000-000000000001',
    },
    400,
    /本部门没有该行政规范性文件/,
  );
  await refused(
    `/api/meetings/${id}/agenda`,
    { title: '重大决策', subjectType: 'majorDecision', subjectId: doc.id },
    400,
    /议题类型/,
  );
  await ok(staff, 'POST', `/api/meetings/${id}/agenda`, {
    title: '听取一季度工作汇报',
    subjectType: 'other',
  });
});

test('the record: not before the date, once; public topics published on the portal', async () => {
  await refused(
    `/api/meetings/${id}/held`,
    { attendees: '党组成员', minutes: '会议研究了孵化器认定和管理办法。' },
    409,
    /召开后才能登记/,
  );
  await moveToDay(t, '2025-03-10');
  const held = await ok(staff, 'POST', `/api/meetings/${id}/held`, {
    attendees: '党组成员',
    publicAttendees: [{ name: '钱某', identity: '人大代表' }],
    minutes: '会议研究了孵化器认定和管理办法。',
  });
  assert.equal(held.meeting.status, 'held');
  await refused(
    `/api/meetings/${id}/held`,
    { attendees: '党组成员', minutes: '改写后的会议纪要内容。' },
    409,
    /不能覆盖/,
  );
  await ok(staff, 'POST', `/api/meetings/${id}/publish-agenda`, {});
  const portal = await t.app.inject({ url: '/hyyt' });
  assert.match(portal.body, /审议孵化器认定和管理办法：研究孵化器认定办法/);
  assert.ok(
    !portal.body.includes('听取一季度工作汇报'),
    'topics not marked public stay off the portal',
  );
  const list = await ok(staff, 'GET', '/api/meetings?year=2025&publicAttendance=true');
  assert.ok(list.items.some((m: { id: string }) => m.id === id));
});

test('outside legal advisors see no meetings', async () => {
  assert.equal((await call(advisor, 'GET', '/api/meetings')).statusCode, 403);
  assert.equal((await call(advisor, 'GET', `/api/meetings/${id}`)).statusCode, 404);
});

test("the meeting page's buttons are the engine's; the generic case API cannot record the meeting", async () => {
  const v = await ok(staff, 'POST', '/api/meetings', {
    kind: 'directorsOffice',
    meetingOn: '2025-06-30',
  });
  assert.equal(v.meeting.status, 'planned');
  assert.deepEqual(v.abilities, { addTopic: true, recordHeld: false, publishAgenda: false });
  const w = await ok(staff, 'POST', `/api/meetings/${v.meeting.id}/agenda`, {
    title: '研究年度预算执行情况',
    subjectType: 'other',
    isPublic: true,
  });
  assert.deepEqual(w.abilities, { addTopic: true, recordHeld: false, publishAgenda: true });
  const c = await ok(staff, 'GET', `/api/cases/${v.meeting.caseId}`);
  assert.equal(c.case.statusLabel, '待召开');
  assert.match(
    c.blocked.find((b: { action: string }) => b.action === 'hold').reason,
    /^会议召开后才能登记会议记录（应不早于2025年6月30日）$/,
  );
  // The law's reason first, then where the act is done.
  const res = await call(staff, 'POST', `/api/cases/${v.meeting.caseId}/actions`, {
    action: 'hold',
    on: t.ctx.clock.today(),
  });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.reason, 'before_meeting');
  await refused(
    `/api/cases/${v.meeting.caseId}/actions`,
    { action: 'publishAgenda', on: t.ctx.clock.today() },
    409,
    /须在所属业务页面进行/,
  );
});
