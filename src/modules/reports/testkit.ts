/**
 * The annual-report API tests' starting point (real database, real sessions; no mocks): a fresh app — the
 * demo copied, or the organisations and accounts only — on 2026-02-09 with a second department of the
 * same government (示范市农业农村局), five signed-in accounts, the API helpers (a refused request must
 * change nothing) and `reportTo`, which makes the bureau's 2025 report through the API up to the stage a
 * test is about. Each test calls `reportsTest`, so it sees only what it makes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { queryRows } from '../../core/db/client.ts';
import {
  addUser,
  createBaseApp,
  createTestApp,
  moveToDay,
  orgIdByName,
  signIn,
} from '../../server/testing.ts';
import { passCaseSecrecyReview } from '../../server/testDocuments.ts';
import type { ReportDocument } from './document.ts';

export type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const PW = 'Report-pass-2026';

export async function reportsApp(from: 'demo' | 'base') {
  const t = from === 'demo' ? await createTestApp() : await createBaseApp();
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
  // The legal office's officer: the 保密审查 the drafter asks of her, decided in her own session.
  await addUser(t.ctx, {
    username: 'rsec',
    password: PW,
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const day = (d: string) => moveToDay(t, d);
  await day('2026-02-09');
  const [staff, leader, oversight, other, advisor, reviewer] = await Promise.all(
    ['rs', 'rl', 'ro', 'rother', 'radv', 'rsec'].map((u) => signIn(t.app, u, PW)),
  );
  const deptId = await orgIdByName(t.ctx, '示范市科学技术局');

  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(t.ctx.db, sql.raw(`select count(*)::int as n from ${table}`))
    )[0].n;
  const call = (s: Session, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s.headers, payload });
  const ok = async (s: Session, method: Method, url: string, payload?: object) => {
    const res = await call(s, method, url, payload);
    assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const refused = async (
    s: Session,
    method: Method,
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

  const actorOf = async (username: string): Promise<Actor> => {
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
  };

  return {
    t,
    staff,
    leader,
    oversight,
    other,
    advisor,
    reviewer,
    deptId,
    day,
    count,
    call,
    ok,
    refused,
    actorOf,
    close: () => t.close(),
  };
}

export type ReportsApp = Awaited<ReturnType<typeof reportsApp>>;

/** A test on its own fresh app (see reportsApp), closed when the test ends, whatever its outcome. */
export const reportsTest = (
  name: string,
  from: 'demo' | 'base',
  body: (k: ReportsApp) => Promise<void>,
) =>
  test(name, async () => {
    const k = await reportsApp(from);
    try {
      await body(k);
    } finally {
      await k.close();
    }
  });

/** A 学法 session of 2025 (part (三) is written from these records). */
export const studySession = {
  heldOn: '2025-04-10',
  kind: 'preMeeting',
  topic: '学习《中华人民共和国行政复议法》',
  speaker: '政策法规科',
  durationMinutes: 45,
  attendees: 12,
  ledByHead: true,
};

/** The bureau's two 学法 sessions of 2025: 135 minutes, one led by the head. */
export async function studySessions({ staff, ok }: ReportsApp): Promise<void> {
  await ok(staff, 'POST', '/api/reports/study/sessions', studySession);
  await ok(staff, 'POST', '/api/reports/study/sessions', {
    ...studySession,
    heldOn: '2025-09-05',
    kind: 'centralGroup',
    topic: '习近平法治思想专题学习',
    ledByHead: false,
    durationMinutes: 90,
  });
}

/**
 * Staff's edit of a draft: a preface with a hand-typed figure (执法人员18名) and a plan for next year in
 * part (四) with another (会前学法不少于4次).
 */
export function edited(content: ReportDocument): ReportDocument {
  const doc = structuredClone(content);
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
  return doc;
}

export const approvalMeeting = {
  meetingKind: 'directorsOffice',
  meetingOn: '2026-02-09',
  session: '2026年第3次局长办公会议',
  on: '2026-02-09',
};

/**
 * The 保密审查 of the 2025 report as users do it (《政府信息公开条例》第十七条): the drafter names the legal
 * officer's account (rsec), who passes it in her own session. Answers the review's view.
 */
export async function passReview(k: ReportsApp, asker: Session = k.staff) {
  const { caseId } = await k.ok(asker, 'GET', '/api/reports/2025');
  return passCaseSecrecyReview(
    k.t,
    (url, body) => k.ok(asker, 'POST', url, body),
    (url, body) => k.ok(k.reviewer, 'POST', url, body),
    caseId,
    'rsec',
  );
}

/**
 * The bureau's 2025 report made through the API: its two study sessions, the draft generated and edited
 * (version 2, see `edited`) on 2026-02-09, then to `until` — reviewed for secrets and approved by the
 * 局长办公会 the same day (a 民法典 lecture added after the approval is a live figure for a later
 * revision only), submitted and published on 2026-02-10. Returns the report's view at that stage.
 */
export async function reportTo(
  k: ReportsApp,
  until: 'edited' | 'approved' | 'submitted' | 'published',
): Promise<Record<string, any>> {
  const { staff, leader, ok } = k;
  await studySessions(k);
  let view = await ok(staff, 'POST', '/api/reports/2025');
  view = await ok(staff, 'PUT', '/api/reports/2025', {
    baseVersionId: view.version.id,
    content: edited(view.document),
  });
  if (until === 'edited') return view;
  await passReview(k);
  view = await ok(leader, 'POST', '/api/reports/2025/approve', approvalMeeting);
  await ok(staff, 'POST', '/api/reports/study/sessions', {
    ...studySession,
    heldOn: '2025-12-01',
    kind: 'lecture',
    topic: '民法典专题讲座',
    speaker: '陈律师',
    durationMinutes: 60,
    attendees: 30,
    ledByHead: false,
  });
  if (until === 'approved') return view;
  await k.day('2026-02-10');
  view = await ok(staff, 'POST', '/api/reports/2025/submit', {
    on: '2026-02-10',
    recipients: ['中共示范市委、示范市人民政府', '省科学技术厅', '示范市司法局'],
  });
  if (until === 'submitted') return view;
  return ok(staff, 'POST', '/api/reports/2025/publish', { on: '2026-02-10' });
}
