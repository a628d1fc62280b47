/**
 * Histories of a 重大行政决策 for the procedure tests (procedure.test.ts, procedureFlow.test.ts): each
 * step is checked by the engine as it is added, so a fixture that breaks a rule fails loudly.
 */
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, type CaseEvent } from '../../core/procedure/engine.ts';
import { SECRECY_REVIEWER } from '../disclosure/index.ts';
import { MAJOR_DECISION as P } from './procedure.ts';

export const cal = createCalendar({ overrides: [], officialYears: [] });

export type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];
export const ROLE: Record<string, string[]> = {
  concludeLegalReview: ['legalOfficer'],
  advisorOpinion: ['legalOfficer'],
  collectiveDecision: ['leader'],
  withdraw: ['leader'],
  suspend: ['leader'],
  resume: ['leader'],
  adjust: ['leader'],
  exemptPublication: ['leader'],
  passSecrecyReview: [SECRECY_REVIEWER],
};

export function history(steps: Step[]): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] };
    const r = check(P, h, ev, cal);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

export const scope = {
  technical: false,
  riskRelevant: false,
  concernsMarket: false,
  hearingPlanned: false,
  partyReportRequired: false,
  confidential: false,
};
export const start = (flags: Partial<typeof scope> = {}): Step => [
  'start',
  '2025-03-03',
  {
    title: '示范市科技创新券实施方案',
    proposer: '高新技术科',
    proposerKind: 'department',
    undertakingUnit: '高新技术科',
    problem: '科技型中小企业研发服务成本高',
    reasonsAndBasis: '科学技术进步法',
    initialPlan: '发放创新券',
    necessity: '必要可行',
    inCatalogue: true,
    startApprovedBy: '局长办公会',
    ...scope,
    ...flags,
  },
];
export const drafted = (flags: Partial<typeof scope> = {}): Step[] => [
  start(flags),
  ['draftPlan', '2025-03-04', { legalSort: '科学技术进步法第十条' }],
];
export const participated: Step[] = [
  ...drafted(),
  ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
  ['closeComment', '2025-04-04', { commentCount: 3 }],
  ['publishFeedback', '2025-04-07', { total: 3, adopted: 2 }],
  ['summarizeParticipation', '2025-04-07', { adoptionSummary: '采纳2条' }],
];
export const submitted: Step[] = [
  ...participated,
  ['submitLegalReview', '2025-04-07', { materials: '草案及说明', requestedBy: '2025-04-16' }],
];
export const advised: Step[] = [
  ...submitted,
  [
    'advisorOpinion',
    '2025-04-14',
    { advisor: '周文（公职律师）', advisorKind: 'governmentLawyer', seq: 1 },
  ],
];
export const lawful: Step[] = [
  ...advised,
  ['concludeLegalReview', '2025-04-15', { conclusion: 'lawful', opinion: '合法' }],
];
export const meeting = {
  meetingId: 'm1',
  meetingKind: 'directorsOffice',
  meetingName: '2025年第5次局长办公会',
  meetingOn: '2025-04-18',
  attendees: '局领导班子成员',
  discussion: '一致同意',
  headOpinion: '同意',
  differsFromMajority: false,
  dissent: '无',
  decision: 'adopted',
  executionUnit: '高新技术科',
};
export const onAgenda: Step[] = [...lawful, ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }]];
export const decided: Step[] = [...onAgenda, ['collectiveDecision', '2025-04-18', meeting]];
/** Decided and its 保密审查 passed by the reviewer named (条例第十七条). */
export const reviewedForSecrets: Step[] = [
  ...decided,
  [
    'requestSecrecyReview',
    '2025-04-18',
    { reviewer: '李静', reviewerId: 'u-legal', dueOn: '2025-04-25' },
  ],
  ['passSecrecyReview', '2025-04-21', { opinion: '同意公开' }],
];
export const published: Step[] = [
  ...reviewedForSecrets,
  [
    'publish',
    '2025-04-21',
    {
      adoptedText: '示范市科技创新券实施方案',
      channel: '门户网站',
      adoptionExplanation: '采纳情况',
    },
  ],
];
