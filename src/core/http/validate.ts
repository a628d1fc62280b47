import { z } from 'zod';
import { AppError, type FieldError } from '../errors.ts';

// zod's own Chinese messages for anything parsed outside parse() (DESIGN.md pitfalls).
z.config(z.locales.zhCN());

type Node = z.core.$ZodType;
// The parts of a schema's definition the label lookup walks (zod's public `def`, loosely typed).
interface Def {
  type: string;
  innerType?: Node;
  in?: Node;
  out?: Node;
  getter?: () => Node;
  shape?: Record<string, Node>;
  catchall?: Node;
  element?: Node;
  items?: Node[];
  rest?: Node;
  valueType?: Node;
  options?: Node[];
  left?: Node;
  right?: Node;
  values?: unknown[];
}
const defOf = (n: Node) => n._zod.def as unknown as Def;
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'catch',
  'readonly',
  'promise',
]);

/** The node and what it wraps (optional, default, pipe, lazy …), outermost first. */
function layers(node: Node): Node[] {
  const out: Node[] = [];
  const queue = [node];
  while (queue.length && out.length < 32) {
    const n = queue.shift()!;
    out.push(n);
    const d = defOf(n);
    if (WRAPPERS.has(d.type) && d.innerType) queue.push(d.innerType);
    else if (d.type === 'pipe') queue.push(...[d.in, d.out].filter((x): x is Node => !!x));
    else if (d.type === 'lazy' && d.getter) queue.push(d.getter());
  }
  return out;
}

/** The Chinese label given with `.describe('用户名')` on the field or on anything it wraps. */
const labelOf = (node: Node) =>
  layers(node)
    .map((n) => z.globalRegistry.get(n)?.description)
    .find(Boolean);

/**
 * The options of a union that the value can be: those whose fixed (literal) fields all hold the
 * value's own (e.g. the `action` of one act among several on one route), else all of them.
 */
function unionOptions(options: Node[], value: unknown): Node[] {
  if (!value || typeof value !== 'object') return options;
  const fits = options.filter((o) =>
    layers(o).some((n) => {
      const d = defOf(n);
      if (d.type !== 'object' || !d.shape) return false;
      return Object.entries(d.shape).every(([k, f]) => {
        const lit = layers(f)
          .map(defOf)
          .find((x) => x.type === 'literal');
        return !lit || (lit.values ?? []).includes((value as Record<string, unknown>)[k]);
      });
    }),
  );
  return fits.length ? fits : options;
}

/** The schemas that may validate `key` inside `node` (several for unions and intersections). */
function children(node: Node, key: PropertyKey, value?: unknown): Node[] {
  const out: Node[] = [];
  for (const n of layers(node)) {
    const d = defOf(n);
    if (d.type === 'object')
      out.push(
        ...[d.shape?.[String(key)] ?? d.catchall].filter(
          (x): x is Node => !!x && defOf(x).type !== 'never',
        ),
      );
    else if (d.type === 'array' && d.element) out.push(d.element);
    else if (d.type === 'tuple')
      out.push(...[d.items?.[Number(key)] ?? d.rest].filter((x): x is Node => !!x));
    else if ((d.type === 'record' || d.type === 'map' || d.type === 'set') && d.valueType)
      out.push(d.valueType);
    else if (d.type === 'union')
      out.push(...unionOptions(d.options ?? [], value).flatMap((o) => children(o, key, value)));
    else if (d.type === 'intersection')
      out.push(
        ...[d.left, d.right].filter((x): x is Node => !!x).flatMap((o) => children(o, key, value)),
      );
  }
  return out;
}

const count = (n: unknown) => String(n);
const cnDate = (ms: unknown) => {
  const d = new Date(
    typeof ms === 'number' || typeof ms === 'string' || ms instanceof Date ? ms : NaN,
  );
  return Number.isNaN(d.getTime())
    ? '规定日期'
    : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

const TYPES: Record<string, string> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  bigint: '应为整数',
  boolean: '应为“是”或“否”',
  date: '应为日期',
  array: '应为列表',
  tuple: '应为列表',
  set: '应为列表',
  object: '内容格式不正确',
  record: '内容格式不正确',
  map: '内容格式不正确',
};

