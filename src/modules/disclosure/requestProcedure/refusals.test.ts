/** Acts the procedure refuses, each with its Chinese reason. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../core/procedure/engine.ts';
import { answered, APPROVING, cal, extended, history, P, RECEIVE, type Step } from './testkit.ts';

const refusals: Array<{ name: string; steps: Step[]; next: Step; code: string; message?: RegExp }> =
  [
    {
      name: 'unknown action',
      steps: [['receive', '2025-03-03']],
      next: ['approveEverything', '2025-03-04'],
      code: 'unknown_action',
    },
    {
      name: 'date before the previous event',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-01', { outcome: 'disclose' }],
      code: 'date_order',
    },
    {
      name: 'supplement only once',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
        ['supplementReceived', '2025-03-10'],
      ],
      next: ['supplementRequest', '2025-03-11', { items: 'y', supplementDueOn: '2025-03-25' }],
      code: 'supplement_once',
    },
    {
      name: 'supplement after 7 WD',
      steps: [['receive', '2025-03-03']],
      next: ['supplementRequest', '2025-03-13', { items: 'x', supplementDueOn: '2025-03-25' }],
      code: 'deadline_passed',
      message: /7个工作日内/,
    },
    {
      name: 'supplement period in the past',
      steps: [['receive', '2025-03-03']],
      next: ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-04' }],
      code: 'supplement_period',
    },
    {
      name: 'abandon before the 补正 period ends',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
      ],
      next: ['abandon', '2025-03-20'],
      code: 'supplement_not_lapsed',
    },
    {
      name: 'answer while waiting for 补正',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
      ],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      code: 'awaiting_supplement',
    },
    {
      name: 'extension of 21 WD',
      steps: [['receive', '2025-01-20']],
      next: ['extendRequest', '2025-02-20', { workdays: 21, reason: 'x' }],
      code: 'field_invalid',
    },
    {
      name: 'extensions totalling 21 WD',
      steps: [
        ['receive', '2025-01-20'],
        ...extended('2025-02-10', 10),
        ['extendRequest', '2025-02-11', { workdays: 11, reason: 'y' }],
      ],
      next: ['extend', '2025-02-11', { workdays: 11 }, APPROVING],
      code: 'cap_exceeded',
      message: /不得超过20个工作日（已延长10个工作日，本次11个工作日）/,
    },
    // Issue 13 item 11: the clerk cannot extend by typing an approver's name; the approver role acts.
    {
      name: 'the clerk extends without approval',
      steps: [
        ['receive', '2025-01-20'],
        ['extendRequest', '2025-02-20', { workdays: 5, reason: 'x' }],
      ],
      next: ['extend', '2025-02-20', { workdays: 5, approver: '张主任' }],
      code: 'role_forbidden',
      message: /审批人/,
    },
    {
      name: 'a leader as such extends without a request',
      steps: [['receive', '2025-01-20']],
      next: ['extend', '2025-02-20', { workdays: 5 }, APPROVING],
      code: 'no_extension_request',
    },
    {
      name: 'a second extension request while one waits',
      steps: [
        ['receive', '2025-01-20'],
        ['extendRequest', '2025-02-18', { workdays: 5, reason: 'x' }],
      ],
      next: ['extendRequest', '2025-02-19', { workdays: 5, reason: 'y' }],
      code: 'extension_pending',
    },
    {
      name: 'extension asked for after the period ended',
      steps: [['receive', '2025-01-20']],
      next: ['extendRequest', '2025-02-24', { workdays: 5, reason: 'x' }],
      code: 'deadline_passed',
    },
    {
      name: 'the clerk answers without 审签',
      steps: [
        ['receive', '2025-03-03'],
        ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ],
      next: ['answer', '2025-03-10', { outcome: 'disclose' }],
      code: 'role_forbidden',
      message: /审批人/,
    },
    {
      name: '审签 without a draft',
      steps: [['receive', '2025-03-03']],
      next: ['answer', '2025-03-10', { outcome: 'disclose' }, APPROVING],
      code: 'no_answer_draft',
    },
    {
      name: 'a second draft while one waits for 审签',
      steps: [
        ['receive', '2025-03-03'],
        ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ],
      next: ['answerDraft', '2025-03-11', { outcome: 'disclose' }],
      code: 'answer_pending',
    },
    {
      name: 'legal officer may not answer',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }, ['legalOfficer']],
      code: 'role_forbidden',
      message: /工作人员或负责人/,
    },
    {
      name: 'withholding needs reasons',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'withhold_process' }],
      code: 'field_required',
      message: /理由及依据/,
    },
    {
      name: '“still unclear after 补正” needs a 补正',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'unable_unclear', reasons: 'x' }],
      code: 'outcome_needs_supplement',
    },
    {
      name: 'unknown outcome code',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'maybe' }],
      code: 'field_invalid',
    },
    {
      name: 'a second consultation while one is pending',
      steps: [
        ['receive', '2025-03-03'],
        ['thirdPartyConsult', '2025-03-05', { thirdParty: 'A' }],
      ],
      next: ['thirdPartyConsult', '2025-03-06', { thirdParty: 'B' }],
      code: 'consultation_pending',
    },
    {
      name: 'payment after the 20-WD window',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
      ],
      next: ['feePaid', '2025-04-08'],
      code: 'fee_lapsed',
      message: /视为放弃申请/,
    },
    {
      name: 'unpaid closed before the window lapses',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
      ],
      next: ['feeUnpaid', '2025-04-07'],
      code: 'fee_not_lapsed',
    },
    {
      name: 'answer while waiting for payment',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100 }],
      ],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      code: 'fee_pending',
    },
    {
      name: 'a second fee notice while one is pending',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100 }],
      ],
      next: ['feeNotice', '2025-03-06', { amount: 200 }],
      code: 'fee_pending',
    },
    // 条例 Art 31(2): a request by post is received on the 签收 date, or on the day the office confirmed a 平常信函.
    {
      name: 'post: receipt date other than the 签收 date',
      steps: [],
      next: [
        'receive',
        '2025-03-03',
        { ...RECEIVE, channel: 'registeredPost', signedOn: '2025-02-28' },
      ],
      code: 'receipt_signed',
      message: /以本机关签收之日为收到申请之日/,
    },
    {
      name: 'post without the 签收 date',
      steps: [],
      next: ['receive', '2025-03-03', { ...RECEIVE, channel: 'registeredPost' }],
      code: 'field_required',
      message: /签收日期/,
    },
    {
      name: '平常信函: receipt date other than the confirmation',
      steps: [],
      next: [
        'receive',
        '2025-03-04',
        { ...RECEIVE, channel: 'mail', arrivedOn: '2025-03-03', confirmedOn: '2025-03-03' },
      ],
      code: 'receipt_confirmed',
    },
    {
      name: '平常信函 confirmed before it arrived',
      steps: [],
      next: [
        'receive',
        '2025-03-03',
        { ...RECEIVE, channel: 'mail', arrivedOn: '2025-03-04', confirmedOn: '2025-03-03' },
      ],
      code: 'confirmed_before_arrival',
      message: /不能早于信函收到日期/,
    },
    {
      name: 'closed case',
      steps: [['receive', '2025-03-03'], ...answered('2025-03-10', { outcome: 'disclose' })],
      next: ['extendRequest', '2025-03-11', { workdays: 5, reason: 'x' }],
      code: 'case_closed',
      message: /本案已办结/,
    },
  ];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const [type, on, data, roles] = r.next;
    const res = check(P, history(r.steps), { type, on, data, actorRoles: roles ?? ['staff'] }, cal);
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.code, r.code, res.message);
    assert.match(res.message, /[\u4e00-\u9fa5]/, 'message is Chinese');
    if (r.message) assert.match(res.message, r.message);
  });
}
