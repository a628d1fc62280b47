/**
 * Facts of 行政规范性文件 for the annual reports (RULES §2, §11) and the 政务公开 table 二 row
 * 行政规范性文件 (本年制发件数 / 本年废止件数 / 现行有效件数). Each fact states how it was computed
 * and where its records are listed (staff API, scoped to the department).
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { cleanupTotals } from './cleanup.ts';

export interface DocumentCounts {
  issued: number;
  reviewed: number;
  filed: number;
  filedOnTime: number;
  inForce: number;
  abolished: number;
  expired: number;
  evaluated: number;
  comments: number;
  adopted: number;
}

export async function documentCounts(db: DbOrTx, departmentId: string, year: number): Promise<DocumentCounts> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [r] = await queryRows<DocumentCounts>(
    db,
    sql`with issued as (select d.* from normative_documents d where d.department_id = ${departmentId} and d.published_on between ${start} and ${end})
    select
      (select count(*)::int from issued) as issued,
      (select count(*)::int from issued i where exists (select 1 from case_events e where e.case_id = i.case_id and e.type = 'concludeLegalReview')) as reviewed,
      (select count(*)::int from issued i join document_filings f on f.document_id = i.id) as filed,
      (select count(*)::int from issued i join document_filings f on f.document_id = i.id where f.submitted_on <= f.due_on) as "filedOnTime",
      (select count(*)::int from normative_documents d where d.department_id = ${departmentId} and d.published_on is not null and d.legal_status in ('inForce','notYetInForce')) as "inForce",
      (select count(*)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind = 'abolished' and e.on_date between ${start} and ${end}) as abolished,
      (select count(*)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind in ('expired','declaredInvalid') and e.on_date between ${start} and ${end}) as expired,
      (select count(distinct e.document_id)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind = 'evaluated' and e.on_date between ${start} and ${end}) as evaluated,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'normativeDocument' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date) as comments,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'normativeDocument' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date and k.disposition in ('adopted','partlyAdopted')) as adopted`,
  );
  return r;
}

/** 政务公开 年报 表二 row 行政规范性文件 (RULES §5.6). */
export async function tableTwoRow(db: DbOrTx, departmentId: string, year: number) {
  const c = await documentCounts(db, departmentId, year);
  return { label: '行政规范性文件', issued: c.issued, abolished: c.abolished, inForce: c.inForce };
}

/** Decisions of the 清理 campaigns whose result was published in the year. */
async function cleanupDecisions(db: DbOrTx, departmentId: string, year: number) {
  return queryRows<{ decision: string | null }>(
    db,
    sql`select i.decision from cleanup_items i join cleanup_campaigns c on c.id = i.campaign_id
        where c.department_id = ${departmentId} and c.published_on between ${`${year}-01-01`} and ${`${year}-12-31`}`,
  );
}

export async function documentFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const c = await documentCounts(ctx.db, departmentId, year);
  const cleanup = cleanupTotals(await cleanupDecisions(ctx.db, departmentId, year));
  const list = (query: Record<string, string | number | boolean>) => ({ path: '/api/documents', query });
  return [
    { key: 'documents.issued', label: '本年制发规范性文件', value: c.issued, unit: '件', sentence: `${year}年制发行政规范性文件${c.issued}件。`, method: '发布日期在本年度内的文件版本计数（修改后重新发布的按新版本计）。', records: list({ year, legalStatus: 'inForce' }) },
    { key: 'documents.reviewedShare', label: '经合法性审核的比例', value: pct(c.reviewed, c.issued), unit: '%', sentence: c.issued ? `${c.reviewed === c.issued ? '全部' : `其中${c.reviewed}件`}按规定程序进行合法性审核${c.reviewed === c.issued ? '' : `，占${pct(c.reviewed, c.issued)}%`}。` : '本年度未制发行政规范性文件。', method: '本年制发的文件中，制定程序记录了合法性审核意见的比例。', records: list({ year }) },
    { key: 'documents.filedOnTime', label: '按期报送备案', value: c.filedOnTime, unit: '件', sentence: `报送备案${c.filed}件，其中按期报送${c.filedOnTime}件。`, method: '本年制发的文件中，在备案期限内报送备案的件数。', records: list({ year }) },
    { key: 'documents.inForce', label: '现行有效规范性文件', value: c.inForce, unit: '件', sentence: `现行有效规范性文件${c.inForce}件。`, method: '已发布且按其效力事件推定为有效的文件（当前状态）。', records: list({ legalStatus: 'inForce' }) },
    { key: 'documents.abolished', label: '本年废止', value: c.abolished, unit: '件', sentence: `本年废止规范性文件${c.abolished}件，失效${c.expired}件。`, method: '废止决定日期在本年度内的件数；失效含有效期届满和宣布失效。', records: list({ legalStatus: 'abolished' }) },
    { key: 'documents.expired', label: '本年失效', value: c.expired, unit: '件', sentence: `本年失效规范性文件${c.expired}件。`, method: '有效期届满失效或宣布失效，日期在本年度内。', records: list({ legalStatus: 'expired' }) },
    { key: 'documents.cleanup', label: '规范性文件清理', value: cleanup.total, unit: '份', sentence: cleanup.total ? cleanup.sentence : `${year}年未公布规范性文件清理结果。`, method: '本年度公布结果的清理工作中列入清理的文件数；保留和需要修改的计为有效文件，宣布失效的计为失效文件。', records: { path: '/api/document-cleanups', query: {} } },
    { key: 'documents.evaluated', label: '完成后评估', value: c.evaluated, unit: '件', sentence: `完成对${c.evaluated}个规范性文件的后评估。`, method: '本年度记录了后评估的文件数。', records: list({}) },
    { key: 'documents.comments', label: '征求意见收到与采纳', value: c.comments, unit: '条', sentence: `公开征求意见收到意见建议${c.comments}条，采纳（含部分采纳）${c.adopted}条。`, method: '本年度通过门户网站收到的规范性文件意见建议及其处理意见。', records: list({}) },
  ];
}
