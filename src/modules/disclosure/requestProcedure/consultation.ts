/**
 * Asking others before answering, and the fee: third parties (条例 Art 32) and co-producing organs (Art 34),
 * whose time is not counted (Art 33 ¶3), and the 信息处理费 (Art 42; 国办函〔2020〕109号).
 */
import type { ActionDef, FieldSpec } from '../../../core/procedure/engine.ts';
import { OPINIONS } from '../outcomes.ts';
import { answerClockActive, notAwaitingSupplement } from './conditions.ts';

const deliveredOn = (who: string): FieldSpec => ({
  name: 'deliveredOn',
  label: `${who}收到征求意见书之日`,
  type: 'date',
  help: '不填则按发出之日计算',
});

/** Consult-and-reply action pairs: third parties (条例 Art 32) and co-producing organs (Art 34). */
export function consultation(
  prefix: 'thirdParty' | 'organ',
  who: string,
  clock: string,
): ActionDef[] {
  return [
    {
      code: `${prefix}Consult`,
      label: prefix === 'thirdParty' ? '书面征求第三方意见' : '征求有关机关意见',
      roles: ['staff'],
      requires: [
        answerClockActive,
        notAwaitingSupplement,
        {
          when: { not: { clock, state: 'running', overdue: false } },
          code: 'consultation_pending',
          message: `正在征求${who}意见，尚未收到答复或答复期限未满`,
        },
      ],
      fields: [
        { name: prefix, label: who, type: 'text', required: true },
        deliveredOn(who),
        { name: 'matter', label: '征求意见事项', type: 'longText' },
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'deliveredOn' },
          min: { count: 0, unit: 'day' },
          code: 'delivered_before_sent',
          message: `${who}收到之日不能早于发出之日`,
        },
      ],
    },
    {
      code: `${prefix}Replied`,
      label: `收到${who}意见`,
      roles: ['staff'],
      requires: [
        {
          when: { clock, state: 'running' },
          code: 'no_consultation',
          message: `没有正在进行的${who}意见征求`,
        },
      ],
      fields: [
        { name: 'opinion', label: `${who}意见`, type: 'select', required: true, options: OPINIONS },
        { name: 'summary', label: '意见摘要', type: 'longText' },
      ],
    },
  ];
}

/** 收费通知, 缴费 and 逾期未缴费 (国办函〔2020〕109号, via local implementing rules). */
export const feeActions: ActionDef[] = [
  {
    code: 'feeNotice',
    label: '发出收费通知',
    roles: ['staff'],
    requires: [
      answerClockActive,
      {
        when: { not: { clock: 'feePayment', state: 'running' } },
        code: 'fee_pending',
        message: '已发出收费通知，正在等待缴费',
      },
    ],
    within: { clock: 'answer', message: '收费通知应当在答复期限内发出' },
    fields: [
      { name: 'amount', label: '收费金额（元）', type: 'number', required: true, min: 0 },
      // 国办函〔2020〕109号: 按件 or 按量, one method per request.
      {
        name: 'method',
        label: '计收方式',
        type: 'select',
        options: [
          { value: 'perRequest', label: '按件计收' },
          { value: 'perPage', label: '按量计收' },
        ],
      },
      { name: 'pages', label: '页数（按量计收）', type: 'number', min: 0 },
      { name: 'deliveredOn', label: '申请人收到通知之日', type: 'date' },
    ],
  },
  {
    code: 'feePaid',
    label: '申请人已缴费',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'feePayment', state: 'running' },
        code: 'no_fee_pending',
        message: '没有待缴纳的信息处理费',
      },
      // 109号 (via local rules): 逾期未缴纳的，视为放弃申请 — a payment after the window does not revive the request.
      {
        when: { clock: 'feePayment', overdue: false },
        code: 'fee_lapsed',
        message: '缴费期限已届满，申请人逾期未缴费的视为放弃申请，应按“逾期未缴费，不再处理”办理',
      },
    ],
  },
  {
    code: 'feeUnpaid',
    label: '逾期未缴费，不再处理',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'feePayment', overdue: true },
        code: 'fee_not_lapsed',
        message: '缴费期限尚未届满',
      },
    ],
    effects: [{ status: 'closed', outcome: 'other2' }],
  },
];
