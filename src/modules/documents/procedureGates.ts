/**
 * The conditions of the 行政规范性文件 procedure that steps and acts share: the comment done (or
 * exempted), the 公平竞争审查 passed where market entities are concerned, the legality review's
 * finding and the collective deliberation's decision.
 */
import type { Cond, Gate } from '../../core/procedure/engine.ts';

export const opts = (...pairs: Array<[string, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));
export const market: Cond = { last: 'draft', field: 'concernsMarket', eq: true };
export const commentDone: Cond = { done: ['closeComment', 'exemptComment'] };
export const fairReviewOk: Cond = {
  any: [
    { not: market },
    { last: 'fairCompetitionReview', field: 'conclusion', in: ['pass', 'passAfterRevision'] },
  ],
};
export const reviewConcluded: Cond = {
  latest: ['submitLegalReview', 'concludeLegalReview'],
  is: 'concludeLegalReview',
};
export const foundLawful: Cond = {
  all: [
    reviewConcluded,
    { last: 'concludeLegalReview', field: 'conclusion', in: ['lawful', 'lawfulAfterRevision'] },
  ],
};
export const adopted: Cond = {
  last: 'collectiveDecision',
  field: 'decision',
  in: ['adopted', 'adoptedWithRevision'],
};
export const reviewRunning: Cond = { clock: 'legalReview', state: 'running' };

export const gates = {
  commentDone: {
    when: commentDone,
    code: 'comment_missing',
    message:
      '未完成公开征求意见（或未记录依法需要保密不予公开征求意见的理由），不得进行此项（国办发〔2018〕37号）',
  },
  fairReview: {
    when: fairReviewOk,
    code: 'fair_competition_missing',
    message:
      '涉及市场主体经济活动的文件，应当经公平竞争审查且符合审查标准后方可提交合法性审核（优化营商环境条例第六十三条）',
  },
} satisfies Record<string, Gate>;
