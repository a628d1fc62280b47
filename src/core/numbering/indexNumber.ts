/**
 * 索引号 (RULES §6.1): no national format — each province's platform sets one, so the pattern is a
 * setting. Default: Anhui, `{creditCode}/{YYYYMM}-{seq:5}` with a yearly sequence per department,
 * e.g. 11341600734987449Q/202402-00001. Numbers are never reused (counter.ts + a unique index).
 *
 * Tokens:
 *   {creditCode}  the department's 18-character 统一社会信用代码
 *   {orgCode}     its 9-character 组织机构代码 (characters 9–17 of the credit code, GB 32100-2015)
 *   {YYYY}        year of the publication date (or of the 生成日期, per the setting's dateFrom)
 *   {YYYYMM}      year and month of that date
 *   {seq:N}       the department's sequence number for that year, zero-padded to N digits (required)
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Tx } from '../db/client.ts';
import { changeSetting, formSetting, getSetting } from '../settings/service.ts';
import { choice, sized, text } from '../procedure/fields.ts';
import type { Ctx } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { takeNext } from './counter.ts';

const TOKEN = /\{(creditCode|orgCode|YYYY|YYYYMM|seq:(\d))\}/g;
export const INDEX_TOKENS = ['{creditCode}', '{orgCode}', '{YYYY}', '{YYYYMM}', '{seq:N}'] as const;

/** Fewer digits than this would run out within a year (seed 001's department publishes 2,477 items a year). */
export const MIN_SEQ_DIGITS = 3;

/**
 * Why a pattern cannot give every publication its own number, or null. Every token has a fixed
 * width, so a pattern with one organisation code, one year and one sequence formats each (organisation,
 * year, sequence) differently; the sequence itself never repeats (counter.ts).
 */
export function checkIndexPattern(pattern: string): string | null {
  const stripped = pattern.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) return `含有不支持的占位符，可用：${INDEX_TOKENS.join('、')}`;
  // The 索引号 is part of the portal address (/xxgk/p/…): letters, digits and plain separators only.
  if (!/^[A-Za-z0-9/\-_.]*$/.test(stripped)) return '除占位符外只能包含字母、数字和分隔符 / - _ .';
  const seqs = [...pattern.matchAll(/\{seq:(\d)\}/g)];
  if (seqs.length !== 1) return '必须且只能包含一个顺序号 {seq:N}（N 为 1–9 位）';
  if (Number(seqs[0][1]) < MIN_SEQ_DIGITS)
    return `顺序号至少${MIN_SEQ_DIGITS}位，否则一年内很快用尽`;
  if ((pattern.match(/\{(YYYY|YYYYMM)\}/g) ?? []).length !== 1)
    return '必须且只能包含一个年份 {YYYY} 或 {YYYYMM}（顺序号按年编排，缺少年份会在次年重号）';
  if ((pattern.match(/\{(creditCode|orgCode)\}/g) ?? []).length !== 1)
    return '必须且只能包含一个机构代码 {creditCode} 或 {orgCode}（缺少机构代码会与其他部门重号）';
  return null;
}

export const INDEX_DATE_SOURCES = { published: '发布日期', formed: '生成日期' } as const;
export type IndexDateSource = keyof typeof INDEX_DATE_SOURCES;

const DEFAULT_PATTERN = '{creditCode}/{YYYYMM}-{seq:5}';

/** The 索引号规则 form: the pattern (checked by checkIndexPattern), and which date gives its year and month. */
export const indexNumberSettings = formSetting({
  key: 'numbering.indexNumber',
  label: '索引号规则',
  form: [
    {
      ...sized(text('pattern', '索引号格式', true), 100),
      help: `默认（安徽）：${DEFAULT_PATTERN}`,
    },
    // RULES §6.1: YYYYMM is taken from the publication date, or from the 生成日期 where the local rule says so.
    choice(
      'dateFrom',
      '索引号中的年份、月份取自',
      ...(Object.entries(INDEX_DATE_SOURCES) as Array<[IndexDateSource, string]>),
    ),
  ],
  defaults: { pattern: DEFAULT_PATTERN, dateFrom: 'published' },
  check: ({ pattern }) => {
    const problem = checkIndexPattern(pattern);
    return problem ? { field: 'pattern', message: problem } : null;
  },
});
export type IndexNumberSettings = z.infer<typeof indexNumberSettings.schema>;

