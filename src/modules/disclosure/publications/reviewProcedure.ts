/**
 * The 保密审查 before 主动公开 (《政府信息公开条例》第十七条: 行政机关应当依照《中华人民共和国保守国家秘密法》以及
 * 其他法律、法规和国家有关规定对拟公开的政府信息进行审查): the drafter asks, the account named as reviewer — another
 * account of the department, never the drafter — passes it (then it is published) or returns it with a reason, in
 * its own session. Neither the 条例 nor RULES.md sets a period for the review; the days are a setting
 * (disclosure.approval: reviewDays), carried by the request as its due date.
 */
import type { ProcedureDef } from '../../../core/procedure/engine.ts';

/**
 * The procedure role of the named reviewer: no account holds it. The service records the review as this role
 * after checking that the actor is the account named on the request (review.ts); the step waits in that
 * account's 我的待办 because the reviewer is named on the case (case_assignees).
 */
export const REVIEWER = 'confidentialityReviewer';

const BASIS = '《政府信息公开条例》第十七条；《中华人民共和国保守国家秘密法》';

export const PUBLICATION_REVIEW: ProcedureDef = {
  code: 'publicationReview',
  label: '主动公开保密审查',
  statuses: [
    { code: 'new', label: '起草中' },
    { code: 'pending', label: '待保密审查' },
    { code: 'published', label: '已公开', final: true },
    { code: 'returned', label: '已退回', final: true },
  ],
  initialStatus: 'new',
  roleLabels: {
    staff: '起草人',
    leader: '起草人',
    legalOfficer: '起草人',
    [REVIEWER]: '保密审查人',
  },
  steps: [
    {
      code: 'review',
      label: '保密审查',
      roles: [REVIEWER],
      open: { status: 'pending' },
      clock: 'review',
    },
  ],
  actions: [
    {
      code: 'request',
      label: '提请保密审查',
      roles: ['staff', 'leader', 'legalOfficer'],
      statuses: ['new'],
      fields: [
        { name: 'reviewer', label: '保密审查人', type: 'text', required: true },
        { name: 'dueOn', label: '审查期限', type: 'date', required: true },
      ],
      effects: [{ status: 'pending' }],
    },
    {
      code: 'pass',
      label: '保密审查通过并公开',
      roles: [REVIEWER],
      statuses: ['pending'],
      fields: [{ name: 'opinion', label: '审查意见', type: 'longText' }],
      effects: [{ status: 'published' }],
    },
    {
      code: 'return',
      label: '保密审查退回',
      roles: [REVIEWER],
      statuses: ['pending'],
      fields: [{ name: 'reason', label: '退回理由', type: 'longText', required: true }],
      effects: [{ status: 'returned' }],
    },
  ],
  clocks: [
    {
      code: 'review',
      label: '保密审查期限',
      unit: 'workday',
      dueField: 'dueOn',
      legalBasis: BASIS,
      start: [{ action: 'request' }],
      stop: ['pass', 'return'],
    },
  ],
};
