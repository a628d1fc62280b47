// The hotline's deadlines on the calendar (RULES §7.2, 广东 defaults) across 春节 and 国庆, and the engine's
// clock on a ticket: an approved extension moves the deadline, a reply after it is late.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { evaluate, type CaseEvent } from '../../core/procedure/engine.ts';
import { hotlineDeadlines, ticketDates } from './settings.ts';
import { HOTLINE_TICKET } from './procedure.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const d = hotlineDeadlines.defaults;

test('deadline table per type, across 春节 2025 (1月28日—2月4日, 1月26日 and 2月8日 调休上班) and 国庆 2025', () => {
  const rows: Array<[string, 'consult' | 'help' | 'suggest' | 'complain' | 'report', string]> = [
    ['2025-01-24', 'consult', '2025-01-27'], // Sun 1/26 is a working day, then Mon 1/27
    ['2025-01-24', 'complain', '2025-02-20'],
    ['2025-01-24', 'report', '2025-02-20'],
    ['2025-01-27', 'help', '2025-02-17'], // 2/5—2/8 (Sat 调休), then 2/10—2/17
    ['2025-09-26', 'help', '2025-10-16'], // 9/28 调休上班, 10/1—10/8 假期, 10/11 调休上班
    ['2025-09-26', 'suggest', '2025-10-16'],
    ['2025-09-30', 'consult', '2025-10-10'],
    ['2025-03-03', 'consult', '2025-03-05'],
  ];
  for (const [on, kind, due] of rows)
    assert.equal(ticketDates(cal, d, kind, on).dueOn, due, `${kind} received ${on}`);
  // The platform's own deadline wins; the 签收 and 异议 windows are one working day.
  assert.equal(ticketDates(cal, d, 'help', '2025-01-27', '2025-02-28').dueOn, '2025-02-28');
  assert.equal(ticketDates(cal, d, 'help', '2025-01-27').signBy, '2025-02-05');
  assert.equal(ticketDates(cal, { ...d, help: 5 }, 'help', '2025-03-03').dueOn, '2025-03-10');
});

const ev = (
  seq: number,
  type: string,
  on: string,
  data: Record<string, unknown> = {},
  roles = ['staff'],
): CaseEvent => ({ seq, type, on, data, actorRoles: roles });

test('the handling clock: extension by a leader, a late reply, re-opening after 不满意', () => {
  const dates = ticketDates(cal, d, 'consult', '2025-01-24');
  const h = [
    ev(1, 'receive', '2025-01-24', { ticketNo: 'A1', channel: 'phone', kind: 'consult', ...dates }),
    ev(2, 'sign', '2025-01-26'),
  ];
  let s = evaluate(HOTLINE_TICKET, h, cal, '2025-02-05');
  const handle = () => s.clocks.find((c) => c.clock === 'handle')!;
  assert.equal(handle().due, '2025-01-27');
  assert.equal(handle().overdue, true);
  h.push(ev(3, 'requestExtension', '2025-02-05', { dueOn: '2025-02-10', reason: '需现场核实' }));
  s = evaluate(HOTLINE_TICKET, h, cal, '2025-02-05');
  assert.ok(s.openSteps.some((x) => x.step === 'approveExtension' && x.roles.includes('leader')));
  h.push(
    ev(
      4,
      'approveExtension',
      '2025-02-05',
      { decision: 'approved', dueOn: '2025-02-10', reason: '需现场核实' },
      ['leader'],
    ),
  );
  h.push(ev(5, 'reply', '2025-02-11', { summary: '已答复' }));
  s = evaluate(HOTLINE_TICKET, h, cal, '2025-02-11');
  assert.equal(handle().due, '2025-02-10');
  assert.equal(handle().late, true);
  h.push(ev(6, 'visit', '2025-02-12', { satisfaction: 'unsatisfied' }));
  s = evaluate(HOTLINE_TICKET, h, cal, '2025-02-12');
  assert.equal(s.status, 'closed');
  h.push(ev(7, 'reopen', '2025-02-12', { reason: '诉求人不满意', dueOn: '2025-02-14' }));
  s = evaluate(HOTLINE_TICKET, h, cal, '2025-02-12');
  assert.equal(s.status, 'handling');
  assert.equal(handle().due, '2025-02-14');
  assert.equal(handle().state, 'running');
});
