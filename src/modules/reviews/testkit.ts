/**
 * Test support for 合法性审查: one app per test file with the demo department and the accounts the
 * review tests act as (a 科室 and another one, two 法制审核人员, two 法律顾问 accounts, a leader), and the
 * factories through which each test builds the records it asserts on (advisors, matters, opinions).
 * The records are each test's own (fresh accounts and licence numbers), so no test reads another's
 * and any one runs alone.
 */
import { after, before, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Role } from '../../core/auth/roles.ts';

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

/** A 法律顾问 in term for 2025 (linked to an account by the tests that need it). */
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

async function reviewsTestApp() {
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

export type ReviewsKit = Awaited<ReturnType<typeof reviewsTestApp>> & ReturnType<typeof testApi>;

/**
 * The file's app (built in before(), closed in after()) with its accounts and the API helpers. The
 * helpers can be taken at once; the app and the sessions are read in the tests (`k.staff`).
 */
export function reviewsKit(): ReviewsKit {
  const k = {} as ReviewsKit;
  Object.assign(
    k,
    testApi(() => k.t, TABLES),
  );
  before(async () => {
    Object.assign(k, await reviewsTestApp());
  });
  after(() => k.t?.close());
  return k;
}

/** Today is `day` for the rest of the test, and 2025-03-03 again after it (the app serves the file). */
export async function movedTo(k: ReviewsKit, c: TestContext, day: string) {
  await k.day(day);
  c.after(() => k.day('2025-03-03'));
}

let seq = 0;

/** A fresh account of the legal office (政策法规科): a test that counts what is theirs owns it. */
export async function account(k: ReviewsKit, role: Extract<Role, 'legalOfficer' | 'legalAdvisor'>) {
  const name = `${role === 'legalOfficer' ? 'rl' : 'ra'}-${++seq}`;
  const id = await addUser(k.t.ctx, {
    username: name,
    password: 'Review-pass-2025',
    roles: [role],
    orgName: '政策法规科',
  });
  return { id, name, session: await signIn(k.t.app, name, 'Review-pass-2025') };
}

/** An advisor in the registry under a licence number of its own (the registry refuses a second one). */
export async function registered(k: ReviewsKit, advisor: typeof advisorA, userId?: string) {
  const licenceNumber = `F${++seq}-${advisor.licenceNumber}`;
  return (await k.ok(k.legal, 'POST', '/api/legal-advisors', { ...advisor, licenceNumber, userId }))
    .id as string;
}

/** A matter submitted by the 科室 today. */
export async function submitted(
  k: ReviewsKit,
  body: { type: string; title: string; requestedBy?: string },
) {
  return (await k.ok(k.staff, 'POST', '/api/reviews', body)).matter as {
    id: string;
    caseId: string;
    dueOn: string;
  };
}

export const CONTRACT = '与示范大学共建新型研发机构合作协议';
export const DECISION = '示范市科技创新发展“十五五”规划';

/**
 * A contract in review: submitted today and assigned to a legal officer of its own and two advisors
 * in term, 陈明 (with an account of their own) and 周武 (on paper).
 */
export async function assignedContract(k: ReviewsKit) {
  const reviewer = await account(k, 'legalOfficer');
  const advisor = await account(k, 'legalAdvisor');
  const advisorAId = await registered(k, advisorA, advisor.id);
  const advisorBId = await registered(k, advisorB);
  const matter = await submitted(k, { type: 'contract', title: CONTRACT });
  const assigned = await k.ok(k.legal, 'POST', `/api/reviews/${matter.id}/assign`, {
    userIds: [reviewer.id],
    advisorIds: [advisorAId, advisorBId],
  });
  const onPaper: string = assigned.reviewers.find(
    (r: { name: string }) => r.name === '周武',
  ).assignmentId;
  return { matter, reviewer, advisor: advisor.session, advisorAId, advisorBId, onPaper };
}
type Assigned = Awaited<ReturnType<typeof assignedContract>>;

/** The three numbered 法审意见 on it: 陈明's, its legal officer's, and 周武's entered by the office. */
export async function opinionsGiven(k: ReviewsKit, m: Assigned) {
  const url = `/api/reviews/${m.matter.id}/opinions`;
  await k.ok(m.advisor, 'POST', url, { body: '第三条违约责任不对等，建议明确双方责任' });
  await k.ok(m.reviewer.session, 'POST', url, {
    body: '第五条知识产权归属应当依照科学技术进步法明确',
  });
  const given = await k.ok(k.legal, 'POST', url, {
    body: '第八条争议解决方式建议约定仲裁',
    assignmentId: m.onPaper,
  });
  return given.opinions as Array<{ id: string; seq: number }>;
}

/** The requesting side's mark on an opinion of the matter. */
export const adoption = (
  k: ReviewsKit,
  m: Assigned,
  o: { id: string },
  body: Record<string, string>,
) => k.ok(k.staff, 'POST', `/api/reviews/${m.matter.id}/opinions/${o.id}/adoption`, body);

/** The first two opinions marked: adopted, partly adopted (the third is left for after the conclusion). */
export async function opinionsMarked(k: ReviewsKit, m: Assigned) {
  const opinions = await opinionsGiven(k, m);
  await adoption(k, m, opinions[0], { adoption: 'adopted' });
  await adoption(k, m, opinions[1], {
    adoption: 'partlyAdopted',
    reason: '知识产权归属按合作各方投入约定',
  });
  return opinions;
}

/** A normative document whose 征求意见 is exempted (today must be 2025-03-07 or later). */
export async function normativeDocument(k: ReviewsKit) {
  const doc = await k.ok(k.staff, 'POST', '/api/documents', {
    title: '示范市科技企业孵化器认定管理办法',
    docType: 'measures',
    trial: 'none',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 为规范孵化器认定，制定本办法。',
  });
  const id: string = doc.document.id;
  await k.ok(k.leader, 'POST', `/api/documents/${id}/act`, {
    action: 'exemptComment',
    on: '2025-03-07',
    data: { reason: '涉及国家秘密，依法需要保密' },
  });
  return { id, caseId: doc.document.caseId as string };
}
