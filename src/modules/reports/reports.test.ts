// 法治政府建设年度报告 through the API on a real database: assembly from the demo and fixture records
// (every figure equals its provider's fact), live figures and what changed, hand-typed figures,
// 保密审查 → approval (figures freeze) → submission → publication with the refusals in between,
// revisions after publication, version comparison, the deadlines and their reminders, RBAC.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn, moveToDay } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { factProviders, sweepTasks } from '../../server/modules.ts';
import { REPORT_AREAS } from '../../core/facts.ts';
import type { Block, ReportDocument } from './document.ts';
import { findSoffice } from './export.ts';
import { gatherFacts, periodEnd, stepOverdueAt } from './facts.ts';
import { readFileSync } from 'node:fs';
import { importReport } from './analyser/service.ts';
import type { Actor } from '../../core/auth/actor.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, leader: Session, oversight: Session, other: Session, advisor: Session;
let deptId: string;
const PW = 'Report-pass-2026';
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.ctx.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]
    .n;

const day = (d: string) => moveToDay(t, d);

before(async () => {
  t = await createTestApp(); // demo records dated around 2025-03-03
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(t.ctx, { username: 'rs', password: PW, roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'rl',
    password: PW,
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, {
    username: 'ro',
    password: PW,
    roles: ['oversight'],
    orgName: '示范市司法局',
  });
  await addUser(t.ctx, { username: 'rother', password: PW, roles: ['staff'], orgName: '综合科' });
  await addUser(t.ctx, {
    username: 'radv',
    password: PW,
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await day('2026-02-09');
  [staff, leader, oversight, other, advisor] = await Promise.all(
    ['rs', 'rl', 'ro', 'rother', 'radv'].map((u) => signIn(t.app, u, PW)),
  );
  deptId = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '示范市科学技术局'`,
    )
  )[0].id;
});
after(() => t.close());

const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: s.headers, payload });
const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const refused = async (
  s: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload: object | undefined,
  status: number,
  message?: RegExp,
) => {
  const tables = ['audit_events', 'case_events', 'rule_of_law_report_versions'];
  const before = await Promise.all(tables.map(count));
  const snapshot = await queryRows(t.ctx.db, sql`select * from rule_of_law_reports order by id`);
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, status, res.body);
  if (message) assert.match(res.json().error.message, message);
  assert.deepEqual(
    await Promise.all(tables.map(count)),
    before,
    'a refused request changes nothing',
  );
  assert.deepEqual(
    await queryRows(t.ctx.db, sql`select * from rule_of_law_reports order by id`),
    snapshot,
  );
};

async function actorOf(username: string): Promise<Actor> {
  const [u] = await queryRows<{
    id: string;
    display_name: string;
    org_id: string;
    department_id: string;
    roles: Actor['roles'];
  }>(
    t.ctx.db,
    sql`select id, display_name, org_id, department_id, roles from users where username = ${username}`,
  );
  return {
    userId: u.id,
    username,
    displayName: u.display_name,
    orgId: u.org_id,
    orgName: '',
    departmentId: u.department_id,
    roles: u.roles,
    mustChangePassword: false,
  };
}

const blocks = (doc: ReportDocument): Block[] => [
  ...doc.preface,
  ...doc.parts.flatMap((p) => p.blocks),
];
const factKeys = (doc: ReportDocument) =>
  blocks(doc).flatMap((b) => b.inlines.flatMap((i) => (i.t === 'fact' ? [i.key] : [])));

async function providerFacts(year: number) {
  const all = await Promise.all(
    factProviders.map(async (p) =>
      (await p.facts(t.ctx, deptId, year)).map((f) => ({ ...f, area: p.area })),
    ),
  );
  return new Map(all.flat().map((f) => [f.key, f]));
}

test('study sessions and 述法 entries are the records of part (三)', async () => {
  const session = {
    heldOn: '2025-04-10',
    kind: 'preMeeting',
    topic: '学习《中华人民共和国行政复议法》',
    speaker: '政策法规科',
    durationMinutes: 45,
    attendees: 12,
    ledByHead: true,
  };
  await ok(staff, 'POST', '/api/reports/study/sessions', session);
  await ok(staff, 'POST', '/api/reports/study/sessions', {
    ...session,
    heldOn: '2025-09-05',
    kind: 'centralGroup',
    topic: '习近平法治思想专题学习',
    ledByHead: false,
    durationMinutes: 90,
  });
  const bad = await call(staff, 'POST', '/api/reports/study/sessions', {
    ...session,
    durationMinutes: 2,
    heldOn: '2025-02-30',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /时长（分钟）/);
  assert.match(bad.json().error.message, /学法日期/);
  const list = await ok(staff, 'GET', '/api/reports/study?year=2025');
  assert.equal(list.sessions.length, 2);
  assert.equal(
    (await call(oversight, 'POST', '/api/reports/study/sessions', session)).statusCode,
    403,
  );
  // A record entered by mistake is removed (audited); another department's is not found.
  const { id } = await ok(staff, 'POST', '/api/reports/study/sessions', {
    ...session,
    topic: '录入错误',
  });
  assert.equal((await call(other, 'DELETE', `/api/reports/study/session/${id}`)).statusCode, 404);
  assert.equal((await call(staff, 'DELETE', `/api/reports/study/session/${id}`)).statusCode, 204);
  assert.equal((await ok(staff, 'GET', '/api/reports/study?year=2025')).sessions.length, 2);
  const [audit] = await queryRows<{ action: string }>(
    t.ctx.db,
    sql`select action from audit_events order by seq desc limit 1`,
  );
  assert.equal(audit.action, 'reports.session.remove');
});

let doc2025: ReportDocument;
let view: Record<string, any>;

test('assembly: five parts in the regulation order, every figure equals its provider fact', async () => {
  assert.equal((await ok(staff, 'GET', '/api/reports/2025')).exists, false);
  view = await ok(staff, 'POST', '/api/reports/2025');
  doc2025 = view.document;
  assert.deepEqual(
    doc2025.parts.map((p) => p.code),
    ['measures', 'shortcomings', 'firstResponsible', 'plans', 'other'],
  );
  assert.equal(doc2025.title, '示范市科学技术局2025年法治政府建设年度报告');
  assert.match(doc2025.parts[0].heading, /^2025年度推进法治政府建设的主要举措和成效$/);
  assert.match(doc2025.parts[3].heading, /^2026年度/);
  const facts = await providerFacts(2025);
  const keys = factKeys(doc2025);
  assert.ok(keys.length >= 10, `the report refers to the facts (${keys.length})`);
  for (const k of keys) {
    if (k.startsWith('timeliness.')) continue;
    assert.equal(view.figures[k].value, facts.get(k)!.value, k);
    assert.equal(view.figures[k].sentence, facts.get(k)!.sentence, k);
    assert.ok(
      view.figures[k].sentence,
      `${k}: only facts with something to say are written into the draft`,
    );
  }
  // Part (一): one second-level heading per area that has something to say, in REPORT_AREAS order.
  const h2 = doc2025.parts[0].blocks
    .filter((b) => b.kind === 'h2')
    .map((b) => (b.inlines[0] as { text: string }).text);
  const areasWithFacts = REPORT_AREAS.filter(
    (a) => a !== 'firstResponsible' && [...facts.values()].some((f) => f.area === a && f.sentence),
  );
  assert.equal(h2.length, areasWithFacts.length);
  // Part (三) is written from the study records: 2 sessions, 135 minutes.
  assert.equal(view.figures['study.sessions'].value, 2);
  assert.match(view.figures['study.sessions'].sentence, /2次，累计2.3小时/);
  // Part (二): the overdue 依申请公开 answers and the missing 述法 are named, with suggestions.
  const part2 = doc2025.parts[1].blocks
    .map((b) =>
      b.inlines.map((i) => (i.t === 'fact' ? `[${i.key}]` : i.t === 'text' ? i.text : '')).join(''),
    )
    .join('\n');
  assert.match(
    part2,
    /[一二三四五]是依申请公开“答复申请人”环节存在逾期未办。\[timeliness\.overdue\.disclosureRequest\.answer\]/,
  );
  assert.match(part2, /领导干部未进行年度述法/);
  assert.match(part2, /领导干部学法未达到每年4次的要求/);
  assert.match(part2, /改进措施：/);
  // As at the end of 2025 (the draft is made on 2026-02-09): overdue then, answered later or not yet.
  const overdue = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from case_steps s join cases c on c.id = s.case_id where s.department_id = ${deptId} and c.procedure = 'disclosureRequest' and s.step = 'answer' and ${stepOverdueAt(periodEnd(2025, '2026-02-09'))}`,
  );
  assert.ok(overdue[0].n >= 1);
  assert.equal(view.figures['timeliness.overdue.disclosureRequest.answer'].value, overdue[0].n);
  const records = await ok(
    staff,
    'GET',
    '/api/reports/step-records?procedure=disclosureRequest&step=answer&kind=overdue&year=2025',
  );
  assert.equal(records.total, overdue[0].n);
  // The deadlines: the case's two steps, due 3月1日 and 4月1日 of the next year.
  assert.deepEqual(
    view.deadlines.steps.map((s: { step: string; dueDate: string }) => [s.step, s.dueDate]),
    [
      ['publish', '2026-04-01'],
      ['submit', '2026-03-01'],
    ],
  );
  await refused(staff, 'POST', '/api/reports/2025', undefined, 409, /已生成/);
  await refused(staff, 'POST', '/api/reports/2027', undefined, 400, /不能晚于本年度/);
});

test('live figures: records change before approval, the view shows old → new; hand-typed figures are marked', async () => {
  await ok(staff, 'POST', '/api/reports/study/statements', {
    year: 2025,
    personName: '李局长',
    position: '局长',
    rank: 'head',
    statedOn: '2026-01-20',
    form: 'yearEnd',
    summary: '履行第一责任人职责情况',
  });
  view = await ok(staff, 'GET', '/api/reports/2025');
  const change = view.changes.find((c: { key: string }) => c.key === 'study.dutyStatements');
  assert.deepEqual({ from: change.from, to: change.to }, { from: 0, to: 1 });
  assert.equal(view.figures['study.dutyStatements'].previous, 0);
  assert.equal(view.figures['study.dutyStatements'].value, 1);
  // Staff edit prose, insert a hand-typed figure, and save: a new version; the change is acknowledged.
  const doc = structuredClone(view.document) as ReportDocument;
  doc.preface = [
    {
      id: 'p1',
      kind: 'p',
      inlines: [
        { t: 'text', text: '2025年，我局执法人员总数达' },
        { t: 'manual', text: '18' },
        { t: 'text', text: '名。' },
      ],
    },
  ];
  doc.parts[3].blocks.push(
    { id: 'plan1', kind: 'h2', inlines: [{ t: 'text', text: '深入学习宣传贯彻习近平法治思想' }] },
    {
      id: 'plan2',
      kind: 'p',
      inlines: [
        { t: 'text', text: '全年组织会前学法不少于' },
        { t: 'manual', text: '4' },
        { t: 'text', text: '次。' },
      ],
    },
  );
  view = await ok(staff, 'PUT', '/api/reports/2025', {
    baseVersionId: view.version.id,
    content: doc,
  });
  assert.equal(view.version.seq, 2);
  assert.equal(view.manualFigures, 2);
  assert.equal(view.changes.length, 0);
  // A stale base version and an unknown fact are refused.
  await refused(
    staff,
    'PUT',
    '/api/reports/2025',
    { baseVersionId: (await ok(staff, 'GET', '/api/reports/2025/versions'))[1].id, content: doc },
    409,
    /已被他人修改/,
  );
  const unknown = structuredClone(doc);
  unknown.preface[0].inlines.push({ t: 'fact', key: 'nothing.here', form: 'value' });
  await refused(
    staff,
    'PUT',
    '/api/reports/2025',
    { baseVersionId: view.version.id, content: unknown },
    400,
    /数据项不存在：nothing\.here/,
  );
  const broken = structuredClone(doc) as unknown as { parts: unknown[] };
  broken.parts.pop();
  await refused(
    staff,
    'PUT',
    '/api/reports/2025',
    { baseVersionId: view.version.id, content: broken },
    400,
    /报告正文/,
  );
});

test('保密审查, approval by the 局长办公会 (figures freeze), submission, publication; refusals change nothing', async () => {
  const meeting = {
    meetingKind: 'directorsOffice',
    meetingOn: '2026-02-09',
    session: '2026年第3次局长办公会议',
    on: '2026-02-09',
  };
  // The acts the screen offers are the engine's for the status (issue 11 item 3): while drafting, the
  // 保密审查 and redrafting; after it, the approval only — for staff and leaders alike.
  const acts = (over: Partial<Record<string, boolean>>) => ({
    review: false,
    approve: false,
    submit: false,
    publish: false,
    regenerate: false,
    ...over,
  });
  view = await ok(staff, 'GET', '/api/reports/2025');
  assert.equal(view.status, 'drafting');
  assert.deepEqual(view.acts, acts({ review: true, regenerate: true }));
  assert.deepEqual(view.blocked, []);
  await refused(
    staff,
    'POST',
    '/api/reports/2025/publish',
    { on: '2026-02-09' },
    409,
    /尚未经党组（党委）会议或局长办公会议审定，不能公开/,
  );
  await refused(staff, 'POST', '/api/reports/2025/approve', meeting, 409, /须先通过保密审查/);
  await refused(
    staff,
    'POST',
    '/api/reports/2025/submit',
    { on: '2026-02-09', recipients: ['示范市人民政府'] },
    409,
    /尚未经.*审定，不能报送/,
  );
  view = await ok(staff, 'POST', '/api/reports/2025/review', {
    reviewer: '办公室保密员',
    on: '2026-02-09',
  });
  assert.equal(view.status, 'reviewed');
  assert.deepEqual(view.acts, acts({ approve: true }));
  assert.deepEqual((await ok(leader, 'GET', '/api/reports/2025')).acts, acts({ approve: true }));
  await refused(
    staff,
    'POST',
    '/api/reports/2025/review',
    { reviewer: '办公室保密员', on: '2026-02-09' },
    409,
    /不能重复审查/,
  );
  view = await ok(leader, 'POST', '/api/reports/2025/approve', meeting);
  assert.equal(view.status, 'approved');
  assert.equal(view.version.frozen, true);
  await refused(
    leader,
    'POST',
    '/api/reports/2025/approve',
    meeting,
    409,
    /已于2026-02-09经2026年第3次局长办公会议审定，不能重复审定/,
  );
  await refused(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-09' }, 409, /须先报送/);
  // Frozen: a new study session after approval does not change the approved figures.
  await ok(staff, 'POST', '/api/reports/study/sessions', {
    heldOn: '2025-12-01',
    kind: 'lecture',
    topic: '民法典专题讲座',
    speaker: '陈律师',
    durationMinutes: 60,
    attendees: 30,
    ledByHead: false,
  });
  view = await ok(staff, 'GET', '/api/reports/2025');
  assert.equal(view.figures['study.sessions'].value, 2);
  assert.equal(view.changes.length, 0);
  // Editing an approved report needs an explicit revision.
  await refused(
    staff,
    'PUT',
    '/api/reports/2025',
    { baseVersionId: view.version.id, content: view.document },
    409,
    /修改将生成新的修订版本/,
  );
  await day('2026-02-10');
  // The dialog's kinds of recipient are not recipients (issue 13 item 10): the 上一级主管部门 is named.
  const defaults = (await ok(staff, 'GET', '/api/reports/2025')).recipients;
  assert.deepEqual(defaults.toName, ['上一级主管部门']);
  assert.ok(
    !defaults.known.includes('上一级主管部门') &&
      defaults.known.includes('中共示范市委、示范市人民政府'),
    defaults.known.join('、'),
  );
  await refused(
    staff,
    'POST',
    '/api/reports/2025/submit',
    {
      on: '2026-02-10',
      recipients: ['中共示范市委、示范市人民政府', '上一级主管部门', '示范市司法局'],
    },
    400,
    /报送单位：“上一级主管部门”不是单位名称/,
  );
  view = await ok(staff, 'POST', '/api/reports/2025/submit', {
    on: '2026-02-10',
    recipients: ['中共示范市委、示范市人民政府', '省科学技术厅', '示范市司法局'],
  });
  assert.equal(view.status, 'submitted');
  assert.deepEqual(view.acts, acts({ publish: true }));
  await refused(
    staff,
    'POST',
    '/api/reports/2025/submit',
    { on: '2026-02-10', recipients: ['示范市人民政府'] },
    409,
    /不能重复报送/,
  );
  view = await ok(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-10' });
  assert.equal(view.status, 'published');
  assert.deepEqual(
    view.deadlines.steps.map((s: { status: string }) => s.status),
    ['done', 'done'],
  );
  await refused(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-10' }, 409, /已公开/);
});

test('the portal shows the published version; a revision is a new version and the published one stays', async () => {
  const list = await t.app.inject({ method: 'GET', url: '/fzzfjs' });
  assert.equal(list.statusCode, 200);
  const id = /href="\/fzzfjs\/([0-9a-f-]{36})"/.exec(list.body)![1];
  const page = await t.app.inject({ method: 'GET', url: `/fzzfjs/${id}` });
  assert.match(page.body, /<h1 id="report-title">示范市科学技术局2025年法治政府建设年度报告<\/h1>/);
  assert.match(page.body, /<h2>一、2025年度推进法治政府建设的主要举措和成效<\/h2>/);
  assert.match(page.body, /执法人员总数达18名/);
  assert.match(page.body, /组织领导干部学法2次/);
  const doc = structuredClone(view.document) as ReportDocument;
  doc.preface[0].inlines = [{ t: 'text', text: '修订后的导语。' }];
  await refused(
    staff,
    'PUT',
    '/api/reports/2025',
    { baseVersionId: view.version.id, content: doc },
    409,
    /确认修订/,
  );
  view = await ok(staff, 'PUT', '/api/reports/2025', {
    baseVersionId: view.version.id,
    content: doc,
    revise: { reason: '更正导语' },
  });
  assert.equal(view.status, 'drafting');
  assert.equal(view.version.frozen, false);
  assert.equal(view.figures['study.sessions'].value, 3, 'a revision is live again');
  const after = await t.app.inject({ method: 'GET', url: `/fzzfjs/${id}` });
  assert.match(after.body, /执法人员总数达18名/);
  assert.doesNotMatch(after.body, /修订后的导语/);
  const versions = await ok(staff, 'GET', '/api/reports/2025/versions');
  assert.deepEqual(
    versions.map((v: { seq: number; published: boolean; origin: string }) => [
      v.seq,
      v.published,
      v.origin,
    ]),
    [
      [3, false, 'revision'],
      [2, true, 'edited'],
      [1, false, 'generated'],
    ],
  );
  const cmp = await ok(
    staff,
    'GET',
    `/api/reports/2025/compare?from=${versions[1].id}&to=${versions[0].id}`,
  );
  assert.ok(
    cmp.ops.some(
      (o: { op: string; before?: string; after?: string }) =>
        o.op === 'changed' && /执法人员总数达18名/.test(o.before!) && o.after === '修订后的导语。',
    ),
  );
  assert.ok(
    cmp.ops.some(
      (o: { op: string; before?: string; after?: string }) =>
        o.op === 'changed' && /学法2次/.test(o.before!) && /学法3次/.test(o.after!),
    ),
    'the changed figure shows in the comparison',
  );
});

test('RBAC: a department sees its own reports; oversight reads submitted ones and edits none', async () => {
  const otherDept = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '示范市农业农村局'`,
    )
  )[0].id;
  await ok(other, 'POST', '/api/reports/2025');
  assert.equal((await ok(other, 'GET', '/api/reports/2025')).department.name, '示范市农业农村局');
  // Another department's report: not visible to staff at all, to oversight only once submitted.
  assert.equal(
    (await call(staff, 'GET', `/api/reports/2025?department=${otherDept}`)).statusCode,
    403,
  );
  assert.equal(
    (await call(oversight, 'GET', `/api/reports/2025?department=${otherDept}`)).statusCode,
    404,
  );
  const read = await ok(oversight, 'GET', `/api/reports/2025?department=${deptId}`);
  assert.equal(read.editable, false);
  assert.ok(
    Object.values(read.acts).every((a) => a === false),
    'oversight reads the report and does none of its acts',
  );
  assert.equal(
    read.version.seq,
    2,
    'oversight reads the submitted version, not the revision in progress',
  );
  assert.equal(read.caseId, null);
  for (const [method, url, body] of [
    ['PUT', '/api/reports/2025', { baseVersionId: read.version.id, content: read.document }],
    [
      'POST',
      '/api/reports/2025/approve',
      { meetingKind: 'partyGroup', meetingOn: '2026-02-09', session: '第1次', on: '2026-02-09' },
    ],
    ['POST', '/api/reports/2025', undefined],
  ] as const)
    await refused(oversight, method, url, body, 403);
  assert.equal(
    (
      await call(advisor, 'POST', '/api/reports/2025/review', {
        reviewer: '法律顾问',
        on: '2026-02-09',
      })
    ).statusCode,
    403,
  );
  const o = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
  const states = Object.fromEntries(
    o.departments.map((d: { department: string; state: string }) => [d.department, d.state]),
  );
  assert.deepEqual(states, { 示范市科学技术局: 'published', 示范市农业农村局: 'drafting' });
  const studyInd = o.indicators.find((i: { key: string }) => i.key === 'study.sessions');
  assert.deepEqual(studyInd.values, { [deptId]: 2, [otherDept]: null });
  assert.equal((await call(staff, 'GET', '/api/reports/oversight?year=2025')).statusCode, 403);
  // A report written elsewhere (seed 004), imported by the oversight body, stands beside the generated ones.
  const seed = readFileSync(
    new URL('../../../test/fixtures/seeds/004_a43d37cc7c10f483.txt', import.meta.url),
    'utf8',
  );
  const imp = await importReport(t.ctx, await actorOf('ro'), {
    departmentId: otherDept,
    source: { kind: 'paste', text: seed },
    year: 2025,
  });
  const withImport = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
  const column = withImport.columns.find((c: { id: string }) => c.id === `import:${imp.id}`);
  assert.equal(column.kind, 'imported');
  assert.equal(
    withImport.indicators.find((i: { key: string }) => i.key === 'documents.issued').values[
      column.id
    ],
    3,
    '"共出台3件行政规范性文件"',
  );
  assert.equal(withImport.imports.length, 1);
  const xlsx = await call(oversight, 'GET', '/api/reports/oversight/export.xlsx?year=2025');
  assert.equal(xlsx.statusCode, 200);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb.getWorksheet('报送情况')!.getRow(2).getCell(2).value, '已公开');
  const sheet = wb.getWorksheet('指标对比')!;
  const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '组织学法')!;
  assert.equal(row.getCell(3).value, 2);
});

test('deadlines: 我的待办 shows them, the sweep reminds before and after 3月1日, a late submission is late', async () => {
  await day('2026-02-27'); // within 3 working days of 3月1日
  await runSweep(t.ctx, sweepTasks);
  const notes = await queryRows<{ kind: string; message: string }>(
    t.ctx.db,
    sql`select n.kind, n.message from notifications n join cases c on c.id = n.case_id where c.procedure = 'ruleOfLawReport' and c.department_id <> ${deptId}`,
  );
  assert.ok(
    notes.some((n) => n.kind === 'dueSoon' && /报送法治政府建设年度报告/.test(n.message)),
    JSON.stringify(notes),
  );
  await day('2026-03-02');
  await runSweep(t.ctx, sweepTasks);
  const overdue = await queryRows<{ kind: string }>(
    t.ctx.db,
    sql`select n.kind from notifications n join cases c on c.id = n.case_id where c.procedure = 'ruleOfLawReport' and n.kind = 'overdue'`,
  );
  assert.ok(overdue.length >= 1);
  const o = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
  assert.equal(
    o.departments.find((d: { department: string }) => d.department === '示范市农业农村局').state,
    'overdue',
  );
  const worklist = await ok(other, 'GET', '/api/worklist');
  assert.ok(
    worklist.items.some(
      (i: { stepLabel: string; overdue: boolean }) =>
        i.stepLabel === '报送法治政府建设年度报告' && i.overdue,
    ),
  );
});

test('the template puts the 第一责任人 part second (seed 004) for new reports; only the 系统管理员 sets it (one per deployment)', async () => {
  await addUser(t.ctx, { username: 'rsys', password: PW, roles: ['sysAdmin'], orgName: '办公室' });
  const sys = await signIn(t.app, 'rsys', PW);
  const tpl = await ok(staff, 'GET', '/api/reports/template');
  assert.deepEqual((await ok(oversight, 'GET', '/api/reports/template')).value, tpl.value);
  const parts = tpl.value.parts as Array<{ code: string; heading: string }>;
  const reordered = { ...tpl.value, parts: [parts[0], parts[2], parts[1], parts[3], parts[4]] };
  await refused(staff, 'PUT', '/api/reports/template', reordered, 403);
  await refused(leader, 'PUT', '/api/reports/template', reordered, 403);
  // An oversight body would change every city's deadlines: refused, nothing changed.
  await refused(
    oversight,
    'PUT',
    '/api/reports/template',
    { ...tpl.value, submitBy: '02-01' },
    403,
  );
  assert.equal((await ok(staff, 'GET', '/api/reports/template')).value.submitBy, '03-01');
  const bad = await call(sys, 'PUT', '/api/reports/template', {
    ...tpl.value,
    parts: [parts[0], parts[0], parts[1], parts[3], parts[4]],
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /五个部分各出现一次/);
  await ok(sys, 'PUT', '/api/reports/template', reordered);
  const v = await ok(staff, 'POST', '/api/reports/2024');
  assert.deepEqual(
    v.document.parts.map((p: { code: string }) => p.code),
    ['measures', 'firstResponsible', 'shortcomings', 'plans', 'other'],
  );
  assert.equal(
    v.deadlines.steps.find((s: { step: string }) => s.step === 'submit').overdue,
    true,
    'the 2024 report was due 2025-03-01',
  );
  // Last year's plan items (the published 2025 report) are a reference beside the 2026 report's part (四),
  // not its content (issue 13 item 10: they were copied in as if they were 2026's plans).
  const next = await ok(staff, 'POST', '/api/reports/2026');
  const plans = next.document.parts
    .find((p: { code: string }) => p.code === 'plans')
    .blocks.map((b: Block) => b.inlines.map((i) => (i.t === 'fact' ? '' : i.text)).join(''));
  assert.deepEqual(plans.filter(Boolean), [], 'part (四) starts empty, with a hint');
  assert.deepEqual(next.planReference, {
    year: 2025,
    paragraphs: [
      { kind: 'h2', text: '深入学习宣传贯彻习近平法治思想' },
      { kind: 'p', text: '全年组织会前学法不少于4次。' },
    ],
  });
});

test('exports: the .docx of the submitted report for oversight; PDF only with LibreOffice', async () => {
  const res = await call(oversight, 'GET', `/api/reports/2025/docx?department=${deptId}`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
  const { default: JSZip } = await import('jszip');
  const xml = await (
    await JSZip.loadAsync(res.rawPayload)
  )
    .file('word/document.xml')!
    .async('string');
  assert.match(xml, /组织领导干部学法2次/, 'the submitted version, with its frozen figures');
  const pdf = await call(staff, 'GET', '/api/reports/2025/pdf');
  if (!(await findSoffice())) {
    assert.equal(pdf.statusCode, 503);
    assert.match(pdf.json().error.message, /未安装 LibreOffice/);
  } else assert.equal(pdf.headers['content-type'], 'application/pdf');
});

test('facts: a fact may name its own area; a failing provider is reported, not fatal', async () => {
  const base = {
    label: '党组会',
    unit: '次',
    sentence: '召开党组会12次。',
    method: '',
    records: { path: '/api/x', query: {} },
  };
  const facts = await gatherFacts(
    t.ctx,
    [
      {
        module: 'm',
        area: 'decisions',
        facts: async () => [
          { ...base, key: 'm.partyGroup', value: 12, area: 'firstResponsible' },
          { ...base, key: 'm.topics', value: 3 },
        ],
      },
      {
        module: 'broken',
        area: 'other',
        facts: async () => {
          throw new Error('boom');
        },
      },
    ],
    deptId,
    2025,
  );
  assert.equal(facts.byKey.get('m.partyGroup')!.area, 'firstResponsible');
  assert.equal(facts.byKey.get('m.topics')!.area, 'decisions');
  assert.deepEqual(facts.unavailable, ['broken']);
});

test('the outside 法律顾问 reads none of the internal records of the department (only the matters assigned to them)', async () => {
  for (const url of [
    '/api/reports/2025',
    '/api/reports/2026',
    '/api/reports/2025/versions',
    '/api/reports/2025/compare?from=00000000-0000-4000-8000-000000000001&to=00000000-0000-4000-8000-000000000002',
    '/api/reports/2025/docx',
    '/api/reports/study?year=2025',
    '/api/documents',
    '/api/documents/export.xlsx',
    '/api/documents/facts?year=2025',
    '/api/document-cleanups',
  ]) {
    const res = await call(advisor, 'GET', url);
    assert.ok(res.statusCode === 403 || res.statusCode === 404, `${url}: ${res.statusCode}`);
  }
  // The department's own staff still read them.
  assert.equal((await call(staff, 'GET', '/api/reports/study?year=2025')).statusCode, 200);
});

test('an oversight body sees the reports of the departments of its own government only', async () => {
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, created_at) values (gen_random_uuid(), '邻市人民政府', 'government', now())`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '邻市司法局', 'oversight', id, now() from organisations where name = '邻市人民政府'`,
  );
  await addUser(t.ctx, {
    username: 'rneighbour',
    password: PW,
    roles: ['oversight'],
    orgName: '邻市司法局',
  });
  const neighbour = await signIn(t.app, 'rneighbour', PW);
  const theirs = await ok(neighbour, 'GET', '/api/reports/oversight?year=2025');
  assert.deepEqual(theirs.departments, [], '示范市’s departments are not 邻市司法局’s');
  const ours = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
  assert.ok(
    ours.departments.some((d: { department: string }) => d.department === '示范市科学技术局'),
  );
  // The submitted report itself: read by 示范市司法局, not by 邻市司法局.
  assert.equal(
    (await call(oversight, 'GET', `/api/reports/2025?department=${deptId}`)).statusCode,
    200,
  );
  const refused = (await call(neighbour, 'GET', `/api/reports/2025?department=${deptId}`))
    .statusCode;
  assert.ok(refused === 403 || refused === 404, String(refused));
});
