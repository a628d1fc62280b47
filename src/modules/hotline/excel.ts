/** A day's tickets exported by the platform as .xlsx: the first sheet, a header row of Chinese column names. */
// exceljs is loaded when a sheet is read (as in the other modules): every process would pay for it at start.
import type ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';

const COLUMNS: Record<string, string> = {
  工单编号: 'ticketNo',
  来源渠道: 'channel',
  受理时间: 'receivedAt',
  诉求类型: 'kind',
  标题: 'title',
  诉求内容: 'content',
  发生地点: 'location',
  诉求人: 'name',
  联系电话: 'phone',
  证件号码: 'idNumber',
  办理时限: 'dueOn',
};

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
};

/** Rows as platform records (受理时间 "2025-03-03 09:30" is Beijing time). */
export async function readTicketSheet(buf: Buffer): Promise<unknown[]> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件：不是有效的Excel（.xlsx）文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', '文件：没有工作表');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(
    (v) => COLUMNS[cellText(v).trim()] ?? '',
  );
  if (!header.includes('ticketNo'))
    throw new AppError(
      'VALIDATION',
      '文件：第一行应为列名（工单编号、来源渠道、受理时间、诉求类型、诉求内容……）',
    );
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, string> = {};
    (row.values as ExcelJS.CellValue[]).forEach((v, i) => {
      if (header[i]) rec[header[i]] = cellText(v).trim();
    });
    if (!Object.values(rec).some(Boolean)) return;
    const at = rec.receivedAt;
    const receivedAt = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(at)
      ? `${at.replace(' ', 'T')}${at.length <= 16 ? ':00' : ''}+08:00`
      : /^\d{4}-\d{2}-\d{2}$/.test(at)
        ? `${at}T09:00:00+08:00`
        : at;
    out.push({
      ticketNo: rec.ticketNo,
      channel: rec.channel || 'phone',
      receivedAt,
      kind: rec.kind,
      title: rec.title || null,
      content: rec.content,
      location: rec.location || null,
      citizen: { name: rec.name || null, phone: rec.phone || null, idNumber: rec.idNumber || null },
      dueOn: rec.dueOn ? rec.dueOn.slice(0, 10) : null,
    });
  });
  return out;
}
