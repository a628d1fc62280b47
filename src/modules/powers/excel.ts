/**
 * The 权责清单 in the provincial Excel template shape: one sheet, a title row, a header row (序号,
 * 事项编码, 事项名称, 事项类型, 实施依据, 实施主体, 承办科室, 责任事项, 追责情形, 办理时限, 监督电话, 状态),
 * one item a row. Reading checks every row and names every bad one by row and column; nothing is
 * returned from a failed file.
 */
import { AppError, type FieldError } from '../../core/errors.ts';
import {
  categoryByLabel,
  POWER_CATEGORIES,
  POWER_FIELDS,
  POWER_STATUSES,
  type PowerField,
  type PowerInput,
} from './categories.ts';

const COLUMNS: Array<{ key: PowerField | 'seq' | 'status'; header: string; width: number }> = [
  { key: 'seq', header: '序号', width: 6 },
  ...(Object.entries(POWER_FIELDS) as Array<[PowerField, string]>).map(([key, header]) => ({
    key,
    header,
    width:
      key === 'basis' || key === 'duties' || key === 'accountability'
        ? 40
        : key === 'name'
          ? 28
          : 14,
  })),
  { key: 'status', header: '状态', width: 8 },
];
const REQUIRED: PowerField[] = ['code', 'name', 'category', 'basis', 'implementingBody'];
const MAX = {
  code: 60,
  name: 200,
  basis: 4000,
  implementingBody: 100,
  handlingOrg: 100,
  duties: 4000,
  accountability: 4000,
  timeLimit: 200,
  hotline: 60,
  category: 20,
} as const;

export type ExportRow = Omit<PowerInput, 'category'> & { category: string; status: string };

export async function powersToXlsx(title: string, rows: ExportRow[]): Promise<Buffer> {
  // Loaded on first use (exceljs is heavy at start-up).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('权责清单');
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  rows.forEach((r, i) =>
    ws.addRow(
      COLUMNS.map((c) =>
        c.key === 'seq'
          ? i + 1
          : c.key === 'status'
            ? (POWER_STATUSES[r.status as keyof typeof POWER_STATUSES] ?? r.status)
            : c.key === 'category'
              ? (POWER_CATEGORIES[r.category as keyof typeof POWER_CATEGORIES] ?? r.category)
              : r[c.key],
      ),
    ),
  );
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const colLetter = (n: number) => String.fromCharCode(64 + n);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}

/** The items of a template file, or a VALIDATION error naming every bad row and column. */
export async function powersFromXlsx(
  content: Buffer,
): Promise<Array<PowerInput & { row: number }>> {
  const labels = Object.entries(POWER_FIELDS) as Array<[PowerField, string]>;
  const sheet = await readSheet(
    content,
    [POWER_FIELDS.code, POWER_FIELDS.name],
    labels.map(([, h]) => h),
    '（请使用权责清单模板）',
  );
  const missing = REQUIRED.filter((k) => !sheet.has(POWER_FIELDS[k])).map((k) => POWER_FIELDS[k]);
  if (missing.length) throw new AppError('VALIDATION', `模板缺少列：${missing.join('、')}`);

  const errors: FieldError[] = [];
  const out: Array<PowerInput & { row: number }> = [];
  const seen = new Map<string, number>();
  for (const { row: r, get } of sheet.rows) {
    const values = Object.fromEntries(labels.map(([k, h]) => [k, get(h)])) as Record<
      PowerField,
      string
    >;
    const bad = (k: PowerField, message: string) =>
      errors.push({
        path: `第${r}行${sheet.col(POWER_FIELDS[k])}列`,
        message: `第${r}行 ${sheet.col(POWER_FIELDS[k])}列（${POWER_FIELDS[k]}）：${message}`,
      });
    for (const k of REQUIRED) if (!values[k]) bad(k, k === 'basis' ? '缺少实施依据' : '必填');
    for (const [k, max] of Object.entries(MAX) as Array<[PowerField, number]>)
      if (values[k].length > max) bad(k, `不能超过${max}个字`);
    const category = categoryByLabel(values.category);
    if (values.category && !category)
      bad(
        'category',
        `未知类型“${values.category}”（应为${Object.values(POWER_CATEGORIES).join('、')}之一）`,
      );
    if (values.code) {
      const first = seen.get(values.code);
      if (first) bad('code', `编码“${values.code}”与第${first}行重复`);
      else seen.set(values.code, r);
    }
    if (category) out.push({ ...values, category, row: r });
  }
  if (errors.length)
    throw new AppError(
      'VALIDATION',
      `权责清单有${errors.length}处错误，未导入任何事项：${errors.map((e) => e.message).join('；')}`,
      { fields: errors },
    );
  if (!out.length) throw new AppError('VALIDATION', '文件中没有权责事项');
  return out;
}

/**
 * A plain sheet with a header row among the first five: the rows after it (blank rows skipped), each
 * with a reader by header name, the column letter of a header (for error messages) and whether it is present.
 */
export async function readSheet(
  content: Buffer,
  required: string[],
  optional: string[] = [],
  hint = '',
) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件不是有效的Excel（.xlsx）文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Excel文件中没有工作表');
  let header = 0;
  const cols = new Map<string, number>();
  for (let r = 1; r <= Math.min(5, ws.rowCount) && !header; r++) {
    const cells = new Map<string, number>();
    ws.getRow(r).eachCell((c, n) => cells.set(cellText(c.value).trim(), n));
    if (required.every((h) => cells.has(h))) {
      header = r;
      for (const h of [...required, ...optional]) if (cells.has(h)) cols.set(h, cells.get(h)!);
    }
  }
  if (!header)
    throw new AppError(
      'VALIDATION',
      `未找到表头：前5行中应有${required.map((h) => `“${h}”`).join('')}列${hint}`,
    );
  const rows: Array<{ row: number; get: (h: string) => string }> = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (h: string) =>
      cols.has(h) ? cellText(row.getCell(cols.get(h)!).value).trim() : '';
    if ([...cols.keys()].every((h) => !get(h))) continue;
    rows.push({ row: r, get });
  }
  return { rows, col: (h: string) => colLetter(cols.get(h) ?? 1), has: (h: string) => cols.has(h) };
}