const FORMATS: Record<string, string> = {
  email: '应为有效的电子邮箱地址',
  url: '应为有效的网址',
  date: '应为有效日期，如2025-03-01',
  datetime: '应为有效的日期和时间',
  time: '应为有效的时间',
  duration: '应为有效的时长',
  e164: '应为有效的电话号码',
  ipv4: '应为有效的网络地址',
  ipv6: '应为有效的网络地址',
  cidrv4: '应为有效的网段',
  cidrv6: '应为有效的网段',
};
const ID_FORMATS = new Set([
  'uuid',
  'uuidv4',
  'uuidv6',
  'uuidv7',
  'guid',
  'cuid',
  'cuid2',
  'nanoid',
  'ulid',
  'xid',
  'ksuid',
]);

type RawIssue = z.core.$ZodRawIssue & Record<string, unknown>;

/** A bound: 「至少2个字」「不能大于100」「最多20项」「不能早于2025年1月1日」. */
function bound(iss: RawIssue, small: boolean): string {
  const n = small ? iss.minimum : iss.maximum;
  const inclusive = iss.inclusive !== false;
  switch (iss.origin) {
    case 'string':
      if (iss.exact) return `应为${count(n)}个字`;
      if (small && Number(n) === 1) return '不能为空';
      return small
        ? inclusive
          ? `至少${count(n)}个字`
          : `应多于${count(n)}个字`
        : inclusive
          ? `不能超过${count(n)}个字`
          : `应少于${count(n)}个字`;
    case 'array':
    case 'set':
    case 'map':
      if (iss.exact) return `应为${count(n)}项`;
      if (small && Number(n) === 1) return '至少选择或填写一项';
      return small
        ? inclusive
          ? `至少${count(n)}项`
          : `应多于${count(n)}项`
        : inclusive
          ? `最多${count(n)}项`
          : `应少于${count(n)}项`;
    case 'date':
      return small
        ? inclusive
          ? `不能早于${cnDate(n)}`
          : `应晚于${cnDate(n)}`
        : inclusive
          ? `不能晚于${cnDate(n)}`
          : `应早于${cnDate(n)}`;
    case 'file':
      return small ? `文件不能小于${count(n)}字节` : `文件不能大于${count(n)}字节`;
    default:
      // number, int, bigint
      return small
        ? inclusive
          ? `不能小于${count(n)}`
          : `应大于${count(n)}`
        : inclusive
          ? `不能大于${count(n)}`
          : `应小于${count(n)}`;
  }
}

interface SubIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: SubIssue[][];
}

/**
 * The branch of a failed union that came closest: fewest problems, and a branch whose literal
 * (discriminator) or type did not match counts as far away.
 */
function nearestBranch(branches: SubIssue[][]): SubIssue[] | undefined {
  const far = (b: SubIssue[]) =>
    b.some((x) => x.code === 'invalid_value' || (x.code === 'invalid_type' && x.path.length === 0));
  return [...branches]
    .filter((b) => b.length > 0)
    .sort((a, b) => Number(far(a)) * 100 + a.length - (Number(far(b)) * 100 + b.length))[0];
}

function unionMessage(iss: RawIssue): string {
  const branches = (iss.errors as SubIssue[][] | undefined) ?? [];
  if (!branches.length) return '请从可选项中选择';
  const near = nearestBranch(branches);
  return near && !near.some((x) => x.code === 'invalid_type' && x.path.length === 0)
    ? near[0].message
    : '格式不正确';
}

/** A failed union is reported as the problems of its nearest branch, each at its own field. */
function expand(issue: SubIssue): SubIssue[] {
  const near =
    issue.code === 'invalid_union' && issue.errors?.length
      ? nearestBranch(issue.errors)
      : undefined;
  if (!near || near.some((x) => x.code === 'invalid_type' && x.path.length === 0)) return [issue];
  return near.flatMap((x) => expand({ ...x, path: [...issue.path, ...x.path] }));
}

