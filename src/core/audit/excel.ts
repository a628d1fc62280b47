/** The filtered audit log as an Excel workbook, for the 审计管理员 (等保2.0 三级: 审计记录的分析与报表). */
import type { Ctx } from '../context.ts';
import type { AuditCatalogue } from './labels.ts';
import { listAudit, type AuditFilter } from './service.ts';

/** More than this is not a report but a backup (pg_dump): the sheet says where it stopped. */
export const EXPORT_LIMIT = 50_000;

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export async function auditWorkbook(
  ctx: Ctx,
  cat: AuditCatalogue,
  filter: Omit<AuditFilter, 'before' | 'limit'>,
  describe: string,
): Promise<Buffer> {
  // Loaded on export, not at start (every process would pay for it).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '序号', key: 'seq', width: 9 },
    { header: '时间', key: 'at', width: 20 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '所属机构', key: 'org', width: 22 },
    { header: '业务模块', key: 'module', width: 16 },
    { header: '操作', key: 'action', width: 24 },
    { header: '对象', key: 'object', width: 36 },
    { header: '详情', key: 'details', width: 70 },
    { header: '哈希（SM3）', key: 'hash', width: 66 },
  ];
  sheet.getRow(1).font = { bold: true };
  let before: number | undefined;
  let written = 0;
  for (;;) {
    const page = await listAudit(ctx, cat, { ...filter, before, limit: 1000 }, { total: false });
    for (const r of page.items) {
      if (written >= EXPORT_LIMIT) break;
      sheet.addRow({
        seq: r.seq,
        at: when(r.at),
        actor: r.actorName,
        org: r.orgName,
        module: r.module,
        action: r.action,
        object: r.object,
        details: r.details.map((d) => `${d.label}：${d.value}`).join('\n'),
        hash: r.hash,
      });
      written++;
    }
    if (!page.nextBefore || written >= EXPORT_LIMIT) break;
    before = page.nextBefore;
  }
  sheet.getColumn('details').alignment = { wrapText: true, vertical: 'top' };
  const about = wb.addWorksheet('说明');
  about.addRow(['导出条件', describe || '全部记录']);
  about.addRow(['导出时间', when(ctx.clock.now().toISOString())]);
  about.addRow([
    '记录条数',
    written >= EXPORT_LIMIT ? `${written}（已达导出上限，请缩小日期范围分批导出）` : written,
  ]);
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
