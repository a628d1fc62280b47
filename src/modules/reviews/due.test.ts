import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { AppError } from '../../core/errors.ts';
import { matterDue } from './due.ts';
import { reviewSettings } from './labels.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const limits = reviewSettings.defaults;

test('default periods are counted in working days on the official calendar (劳动节 2025: 5月1日至5日, 4月27日 调休)', () => {
  const d = matterDue(cal, 'normativeDocument', limits.normativeDocument, '2025-04-25');
  // 15 working days from 4月25日: 4/27 (make-up Sunday), 4/28–30, 5/6–9, 5/12–16, 5/19–20.
  assert.equal(d.dueOn, '2025-05-20');
  assert.match(d.explanation, /跳过/);
  assert.match(d.explanation, /国办发〔2018〕115号/);
});

test('a requested-by date: 重大行政决策 needs ≥ 7 working days; 规范性文件 is capped at 15', () => {
  const refuse = () =>
    matterDue(cal, 'majorDecision', limits.majorDecision, '2025-04-25', '2025-05-07');
  assert.throws(
    refuse,
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'VALIDATION' &&
      /仅有6个工作日/.test(e.message) &&
      /第二十六条/.test(e.message),
  );
  assert.equal(
    matterDue(cal, 'majorDecision', limits.majorDecision, '2025-04-25', '2025-05-08').dueOn,
    '2025-05-08',
  );
  const capped = matterDue(
    cal,
    'normativeDocument',
    limits.normativeDocument,
    '2025-04-25',
    '2025-06-30',
  );
  assert.equal(capped.dueOn, '2025-05-20');
  assert.match(capped.explanation, /最长不超过15个工作日.*晚于该期限/);
  assert.equal(
    matterDue(cal, 'contract', limits.contract, '2025-04-25', '2025-04-25').dueOn,
    '2025-04-25',
    'no floor for contracts by default',
  );
});

test('a year without official holiday data is provisional', () => {
  const d = matterDue(cal, 'other', limits.other, '2099-12-28');
  assert.equal(d.provisional, true);
  assert.match(d.explanation, /尚未公布/);
});
