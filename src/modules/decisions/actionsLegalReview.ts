/**
 * 重大行政决策程序暂行条例 第三章第一节 合法性审查 (Arts 25–28): the submission to the legal office,
 * the opinions of the 法律顾问、公职律师 and the review's conclusion.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { beforeLegalReview, conds, gates } from './gates.ts';
import { date, drafting, long, opts, text } from './actionFields.ts';

export const REVIEW_CONCLUSIONS = opts(
  ['lawful', '合法'],
  ['lawfulAfterRevision', '修改后合法'],
  ['unlawful', '不合法'],
);
const noReview = {
  when: conds.reviewRunning,
  code: 'no_review_pending',
  message: '没有待审查的决策草案',
};

export function legalReviewActions(): ActionDef[] {
  return [
    {
      // Arts 25–26: the draft, its legal bases and an explanation of the procedure followed; ≥ 7 个工作日 reserved.
      code: 'submitLegalReview',
      label: '送请合法性审查',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        ...beforeLegalReview,
        {
          when: { not: conds.reviewRunning },
          code: 'review_running',
          message: '合法性审查正在进行中',
        },
      ],
      fields: [
        long('materials', '送审材料（决策草案、依据、履行法定程序的说明）', true),
        date('requestedBy', '要求审查完成日期'),
        text('matterId', '审查事项编号'),
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'requestedBy' },
          min: { count: 7, unit: 'workday' },
          code: 'review_time_too_short',
          message: '送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日（条例第二十六条）',
        },
      ],
    },
    {
      // Art 28: each opinion of a 法律顾问 or 公职律师 on the review, noted by the review queue (reviews/opinions.ts).
      code: 'advisorOpinion',
      label: '法律顾问、公职律师提出法律意见',
      roles: ['legalOfficer'],
      statuses: drafting,
      requires: [noReview],
      fields: [
        text('advisor', '法律顾问或公职律师', true),
        {
          name: 'advisorKind',
          label: '类别',
          type: 'select',
          required: true,
          options: opts(['external', '法律顾问'], ['governmentLawyer', '公职律师']),
        },
        { name: 'seq', label: '法审意见序号', type: 'number', min: 1 },
        text('matterId', '审查事项编号'),
      ],
    },
    {
      // Art 28: recorded by the legal office through the review queue (reviews module), after the advisors' opinions.
      code: 'concludeLegalReview',
      label: '出具合法性审查意见',
      roles: ['legalOfficer'],
      requires: [noReview, gates.advisorOpinion],
      fields: [
        {
          name: 'conclusion',
          label: '审查结论',
          type: 'select',
          required: true,
          options: REVIEW_CONCLUSIONS,
        },
        long('opinion', '合法性审查意见', true),
        text('matterId', '审查事项编号'),
      ],
    },
  ];
}
