/**
 * The conditions and gates of the 行政处罚 普通程序 (行政处罚法 2021), shared by its steps and acts: who is
 * assigned (Art 42), 重大执法决定 and 法制审核 (Arts 57–58), 告知 and 听证 (Arts 44, 63–64), the decision
 * and what follows it.
 */
import type { Cond, Gate } from '../../core/procedure/engine.ts';

export const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const ALL = ['officer', 'staff', 'legalOfficer', 'leader'];
export const HANDLERS = ['officer', 'staff', 'leader'];

// ---------- conditions ----------
/** 重大执法决定 (Art 57 ¶2, Art 58 (一)(三)): as recorded at 立案, or as re-classified later. */
export const major: Cond = {
  any: [
    { all: [{ notDone: 'classify' }, { last: 'open', field: 'major', eq: true }] },
    { last: 'classify', field: 'major', eq: true },
  ],
};
/** Art 58 (二): 直接关系当事人或者第三人重大权益，经过听证程序的. */
const needsLegalCheck: Cond = { any: [major, { done: 'holdHearing' }] };
const reviewConcluded: Cond = {
  latest: ['submitLegalCheck', 'concludeLegalReview'],
  is: 'concludeLegalReview',
};
export const foundLawful: Cond = {
  all: [
    reviewConcluded,
    { last: 'concludeLegalReview', field: 'conclusion', in: ['lawful', 'lawfulAfterRevision'] },
  ],
};
export const hearingRequested: Cond = {
  all: [{ done: 'requestHearing' }, { notDone: 'withdrawHearing' }],
};
const hearingEligible: Cond = { last: 'serveNotice', field: 'hearingEligible', eq: true };
export const discussed: Cond = {
  latest: ['concludeLegalReview', 'collectiveDiscussion'],
  is: 'collectiveDiscussion',
};
export const decided: Cond = { last: 'decide', field: 'decisionType', eq: 'penalty' };

export const gates = {
  officers: {
    when: { done: 'assignOfficers' },
    code: 'no_officers',
    message: '尚未指派两名以上具有行政执法资格的执法人员（行政处罚法第四十二条）',
  },
  notice: {
    when: { done: 'serveNotice' },
    code: 'no_notice',
    message:
      '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利；未告知的不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）',
  },
  hearingHeld: {
    when: { any: [{ not: hearingRequested }, { done: 'holdHearing' }] },
    code: 'hearing_pending',
    message: '当事人已要求听证，听证结束前不得作出行政处罚决定（行政处罚法第六十三条、第六十五条）',
  },
  legalCheck: {
    when: { any: [{ not: needsLegalCheck }, foundLawful] },
    code: 'legal_check_missing',
    message:
      '本案属于应当进行法制审核的情形，未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）',
  },
  collective: {
    when: { any: [{ not: major }, discussed] },
    code: 'collective_missing',
    message:
      '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）',
  },
  eligible: {
    when: hearingEligible,
    code: 'hearing_not_applicable',
    message: '告知书载明的处罚不属于应当告知听证权利的情形（行政处罚法第六十三条）',
  },
  hearingRequested: {
    when: hearingRequested,
    code: 'hearing_not_requested',
    message: '当事人未要求听证',
  },
  hearingScheduled: {
    when: { done: 'scheduleHearing' },
    code: 'hearing_not_scheduled',
    message: '尚未通知当事人举行听证的时间、地点（行政处罚法第六十四条）',
  },
  decided: { when: { done: 'decide' }, code: 'not_decided', message: '尚未作出行政处罚决定' },
  penaltyDecided: {
    when: decided,
    code: 'no_penalty',
    message: '本案决定不予行政处罚，无须执行或公开',
  },
  delivered: {
    when: { done: 'deliver' },
    code: 'not_delivered',
    message: '行政处罚决定书尚未送达（行政处罚法第六十一条）',
  },
  executed: {
    when: { any: [{ done: 'execute' }, { not: decided }] },
    code: 'not_executed',
    message: '行政处罚决定尚未执行完毕（行政处罚法第六十六条）',
  },
  published: {
    when: { any: [{ done: 'publish' }, { done: 'exemptPublication' }, { not: decided }] },
    code: 'not_published',
    message: '行政处罚决定尚未按规定公开（行政处罚法第四十八条，国办发〔2018〕118号）',
  },
} satisfies Record<string, Gate>;

export const amountFields = [
  { name: 'types', label: '处罚种类', type: 'text' as const, required: true },
  { name: 'fineAmount', label: '罚款金额（元）', type: 'number' as const, min: 0 },
  { name: 'confiscationAmount', label: '没收金额（元）', type: 'number' as const, min: 0 },
];
