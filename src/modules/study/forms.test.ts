// 登记学法 and 登记述法 are declared once (forms.ts, issue 11 item 2): the 学法述法记录 page is served the
// forms with the year's records (GET /api/reports/study `recordForms`), and the routes refuse a body by
// the same Chinese labels, derived from them; what the API took before (a session without 主讲人 or
// 主要负责人主持或讲授, a 述法 entry without 要点) stays accepted, in whole minutes and people.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formsContract, testApi } from '../../server/testApi.ts';
import { STUDY_FORMS } from './forms.ts';
import { STATEMENT_FORMS, STATEMENT_RANKS, STUDY_KINDS } from './sessions.ts';
import { useStudyTest } from './testkit.ts';

const k = useStudyTest();
const api = testApi(() => k.t, ['study_sessions', 'legal_duty_statements', 'audit_events']);
const SESSIONS = '/api/reports/study/sessions';
const STATEMENTS = '/api/reports/study/statements';
const session = {
  heldOn: '2025-02-18',
  kind: 'preMeeting',
  topic: '学习行政复议法',
  durationMinutes: 40,
  attendees: 12,
};
const statement = {
  year: 2025,
  statedOn: '2025-01-20',
  personName: '王局长',
  position: '局长',
  rank: 'head',
  form: 'yearEnd',
};
const labelsOf = (f: { options: Array<{ label: string }> }) => f.options.map((o) => o.label);

test('the records page gets the declared forms; the routes refuse by their labels', async () => {
  const { recordForms: served } = await api.ok(k.staff, 'GET', '/api/reports/study?year=2025');
  assert.deepEqual(Object.keys(served), Object.keys(STUDY_FORMS));
  await formsContract({
    ...api,
    as: k.staff,
    served,
    declared: STUDY_FORMS,
    routes: { session: SESSIONS, statement: { url: STATEMENTS, body: { year: 2025 } } },
  });
  // The choices as the tables show them; the bounds the page's controls keep.
  const field = (form: 'session' | 'statement', name: string) =>
    served[form].find((f: { name: string }) => f.name === name);
  assert.deepEqual(labelsOf(field('session', 'kind')), Object.values(STUDY_KINDS));
  assert.deepEqual(labelsOf(field('statement', 'rank')), Object.values(STATEMENT_RANKS));
  assert.deepEqual(labelsOf(field('statement', 'form')), Object.values(STATEMENT_FORMS));
  const { min, max, type } = field('session', 'durationMinutes');
  assert.deepEqual([type, min, max], ['number', 10, 1440]);
  assert.deepEqual(
    [field('session', 'ledByHead').type, field('session', 'ledByHead').required],
    ['boolean', false],
  );
  assert.equal(field('statement', 'summary').maxLength, 5000);
});

test('登记学法: bounds, choices and whole numbers by label; what was left out still taken', async () => {
  const { refused, ok } = api;
  await refused(k.staff, 'POST', SESSIONS, { ...session, kind: 'meeting' }, 400, /学法形式/);
  await refused(k.staff, 'POST', SESSIONS, { ...session, topic: '学' }, 400, /学习内容/);
  await refused(k.staff, 'POST', SESSIONS, { ...session, durationMinutes: 5 }, 400, /时长（分钟）/);
  await refused(
    k.staff,
    'POST',
    SESSIONS,
    { ...session, attendees: 2.5 },
    400,
    /参加人数：应为整数/,
  );
  await refused(k.staff, 'POST', SESSIONS, { ...session, speaker: '讲'.repeat(61) }, 400, /主讲人/);
  await refused(k.staff, 'POST', SESSIONS, { ...session, ledByHead: 'yes' }, 400, /主要负责人/);
  await ok(k.staff, 'POST', SESSIONS, session);
  const [saved] = (await ok(k.staff, 'GET', '/api/reports/study?year=2025')).sessions;
  assert.deepEqual([saved.speaker, saved.ledByHead], ['', false]);
});

test("登记述法: the year is the page's; the 要点 may be left out", async () => {
  const { refused, ok } = api;
  const { year, ...rest } = statement;
  assert.equal(year, 2025);
  await refused(k.staff, 'POST', STATEMENTS, rest, 400, /述法年度/);
  await refused(k.staff, 'POST', STATEMENTS, { ...statement, rank: 'chief' }, 400, /身份/);
  await refused(k.staff, 'POST', STATEMENTS, { ...statement, form: 'oral' }, 400, /述法形式/);
  await refused(k.staff, 'POST', STATEMENTS, { ...statement, position: '长' }, 400, /职务/);
  await ok(k.staff, 'POST', STATEMENTS, statement);
  const [saved] = (await ok(k.staff, 'GET', '/api/reports/study?year=2025')).statements;
  assert.deepEqual([saved.personName, saved.summary], ['王局长', '']);
});
