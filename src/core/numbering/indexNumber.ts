/**
 * 索引号 (RULES §6.1): no national format — each province's platform sets one, so the pattern is a
 * setting. Default: Anhui, `{creditCode}/{YYYYMM}-{seq:5}` with a yearly sequence per department,
 * e.g. 11341600734987449Q/202402-00001. Numbers are never reused (counter.ts + a unique index).
 *
 * Tokens:
 *   {creditCode}  the department's 18-character 统一社会信用代码
 *   {orgCode}     its 9-character 组织机构代码 (characters 9–17 of the credit code, GB 32100-2015)
 *   {YYYY}        year of the publication date
 *   {YYYYMM}      year and month of the publication date
 *   {seq:N}       the department's sequence number for that year, zero-padded to N digits (required)
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Tx } from '../db/client.ts';
import { defineSetting, getSetting } from '../settings/service.ts';
import { takeNext } from './counter.ts';

const TOKEN = /\{(creditCode|orgCode|YYYY|YYYYMM|seq:(\d))\}/g;
export const INDEX_TOKENS = ['{creditCode}', '{orgCode}', '{YYYY}', '{YYYYMM}', '{seq:N}'] as const;

/** Why a pattern is unusable, or null. */
export function checkIndexPattern(pattern: string): string | null {
  const stripped = pattern.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) return `含有不支持的占位符，可用：${INDEX_TOKENS.join('、')}`;
  const seqs = [...pattern.matchAll(/\{seq:(\d)\}/g)];
  if (seqs.length !== 1) return '必须且只能包含一个顺序号 {seq:N}（N 为 1–9 位）';
  if (Number(seqs[0][1]) < 1) return '顺序号位数至少为 1';
  if (!/\{(YYYY|YYYYMM)\}/.test(pattern)) return '必须包含年份 {YYYY} 或 {YYYYMM}（顺序号按年编排）';
  if (!/\{(creditCode|orgCode)\}/.test(pattern)) return '必须包含机构代码 {creditCode} 或 {orgCode}';
  return null;
}

export const indexNumberSettings = defineSetting({
  key: 'numbering.indexNumber',
  label: '索引号规则',
  schema: z.object({
    pattern: z
      .string()
      .min(1)
      .max(100)
      .refine((p) => checkIndexPattern(p) === null, { message: '索引号格式无效' })
      .describe('索引号格式'),
  }),
  defaults: { pattern: '{creditCode}/{YYYYMM}-{seq:5}' },
});

// GB 32100-2015: 18 characters from 0-9 and A–Z without I, O, S, V, Z.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export interface IndexParts { creditCode: string; on: string; seq: number }

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
        if (s.length > Number(digits)) throw new AppError('CONFLICT', `本年度索引号顺序号已超过 ${digits} 位，请调整索引号格式`);
        return s.padStart(Number(digits), '0');
      }
    }
  });
}

/** Takes the department's next 索引号 for the publication date `on`, in the caller's transaction. */
export async function nextIndexNumber(tx: Tx, opts: { department: { id: string; name: string; creditCode: string | null }; on: string; nowMs: number }): Promise<string> {
  const { pattern } = await getSetting(tx, indexNumberSettings, opts.nowMs);
  const creditCode = opts.department.creditCode?.trim().toUpperCase() ?? '';
  if (!CREDIT_CODE.test(creditCode)) {
    throw new AppError('VALIDATION', `${opts.department.name}未设置有效的统一社会信用代码（18位），无法生成索引号，请联系系统管理员完善机构信息`);
  }
  const year = Number(opts.on.slice(0, 4));
  const seq = await takeNext(tx, { kind: 'indexNumber', departmentId: opts.department.id, year });
  return formatIndexNumber(pattern, { creditCode, on: opts.on, seq });
}