// GB 32100-2015: 18 characters from 0-9 and A–Z without I, O, S, V, Z.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export interface IndexParts {
  creditCode: string;
  on: string;
  seq: number;
}

/** Formats one 索引号 from a pattern (pure). */
export function formatIndexNumber(pattern: string, parts: IndexParts): string {
  const [yyyy, mm] = parts.on.split('-');
  return pattern.replace(TOKEN, (_m, name: string, digits?: string) => {
    switch (name) {
      case 'creditCode':
        return parts.creditCode;
      case 'orgCode':
        return parts.creditCode.slice(8, 17);
      case 'YYYY':
        return yyyy;
      case 'YYYYMM':
        return yyyy + mm;
      default: {
        const s = String(parts.seq);
        if (s.length > Number(digits))
          throw new AppError('CONFLICT', `本年度索引号顺序号已超过 ${digits} 位，请调整索引号格式`);
        return s.padStart(Number(digits), '0');
      }
    }
  });
}

export interface NextIndexOptions {
  department: { id: string; name: string; creditCode: string | null };
  /** The publication date (发布日期). */
  on: string;
  /** The 生成日期, used instead of `on` when the setting says so. */
  formedOn?: string;
  nowMs: number;
  /** Whether a number is already in use (e.g. issued under an earlier pattern): it is skipped, never reused. */
  isTaken?: (indexNumber: string) => Promise<boolean>;
}

const MAX_SKIPS = 1000;

/** Takes the department's next 索引号, in the caller's transaction. */
export async function nextIndexNumber(tx: Tx, opts: NextIndexOptions): Promise<string> {
  const { pattern, dateFrom } = await getSetting(tx, indexNumberSettings, opts.nowMs);
  const creditCode = opts.department.creditCode?.trim().toUpperCase() ?? '';
  if (!CREDIT_CODE.test(creditCode)) {
    throw new AppError(
      'VALIDATION',
      `${opts.department.name}未设置有效的统一社会信用代码（18位），无法生成索引号，请联系系统管理员完善机构信息`,
    );
  }
  const on = dateFrom === 'formed' && opts.formedOn ? opts.formedOn : opts.on;
  const year = Number(on.slice(0, 4));
  for (let i = 0; i < MAX_SKIPS; i++) {
    const seq = await takeNext(tx, { kind: 'indexNumber', departmentId: opts.department.id, year });
    const n = formatIndexNumber(pattern, { creditCode, on, seq });
    if (!opts.isTaken || !(await opts.isTaken(n))) return n;
  }
  throw new AppError(
    'CONFLICT',
    '按当前索引号格式生成的编号均已被使用，请系统管理员调整索引号格式',
  );
}

/** An example of what the pattern gives (the first number of the year), or the reason it is refused. */
export function previewIndexNumber(
  pattern: string,
  creditCode: string | null,
  on: string,
): { example: string | null; problem: string | null } {
  const problem = checkIndexPattern(pattern);
  if (problem) return { example: null, problem };
  const code = creditCode && CREDIT_CODE.test(creditCode) ? creditCode : '11341600734987449Q';
  return { example: formatIndexNumber(pattern, { creditCode: code, on, seq: 1 }), problem: null };
}

/** Changes the 索引号 rule (系统管理员): validated, saved and audited in one transaction. */
export async function updateIndexNumberSettings(
  ctx: Ctx,
  actor: Actor,
  value: IndexNumberSettings,
): Promise<IndexNumberSettings> {
  authorize(actor, 'businessSettings', 'manage');
  const problem = checkIndexPattern(value.pattern);
  if (problem)
    throw new AppError('VALIDATION', `索引号格式：${problem}`, {
      fields: [{ path: 'pattern', message: `索引号格式：${problem}` }],
    });
  return changeSetting(ctx, actor, indexNumberSettings, 'settings.indexNumber', value);
}
