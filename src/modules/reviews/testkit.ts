/**
 * Test support for 合法性审查: the demo department with the accounts the review tests act as (a 科室
 * and another one, two 法制审核人员, two 法律顾问 accounts, a leader), and the advisors they register.
 */
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';

export type ReviewsTestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Session = Awaited<ReturnType<typeof signIn>>;

/** The tables a refused request must leave unchanged. */
export const TABLES = [
  'audit_events',
  'case_events',
  'review_matters',
  'review_assignments',
  'legal_opinions',
  'legal_advisors',
  'review_materials',
];

export async function reviewsTestApp() {
  const t = await createTestApp(); // 2025-03-03, a Monday
  await addUser(t.ctx, { username: 'rs', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'rs2',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '成果转化与区域创新科',
  });
  await addUser(t.ctx, {
    username: 'rl',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const legal2Id = await addUser(t.ctx, {
    username: 'rl2',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const advisorUserId = await addUser(t.ctx, {
    username: 'ra',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  const advisor2UserId = await addUser(t.ctx, {
    username: 'ra2',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'rlead',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  const [{ id: departmentId }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市科学技术局'`,
  );
  return {
    t,
    staff: await signIn(t.app, 'rs', 'Staff-pass-2025'),
    otherDivision: await signIn(t.app, 'rs2', 'Staff-pass-2025'),
    legal: await signIn(t.app, 'rl', 'Legal-pass-2025'),
    legal2: await signIn(t.app, 'rl2', 'Legal-pass-2025'),
    advisor: await signIn(t.app, 'ra', 'Advisor-pass-2025'),
    advisor2: await signIn(t.app, 'ra2', 'Advisor-pass-2025'),
    leader: await signIn(t.app, 'rlead', 'Leader-pass-2025'),
    legal2Id,
    advisorUserId,
    advisor2UserId,
    departmentId,
  };
}

/** A 法律顾问 in term for 2025 (linked to the account 'ra' by the tests that need it). */
export const advisorA = {
  kind: 'external',
  name: '陈明',
  affiliation: '安徽示范律师事务所',
  licenceNumber: '13416201510999001',
  termStart: '2025-01-01',
  termEnd: '2025-12-31',
};
/** A 公职律师 without an account (opinions on paper). */
export const advisorB = {
  kind: 'governmentLawyer',
  name: '周武',
  affiliation: '示范市司法局 公职律师',
  licenceNumber: '23416201910999002',
  termStart: '2024-01-01',
  termEnd: '2026-12-31',
};
/** A 公职律师 whose term ended in 2024. */
export const expiredAdvisor = {
  ...advisorB,
  name: '吴过期',
  licenceNumber: '33416201910000001',
  termEnd: '2024-12-31',
};
