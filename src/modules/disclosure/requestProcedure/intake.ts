/**
 * Receiving an application and making it complete (条例 Arts 29–31): the receipt date by channel, the one-time
 * 补正 notice within 7 working days, the corrected application, 视为放弃, and the applicant's withdrawal.
 */
import type { ActionDef, FieldSpec } from '../../../core/procedure/engine.ts';
import { APPLICANT_TYPES, CHANNELS } from '../outcomes.ts';
import { answerClockActive } from './conditions.ts';

/**
 * 条例 Art 31: the receipt date, which starts the clocks (counted from the next day), by channel — the field of
 * the intake that holds it (requests/receipt.ts). By default the date typed as 收到申请之日: 当面 = the day of
 * submission (Art 31(1)), 互联网/传真/电子邮件 = the day both sides confirm (Art 31(3)), 口头 = the day it is
 * taken down (Art 29). By post (Art 31(2)): the day this organ signs for it; post needing no signature
 * (平常信函) = the day the office confirms with the applicant, which it must do on the day the letter arrives.
 */
export const RECEIPT_DATE_FIELD: Readonly<Record<string, 'signedOn' | 'confirmedOn'>> = {
  registeredPost: 'signedOn',
  mail: 'confirmedOn',
};

const byPost = (channel: 'registeredPost' | 'mail') => ({ data: 'channel', eq: channel });

/** 登记, 补正 and 视为放弃 (Arts 29–31), in the order the workbench offers them. */
export const intakeActions: ActionDef[] = [
  {
    code: 'receive',
    label: '登记收到申请',
    roles: ['staff'],
    statuses: ['new'],
    fields: [
      {
        name: 'channel',
        label: '申请渠道',
        type: 'select',
        required: true,
        options: CHANNELS,
        help: '办理日期填写条例第三十一条规定的收到申请之日',
      },
      {
        name: 'applicantType',
        label: '申请人类型',
        type: 'select',
        required: true,
        options: APPLICANT_TYPES,
      },
      // Not required: a request lacking identity or description is received and goes down the 补正 path (条例 Art 30).
      // Personal data stays in disclosure_requests (visible to the disclosure office only), not in the case history.
      { name: 'applicantName', label: '申请人', type: 'text' },
      { name: 'content', label: '申请内容', type: 'longText' },
      // 条例 Art 31(2), by post: the 签收 (and the parcel's number), or the letter's arrival and the confirmation.
      { name: 'signedOn', label: '签收日期', type: 'date', requiredWhen: byPost('registeredPost') },
      { name: 'mailNumber', label: '邮件号码', type: 'text' },
      { name: 'arrivedOn', label: '信函收到日期', type: 'date', requiredWhen: byPost('mail') },
      {
        name: 'confirmedOn',
        label: '与申请人确认日期',
        type: 'date',
        requiredWhen: byPost('mail'),
      },
      { name: 'confirmation', label: '确认情况', type: 'text' },
      { name: 'lateReason', label: '未能当日确认的原因', type: 'longText' },
    ],
    dateRules: [
      {
        when: byPost('registeredPost'),
        from: { field: 'signedOn' },
        to: 'event',
        min: { count: 0, unit: 'day' },
        max: { count: 0, unit: 'day' },
        code: 'receipt_signed',
        message: '以邮寄方式提交的申请，以本机关签收之日为收到申请之日（条例第三十一条第（二）项）',
      },
      {
        when: byPost('mail'),
        from: { field: 'confirmedOn' },
        to: 'event',
        min: { count: 0, unit: 'day' },
        max: { count: 0, unit: 'day' },
        code: 'receipt_confirmed',
        message:
          '以无需签收的邮寄方式提交的申请，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）',
      },
      {
        when: byPost('mail'),
        from: { field: 'arrivedOn' },
        to: { field: 'confirmedOn' },
        min: { count: 0, unit: 'day' },
        code: 'confirmed_before_arrival',
        message: '与申请人确认日期不能早于信函收到日期',
      },
      {
        when: byPost('mail'),
        from: { field: 'arrivedOn' },
        to: { field: 'confirmedOn' },
        max: { count: 0, unit: 'day' },
        severity: 'warn',
        code: 'confirmed_late',
        message: '应当于收到申请的当日与申请人确认（条例第三十一条第（二）项）',
      },
    ],
    effects: [{ status: 'open' }],
  },
  {
    code: 'supplementRequest',
    label: '一次性告知补正',
    roles: ['staff'],
    once: {
      code: 'supplement_once',
      message: '补正告知应当一次性作出，不能再次告知补正（条例第三十条）',
    },
    requires: [answerClockActive],
    within: {
      clock: 'supplementNotice',
      message: '应当自收到申请之日起7个工作日内一次性告知申请人补正（条例第三十条）',
    },
    fields: [
      { name: 'items', label: '需要补正的事项', type: 'longText', required: true },
      {
        name: 'supplementDueOn',
        label: '补正期限',
        type: 'date',
        required: true,
        help: '给予申请人合理的补正期限',
      },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'supplementDueOn' },
        min: { count: 1, unit: 'day' },
        code: 'supplement_period',
        message: '补正期限应当晚于告知之日',
      },
    ],
  },
  {
    code: 'supplementReceived',
    label: '收到补正后的申请',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'applicantSupplement', state: 'running' },
        code: 'no_supplement_pending',
        message: '没有待补正的事项',
      },
    ],
    fields: [{ name: 'note', label: '补正情况', type: 'longText' }],
    dateRules: [
      {
        from: { action: 'supplementRequest', field: 'supplementDueOn' },
        to: 'event',
        max: { count: 0, unit: 'day' },
        severity: 'warn',
        code: 'supplement_late',
        message: '已超过补正期限；申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）',
      },
    ],
  },
  {
    code: 'abandon',
    label: '逾期未补正，视为放弃申请',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'applicantSupplement', state: 'running' },
        code: 'no_supplement_pending',
        message: '未告知补正或已收到补正，不能视为放弃申请',
      },
      {
        when: { clock: 'applicantSupplement', overdue: true },
        code: 'supplement_not_lapsed',
        message: '补正期限尚未届满，不能视为放弃申请（条例第三十条）',
      },
    ],
    effects: [{ status: 'closed', outcome: 'other1' }],
  },
];

/** The applicant withdraws the request. */
export const withdrawAction: ActionDef = {
  code: 'withdraw',
  label: '申请人撤回申请',
  roles: ['staff'],
  statuses: ['open'],
  fields: [{ name: 'reason', label: '撤回情况', type: 'longText' }],
  effects: [{ status: 'closed', outcome: 'other3' }],
};
