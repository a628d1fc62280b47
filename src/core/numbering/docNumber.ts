/**
 * 文号 / 发文字号 (GB/T 9704-2012 §7.2.5, RULES §6.2): 机关代字 + 〔全称年份〕 + 序号 + 号, e.g.
 * 科规〔2025〕3号 — six-sided brackets 〔〕 (U+3014/U+3015), a 4-digit year, no 第, no leading zero.
 */
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { takeNext } from './counter.ts';

const DOC_NUMBER = /^(?<prefix>[\u4e00-\u9fa5A-Za-z]+)〔(?<year>\d{4})〕(?<seq>[1-9]\d*)号$/u;

export interface DocNumberParts {
  prefix: string;
  year: number;
  seq: number;
}

/** The Chinese reason why `value` is not a well-formed 文号, or null when it is. */
export function checkDocNumber(value: string): string | null {
  const v = value.trim();
  if (DOC_NUMBER.test(v)) return null;
  if (!v) return '不能为空';
  if (/[[\]【】()（）]/.test(v) && !/〔/.test(v))
    return '年份应使用六角括号“〔〕”括入，例如 科规〔2025〕3号';
  if (!/^[\u4e00-\u9fa5A-Za-z]+〔/u.test(v))
    return '应以发文机关代字开头，后接六角括号“〔〕”括入的年份，例如 科规〔2025〕3号';
  if (!/〔\d{4}〕/.test(v)) return '年份应标全称（4位数字），例如 〔2025〕';
  if (/〕第/.test(v)) return '发文顺序号不加“第”字';
  if (/〕0\d*号$/.test(v)) return '发文顺序号不编虚位（1不编为01）';
  if (!/号$/.test(v)) return '应以“号”字结尾';
  return '格式应为 发文机关代字〔年份〕序号号，例如 科规〔2025〕3号';
}

export function parseDocNumber(value: string): DocNumberParts | null {
  const m = DOC_NUMBER.exec(value.trim());
  return m?.groups
    ? { prefix: m.groups.prefix, year: Number(m.groups.year), seq: Number(m.groups.seq) }
    : null;
}

export function formatDocNumber(parts: DocNumberParts): string {
  return `${parts.prefix}〔${parts.year}〕${parts.seq}号`;
}

/** Takes the next 文号 for (department, 机关代字, year) in the caller's transaction; never reused. */
export async function nextDocNumber(
  tx: Tx,
  departmentId: string,
  prefix: string,
  year: number,
): Promise<string> {
  if (!/^[\u4e00-\u9fa5A-Za-z]+$/u.test(prefix))
    throw new AppError('VALIDATION', `发文机关代字“${prefix}”无效：只能由汉字或字母组成`);
  const seq = await takeNext(tx, { kind: 'docNumber', departmentId, prefix, year });
  return formatDocNumber({ prefix, year, seq });
}
