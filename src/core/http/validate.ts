import { z } from 'zod';
import { AppError, type FieldError } from '../errors.ts';

// zod's own Chinese messages (DESIGN.md pitfalls): "无效输入" etc.
z.config(z.locales.zhCN());

/** Finds the Chinese label (`.describe('用户名')`) of the field at `path`, unwrapping optionals and arrays. */
function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  let label: string | undefined;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(key)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return label;
    if (node?.description) label = node.description;
  }
  return label;
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  while (node && (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault)) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}

/** Validates input at a boundary; errors name the field in Chinese and list every problem at once. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what = '请求'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labelAt(schema, issue.path) ?? (path || what);
    const missing = issue.code === 'invalid_type' && /undefined/.test(issue.message);
    return { path, message: `${label}：${missing ? '必填' : issue.message}` };
  });
  throw new AppError('VALIDATION', fields.map((f) => f.message).join('；'), { fields });
}

/** 'YYYY-MM-DD' that is a real calendar date. */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '格式应为 YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, '不是有效日期')
    .describe(label);
