/** Paths through a request: by post, 视为放弃, late 补正, consultations, roles, fees and the approvals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor, check, evaluate } from '../../../core/procedure/engine.ts';
import { createCalendar } from '../../../core/calendar/calendar.ts';
import { disclosureRequestProcedure } from '../procedure.ts';
import { DISCLOSURE_OUTCOMES } from '../outcomes.ts';
import {
  answered,
  APPROVING,
  cal,
  clock,
  extended,
  history,
  P,
  RECEIVE,
  step,
  stepsOf,
  type Step,
} from './testkit.ts';

test('post: received on the 签收 date, or on the confirmation of a 平常信函 (confirming after the day of arrival is flagged); the clock counts from the next day', () => {
  const signed = history([
    ['receive', '2025-02-28', { ...RECEIVE, channel: 'registeredPost', signedOn: '2025-02-28' }],
  ]);
  assert.equal(step(evaluate(P, signed, cal, '2025-03-03'), 'answer')?.due?.date, '2025-03-28');
  const late = check(
    P,
    [],
    {
      type: 'receive',
      on: '2025-02-28',
      data: {
        ...RECEIVE,
        channel: 'mail',
        arrivedOn: '2025-02-27',
        confirmedOn: '2025-02-28',
        lateReason: '申请人当日无法联系',
      },
      actorRoles: ['staff'],
    },
    cal,
  );
  assert.ok(late.ok);
  assert.deepEqual(late.ok && late.warnings?.map((w) => w.code), ['confirmed_late']);
});

test('no 补正 by the deadline: abandon closes the request as 其他处理-1', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['supplementRequest', '2025-03-04', { items: '请提供身份证明', supplementDueOn: '2025-03-20' }],
  ]);
  const waiting = evaluate(P, h, cal, '2025-03-21');
  assert.equal(step(waiting, 'answer'), undefined);
  assert.equal(step(waiting, 'applicantSupplement')?.overdue, true);
  assert.ok(waiting.allowed.some((a) => a.action === 'abandon'));
  const closed = evaluate(
    P,
    history([...stepsOf(h), ['abandon', '2025-03-21']]),
    cal,
    '2025-03-21',
  );
  assert.equal(closed.status, 'closed');
  assert.equal(closed.outcome, 'other1');
  assert.match(closed.outcomeLabel ?? '', /逾期不补正/);
  assert.deepEqual(closed.openSteps, []);
});

test('a late 补正 is accepted with a warning', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-10' }],
  ]);
  const r = check(
    P,
    h,
    { type: 'supplementReceived', on: '2025-03-12', actorRoles: ['staff'] },
    cal,
  );
  assert.ok(r.ok && r.warnings?.[0].code === 'supplement_late');
});

test('the third party has its own 15-WD step while consulted', () => {
  const s = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: 'A', deliveredOn: '2025-03-06' }],
    ]),
    cal,
    '2025-03-10',
  );
  assert.equal(step(s, 'thirdPartyReply')?.due?.date, '2025-03-27');
  assert.deepEqual(step(s, 'thirdPartyReply')?.roles, ['thirdParty']);
});

test('allowed actions depend on role', () => {
  const s = evaluate(P, history([['receive', '2025-03-03']]), cal, '2025-03-04');
  const staff = actionsFor(s, ['staff']).map((a) => a.action);
  const legal = actionsFor(s, ['legalOfficer']).map((a) => a.action);
  assert.ok(
    staff.includes('answerDraft') &&
      staff.includes('supplementRequest') &&
      !staff.includes('legalCheck'),
  );
  assert.ok(
    !staff.includes('answer') && !staff.includes('extend'),
    'the clerk neither signs off the answer nor grants the extension',
  );
  assert.deepEqual(legal, ['legalCheck']);
  const answer = s.allowed.find((a) => a.action === 'answerDraft');
  assert.ok(
    answer?.fields?.some(
      (f) => f.name === 'outcome' && f.options?.length === DISCLOSURE_OUTCOMES.length - 2,
    ),
  );
  const blocked = s.blocked.find((b) => b.action === 'abandon');
  assert.match(blocked?.reason ?? '', /不能视为放弃申请/);
});

test('calendar overrides change the due date', () => {
  const c = createCalendar({
    overrides: [{ date: '2025-02-20', kind: 'holiday', name: '临时调整' }],
    officialYears: [],
  });
  const s = evaluate(P, history([['receive', '2025-01-20']], c), c, '2025-01-21');
  assert.equal(step(s, 'answer')?.due?.date, '2025-02-24');
});

test('overdue and late answers are visible', () => {
  const h = history([['receive', '2025-01-20']]);
  const s = evaluate(P, h, cal, '2025-02-25');
  assert.equal(step(s, 'answer')?.overdue, true);
  assert.equal(step(s, 'answer')?.daysLeft, -2);
  const done = evaluate(
    P,
    history([['receive', '2025-01-20'], ...answered('2025-02-24', { outcome: 'disclose' })]),
    cal,
    '2025-02-25',
  );
  assert.equal(clock(done, 'answer')?.late, true);
  assert.equal(done.outcome, 'disclose');
});

test('not paid within the window: 其他处理-2, and the staff step is back on the answer clock', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
  ]);
  const lapsed = evaluate(P, h, cal, '2025-04-08');
  assert.equal(step(lapsed, 'feePayment')?.overdue, true);
  assert.equal(clock(lapsed, 'answer')?.state, 'running');
  assert.deepEqual(clock(lapsed, 'answer')?.pauses, [
    { from: '2025-03-05', to: '2025-04-07', reason: '等待申请人缴纳信息处理费' },
  ]);
  assert.ok(lapsed.allowed.some((a) => a.action === 'feeUnpaid'));
  const closed = evaluate(
    P,
    history([...stepsOf(h), ['feeUnpaid', '2025-04-08']]),
    cal,
    '2025-04-08',
  );
  assert.equal(closed.status, 'closed');
  assert.equal(closed.outcome, 'other2');
  assert.match(closed.outcomeLabel ?? '', /逾期未按收费通知要求缴纳费用/);
});

test('fee pause is configurable (RULES §14.3)', () => {
  const steps: Step[] = [
    ['receive', '2025-03-03'],
    ['feeNotice', '2025-03-05', { amount: 100 }],
    ['feePaid', '2025-03-12'],
  ];
  const paused = evaluate(P, history(steps), cal, '2025-03-13');
  assert.equal(step(paused, 'answer')?.due?.date, '2025-04-08');
  const noPause = disclosureRequestProcedure({ feePausesClock: false });
  const s = evaluate(noPause, history(steps, cal, noPause), cal, '2025-03-13');
  assert.equal(step(s, 'answer')?.due?.date, '2025-03-31');
});

test('approvals are steps of the approver: 审批延长 and 审签 open on the ask and close on the decision', () => {
  const asked = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['extendRequest', '2025-03-20', { workdays: 10, reason: '需调取档案' }],
    ]),
    cal,
    '2025-03-20',
  );
  assert.deepEqual(step(asked, 'extensionApproval')?.roles, ['approver']);
  assert.equal(
    step(asked, 'extensionApproval')?.due?.date,
    '2025-03-31',
    'to be decided within the answer period',
  );
  const granted = evaluate(
    P,
    history([['receive', '2025-03-03'], ...extended('2025-03-20', 10)]),
    cal,
    '2025-03-20',
  );
  assert.equal(step(granted, 'extensionApproval'), undefined);
  assert.deepEqual(
    step(granted, 'extensionNotice')?.roles,
    ['staff'],
    'the applicant is told next (条例第三十三条)',
  );
  assert.equal(step(granted, 'answer')?.due?.date, '2025-04-15');
  const drafted = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
    ]),
    cal,
    '2025-03-10',
  );
  assert.equal(drafted.status, 'open', 'a draft answers nothing');
  assert.ok(step(drafted, 'answerApproval') && step(drafted, 'answer'));
  const returned = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ['answerReturn', '2025-03-11', { opinion: '请补充法律依据' }, APPROVING],
    ]),
    cal,
    '2025-03-11',
  );
  assert.equal(step(returned, 'answerApproval'), undefined);
  assert.ok(
    actionsFor(returned, ['staff']).some((a) => a.action === 'answerDraft'),
    'the clerk drafts again',
  );
});
