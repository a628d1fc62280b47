/**
 * Data exchange of 行政执法.
 *
 * 1. The officer registry as Excel (.xlsx): GET /api/enforcement/officers/export.xlsx, and
 *    POST /api/enforcement/officer-imports (multipart, one file). Columns (first sheet, header in row 1):
 *    姓名, 执法证号, 发证机关, 执法领域, 有效期起, 有效期至 (YYYY-MM-DD), 状态 (在岗/暂停/注销).
 *    An import adds new certificate numbers and refuses the whole file when any row is bad (row and column named).
 *
 * 2. Inspections for a provincial “互联网+监管” platform or the 国家企业信用信息公示系统 (no outbound connection:
 *    a download, `GET /api/enforcement/exchange/inspections.{csv|json}?year=YYYY`, staff session; only the
 *    results recorded, i.e. status done or published). Format version 1, one record per inspected target:
 *
 *    | field (JSON)       | CSV header      | content                                                     |
 *    |--------------------|-----------------|-------------------------------------------------------------|
 *    | recordId           | 记录编号        | UUID of the inspection record                               |
 *    | planName           | 抽查计划        | name of the 年度抽查计划                                    |
 *    | drawId             | 抽取编号        | UUID of the draw (re-run it from the portal or the CLI)      |
 *    | creditCode         | 统一社会信用代码 | 18 characters, GB 32100-2015                                 |
 *    | targetName         | 检查对象名称    |                                                              |
 *    | inspectors         | 检查人员        | JSON: [{name, certificateNo}]; CSV: 姓名(证号)、姓名(证号)    |
 *    | inspectedOn        | 检查日期        | YYYY-MM-DD                                                   |
 *    | endedOn            | 检查结束日期    | YYYY-MM-DD                                                   |
 *    | result             | 检查结果代码    | noProblem | rectify | referred | notFound | other            |
 *    | resultLabel        | 检查结果        | 未发现问题 / 发现问题，责令整改 / 发现问题，移交立案 / …        |
 *    | findings           | 检查情况        | free text                                                    |
 *    | publishDue         | 公示期限        | YYYY-MM-DD (20个工作日 after endedOn by default)              |
 *    | publishedOn        | 公示日期        | YYYY-MM-DD or empty (JSON null) when not yet published        |
 *    | department         | 检查机关        | name of the department                                       |
 *
 *    JSON: `{ "format": "fazhi.inspections", "version": 1, "department": …, "year": …, "generatedAt": ISO 8601,
 *    "records": [ … ] }`. CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, the headers above in that order.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import { inTx } from '../../core/context.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { authorize } from './policy.ts';
import { inspections, officers } from './schema.ts';
import { withNames } from './inspections.ts';
import { insertOfficer, listOfficers, type OfficerInput } from './officers.ts';
import { OFFICER_STATUS_LABELS, type OfficerStatus } from './labels.ts';

const OFFICER_HEADERS = [
  '姓名',
  '执法证号',
  '发证机关',
  '执法领域',
  '有效期起',
  '有效期至',
  '状态',
];

export async function officersXlsx(ctx: Ctx, actor: Actor): Promise<Buffer> {
  const { items } = await listOfficers(ctx, actor);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法人员');
  ws.columns = OFFICER_HEADERS.map((header, i) => ({
    header,
    key: String(i),
    width: [10, 18, 20, 14, 12, 12, 8][i],
  }));
  for (const o of items)
    ws.addRow([
      o.name,
      o.certificateNo,
      o.issuingBody,
      o.field,
      o.validFrom,
      o.validTo,
      o.statusLabel,
    ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATUS_BY_LABEL = Object.fromEntries(
  Object.entries(OFFICER_STATUS_LABELS).map(([k, v]) => [v, k]),
) as Record<string, OfficerStatus>;
const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export async function importOfficersXlsx(
  ctx: Ctx,
  actor: Actor,
  content: Buffer,
): Promise<{ imported: number }> {
  authorize(actor, 'officer', 'manage');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件：不是有效的Excel（.xlsx）文件', {
      fields: [{ path: 'file', message: '不是有效的Excel文件' }],
    });
  }
  const ws = wb.worksheets[0];
  const errors: string[] = [];
  const rows: OfficerInput[] = [];
  const header = OFFICER_HEADERS.map((_, i) =>
    ws
      ?.getRow(1)
      .getCell(i + 1)
      .text.trim(),
  );
  if (header.join() !== OFFICER_HEADERS.join())
    throw new AppError('VALIDATION', `文件：第1行表头应为“${OFFICER_HEADERS.join('、')}”`, {
      fields: [{ path: 'file', message: '表头不符' }],
    });
  const seen = new Map<string, number>();
  for (let n = 2; n <= (ws?.rowCount ?? 0); n++) {
    const cell = (i: number) => {
      const c = ws.getRow(n).getCell(i + 1);
      return c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.text.trim();
    };
    const v = OFFICER_HEADERS.map((_, i) => cell(i));
    if (v.every((x) => !x)) continue;
    const bad = (col: number, message: string) =>
      errors.push(`第${n}行“${OFFICER_HEADERS[col]}”：${message}`);
    if (!v[0]) bad(0, '必填');
    if (!v[1]) bad(1, '必填');
    else if (seen.has(v[1])) bad(1, `与第${seen.get(v[1])}行重复`);
    else seen.set(v[1], n);
    if (!isDay(v[4])) bad(4, '应为“年-月-日”格式的日期');
    if (!isDay(v[5])) bad(5, '应为“年-月-日”格式的日期');
    else if (isDay(v[4]) && v[5] < v[4]) bad(5, '不能早于有效期起');
    if (!STATUS_BY_LABEL[v[6]]) bad(6, '应为在岗、暂停或注销');
    rows.push({
      name: v[0],
      certificateNo: v[1],
      issuingBody: v[2],
      field: v[3],
      validFrom: v[4],
      validTo: v[5],
      status: STATUS_BY_LABEL[v[6]] ?? 'active',
    });
  }
  const codes = [...seen.keys()];
  if (codes.length) {
    const existing = await ctx.db
      .select({ c: officers.certificateNo })
      .from(officers)
      .where(
        and(eq(officers.departmentId, actor.departmentId), inArray(officers.certificateNo, codes)),
      );
    for (const e of existing)
      errors.push(`第${seen.get(e.c)}行“执法证号”：${e.c}已在执法人员名录中`);
  }
  if (!rows.length && !errors.length) errors.push('文件中没有执法人员');
  if (errors.length)
    throw new AppError(
      'VALIDATION',
      `执法人员名录有${errors.length}处错误，未导入任何记录：${errors.slice(0, 20).join('；')}`,
      { details: { errors } },
    );
  return inTx(ctx, async (tx) => {
    for (const r of rows) await insertOfficer(tx, ctx, actor, r);
    return { imported: rows.length };
  });
}

export const EXCHANGE_HEADERS = [
  '记录编号',
  '抽查计划',
  '抽取编号',
  '统一社会信用代码',
  '检查对象名称',
  '检查人员',
  '检查日期',
  '检查结束日期',
  '检查结果代码',
  '检查结果',
  '检查情况',
  '公示期限',
  '公示日期',
  '检查机关',
];

export async function exchangeRecords(ctx: Ctx, actor: Actor, year: number) {
  authorize(actor, 'inspection', 'list');
  const rows = await ctx.db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.departmentId, actor.departmentId),
        inArray(inspections.status, ['done', 'published']),
        sql`extract(year from ${inspections.inspectedOn}) = ${year}`,
      ),
    )
    .orderBy(asc(inspections.inspectedOn), asc(inspections.creditCode));
  const [dept] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.departmentId));
  const named = await withNames(ctx.db, rows);
  const records = named.map((r) => ({
    recordId: r.id,
    planName: r.planName,
    drawId: r.drawId,
    creditCode: r.creditCode,
    targetName: r.targetName,
    inspectors: r.inspectors.map((i) => ({ name: i.name, certificateNo: i.certificateNo })),
    inspectedOn: r.inspectedOn,
    endedOn: r.endedOn,
    result: r.result,
    resultLabel: r.resultLabel,
    findings: r.findings,
    publishDue: r.publishDue,
    publishedOn: r.publishedOn,
    department: dept?.name ?? '',
  }));
  return {
    format: 'fazhi.inspections',
    version: 1,
    department: dept?.name ?? '',
    year,
    generatedAt: ctx.clock.now().toISOString(),
    records,
  };
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function exchangeCsv(data: Awaited<ReturnType<typeof exchangeRecords>>): string {
  const lines = [EXCHANGE_HEADERS.join(',')];
  for (const r of data.records) {
    lines.push(
      [
        r.recordId,
        r.planName,
        r.drawId,
        r.creditCode,
        r.targetName,
        r.inspectors.map((i) => `${i.name}(${i.certificateNo})`).join('、'),
        r.inspectedOn ?? '',
        r.endedOn ?? '',
        r.result ?? '',
        r.resultLabel ?? '',
        r.findings,
        r.publishDue ?? '',
        r.publishedOn ?? '',
        r.department,
      ]
        .map((v) => csvCell(String(v)))
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