/**
 * The Chinese detail of one issue, for zod's error map: what is wrong, in words (the label is put
 * in front by parse()). Every issue kind zod raises has one; no type names, symbols or English.
 */
export function issueMessage(raw: z.core.$ZodRawIssue): string {
  const iss = raw as RawIssue;
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '必填';
      if (iss.received === 'NaN' || (typeof iss.input === 'number' && Number.isNaN(iss.input)))
        return iss.expected === 'int' ? '应为整数' : '应为数字';
      return TYPES[String(iss.expected)] ?? '格式不正确';
    case 'too_small':
      return bound(iss, true);
    case 'too_big':
      return bound(iss, false);
    case 'invalid_format':
      if (ID_FORMATS.has(String(iss.format))) return '不是有效的编号';
      return FORMATS[String(iss.format)] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为${count(iss.divisor)}的整数倍`;
    case 'invalid_value':
      if (iss.input === undefined) return '必填';
      if (Array.isArray(iss.values) && iss.values.length === 1 && iss.values[0] === true)
        return '须勾选确认';
      // an enum offers choices; a literal (a fixed value) does not
      return (iss.inst as Node | undefined)?._zod.def.type === 'literal'
        ? '取值不正确'
        : '请从可选项中选择';
    case 'unrecognized_keys':
      return `含有不能识别的内容（${count(Array.isArray(iss.keys) ? iss.keys.length : 1)}项）`;
    case 'invalid_key':
      return '含有名称无效的项目';
    case 'invalid_element':
      return '含有无效的项目';
    case 'invalid_union':
      return unionMessage(iss);
    default:
      // custom refinements without a message of their own
      return '不符合要求';
  }
}

// The lists whose items are a form's rows (FieldSpec 'list'): a problem in a row is named by the row.
const ROW_LISTS = new WeakSet<Node>();
/** Marks a list as a form's repeating rows: a field in its third row is named 「放假安排第3行：名称」. */
export function rowList<S extends z.ZodType>(schema: S): S {
  ROW_LISTS.add(schema);
  return schema;
}
const isRowList = (n: Node) => layers(n).some((l) => ROW_LISTS.has(l));

/**
 * The label of the field at `path`: the innermost labelled schema on the way down, after the rows
 * it is in (「放假安排第2行：」). With the `input`, a union is narrowed to the options the value can
 * be (the field of the act that was posted).
 */
export function labelAt(schema: Node, path: PropertyKey[], input?: unknown): string | undefined {
  let nodes = [schema];
  let label: string | undefined;
  let rows = '';
  let value = input;
  for (const key of path) {
    if (label && /^\d+$/.test(String(key)) && nodes.some(isRowList)) {
      rows += `${label}第${Number(key) + 1}行：`;
      label = undefined;
    }
    nodes = nodes.flatMap((n) => children(n, key, value));
    value =
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (!nodes.length) break;
    label = nodes.map(labelOf).find(Boolean) ?? label;
  }
  if (!rows) return label;
  return label ? rows + label : rows.slice(0, -1);
}

/**
 * Validates input at a boundary; every problem at once, each naming its field in Chinese
 * (「标题：至少2个字」, 「金额：不能大于100」). Messages a schema sets itself win over the generic ones.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what = '请求'): z.output<S> {
  const result = schema.safeParse(input ?? {}, { error: issueMessage });
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues
    .flatMap((i) => expand(i as SubIssue))
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      // A field without a label is named by what is being validated, never by its code name.
      const label = labelAt(schema, issue.path, input) ?? what;
      return { path, message: `${label}：${issue.message}` };
    });
  throw new AppError('VALIDATION', fields.map((f) => f.message).join('；'), { fields });
}

/** 'YYYY-MM-DD' that is a real calendar date. */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      message: '应为“年-月-日”格式的日期，如2025-03-01',
      abort: true,
    })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, '不是有效日期')
    .describe(label);
