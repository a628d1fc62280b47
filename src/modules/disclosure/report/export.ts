/** The annual report as a 公文格式 .docx with its statutory tables, and its publication through 主动公开. */
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { loadHistory, recordAction } from '../../../core/cases/service.ts';
import { getOrg } from '../../../core/orgs/service.ts';
import { AppError } from '../../../core/errors.ts';
import { gongwenDocx, DOCX_MIME, type Block } from '../../../core/docx/gongwen.ts';
import { storeFile } from '../../../core/files/service.ts';
import { publish } from '../publications/service.ts';
import { passedSecrecyReview } from '../secrecyReviewService.ts';
import {
  landscapeTables,
  placeTables,
  placeholder,
  table2Docx,
  table3Docx,
  table4Docx,
} from './docxTables.ts';
import { loadReport, reportView, type Prose, type Snapshot } from './service.ts';
import { disclosureReports } from './schema.ts';

const paras = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'p', text: t }));
const tableAt = (key: string): Block => ({ kind: 'p', text: placeholder(key), indent: false });

/** The report's text; each statutory table is a placeholder paragraph that reportDocxOf replaces (docxTables.ts). */
export function reportBlocks(year: number, prose: Prose, s: Snapshot): Block[] {
  const fee =
    s.fees.amount > 0
      ? `本年度收取信息处理费${s.fees.amount}元（${s.fees.count}件）。`
      : '本年度未收取信息处理费。';
  return [
    {
      kind: 'p',
      text: `本报告由本机关根据《中华人民共和国政府信息公开条例》第五十条和《中华人民共和国政府信息公开工作年度报告格式》编制。报告统计期限为${year}年1月1日至${year}年12月31日。`,
    },
    { kind: 'h1', text: '一、总体情况' },
    ...paras(prose.overview || '（待填写）'),
    { kind: 'h1', text: '二、主动公开政府信息情况' },
    tableAt('table2'),
    landscapeTables([
      { heading: '三、收到和处理政府信息公开申请情况', key: 'table3' },
      { heading: '四、政府信息公开行政复议、行政诉讼情况', key: 'table4' },
    ]),
    { kind: 'h1', text: '五、存在的主要问题及改进情况' },
    ...paras(prose.problems || '（待填写）'),
    { kind: 'h1', text: '六、其他需要报告的事项' },
    ...paras(prose.other),
    { kind: 'p', text: fee },
  ];
}

/** The .docx of a report: 公文格式 text with the three tables in the official form's layout. */
export async function reportDocxOf(
  title: string,
  year: number,
  prose: Prose,
  s: Snapshot,
): Promise<Buffer> {
  const text = await gongwenDocx({ title, blocks: reportBlocks(year, prose, s) });
  return placeTables(text, {
    table2: table2Docx(s.table2),
    table3: table3Docx(s.table3),
    table4: table4Docx(s.table4),
  });
}

export async function reportDocx(
  ctx: Ctx,
  actor: Actor,
  year: number,
): Promise<{ name: string; buffer: Buffer }> {
  const v = await reportView(ctx, actor, year);
  const dept = await getOrg(ctx.db, actor.departmentId);
  const title = `${dept.name}${year}年政府信息公开工作年度报告`;
  return { name: `${title}.docx`, buffer: await reportDocxOf(title, year, v.prose, v.tables) };
}

/**
 * 条例 Art 49: publishes the submitted report as 主动公开 (category 政府信息公开年报) with the .docx attached, once its
 * 保密审查 has passed (条例第十七条: the reviewer's own act, secrecyReviewService.ts); the item records that review.
 */
export async function publishReport(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { on: string },
): Promise<{ publicationId: string; indexNumber: string }> {
  authorize(actor, 'disclosureReport', 'edit');
  const { name, buffer } = await reportDocx(ctx, actor, year);
  return inTx(ctx, async (tx) => {
    const r = await loadReport(tx, actor.departmentId, year);
    if (!r?.snapshot)
      throw new AppError('ACTION_NOT_ALLOWED', '年度报告须先报送主管部门，再予公开');
    const s = r.snapshot as Snapshot;
    const prose = r.prose as Prose;
    const review = await passedSecrecyReview(tx, r.caseId!);
    // The report is formed when it is submitted (its text and tables frozen then).
    const submitted = (await loadHistory(tx, r.caseId!)).findLast((e) => e.type === 'submit');
    const file = await storeFile(tx, ctx, actor, { name, mime: DOCX_MIME, content: buffer });
    const received = s.table3.find((x) => x.key === 'received')!.cells[6];
    const pub = await publish(tx, ctx, actor, {
      title: name.replace(/\.docx$/, ''),
      category: 'annualReport',
      topic: 'government',
      keywords: ['政府信息公开', '年度报告'],
      formedOn: submitted?.on ?? review.on,
      summary: `${year}年度政府信息公开工作情况：本年新收政府信息公开申请${received}件。`,
      body:
        [prose.overview, prose.problems, prose.other].filter(Boolean).join('\n\n') ||
        `${year}年政府信息公开工作年度报告`,
      source: { module: 'disclosure', entityId: r.id },
      attachmentIds: [file.id],
      confidentialityReview: review,
    });
    await recordAction(
      ctx,
      actor,
      r.caseId!,
      { action: 'publish', on: input.on, data: { publicationId: pub.id } },
      tx,
    );
    await tx
      .update(disclosureReports)
      .set({ updatedAt: ctx.clock.now(), updatedBy: actor.userId })
      .where(eq(disclosureReports.id, r.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.report.publish',
        entityType: 'disclosureReport',
        entityId: r.id,
        payload: { year, publicationId: pub.id },
      },
      ctx.clock.now(),
    );
    return { publicationId: pub.id, indexNumber: pub.indexNumber };
  });
}
