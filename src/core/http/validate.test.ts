// zod → Chinese: every issue kind zod raises gets a Chinese detail after the field's Chinese label;
// a message set by the schema itself wins; labels are found through optional, default, pipe,
// union, record and array wrappers; a field without a label is named by what is validated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isoDate, labelAt, parse } from './validate.ts';

/** The field messages parse() gives for `input`. */
function messages(schema: z.ZodType, input: unknown, what?: string): string[] {
  try {
    parse(schema, input, what);
  } catch (e) {
    assert.ok(e instanceof AppError && e.code === 'VALIDATION', String(e));
    assert.equal(e.message, e.fields!.map((f) => f.message).join('；'));
    return e.fields!.map((f) => f.message);
  }
  assert.fail(`accepted ${JSON.stringify(input)}`);
}

const field = (schema: z.ZodType, value: unknown) =>
  messages(z.object({ f: schema }), { f: value });

const cases: Array<[name: string, schema: z.ZodType, value: unknown, expected: string]> = [
  // strings
  ['string required', z.string().describe('标题'), undefined, '标题：必填'],
  ['string null', z.string().describe('标题'), null, '标题：必填'],
  ['string type', z.string().describe('标题'), 12, '标题：应为文字'],
  ['string min 1', z.string().trim().min(1).describe('标题'), '  ', '标题：不能为空'],
  ['string min', z.string().min(2).describe('标题'), 'x', '标题：至少2个字'],
  ['string max', z.string().max(5).describe('标题'), '一二三四五六', '标题：不能超过5个字'],
  ['string length', z.string().length(4).describe('年份'), '25', '年份：应为4个字'],
  // numbers
  ['number type', z.number().describe('金额'), '100', '金额：应为数字'],
  ['number NaN (coerced)', z.coerce.number().describe('金额'), 'abc', '金额：应为数字'],
  ['integer', z.number().int().describe('页数'), 1.5, '页数：应为整数'],
  ['number min', z.number().min(0).describe('金额'), -1, '金额：不能小于0'],
  ['number max', z.number().max(100).describe('金额'), 101, '金额：不能大于100'],
  ['number gt', z.number().gt(0).describe('金额'), 0, '金额：应大于0'],
  ['number lt', z.number().lt(10).describe('金额'), 10, '金额：应小于10'],
  ['multiple of', z.number().multipleOf(5).describe('份数'), 7, '份数：应为5的整数倍'],
  // arrays
  ['array type', z.array(z.string()).describe('附件'), 'a', '附件：应为列表'],
  ['array min 1', z.array(z.string()).min(1).describe('附件'), [], '附件：至少选择或填写一项'],
  ['array min', z.array(z.string()).min(2).describe('附件'), ['a'], '附件：至少2项'],
  ['array max', z.array(z.string()).max(2).describe('附件'), ['a', 'b', 'c'], '附件：最多2项'],
  // dates
  ['date type', z.date().describe('日期'), 'x', '日期：应为日期'],
  [
    'date min',
    z.date().min(new Date('2025-01-01T00:00:00Z')).describe('日期'),
    new Date('2024-12-31T00:00:00Z'),
    '日期：不能早于2025年1月1日',
  ],
  [
    'date max',
    z.date().max(new Date('2025-01-01T00:00:00Z')).describe('日期'),
    new Date('2025-01-02T00:00:00Z'),
    '日期：不能晚于2025年1月1日',
  ],
  [
    'iso date format',
    z.iso.date().describe('日期'),
    '2025-02-30',
    '日期：应为有效日期，如2025-03-01',
  ],
  [
    'isoDate helper pattern',
    isoDate('办理日期'),
    '2025/03/01',
    '办理日期：应为“年-月-日”格式的日期，如2025-03-01',
  ],
  ['isoDate helper date', isoDate('办理日期'), '2025-02-30', '办理日期：不是有效日期'],
  ['datetime', z.iso.datetime().describe('时间'), 'x', '时间：应为有效的日期和时间'],
  // other types and formats
  ['boolean', z.boolean().describe('是否公开'), 'yes', '是否公开：应为“是”或“否”'],
  ['object', z.object({ a: z.string() }).describe('申请人'), 'x', '申请人：内容格式不正确'],
  ['email', z.email().describe('电子邮箱'), 'a@', '电子邮箱：应为有效的电子邮箱地址'],
  ['uuid', z.uuid().describe('会议'), 'x', '会议：不是有效的编号'],
  ['url', z.url().describe('网址'), 'x', '网址：应为有效的网址'],
  ['regex', z.string().regex(/^\d+$/).describe('邮政编码'), 'ab', '邮政编码：格式不正确'],
  [
    'regex with its own message',
    z.string().regex(/^\d+$/, '应为数字').describe('邮政编码'),
    'ab',
    '邮政编码：应为数字',
  ],
  ['enum', z.enum(['a', 'b']).describe('类别'), 'c', '类别：请从可选项中选择'],
  ['literal', z.literal('a').describe('类别'), 'c', '类别：取值不正确'],
  ['consent', z.literal(true).describe('已阅读须知'), false, '已阅读须知：须勾选确认'],
  [
    'custom without message',
    z
      .string()
      .refine(() => false)
      .describe('文号'),
    'x',
    '文号：不符合要求',
  ],
  [
    'custom with message',
    z
      .string()
      .refine(() => false, '年份应使用六角括号')
      .describe('文号'),
    'x',
    '文号：年份应使用六角括号',
  ],
  [
    'union of formats',
    z.union([z.literal(''), z.email()]).describe('电子邮箱'),
    'x',
    '电子邮箱：应为有效的电子邮箱地址',
  ],
  ['union of types', z.union([z.string(), z.number()]).describe('数值'), true, '数值：格式不正确'],
  [
    'discriminated union',
    z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('a') }),
        z.object({ kind: z.literal('b') }),
      ])
      .describe('申请人'),
    { kind: 'c' },
    '申请人：请从可选项中选择',
  ],
  [
    'record key',
    z.record(z.string().regex(/^a/), z.number()).describe('数据'),
    { b: 1 },
    '数据：含有名称无效的项目',
  ],
  ['record value', z.record(z.string(), z.number()).describe('数据'), { a: 'x' }, '数据：应为数字'],
];

