/**
 * The forms of a module that post to routes of their own (not engine acts, whose fields come with the
 * case), declared once as FieldSpec lists in its manifest (`forms`): the routes derive their bodies
 * from them (procedure/fieldSchema.ts), and the server answers `GET /api/<module>/forms` with them in
 * the workbench's vocabulary, so a screen keeps no copy of a label, a limit or an option.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { FieldSpec } from '../procedure/types.ts';
import { guard, type ZodProvider } from './schema.ts';

export interface FormLists {
  /** What the forms are, for the API reference (e.g. 「工单办理各环节的表单」). */
  summary: string;
  /** Who may read them: the module's rule for listing its records (throws like a route guard). */
  guard: (actor: Actor) => unknown;
  /** Readable without a session (the sign-in form): no session is required and `guard` is not run. */
  public?: boolean;
  /** Each form: its fields, in the order the form shows them. */
  forms: Record<string, readonly FieldSpec[]>;
}

// The engine's field types in the vocabulary of the workbench's form (web/lib/ActForm.tsx).
const webType = (t: FieldSpec['type']) => (t === 'longText' ? ('textarea' as const) : t);

// What only some fields declare, sent only when declared (a row's fields and a range's ends as fields).
const extras = (f: FieldSpec) => ({
  ...(f.placeholder ? { placeholder: f.placeholder } : {}),
  ...(f.autocomplete ? { autocomplete: f.autocomplete } : {}),
  ...(f.confirms ? { confirms: f.confirms } : {}),
  ...(f.ends ? { ends: f.ends.map((e) => fieldView(e)) } : {}),
  ...(f.rows ? { rows: f.rows.map((r) => fieldView(r)) } : {}),
  ...(f.minItems !== undefined ? { minItems: f.minItems } : {}),
  ...(f.maxItems !== undefined ? { maxItems: f.maxItems } : {}),
  ...(f.rowLabel ? { rowLabel: f.rowLabel } : {}),
  ...(f.removeLabel ? { removeLabel: f.removeLabel } : {}),
  ...(f.integer ? { integer: true } : {}),
  ...(f.unit ? { unit: f.unit } : {}),
  ...(f.scale ? { scale: f.scale } : {}),
  ...(f.pattern ? { pattern: f.pattern } : {}),
});

/**
 * A field as the workbench's forms draw it. A `ref` select's options are the records the page offers
 * at the time, an `offered` select's those of the moment (e.g. the settings): given here by a view that
 * knows them, or filled in by the page.
 */
export function fieldView(
  f: FieldSpec,
  options?: Array<{ value: string; label: string }>,
): FieldReply {
  return {
    name: f.name,
    label: f.label,
    type: webType(f.type),
    required: !!f.required,
    options:
      f.type === 'boolean'
        ? [
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]
        : (options ?? f.options),
    ref: f.ref || undefined,
    min: f.min,
    max: f.max,
    minLength: f.minLength,
    maxLength: f.maxLength,
    help: f.help,
    ...extras(f),
  };
}

const choice = z.object({ value: z.string().describe('代码'), label: z.string().describe('名称') });
const plainReply = z.object({
  name: z.string().describe('字段'),
  label: z.string().describe('名称'),
  type: z
    .enum([
      'text',
      'textarea',
      'date',
      'number',
      'boolean',
      'select',
      'password',
      'tags',
      'dateRange',
      'list',
    ])
    .describe('类型'),
  required: z.boolean().describe('是否必填'),
  options: z.array(choice).optional().describe('选项'),
  ref: z.boolean().optional().describe('是否选择记录'),
  min: z.number().optional().describe('最小值'),
  max: z.number().optional().describe('最大值'),
  minLength: z.number().optional().describe('最少字数'),
  maxLength: z.number().optional().describe('最多字数'),
  help: z.string().optional().describe('说明'),
  placeholder: z.string().optional().describe('示例'),
  autocomplete: z.enum(['current-password', 'new-password']).optional().describe('浏览器填写'),
  confirms: z.string().optional().describe('再次输入的字段'),
  minItems: z.number().optional().describe('最少项数'),
  maxItems: z.number().optional().describe('最多项数'),
  rowLabel: z.string().optional().describe('行的名称（{n}为序号）'),
  removeLabel: z.string().optional().describe('删除一行的按钮名称'),
  integer: z.boolean().optional().describe('是否整数'),
  unit: z.string().optional().describe('单位'),
  scale: z
    .object({
      factor: z.number().describe('换算倍数'),
      unit: z.string().describe('请求中的单位'),
      decimals: z.number().describe('小数位数'),
    })
    .optional()
    .describe('表单单位与请求单位的换算（如MB与字节）'),
  pattern: z
    .object({
      source: z.string().describe('正则表达式'),
      message: z.string().describe('不符合时的提示'),
    })
    .optional()
    .describe('文字应符合的格式'),
});
const rangeReply = plainReply.extend({
  ends: z.array(plainReply).optional().describe('起止日期的两个字段'),
});
/** A served field: a list's rows and a range's ends are fields themselves (no lists within rows). */
export const fieldReply = rangeReply.extend({
  rows: z.array(rangeReply).optional().describe('每行的字段'),
});
export type FieldReply = z.infer<typeof fieldReply>;

/** `GET /api/<module>/forms`: the module's forms, with their reply schema for the OpenAPI document. */
export function formsRoute(app: FastifyInstance, module: string, forms: FormLists): void {
  const keys = Object.keys(forms.forms);
  const reply = z.object(Object.fromEntries(keys.map((k) => [k, z.array(fieldReply)])));
  const body = Object.fromEntries(keys.map((k) => [k, forms.forms[k].map((f) => fieldView(f))]));
  app.withTypeProvider<ZodProvider>().get(
    `/api/${module}/forms`,
    {
      schema: { summary: forms.summary, response: { 200: reply } },
      ...(forms.public ? { config: { public: true } } : { preValidation: guard(forms.guard) }),
    },
    async () => body,
  );
}
