import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { fieldsSchema } from './fieldSchema.ts';
import type { FieldSpec } from './types.ts';
import {
  choice,
  confirmation,
  dateRange,
  list,
  long,
  password,
  ref,
  sized,
  tags,
  text,
  yes,
} from './fields.ts';
import { fieldView } from '../http/forms.ts';

const FIELDS: FieldSpec[] = [
  { name: 'reason', label: '理由', type: 'longText', required: true, minLength: 2, maxLength: 10 },
  { name: 'note', label: '说明', type: 'text' },
  { name: 'on', label: '办理日期', type: 'date', required: true },
  { name: 'count', label: '份数', type: 'number', min: 1, max: 5 },
  { name: 'public', label: '是否公开', type: 'boolean' },
  {
    name: 'kind',
    label: '类型',
    type: 'select',
    required: true,
    options: [
      { value: 'a', label: '甲' },
      { value: 'b', label: '乙' },
    ],
  },
];
const schema = fieldsSchema(FIELDS);

/** The field-named messages a body gets, by path. */
function errors(body: unknown): Record<string, string> {
  try {
    parse(schema, body);
    return {};
  } catch (e) {
    assert.ok(e instanceof AppError);
    return Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]));
  }
}

test('a body that meets the declared fields passes, texts trimmed, optional fields left out', () => {
  assert.deepEqual(parse(schema, { reason: ' 依法 ', on: '2025-03-01', kind: 'a' }), {
    reason: '依法',
    on: '2025-03-01',
    kind: 'a',
  });
});

test('each refused field is named by its Chinese label, with the declared limits', () => {
  const e = errors({ reason: '短', on: '2025-02-30', count: 9, public: 'yes', kind: 'c' });
  assert.match(e.reason, /^理由：/);
  assert.match(e.on, /^办理日期：/);
  assert.match(e.count, /^份数：.*5/);
  assert.match(e.public, /^是否公开：/);
  assert.match(e.kind, /^类型：请从可选项中选择/);
  assert.match(
    errors({ reason: '超过十个字的一段很长的理由', on: '2025-03-01', kind: 'a' }).reason,
    /10/,
  );
});

test('a required field left out or blank is refused; an optional one is not', () => {
  const e = errors({ reason: '   ' });
  assert.match(e.reason, /^理由：/);
  assert.match(e.on, /^办理日期：必填/);
  assert.match(e.kind, /^类型：/);
  assert.equal(e.note, undefined);
  assert.equal(e.count, undefined);
});

test('a ref select takes the id of a record the page offers; the builders type the body from the declaration', () => {
  const fields = [
    ref('meetingId', '会议'),
    choice('decision', '决定', ['adopted', '审议通过'], ['rejected', '不予通过']),
    sized(text('note', '说明'), 5),
    yes('isPublic', '是否公开'),
  ];
  const s = fieldsSchema(fields);
  const id = '0b9a3c9e-4d6f-4a51-9a0e-2f1f2b7c8d90';
  const body = parse(s, { meetingId: id, decision: 'adopted', isPublic: false });
  // Typed: the select's values and the required fields, as declared.
  const decision: 'adopted' | 'rejected' = body.decision;
  const meeting: string = body.meetingId;
  assert.deepEqual([decision, meeting, body.isPublic], ['adopted', id, false]);
  try {
    parse(s, { meetingId: '第一次会议', decision: 'later', note: '超过五个字了', isPublic: 'no' });
    assert.fail('refused');
  } catch (e) {
    assert.ok(e instanceof AppError);
    const by = Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]));
    assert.deepEqual(Object.keys(by).sort(), ['decision', 'isPublic', 'meetingId', 'note']);
    for (const [path, label] of [
      ['meetingId', '会议'],
      ['decision', '决定'],
      ['note', '说明'],
      ['isPublic', '是否公开'],
    ])
      assert.match(by[path], new RegExp(`^${label}`));
  }
});

