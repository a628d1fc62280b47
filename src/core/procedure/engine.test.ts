import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../calendar/calendar.ts';
import {
  check,
  compile,
  evaluate,
  normalizeData,
  stepsFor,
  type CaseEvent,
  type ProcedureDef,
} from './engine.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

/** A toy procedure shaped like a future module (行政应诉: 15日 answer with 民诉法 Art 85 roll-forward). */
const TOY: ProcedureDef = {
  code: 'toy',
  label: '示例程序',
  statuses: [
    { code: 'new', label: '新建' },
    { code: 'open', label: '办理中' },
    { code: 'done', label: '已办结', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { clerk: '经办人', boss: '负责人' },
  clocks: [
    {
      code: 'main',
      label: '答辩期限',
      unit: 'day',
      count: 15,
      rollForward: true,
      legalBasis: '行政诉讼法第六十七条',
      start: [{ action: 'served', dateField: 'receivedOn' }],
      restart: [{ action: 'reserve', note: '重新送达后重新起算' }],
      pause: [{ action: 'suspend', reason: '中止', resume: ['resume'] }],
      extend: { action: 'extend', field: 'days', cap: 30 },
      override: { action: 'fix', dateField: 'dueOn', reasonField: 'reason' },
      stop: ['finish'],
    },
  ],
  steps: [
    {
      code: 'answer',
      label: '提交答辩状',
      roles: ['clerk'],
      open: { status: 'open' },
      clock: 'main',
    },
  ],
  actions: [
    {
      code: 'served',
      label: '收到起诉状副本',
      roles: ['clerk'],
      statuses: ['new'],
      fields: [{ name: 'receivedOn', label: '收到日期', type: 'date' }],
      effects: [{ status: 'open' }],
    },
    { code: 'reserve', label: '重新送达', roles: ['clerk'] },
    { code: 'suspend', label: '中止', roles: ['boss'] },
    { code: 'resume', label: '恢复', roles: ['boss'] },
    {
      code: 'extend',
      label: '延长',
      roles: ['boss'],
      fields: [{ name: 'days', label: '延长天数', type: 'number', required: true, min: 1 }],
    },
    {
      code: 'fix',
      label: '另定期限',
      roles: ['boss'],
      fields: [
        { name: 'dueOn', label: '期限', type: 'date', required: true },
        { name: 'reason', label: '理由', type: 'text', required: true },
      ],
    },
    {
      code: 'finish',
      label: '办结',
      roles: ['clerk'],
      fields: [
        {
          name: 'result',
          label: '结果',
          type: 'select',
          required: true,
          options: [{ value: 'ok', label: '完成' }],
        },
      ],
      dateRules: [
        {
          from: { action: 'served' },
          to: 'event',
          min: { count: 3, unit: 'workday' },
          severity: 'warn',
          code: 'too_fast',
          message: '办理过快',
        },
      ],
      effects: [{ status: 'done', outcome: { field: 'result' } }],
    },
  ],
};

const ev = (seq: number, type: string, on: string, data?: Record<string, unknown>): CaseEvent => ({
  seq,
  type,
  on,
  data,
  actorRoles: ['clerk', 'boss'],
});
const due = (h: CaseEvent[], today: string) => evaluate(TOY, h, cal, today).clocks[0];

test('calendar-day clock anchored on a date field, rolled past a holiday (民诉法 Art 85)', () => {
  const c = due([ev(1, 'served', '2025-09-18', { receivedOn: '2025-09-16' })], '2025-09-18');
  assert.equal(c.startedOn, '2025-09-16');
  assert.equal(c.due, '2025-10-09'); // 10月1日 falls in 国庆 → first working day after
  assert.match(c.explanation ?? '', /顺延至2025年10月9日届满/);
});

test('pause (P, R], extension, override and restart', () => {
  const base = [ev(1, 'served', '2025-03-03')];
  assert.equal(due(base, '2025-03-04').due, '2025-03-18');
  const paused = [...base, ev(2, 'suspend', '2025-03-05')];
  assert.equal(due(paused, '2025-03-06').state, 'paused');
  assert.equal(due(paused, '2025-03-06').due, undefined);
  const resumed = [...paused, ev(3, 'resume', '2025-03-10')];
  assert.equal(due(resumed, '2025-03-11').due, '2025-03-24'); // 5 days excluded
  const extended = [...resumed, ev(4, 'extend', '2025-03-11', { days: 10 })];
  assert.equal(due(extended, '2025-03-12').due, '2025-04-02');
  assert.equal(due(extended, '2025-03-12').extended, 10);
  const restarted = [...extended, ev(5, 'reserve', '2025-03-20')];
  const r = due(restarted, '2025-03-21');
  assert.equal(r.due, '2025-04-07'); // pauses and extensions discarded; 4月4日 清明 rolls forward
  assert.equal(r.extended, 0);
  assert.deepEqual(r.pauses, []);
  assert.match(r.explanation ?? '', /^重新送达后重新起算/);
  const fixed = [
    ...restarted,
    ev(6, 'fix', '2025-03-21', { dueOn: '2025-05-06', reason: '案情复杂' }),
  ];
  assert.equal(due(fixed, '2025-03-22').due, '2025-05-06');
});

test('cap counts earlier extensions', () => {
  const h = [ev(1, 'served', '2025-03-03'), ev(2, 'extend', '2025-03-04', { days: 20 })];
  const r = check(
    TOY,
    h,
    { type: 'extend', on: '2025-03-05', actorRoles: ['boss'], data: { days: 11 } },
    cal,
  );
  assert.ok(!r.ok && r.code === 'cap_exceeded');
  assert.ok(
    check(
      TOY,
      h,
      { type: 'extend', on: '2025-03-05', actorRoles: ['boss'], data: { days: 10 } },
      cal,
    ).ok,
  );
});

test('check: dates, roles, fields, status, warnings', () => {
  const h = [ev(1, 'served', '2025-03-03')];
  const cases: Array<[Omit<CaseEvent, 'seq'>, string]> = [
    [
      { type: 'finish', on: '2025-13-01', actorRoles: ['clerk'], data: { result: 'ok' } },
      'invalid_date',
    ],
    [
      { type: 'finish', on: '2025-03-02', actorRoles: ['clerk'], data: { result: 'ok' } },
      'date_order',
    ],
    [
      { type: 'finish', on: '2025-03-10', actorRoles: ['boss'], data: { result: 'ok' } },
      'role_forbidden',
    ],
    [{ type: 'finish', on: '2025-03-10', data: { result: 'ok' } }, 'role_forbidden'],
    [{ type: 'finish', on: '2025-03-10', actorRoles: ['clerk'] }, 'field_required'],
    [{ type: 'served', on: '2025-03-10', actorRoles: ['clerk'] }, 'wrong_status'],
    [
      {
        type: 'fix',
        on: '2025-03-10',
        actorRoles: ['boss'],
        data: { dueOn: '2025-02-30', reason: 'x' },
      },
      'field_invalid',
    ],
  ];
  for (const [e, code] of cases) {
    const r = check(TOY, h, e, cal);
    assert.ok(!r.ok, code);
    if (!r.ok) assert.equal(r.code, code, r.message);
  }
  const warn = check(
    TOY,
    h,
    { type: 'finish', on: '2025-03-04', actorRoles: ['clerk'], data: { result: 'ok' } },
    cal,
  );
  assert.ok(warn.ok && warn.warnings?.[0].message === '办理过快（应不早于2025年3月6日）');
  const closed = [...h, ev(2, 'finish', '2025-03-10', { result: 'ok' })];
  const s = evaluate(TOY, closed, cal, '2025-03-11');
  assert.equal(s.status, 'done');
  assert.equal(s.outcome, 'ok');
  assert.equal(s.clocks[0].state, 'stopped');
  assert.equal(s.clocks[0].late, false);
  const again = check(
    TOY,
    closed,
    { type: 'reserve', on: '2025-03-11', actorRoles: ['clerk'] },
    cal,
  );
  assert.ok(!again.ok && again.code === 'case_closed');
});

test('history order is by seq, steps filter by role', () => {
  const h = [ev(2, 'suspend', '2025-03-05'), ev(1, 'served', '2025-03-03')];
  assert.equal(evaluate(TOY, h, cal, '2025-03-06').clocks[0].state, 'paused');
  const s = evaluate(TOY, [ev(1, 'served', '2025-03-03')], cal, '2025-03-04');
  assert.equal(stepsFor(s, ['clerk']).length, 1);
  assert.equal(stepsFor(s, ['boss']).length, 0);
});

test('definitions with dangling references are rejected when compiled', () => {
  const bad: ProcedureDef = { ...TOY, clocks: [{ ...TOY.clocks[0], stop: ['nonexistent'] }] };
  assert.throws(() => compile(bad), /unknown action "nonexistent" in clock main\.stop/);
});

test('normalizeData coerces form strings to declared field types', () => {
  const d = normalizeData(TOY, 'extend', { days: '10', extra: 'x' });
  assert.deepEqual(d, { days: 10, extra: 'x' });
  assert.deepEqual(normalizeData(TOY, 'fix', { dueOn: ' 2025-05-06 ', reason: '' }), {
    dueOn: '2025-05-06',
  });
});

test('a paused step says why and since when; a step closed only by its paused clock is paused, not done', () => {
  const suspended = [ev(1, 'served', '2025-03-03'), ev(2, 'suspend', '2025-03-05')];
  const open = evaluate(TOY, suspended, cal, '2025-03-06').openSteps[0];
  assert.equal(open.paused, true);
  assert.deepEqual(open.pause, { reason: '中止', since: '2025-03-05' });
  assert.deepEqual(evaluate(TOY, suspended, cal, '2025-03-06').pausedSteps, []);
  // The same step, declared to close while its clock is paused (like an answer while the applicant supplements).
  const closing: ProcedureDef = {
    ...TOY,
    steps: [
      {
        ...TOY.steps[0],
        open: { all: [{ status: 'open' }, { not: { clock: 'main', state: 'paused' } }] },
      },
    ],
  };
  const s = evaluate(closing, suspended, cal, '2025-03-06');
  assert.deepEqual(s.openSteps, []);
  assert.deepEqual(s.pausedSteps, [
    { step: 'answer', label: '提交答辩状', roles: ['clerk'], reason: '中止', since: '2025-03-05' },
  ]);
  const resumed = evaluate(
    closing,
    [...suspended, ev(3, 'resume', '2025-03-10')],
    cal,
    '2025-03-11',
  );
  assert.equal(resumed.openSteps[0].step, 'answer');
  assert.equal(resumed.openSteps[0].pause, undefined);
  assert.deepEqual(resumed.pausedSteps, []);
  // A finished case has no paused steps.
  assert.deepEqual(
    evaluate(
      closing,
      [...suspended, ev(3, 'finish', '2025-03-10', { result: 'ok' })],
      cal,
      '2025-03-11',
    ).pausedSteps,
    [],
  );
});
