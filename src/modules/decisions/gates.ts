/**
 * The conditions and gates of the 重大行政决策 procedure (国务院令第713号) shared by several acts:
 * which steps apply to a decision (scope flags recorded at its start) and what must be on file
 * before the legality review, before its conclusion and before the collective discussion (Arts 25–29).
 */
import type { Cond, Gate } from '../../core/procedure/engine.ts';

/** A scope flag recorded when the decision was started (start act), e.g. 专业性、技术性较强. */
export const flag = (field: string): Cond => ({ last: 'start', field, eq: true });

export const conds = {
  drafting: { status: 'drafting' } as Cond,
  // Art 14: 依法不予公开的决策事项除外 — every other decision hears the public.
  participationRequired: { not: flag('confidential') } as Cond,
  commentRunning: { clock: 'consultation', state: 'running' } as Cond,
  reviewRunning: { clock: 'legalReview', state: 'running' } as Cond,
  reviewConcluded: {
    latest: ['submitLegalReview', 'concludeLegalReview'],
    is: 'concludeLegalReview',
  } as Cond,
};

// Art 18 / Art 29(2): public participation ends in the 意见研究采纳情况 — made after the latest comment
// period opened (a new consultation on a revised draft needs its own 采纳情况).
const participationSummarized: Cond = {
  latest: ['openComment', 'summarizeParticipation'],
  is: 'summarizeParticipation',
};
const participationOk: Cond = {
  any: [{ not: conds.participationRequired }, participationSummarized],
};
// Art 18: the comments received in a closed comment period are answered one by one and the 意见采纳情况
// published before the participation is summed up (the consultation component publishes it).
const feedbackPublished: Cond = {
  any: [
    { notDone: 'closeComment' },
    { latest: ['closeComment', 'publishFeedback'], is: 'publishFeedback' },
  ],
};
// Art 19 / Art 29(3): 专业性、技术性较强 → 专家论证; whenever experts gave opinions (履行专家论证程序的),
// their 研究采纳情况 goes to the meeting too.
const expertOk: Cond = {
  any: [
    { all: [{ not: flag('technical') }, { notDone: 'expertOpinion' }] },
    { done: 'expertAdoption' },
  ],
};
// Art 22 / Art 24: a decision that may affect stability or public safety needs a risk report; an
// assessment finding the risk uncontrollable blocks the decision until a later one finds it controllable.
const riskUncontrollable: Cond = {
  last: 'riskAssessment',
  field: 'controllable',
  eq: 'uncontrollable',
};
const riskOk: Cond = {
  all: [
    { any: [{ not: flag('riskRelevant') }, { done: 'riskAssessment' }] },
    { not: riskUncontrollable },
  ],
};
// Art 29(1): 决策草案涉及市场主体经济活动的，应当包含公平竞争审查的有关情况.
const fairOk: Cond = {
  any: [
    { not: flag('concernsMarket') },
    { last: 'fairCompetitionReview', field: 'conclusion', in: ['pass', 'passAfterRevision'] },
  ],
};
// Art 16: a hearing announced at the start (or required by law) is held before the opinions are summed up.
const hearingOk: Cond = { any: [{ not: flag('hearingPlanned') }, { done: 'hearing' }] };
export const foundLawful: Cond = {
  all: [
    conds.reviewConcluded,
    { last: 'concludeLegalReview', field: 'conclusion', in: ['lawful', 'lawfulAfterRevision'] },
  ],
};
const submittedToMeeting: Cond = {
  latest: ['concludeLegalReview', 'submitToMeeting', 'collectiveDecision'],
  is: 'submitToMeeting',
};
const partyReportOk: Cond = {
  any: [{ not: flag('partyReportRequired') }, { done: 'partyReport' }],
};

export const gates = {
  draft: {
    when: { done: 'draftPlan' },
    code: 'draft_missing',
    message: '尚未拟订决策草案（条例第十二条）',
  },
  participation: {
    when: participationOk,
    code: 'participation_missing',
    message:
      '尚未完成公众参与：应当听取社会公众意见并形成意见研究采纳情况，依法不予公开的决策事项除外（条例第十四条、第十八条）',
  },
  expert: {
    when: expertOk,
    code: 'expert_review_missing',
    message:
      '专业性、技术性较强的决策事项应当组织专家论证；履行专家论证程序的，应当形成专家论证意见的研究采纳情况（条例第十九条、第二十九条）',
  },
  risk: {
    when: { any: [{ not: flag('riskRelevant') }, { done: 'riskAssessment' }] },
    code: 'risk_assessment_missing',
    message:
      '决策实施可能对社会稳定、公共安全等方面造成不利影响，应当进行风险评估并形成风险评估报告（条例第二十二条、第二十三条）',
  },
  riskControllable: {
    when: { not: riskUncontrollable },
    code: 'risk_uncontrollable',
    message:
      '风险评估认为风险不可控，应当调整决策草案并重新评估、确保风险可控后方可作出决策（条例第二十四条）',
  },
  fair: {
    when: fairOk,
    code: 'fair_competition_missing',
    message:
      '决策草案涉及市场主体经济活动，应当经公平竞争审查且符合审查标准（条例第二十九条第一项）',
  },
  feedback: {
    when: feedbackPublished,
    code: 'feedback_unpublished',
    message: '请先逐条处理公开征求意见收到的意见并公布意见采纳情况（条例第十八条）',
  },
  hearing: {
    when: hearingOk,
    code: 'hearing_missing',
    message: '已确定召开听证会的，应当先举行听证会再汇总研究公众意见（条例第十六条、第十八条）',
  },
  // Art 28: 在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见 — in every round of review.
  advisorOpinion: {
    when: { latest: ['submitLegalReview', 'advisorOpinion'], is: 'advisorOpinion' },
    code: 'advisor_opinion_missing',
    message:
      '合法性审查过程中应当组织法律顾问、公职律师提出法律意见；本次审查尚无法律顾问或公职律师的法律意见，不能出具合法性审查意见（条例第二十八条）',
  },
  notReviewed: {
    when: { done: 'concludeLegalReview' },
    code: 'not_reviewed',
    message: '决策草案未经合法性审查，不得提交决策机关讨论（条例第二十五条）',
  },
  reviewPending: {
    when: conds.reviewConcluded,
    code: 'review_pending',
    message: '合法性审查尚未完成，不得提交决策机关讨论（条例第二十五条）',
  },
  unlawful: {
    when: { not: { last: 'concludeLegalReview', field: 'conclusion', eq: 'unlawful' } },
    code: 'found_unlawful',
    message:
      '决策草案经合法性审查不合法，不得提交决策机关讨论（条例第二十五条）；请根据审查意见修改后重新送审',
  },
} satisfies Record<string, Gate>;

/** Art 26 / Art 27(2): the legality review checks that the statutory steps were done, so they come first. */
export const beforeLegalReview: Gate[] = [
  gates.draft,
  gates.participation,
  gates.expert,
  gates.risk,
  gates.riskControllable,
  gates.fair,
];
/** Art 25 and the Art 29 materials: what must be on file before the decision organ discusses the draft. */
export const beforeDiscussion: Gate[] = [
  gates.notReviewed,
  gates.reviewPending,
  gates.unlawful,
  ...beforeLegalReview,
];

export {
  submittedToMeeting,
  partyReportOk,
  participationOk,
  participationSummarized,
  expertOk,
  riskOk,
  fairOk,
  hearingOk,
};