test('fieldView: a field in the workbench form vocabulary; a ref gets the records offered', () => {
  assert.deepEqual(fieldView(yes('isPublic', '是否公开')).options, [
    { value: 'true', label: '是' },
    { value: 'false', label: '否' },
  ]);
  assert.equal(fieldView(long('reason', '理由')).type, 'textarea');
  const offered = [{ value: 'm1', label: '局长办公会（2025-03-10）' }];
  const v = fieldView(ref('meetingId', '会议'), offered);
  assert.deepEqual([v.type, v.ref, v.required, v.options], ['select', true, true, offered]);
});

test('a password is taken as typed (not trimmed), bounded, and never echoed in a refusal', () => {
  const s = fieldsSchema([
    password('current', '当前密码', 'current-password'),
    confirmation('again', '确认密码', { name: 'current', autocomplete: 'current-password' }),
  ]);
  assert.deepEqual(parse(s, { current: '  Pass word 1!  ' }), { current: '  Pass word 1!  ' });
  // The repeat is the form's check: not part of the body.
  assert.deepEqual(Object.keys(s.shape), ['current']);
  for (const body of [{}, { current: '' }, { current: `Secret-${'x'.repeat(300)}` }]) {
    try {
      parse(s, body);
      assert.fail('refused');
    } catch (e) {
      assert.ok(e instanceof AppError);
      assert.match(e.message, /^当前密码：/);
      assert.ok(!e.message.includes('Secret'), e.message);
    }
  }
  const v = fieldView(password('current', '当前密码', 'current-password'));
  assert.deepEqual([v.type, v.autocomplete, v.required], ['password', 'current-password', true]);
});

const ROWS = list(
  'holidays',
  '放假安排',
  [
    sized(text('name', '名称', true), 20),
    dateRange('range', '起止日期', 'from', '开始日期', 'to', '结束日期'),
  ],
  { minItems: 1, maxItems: 2, rowLabel: '第{n}项' },
);

test('list rows: each row is its fields (a range as its two dates), typed; a problem names its row', () => {
  const s = fieldsSchema([ROWS, tags('keywords', '关键词', 2, 5)]);
  const body = parse(s, { holidays: [{ name: ' 元旦 ', from: '2027-01-01', to: '2027-01-03' }] });
  const rows: Array<{ name: string; from: string; to: string }> = body.holidays;
  assert.deepEqual(rows, [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }]);
  assert.deepEqual(body.keywords, []);
  try {
    parse(s, {
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
        { name: '春节', from: '2027-02-30' },
      ],
      keywords: ['法治', '超过五个字的词'],
    });
    assert.fail('refused');
  } catch (e) {
    assert.ok(e instanceof AppError);
    const by = Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]));
    assert.match(by['holidays.1.from'], /^放假安排第2行：开始日期：/);
    assert.equal(by['holidays.1.to'], '放假安排第2行：结束日期：必填');
    assert.match(by['keywords.1'], /^关键词：不能超过5个字/);
  }
});

test('list rows: the declared bounds on the number of rows and tags', () => {
  const s = fieldsSchema([ROWS, tags('keywords', '关键词', 2, 5)]);
  const row = { name: '元旦', from: '2027-01-01', to: '2027-01-01' };
  const messages = (body: unknown) => {
    try {
      parse(s, body);
      return '';
    } catch (e) {
      assert.ok(e instanceof AppError);
      return e.message;
    }
  };
  assert.match(messages({ holidays: [] }), /^放假安排：至少选择或填写一项$/);
  assert.match(messages({ holidays: [row, row, row] }), /^放假安排：最多2项$/);
  assert.match(messages({ holidays: [row], keywords: ['a', 'b', 'c'] }), /^关键词：最多2项$/);
  assert.match(messages({ holidays: [row, 'x'] }), /^放假安排第2行：/);
  // Served with its rows and bounds; a range with its ends.
  const v = fieldView(ROWS);
  assert.deepEqual([v.type, v.minItems, v.maxItems, v.rowLabel], ['list', 1, 2, '第{n}项']);
  assert.deepEqual(
    v.rows?.map((r) => [r.name, r.type, r.ends?.map((e) => e.name)]),
    [
      ['name', 'text', undefined],
      ['range', 'dateRange', ['from', 'to']],
    ],
  );
});
