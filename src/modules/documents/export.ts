/** Exports: the staff list to Excel; a document and its comment feedback to .docx in 公文格式 (core/docx). */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { gongwenDocx, type Block } from '../../core/docx/gongwen.ts';
import { structure } from '../consultation/index.ts';
import { dispositionReport } from '../consultation/index.ts';
import { latestFor, listComments } from '../consultation/index.ts';
import { AppError } from '../../core/errors.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { loadDocument } from './service.ts';
import { listDocuments, type ListFilter } from './listing.ts';
import { legalStatusLabel } from './status.ts';
import { DOC_TYPE_LABELS, type DocType } from './labels.ts';

export async function documentsXlsx(
  ctx: Ctx,
  actor: Actor,
  f: Omit<ListFilter, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const { rows } = await listDocuments(ctx, actor, { ...f, page: 1, pageSize: 10_000 });
  // Loaded on first use: exceljs costs ~28 MB and ~200 ms at start-up for an occasional export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('规范性文件');
  ws.columns = [
    { header: '文件名称', key: 'title', width: 48 },
    { header: '类型', key: 'type', width: 10 },
    { header: '文号', key: 'docNumber', width: 18 },
    { header: '起草科室', key: 'org', width: 16 },
    { header: '版本', key: 'version', width: 6 },
    { header: '发布日期', key: 'publishedOn', width: 12 },
    { header: '有效期至', key: 'validUntil', width: 12 },
    { header: '效力状态', key: 'status', width: 10 },
  ];
  for (const r of rows) {
    ws.addRow({
      title: r.doc.title,
      type: DOC_TYPE_LABELS[r.doc.docType as DocType] ?? r.doc.docType,
      docNumber: r.doc.docNumber ?? '',
      org: r.draftingOrg ?? '',
      version: r.doc.version,
      publishedOn: r.doc.publishedOn ?? '',
      validUntil: r.doc.validUntil ?? '',
      status: legalStatusLabel(r.doc.legalStatus),
    });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const paragraphs = (text: string): Block[] =>
  structure(text).map((p) =>
    p.heading ? { kind: 'h1', text: p.text } : { kind: 'p', text: p.text },
  );

/**
 * The 文件 in 公文格式, signed by the issuing department (the issuer is the department, RULES §2.2) with
 * its 成文日期 (GB/T 9704-2012 §7.3.5). The 政策解读 is a document of its own (interpretationDocx).
 */
export async function documentDocx(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; content: Buffer }> {
  const d = await loadDocument(ctx.db, actor, id);
  const dept = await getOrg(ctx.db, d.departmentId);
  const blocks: Block[] = [
    ...paragraphs(d.bodyText),
    { kind: 'sign', authority: dept.name, date: d.issuedOn ?? d.publishedOn },
  ];
  return {
    name: `${d.title}.docx`,
    content: await gongwenDocx({ title: d.title, subtitle: d.docNumber ?? '（送审稿）', blocks }),
  };
}

/** The 政策解读 published with the document, as its own .docx, signed by the department on the publication date. */
export async function interpretationDocx(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; content: Buffer }> {
  const d = await loadDocument(ctx.db, actor, id);
  if (!d.interpretation.trim()) throw new AppError('ACTION_NOT_ALLOWED', '该文件没有政策解读');
  const dept = await getOrg(ctx.db, d.departmentId);
  const title = `《${d.title}》政策解读`;
  const blocks: Block[] = [
    ...paragraphs(d.interpretation),
    { kind: 'sign', authority: dept.name, date: d.publishedOn },
  ];
  return { name: `${d.title}政策解读.docx`, content: await gongwenDocx({ title, blocks }) };
}

/** The 意见采纳情况说明, signed by the department on the day it was published (or today, before). */
export async function feedbackDocx(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; content: Buffer }> {
  const d = await loadDocument(ctx.db, actor, id);
  const c = await latestFor(ctx.db, 'normativeDocument', d.id);
  if (!c) throw new AppError('ACTION_NOT_ALLOWED', '该文件没有公开征求意见');
  const r = dispositionReport(c, await listComments(ctx.db, c.id));
  const dept = await getOrg(ctx.db, d.departmentId);
  const blocks: Block[] = [{ kind: 'p', text: r.summary }];
  if (r.items.length)
    blocks.push({
      kind: 'table',
      header: [['序号', '条款', '意见建议', '处理意见', '理由']],
      rows: r.items.map((x) => [String(x.seq), x.article, x.body, x.disposition, x.reason]),
      widths: [1, 2, 6, 2, 5],
    });
  blocks.push({
    kind: 'sign',
    authority: dept.name,
    date: c.reportPublishedOn ?? ctx.clock.today(),
  });
  return {
    name: `${d.title}意见采纳情况.docx`,
    content: await gongwenDocx({ title: `关于《${d.title}》征求意见采纳情况的说明`, blocks }),
  };
}
