/**
 * The 行政处罚 API tests' app and stage factories. `penaltyApp()` builds a fresh app (organisations and
 * accounts, no demo records) with certified officers, the accounts the tests sign in as and the
 * request helpers; each test builds its own, so the case and decision numbers, the counts and the
 * clock are its own and the tests run in any order. The stage factories take a case through the API
 * to the stage a test is about: 立案 → 告知 → 决定 → 送达 → 公开.
 */
import type { TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { newId } from '../../core/clock.ts';

export type PenaltyTest = Awaited<ReturnType<typeof penaltyApp>>;

/**
 * The app at 2025-03-03 with three officers of 示范市科学技术局 (one certificate expired), closed when
 * the calling test ends.
 */
export async function penaltyApp(c: TestContext) {
  const t = await createBaseApp();
  c.after(() => t.close());
  const api = testApi(
    () => t,
    ['penalty_cases', 'penalty_files', 'case_events', 'audit_events', 'review_matters'],
  );
  const officer = { a: newId(), b: newId(), expired: newId() };
  const dept = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '示范市科学技术局'`,
    )
  )[0].id;
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, created_at) values (${newId()}, '示范市某某局', 'department', now())`,
  );
  const add = (id: string, name: string, cert: string, validTo: string) =>
    t.ctx.db.execute(
      sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at) values (${id}, ${dept}, ${name}, ${cert}, '2023-01-01', ${validTo}, 'active', now(), now())`,
    );
  await add(officer.a, '赵执法', 'ZF001', '2027-12-31');
  await add(officer.b, '钱执法', 'ZF002', '2027-12-31');
  await add(officer.expired, '孙过期', 'ZF003', '2025-01-31');
  const accounts = [
    { username: 'pen-off1', password: 'Officer-pass-2025', roles: ['officer'] },
    { username: 'pen-off2', password: 'Officer-pass-2025', roles: ['officer'] },
    {
      username: 'pen-lead',
      password: 'Leader-pass-2025',
      roles: ['leader'],
      orgName: '示范市科学技术局',
    },
    {
      username: 'pen-legal',
      password: 'Legal-pass-2025',
      roles: ['legalOfficer'],
      orgName: '政策法规科',
    },
    { username: 'pen-staff', password: 'Staff-pass-2025', roles: ['staff'] },
    {
      username: 'pen-other',
      password: 'Other-pass-2025',
      roles: ['leader'],
      orgName: '示范市某某局',
    },
  ] as const;
  for (const a of accounts) await addUser(t.ctx, { ...a, roles: [...a.roles] });
  const [off1, off2, leader, legal, staff, other] = await Promise.all(
    accounts.map((a) => signIn(t.app, a.username, a.password)),
  );
  return { t, ...api, off1, off2, leader, legal, staff, other, officer };
}

/** A natural person's case, discovered on the app's first day. */
export const party = {
  partyKind: 'individual',
  partyName: '张三',
  partyIdNo: '110101199001011234',
  summary: '未经备案擅自开展实验动物生产活动',
  actOn: '2025-02-10',
  discoveredOn: '2025-03-03',
  approvedBy: '王局长',
};

/** The 告知 of a 5,000元 fine: below the 较大数额 for a natural person, so no hearing. */
export const noticeBody = {
  types: ['fine'],
  fineAmount: 5000,
  facts: '擅自开展实验动物生产',
  reasons: '违反备案规定',
  basis: '《实验动物管理条例》第二十九条',
};

/** The decision matching the 告知. */
export const decideBody = {
  decisionType: 'penalty',
  types: ['fine'],
  fineAmount: 5000,
  facts: '经查属实',
  basis: '《实验动物管理条例》第二十九条',
};

/** 立案 by pen-off1 with two certified officers; returns the API's view of the case. */
export const filed = (p: PenaltyTest, over: Record<string, unknown> = {}) =>
  p.ok(p.off1, 'POST', '/api/penalties', {
    ...party,
    officerIds: [p.officer.a, p.officer.b],
    ...over,
  });

/** 立案 and 告知 (陈述申辩 until 2025-03-10); returns the case id. */
export async function noticed(p: PenaltyTest): Promise<string> {
  const id = (await filed(p)).penalty.id as string;
  await p.ok(p.off1, 'POST', `/api/penalties/${id}/notice`, noticeBody);
  return id;
}

/** Decided by the leader on 2025-03-11, after the 陈述申辩 window; returns the case id. */
export async function decided(p: PenaltyTest): Promise<string> {
  const id = await noticed(p);
  await p.day('2025-03-11');
  await p.ok(p.leader, 'POST', `/api/penalties/${id}/decide`, decideBody);
  return id;
}

/** Decided and delivered to the party on 2025-03-11; returns the case id. */
export async function delivered(p: PenaltyTest): Promise<string> {
  const id = await decided(p);
  await p.ok(p.off1, 'POST', `/api/penalties/${id}/deliver`, {
    method: '直接送达',
    recipient: '张三',
  });
  return id;
}

/** Delivered and published on the portal (Art 48); returns the case id. */
export async function published(p: PenaltyTest): Promise<string> {
  const id = await delivered(p);
  await p.ok(p.off1, 'POST', `/api/penalties/${id}/publish`, {});
  return id;
}
