/** The answer clock's due date (条例 Arts 30–35): receipt, 补正, consultations, fees, extensions, holidays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../core/procedure/engine.ts';
import { APPROVING, cal, clock, extended, history, P, step, type Step } from './testkit.ts';

const dueCases: Array<{
  name: string;
  steps: Step[];
  today: string;
  due?: string;
  paused?: boolean;
  provisional?: boolean;
  explain?: RegExp;
}> = [
  {
    name: 'received 2025-01-20 (春节)',
    steps: [['receive', '2025-01-20']],
    today: '2025-01-21',
    due: '2025-02-21',
    explain: /跳过春节假期1月28日至2月4日，1月26日、2月8日调休上班/,
  },
  {
    name: 'received 2025-09-25 (国庆/中秋)',
    steps: [['receive', '2025-09-25']],
    today: '2025-09-26',
    due: '2025-10-29',
  },
  {
    name: 'plain March',
    steps: [['receive', '2025-03-03']],
    today: '2025-03-04',
    due: '2025-03-31',
  },
  {
    name: '补正 restarts the clock from the corrected application',
    steps: [
      ['receive', '2025-03-03'],
      [
        'supplementRequest',
        '2025-03-05',
        { items: '请明确项目名称', supplementDueOn: '2025-03-20' },
      ],
      ['supplementReceived', '2025-03-14'],
    ],
    today: '2025-03-17',
    due: '2025-04-14',
    explain:
      /^收到补正后的申请.*重新起算.*自2025年3月14日次日起算20个工作日，跳过清明假期4月4日至4月6日/,
  },
  {
    name: 'third-party consultation pauses (P, R]',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
      ['thirdPartyReplied', '2025-03-12', { opinion: 'objection' }],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
    explain: /征求第三方意见期间3月5日至3月12日（5个工作日）不计算在内/,
  },
  {
    name: 'the third party stays silent: the pause ends when its 15-WD window lapses',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
    ],
    today: '2025-03-27',
    due: '2025-04-22',
  },
  {
    name: 'a late reply cannot lengthen the pause',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
      ['thirdPartyReplied', '2025-04-01', { opinion: 'consent' }],
    ],
    today: '2025-04-01',
    due: '2025-04-22',
  },
  {
    name: 'while consulting there is no due date',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
    ],
    today: '2025-03-10',
    paused: true,
  },
  {
    name: 'other-organ consultation pauses too (Art 34)',
    steps: [
      ['receive', '2025-03-03'],
      ['organConsult', '2025-03-05', { organ: '市财政局' }],
      ['organReplied', '2025-03-12', { opinion: 'consent' }],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
  },
  {
    name: 'extension of 20 WD approved by the approver',
    steps: [['receive', '2025-01-20'], ...extended('2025-02-20', 20)],
    today: '2025-02-24',
    due: '2025-03-21',
    explain: /20个工作日，经批准延长20个工作日（共40个工作日）/,
  },
  {
    // 条例 Art 33 ¶2: asked for, not yet consented — the period is not extended.
    name: 'an extension asked for and not yet approved changes nothing',
    steps: [
      ['receive', '2025-01-20'],
      ['extendRequest', '2025-02-20', { workdays: 5, reason: '需调取档案' }],
    ],
    today: '2025-02-24',
    due: '2025-02-21',
  },
  {
    name: 'an extension refused changes nothing',
    steps: [
      ['receive', '2025-01-20'],
      ['extendRequest', '2025-02-18', { workdays: 5, reason: '需调取档案' }],
      ['extendRefuse', '2025-02-19', { opinion: '理由不充分' }, APPROVING],
    ],
    today: '2025-02-19',
    due: '2025-02-21',
  },
  {
    name: 'Art 35 custom deadline',
    steps: [
      ['receive', '2025-03-03'],
      [
        'setDeadline',
        '2025-03-10',
        { dueOn: '2025-04-30', reason: '申请数量明显超过合理范围', noticeOn: '2025-03-10' },
        ['leader'],
      ],
    ],
    today: '2025-03-11',
    due: '2025-04-30',
    explain: /申请数量明显超过合理范围/,
  },
  {
    name: 'fee notice to payment is not counted (RULES §5.4 5c, 109号)',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100, method: 'perRequest' }],
      ['feePaid', '2025-03-12'],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
    explain: /等待申请人缴纳信息处理费期间3月5日至3月12日（5个工作日）不计算在内/,
  },
  {
    name: 'while waiting for payment there is no due date',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100 }],
    ],
    today: '2025-03-20',
    paused: true,
  },
  {
    // Payment window: 20 WD from the applicant's receipt on 3-07 → 4-07 (清明 4-4…4-6 skipped); the
    // pause (3-05, 4-07] takes 22 WD out; 18 WD remain after 4-07, counting the 调休 Sunday 4-27.
    name: 'unpaid: the pause ends when the 20-WD payment window lapses',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
    ],
    today: '2025-04-10',
    due: '2025-04-30',
  },
  {
    name: '2027 dates are provisional (元旦 assumed)',
    steps: [['receive', '2026-12-20']],
    today: '2026-12-21',
    due: '2027-01-18',
    provisional: true,
    explain:
      /2027年节假日安排尚未公布，为暂定日历：已按《全国年节及纪念日放假办法》第二条计入元旦2027年1月1日/,
  },
  {
    name: '2026 dates are official',
    steps: [['receive', '2026-01-05']],
    today: '2026-01-06',
    due: '2026-02-02',
    provisional: false,
  },
];

for (const c of dueCases) {
  test(`answer clock: ${c.name}`, () => {
    const s = evaluate(P, history(c.steps), cal, c.today);
    const answer = step(s, 'answer');
    assert.ok(answer, 'answer step is open');
    if (c.paused) {
      assert.equal(answer.paused, true);
      assert.equal(answer.due, undefined);
      assert.equal(clock(s, 'answer')?.state, 'paused');
      return;
    }
    assert.equal(answer.due?.date, c.due);
    assert.equal(answer.due?.legalBasis, '《政府信息公开条例》第三十三条');
    if (c.provisional !== undefined) assert.equal(answer.due?.provisional, c.provisional);
    if (c.explain) assert.match(answer.due!.explanation, c.explain);
  });
}
