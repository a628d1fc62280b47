/**
 * The periods of a 依申请公开 request (条例 Arts 30–35 and the fee rules of 国办函〔2020〕109号): the answer
 * period with its pauses, restart, extension and override, and the windows of the applicant, third parties,
 * other organs and the fee payment.
 */
import type { ClockDef } from '../../../core/procedure/engine.ts';
import { GIO, type DisclosureSettings } from './conditions.ts';

export const clocks = (s: Required<DisclosureSettings>): ClockDef[] => [
  {
    code: 'answer',
    label: '答复期限',
    unit: 'workday',
    count: 20, // 条例 Art 33 ¶2: 20 工作日 from receipt
    legalBasis: `${GIO}第三十三条`,
    start: [{ action: 'receive' }],
    // 条例 Art 30: the period runs from the receipt of the corrected application.
    restart: [
      {
        action: 'supplementReceived',
        note: '收到补正后的申请，答复期限自收到之日重新起算（条例第三十条）',
      },
    ],
    stop: ['answer', 'abandon', 'withdraw', 'feeUnpaid'],
    pause: [
      // Superseded by the restart on supplementReceived (or closed by abandon).
      { action: 'supplementRequest', reason: '等待申请人补正', resume: [] },
      // 条例 Art 33 ¶3: time for consulting third parties and other organs is not counted.
      {
        action: 'thirdPartyConsult',
        reason: '征求第三方意见',
        resume: ['thirdPartyReplied'],
        lapse: 'thirdPartyReply',
      },
      {
        action: 'organConsult',
        reason: '征求有关机关意见',
        resume: ['organReplied'],
        lapse: 'organReply',
      },
      // RULES §5.4 5c / §13: the time from the fee notice to payment is not counted ([M], "likely yes"; setting).
      // It cannot outlast the 20-WD payment window: after it the applicant is deemed to have abandoned
      // the request, the answer clock runs again and staff close the request as 其他处理-2.
      ...(s.feePausesClock
        ? [
            {
              action: 'feeNotice',
              reason: '等待申请人缴纳信息处理费',
              resume: ['feePaid'],
              lapse: 'feePayment',
            },
          ]
        : []),
    ],
    extend: { action: 'extend', field: 'workdays', cap: 20 }, // 条例 Art 33 ¶2: 延长 ≤ 20 工作日
    override: { action: 'setDeadline', dateField: 'dueOn', reasonField: 'reason' }, // 条例 Art 35
  },
  {
    code: 'supplementNotice',
    label: '补正告知期限',
    unit: 'workday',
    count: 7, // 条例 Art 30: 一次性告知 within 7 工作日 of receipt
    legalBasis: `${GIO}第三十条`,
    window: true,
    start: [{ action: 'receive' }],
    stop: ['supplementRequest', 'answer', 'abandon', 'withdraw'],
  },
  {
    code: 'applicantSupplement',
    label: '申请人补正期限',
    unit: 'day',
    dueField: 'supplementDueOn', // the 合理的补正期限 set in the notice (条例 Art 30)
    legalBasis: `${GIO}第三十条`,
    start: [{ action: 'supplementRequest' }],
    stop: ['supplementReceived', 'abandon', 'withdraw'],
  },
  {
    code: 'thirdPartyReply',
    label: '第三方答复期限',
    unit: 'workday',
    count: 15, // 条例 Art 32: 15 工作日 from the third party's receipt of the letter
    legalBasis: `${GIO}第三十二条`,
    start: [{ action: 'thirdPartyConsult', dateField: 'deliveredOn' }],
    stop: ['thirdPartyReplied', 'answer', 'withdraw', 'abandon'],
  },
  {
    code: 'organReply',
    label: '有关机关答复期限',
    unit: 'workday',
    count: 15, // 条例 Art 34: 15 工作日; silence = consent
    legalBasis: `${GIO}第三十四条`,
    start: [{ action: 'organConsult', dateField: 'deliveredOn' }],
    stop: ['organReplied', 'answer', 'withdraw', 'abandon'],
  },
  {
    code: 'feePayment',
    label: '缴费期限',
    unit: 'workday',
    count: 20, // 国办函〔2020〕109号 (via local implementing rules, RULES §5.4 5c): 20 工作日 from receipt of the notice
    legalBasis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    start: [{ action: 'feeNotice', dateField: 'deliveredOn' }],
    stop: ['feePaid', 'feeUnpaid', 'answer', 'withdraw'],
  },
];