for (const [name, schema, value, expected] of cases) {
  test(`message: ${name}`, () => {
    assert.deepEqual(field(schema, value), [expected]);
  });
}

test('unrecognized keys of a strict object, at the root and in a field', () => {
  assert.deepEqual(
    messages(z.strictObject({ a: z.string().describe('名称') }), { a: 'x', b: 1, c: 2 }, '申请'),
    ['申请：含有不能识别的内容（2项）'],
  );
  assert.deepEqual(field(z.strictObject({ a: z.string() }).describe('申请人'), { a: 'x', b: 1 }), [
    '申请人：含有不能识别的内容（1项）',
  ]);
});

test('labels through optional, nullish, default, pipes, arrays, records, unions and nested objects', () => {
  const text = (label: string) => z.string().trim().min(2).max(10).describe(label);
  const s = z.object({
    a: text('名称').optional(),
    b: text('说明').nullish(),
    c: z
      .enum(['x'])
      .transform((v) => v.toUpperCase())
      .optional()
      .describe('类别'),
    d: z.array(z.uuid().describe('附件')).max(2).default([]).describe('附件'),
    e: z
      .object({ name: text('姓名'), phone: z.string().regex(/^\d+$/).describe('电话') })
      .describe('联系人'),
    f: z.record(z.string(), z.object({ reason: text('理由') })).describe('处理意见'),
    g: z.union([
      z.object({ kind: z.literal('a'), x: text('甲项') }),
      z.object({ kind: z.literal('b'), y: text('乙项') }),
    ]),
    h: z.object({ inner: z.string() }).describe('外层'),
  });
  assert.equal(labelAt(s, ['a']), '名称');
  assert.equal(labelAt(s, ['b']), '说明');
  assert.equal(labelAt(s, ['c']), '类别');
  assert.equal(labelAt(s, ['d', 1]), '附件');
  assert.equal(labelAt(s, ['e', 'phone']), '电话');
  assert.equal(labelAt(s, ['f', 'k1', 'reason']), '理由');
  assert.equal(labelAt(s, ['g', 'y']), '乙项');
  assert.equal(labelAt(s, ['h', 'inner']), '外层', 'an unlabelled field inside a labelled one');
  assert.equal(labelAt(s, ['nothing']), undefined);
  assert.deepEqual(
    messages(s, {
      a: 'x',
      b: 'y'.repeat(11),
      c: 'z',
      d: ['x'],
      e: { name: 'x', phone: 'a' },
      f: { k1: {} },
      g: { kind: 'b', y: 1 },
      h: { inner: 1 },
    }),
    [
      '名称：至少2个字',
      '说明：不能超过10个字',
      '类别：请从可选项中选择',
      '附件：不是有效的编号',
      '姓名：至少2个字',
      '电话：格式不正确',
      '理由：必填',
      '乙项：应为文字',
      '外层：应为文字',
    ],
  );
});

test('a field without a label is named by what is being validated, never by its code name', () => {
  assert.deepEqual(messages(z.object({ pageSize: z.number() }), { pageSize: 'x' }, '查询条件'), [
    '查询条件：应为数字',
  ]);
  assert.deepEqual(messages(z.object({ pageSize: z.number() }), 'x'), ['请求：内容格式不正确']);
});

test('a field shared by the acts of one route is named by the act that was posted', () => {
  const act = (action: string, reasonLabel: string) =>
    z.object({
      action: z.literal(action),
      reason: z.string().trim().min(1).describe(reasonLabel),
    });
  const s = z.union([act('return', '退单理由'), act('redo', '重新办理原因')]);
  assert.equal(labelAt(s, ['reason'], { action: 'redo' }), '重新办理原因');
  assert.equal(labelAt(s, ['reason'], { action: 'return' }), '退单理由');
  assert.throws(
    () => parse(s, { action: 'redo', reason: '' }),
    (e: AppError) => /^重新办理原因：/.test(e.message),
  );
  // An act no option names: the first label still names the field (never its code name).
  assert.equal(labelAt(s, ['reason'], { action: 'other' }), '退单理由');
});
