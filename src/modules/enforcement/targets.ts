/**
 * 检查对象名录库 (targetPool, RULES §8.3 “两库”): imported from .xlsx or .csv (UTF-8, with or without BOM,
 * or GBK as saved by Excel on a Chinese Windows). Columns by header: 统一社会信用代码, 名称, 地址,
 * 行业类别, 风险等级 (低/中/高). A file with any bad row imports nothing: the errors list each bad row by
 * row number and column with the reason. A credit code already in the pool or twice in the file is refused.
 */
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { targets } from './schema.ts';
import { audit } from './audit.ts';
import { RISK_LABELS, type Risk } from './labels.ts';

export type TargetRow = typeof targets.$inferSelect;
export interface TargetInput {
  creditCode: string;
  name: string;
  address: string;
  category: string;
  risk: Risk;
}
export interface RowError {
  row: number;
  column: string;
  message: string;
}

// GB 32100-2015 统一社会信用代码: 18 characters, the last a check character (mod 31).
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** A code with its check character (demo and tests). */
export const withCheck = (first17: string) => first17 + checkCharacter(first17);

export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code))
    return '应为18位统一社会信用代码（数字或大写字母，不含I、O、Z、S、V）';
  if (checkCharacter(code.slice(0, 17)) !== code[17]) return '校验码不正确';
  return null;
}

const RISK_BY_TEXT: Record<string, Risk> = {
  低: 'low',
  低风险: 'low',
  中: 'medium',
  中风险: 'medium',
  高: 'high',
  高风险: 'high',
  low: 'low',
  medium: 'medium',
  high: 'high',
};
const COLUMNS = {
  creditCode: '统一社会信用代码',
  name: '名称',
  address: '地址',
  category: '行业类别',
  risk: '风险等级',
} as const;
const HEADER_ALIASES: Record<string, keyof typeof COLUMNS> = {
  统一社会信用代码: 'creditCode',
  信用代码: 'creditCode',
  名称: 'name',
  单位名称: 'name',
  企业名称: 'name',
  地址: 'address',
  住所: 'address',
  行业类别: 'category',
  行业: 'category',
  类别: 'category',
  风险等级: 'risk',
  风险: 'risk',
};

/** Text of a CSV file: UTF-8 when it decodes as such, otherwise GBK. */
export function decodeCsv(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gbk').decode(buf);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function xlsxRows(buf: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件：不是有效的Excel（.xlsx）文件', {
      fields: [{ path: 'file', message: '不是有效的Excel文件' }],
    });
  }
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(r.cellCount, 5); c++) cells.push(r.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Parses and checks a file (pure apart from the pool lookup); every bad row at once. */
export async function readTargetFile(
  db: DbOrTx,
  departmentId: string,
  file: { name: string; content: Buffer },
): Promise<{ rows: TargetInput[]; errors: RowError[] }> {
  const lower = file.name.toLowerCase();
  const table = lower.endsWith('.xlsx')
    ? await xlsxRows(file.content)
    : lower.endsWith('.csv')
      ? parseCsv(decodeCsv(file.content))
      : null;
  if (!table)
    throw new AppError('VALIDATION', '文件：只支持Excel（.xlsx）或CSV文件', {
      fields: [{ path: 'file', message: '只支持.xlsx或.csv' }],
    });
  const header = (table[0] ?? []).map((h) => HEADER_ALIASES[h.trim()]);
  const missing = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter(
    (k) => k !== 'address' && !header.includes(k),
  );
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `文件：第1行表头缺少“${missing.map((k) => COLUMNS[k]).join('”“')}”列`,
      { fields: [{ path: 'file', message: '表头不完整' }] },
    );
  const errors: RowError[] = [];
  const rows: TargetInput[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const get = (k: keyof typeof COLUMNS) => (cells[header.indexOf(k)] ?? '').trim();
    const bad = (k: keyof typeof COLUMNS, message: string) =>
      errors.push({ row: rowNo, column: COLUMNS[k], message });
    const code = get('creditCode').toUpperCase();
    const problem = code ? creditCodeProblem(code) : '必填';
    if (problem) bad('creditCode', problem);
    else if (seen.has(code)) bad('creditCode', `与第${seen.get(code)}行重复`);
    else seen.set(code, rowNo);
    const name = get('name');
    if (!name) bad('name', '必填');
    else if (name.length > 200) bad('name', '不超过200字');
    const riskText = get('risk');
    const risk = RISK_BY_TEXT[riskText];
    if (!risk) bad('risk', riskText ? `“${riskText}”不是有效的风险等级（低、中、高）` : '必填');
    const category = get('category');
    if (!category) bad('category', '必填');
    rows.push({ creditCode: code, name, address: get('address'), category, risk: risk ?? 'low' });
  });
  const codes = [...seen.keys()];
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    const existing = await db
      .select({ code: targets.creditCode, name: targets.name })
      .from(targets)
      .where(and(eq(targets.departmentId, departmentId), inArray(targets.creditCode, chunk)));
    for (const e of existing)
      errors.push({
        row: seen.get(e.code)!,
        column: COLUMNS.creditCode,
        message: `已在检查对象名录库中（${e.name}）`,
      });
  }
  if (!rows.length && !errors.length)
    errors.push({ row: 2, column: COLUMNS.name, message: '文件中没有检查对象' });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** Imports a file into the pool: all rows or none. */
export async function importTargets(
  ctx: Ctx,
  actor: Actor,
  file: { name: string; content: Buffer },
): Promise<{ imported: number }> {
  authorize(actor, 'inspection', 'manage');
  return inTx(ctx, async (tx) => {
    const { rows, errors } = await readTargetFile(tx, actor.departmentId, file);
    if (errors.length) {
      const shown = errors.slice(0, 20).map((e) => `第${e.row}行“${e.column}”：${e.message}`);
      throw new AppError(
        'VALIDATION',
        `检查对象名录有${errors.length}处错误，未导入任何记录：${shown.join('；')}${errors.length > 20 ? '……' : ''}`,
        {
          fields: errors.map((e) => ({
            path: `row${e.row}.${e.column}`,
            message: `第${e.row}行“${e.column}”：${e.message}`,
          })),
          details: { errors },
        },
      );
    }
    const now = ctx.clock.now();
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(targets)
        .values(
          rows
            .slice(i, i + 500)
            .map((r) => ({ id: newId(), departmentId: actor.departmentId, ...r, createdAt: now })),
        );
    }
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.targets.import',
      { type: 'enforcementTargetPool', id: actor.departmentId },
      {
        file: file.name,
        imported: rows.length,
      },
    );
    return { imported: rows.length };
  });
}

export async function listTargets(
  ctx: Ctx,
  actor: Actor,
  q: { search?: string; page: number; pageSize: number },
) {
  authorize(actor, 'inspection', 'list');
  const conds = [eq(targets.departmentId, actor.departmentId)];
  if (q.search)
    conds.push(
      or(ilike(targets.name, `%${q.search}%`), ilike(targets.creditCode, `%${q.search}%`))!,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(targets)
    .where(where)
    .orderBy(asc(targets.creditCode))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(targets)
    .where(where);
  return { total: n, items: rows.map((r) => ({ ...r, riskLabel: RISK_LABELS[r.risk] })) };
}
