/**
 * The decision API tests' starting point (real database, real sessions; no mocks): a fresh app — the
 * demo copied, or the organisations and accounts only — with signed-in accounts of the roles the tests
 * act as, the API helpers over it (server/testApi.ts) and the same accounts as actors, so a test drives
 * its own decision through the services (testkit.ts) to the stage it is about. Each test calls
 * `decisionsTest`, so it sees only what it makes.
 */
import { test } from 'node:test';
import type { Role } from '../../../core/auth/roles.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import {
  addUser,
  createBaseApp,
  createTestApp,
  orgIdByName,
  signIn,
} from '../../../server/testing.ts';
import { testApi } from '../../../server/testApi.ts';
import type { StartInput } from '../service.ts';
import { decisionTimeline, driveDecision, type KitOptions } from '../testkit.ts';

const TABLES = [
  'audit_events',
  'case_events',
  'major_decisions',
  'decision_evidence',
  'decision_catalogue_items',
  'review_matters',
  'review_assignments',
  'legal_opinions',
  'meeting_agenda_items',
  'consultations',
];

/** The decision the tests start: technical (expert review), risk-relevant, reported to the Party. */
export const START = {
  title: '示范市科技创新券实施方案',
  proposer: '高新技术科',
  proposerKind: 'department',
  undertakingUnit: '高新技术科',
  problem: '科技型中小企业购买研发服务成本高',
  reasonsAndBasis: '《中华人民共和国科学技术进步法》第十条',
  initialPlan: '每年发放创新券5000万元',
  necessity: '必要且可行',
  technical: true,
  riskRelevant: true,
  concernsMarket: false,
  partyReportRequired: true,
  startApprovedBy: '局长办公会',
} as const;

/** The first day of a driven decision (a Monday) and the app's day when a stage is reached. */
const FIRST_DAY = '2025-03-03';
type Stage = NonNullable<KitOptions['until']>;
const DAY_OF: Record<Stage, keyof ReturnType<typeof decisionTimeline>> = {
  commentOpen: 'startOn',
  participated: 'reviewOn',
  underReview: 'reviewOn',
  reviewed: 'concludeOn',
  submitted: 'concludeOn',
  decided: 'meetingOn',
  published: 'publishOn',
};

export async function decisionsApp(from: 'demo' | 'base') {
  const t = from === 'demo' ? await createTestApp() : await createBaseApp();
  const departmentId = await orgIdByName(t.ctx, '示范市科学技术局');
  /** An account with a known password, signed in, and the actor its session resolves to. */
  const account = async (username: string, role: Role, orgName: string) => {
    const password = 'Decision-pass-2025';
    const userId = await addUser(t.ctx, { username, password, roles: [role], orgName });
    const actor: Actor = {
      userId,
      username,
      displayName: username,
      orgId: await orgIdByName(t.ctx, orgName),
      orgName,
      departmentId,
      roles: [role],
      mustChangePassword: false,
    };
    return { session: await signIn(t.app, username, password), actor };
  };
  const staff = await account('ms', 'staff', '高新技术科');
  const legal = await account('ml', 'legalOfficer', '政策法规科');
  const leader = await account('mlead', 'leader', '示范市科学技术局');
  const advisor = await account('madv', 'legalAdvisor', '政策法规科');
  const oversight = await addUser(t.ctx, {
    username: 'mover',
    password: 'Over-pass-2025',
    roles: ['oversight'],
    orgName: '示范市司法局',
  }).then(() => signIn(t.app, 'mover', 'Over-pass-2025'));
  const api = testApi(() => t, TABLES);
  const when = decisionTimeline(t.ctx.calendar.current(), FIRST_DAY);

  /**
   * A decision of the test's own (START, two public comments), driven through the services from
   * FIRST_DAY to `until`; the app's clock then stands on the day of the stage's last act.
   */
  const drive = async (until: Stage, o: Partial<KitOptions> = {}) => {
    const d = await driveDecision(
      t.ctx,
      { staff: staff.actor, leader: leader.actor, legal: legal.actor },
      {
        startOn: FIRST_DAY,

        draftText: '示范市科技创新券实施方案（征求意见稿）\n一、目标\n二、创新券的发放对象和额度',
        comments: ['建议将创新券额度提高到每家企业30万元', '建议简化兑付程序'],
        until,
        ...o,
        input: {
          ...START,
          outsideCatalogueReason: '年度目录公布后新增的事项',
          ...o.input,
        } as StartInput,
      },
    );
    await api.day(when[DAY_OF[until]]);
    return d.id;
  };

  /**
   * The 保密审查 of a case before its publication (条例第十七条): the drafter (staff) names the legal office's
   * officer, who passes it in their own session.
   */
  const secrecyReviewPassed = async (caseId: string) => {
    await api.ok(staff.session, 'POST', `/api/cases/${caseId}/secrecy-review`, {
      reviewerId: legal.actor.userId,
    });
    await api.ok(legal.session, 'POST', `/api/cases/${caseId}/secrecy-review/decision`, {
      approve: true,
      opinion: '不涉及国家秘密、工作秘密，同意公开。',
    });
  };

  return {
    t,
    staff: staff.session,
    legal: legal.session,
    leader: leader.session,
    advisor: advisor.session,
    oversight,
    staffId: staff.actor.userId,
    legalId: legal.actor.userId,
    advisorUserId: advisor.actor.userId,
    when,
    drive,
    secrecyReviewPassed,
    ...api,
    close: () => t.close(),
  };
}

export type DecisionsApp = Awaited<ReturnType<typeof decisionsApp>>;

/** A test on its own fresh app (see decisionsApp), closed when the test ends, whatever its outcome. */
export const decisionsTest = (
  name: string,
  from: 'demo' | 'base',
  body: (k: DecisionsApp) => Promise<void>,
) =>
  test(name, async () => {
    const k = await decisionsApp(from);
    try {
      await body(k);
    } finally {
      await k.close();
    }
  });
