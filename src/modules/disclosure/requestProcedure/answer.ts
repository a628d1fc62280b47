/**
 * Answering (条例 Arts 33, 35, 36): the extension asked by the clerk and consented to by the 负责人 (Art 33 ¶2),
 * the reasonable deadline for excessive requests (Art 35), the legal office's check, and the answer drafted by
 * the clerk and signed off (审签) by the approver.
 */
import type { ActionDef, FieldSpec, Gate } from '../../../core/procedure/engine.ts';
import { ANSWER_OUTCOMES, NEEDS_REASONS, outcomeLabel } from '../outcomes.ts';
import {
  answerClockActive,
  answerPending,
  APPROVER,
  extensionPending,
  notAwaitingSupplement,
} from './conditions.ts';

/** 延长答复期限 (asked, consented, refused, told to the applicant) and the Art 35 合理期限. */
export const extensionActions: ActionDef[] = [
  {
    code: 'extendRequest',
    label: '申请延长答复期限',
    // 条例 Art 33 ¶2: the clerk asks; the extension takes effect only when the 负责人 consents (extend).
    roles: ['staff', 'leader'],
    requires: [
      answerClockActive,
      {
        when: { not: extensionPending },
        code: 'extension_pending',
        message: '已申请延长答复期限，正在等待审批',
      },
    ],
    within: { clock: 'answer', message: '延长答复期限应当在答复期限届满前申请并经批准' },
    fields: [
      { name: 'workdays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 20 },
      { name: 'reason', label: '延长理由', type: 'longText', required: true },
    ],
  },
  {
    code: 'extend',
    label: '同意延长答复期限',
    // 条例 Art 33 ¶2: 经政府信息公开工作机构负责人同意 — recorded by the approving account in its own session.
    roles: [APPROVER],
    requires: [
      answerClockActive,
      {
        when: extensionPending,
        code: 'no_extension_request',
        message: '没有待审批的延长答复期限申请',
      },
    ],
    within: { clock: 'answer', message: '延长答复期限应当在答复期限届满前批准' },
    fields: [
      { name: 'workdays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 20 },
      { name: 'opinion', label: '审批意见', type: 'longText' },
    ],
  },
  {
    code: 'extendRefuse',
    label: '不同意延长答复期限',
    roles: [APPROVER],
    requires: [
      {
        when: extensionPending,
        code: 'no_extension_request',
        message: '没有待审批的延长答复期限申请',
      },
    ],
    fields: [{ name: 'opinion', label: '审批意见', type: 'longText', required: true }],
  },
  {
    code: 'extensionNotice',
    label: '告知申请人延长答复期限',
    // 条例 Art 33 ¶2: 并告知申请人.
    roles: ['staff', 'leader'],
    requires: [
      {
        when: { latest: ['extend', 'extensionNotice'], is: 'extend' },
        code: 'no_extension',
        message: '没有已批准、尚未告知申请人的延长',
      },
    ],
    fields: [{ name: 'method', label: '告知方式', type: 'text', required: true }],
  },
  {
    code: 'setDeadline',
    label: '确定延迟答复的合理期限',
    // 条例 Art 35: excessive requests — reasonable deadline, applicant notified.
    roles: ['staff', 'leader'],
    requires: [answerClockActive],
    fields: [
      { name: 'dueOn', label: '答复期限', type: 'date', required: true },
      { name: 'reason', label: '理由', type: 'longText', required: true },
      { name: 'noticeOn', label: '告知申请人日期', type: 'date', required: true },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'dueOn' },
        min: { count: 1, unit: 'day' },
        code: 'deadline_in_past',
        message: '答复期限应当晚于确定之日',
      },
    ],
  },
];

/** The legal office's check of the answer (optional). */
export const legalCheckAction: ActionDef = {
  code: 'legalCheck',
  label: '法制审核答复意见',
  roles: ['legalOfficer'],
  requires: [answerClockActive],
  fields: [{ name: 'opinion', label: '审核意见', type: 'longText', required: true }],
};

/**
 * The answer: the clerk drafts it and asks for 审签 (answerDraft); the approver signs it off (answer: the
 * request is answered and closed) or returns it with an opinion (answerReturn). The gates of the answer
 * apply to the draft and again to the sign-off.
 */
export function answerActions(): ActionDef[] {
  const gates: Gate[] = [
    {
      ...notAwaitingSupplement,
      message: '正在等待申请人补正，不能作出答复；补正期限届满未补正的，按“视为放弃申请”办理',
    },
    {
      when: { not: { clock: 'feePayment', state: 'running' } },
      code: 'fee_pending',
      message: '正在等待申请人缴纳信息处理费',
    },
    {
      when: {
        any: [{ not: { data: 'outcome', eq: 'unable_unclear' } }, { done: 'supplementReceived' }],
      },
      code: 'outcome_needs_supplement',
      message: '“补正后申请内容仍不明确”只能在申请人补正后适用',
    },
  ];
  const fields: FieldSpec[] = [
    {
      name: 'outcome',
      label: '答复类型',
      type: 'select',
      required: true,
      options: ANSWER_OUTCOMES.map((o) => ({ value: o.code, label: outcomeLabel(o) })),
    },
    {
      name: 'reasons',
      label: '理由及依据',
      type: 'longText',
      requiredWhen: { data: 'outcome', in: NEEDS_REASONS },
    },
    { name: 'legalBasis', label: '法律依据（条例条款）', type: 'text' },
    { name: 'replyLetterNo', label: '答复书编号', type: 'text' },
    { name: 'delivery', label: '送达方式', type: 'text' },
  ];
  const pending: Gate = {
    when: answerPending,
    code: 'no_answer_draft',
    message: '没有待审签的答复',
  };
  return [
    {
      code: 'answerDraft',
      label: '拟定答复并提请审签',
      roles: ['staff', 'leader'],
      requires: [
        ...gates,
        {
          when: { not: answerPending },
          code: 'answer_pending',
          message: '答复已提请审签，正在等待审签',
        },
      ],
      fields,
    },
    {
      code: 'answer',
      label: '审签同意并作出答复',
      roles: [APPROVER],
      requires: [pending, ...gates],
      fields: [...fields, { name: 'opinion', label: '审签意见', type: 'longText' }],
      effects: [{ status: 'closed', outcome: { field: 'outcome' } }],
    },
    {
      code: 'answerReturn',
      label: '退回修改答复',
      roles: [APPROVER],
      requires: [pending],
      fields: [{ name: 'opinion', label: '审签意见', type: 'longText', required: true }],
    },
  ];
}
