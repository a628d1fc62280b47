/**
 * Facts of 行政规范性文件 for the annual reports (RULES §2, §11) and the 政务公开 table 二 row
 * 行政规范性文件 (本年制发件数 / 本年废止件数 / 现行有效件数). Each fact states how it was computed
 * and where its records are listed (staff API, scoped to the department).
 *
 * 现行有效 is as at the end of the report year (12月31日, or today while the year runs): documents
 * published by then and neither ended (amended, abolished, declared invalid, expired) by then — the
 * status.ts rules read on that day — so documents published after the year never count.
 * The prose: the documents issued carry the steps every one of them went through (合法性审核:
 * 国办发〔2018〕115号, never optional; 备案); a step's own sentence speaks only when a document
 * went without it. Nothing issued is one plain sentence; other zeros say nothing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { periodEnd } from '../reports/facts.ts';
import { cleanupTotals, type CleanupTotals } from './cleanup.ts';

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

/** The last day a year's "as at" figures are taken on: 12月31日, or today while the year runs. */
const asAtYearEnd = (year: number, today?: string) => (today ? periodEnd(year, today).asOf : `${year}-12-31`);

/**
 * A version of table normative_documents in force on `asOf` (published by then, 施行 or not yet,
 * and no ending by then: status.ts — expiry the day after 有效期至). The documents list can filter
 * with it, so that the figure and its records are one condition.
 */
export const inForceOn = (asOf: string): SQL =>
  sql`(normative_documents.published_on <= ${asOf}
    and (normative_documents.valid_until is null or normative_documents.valid_until >= ${asOf})
    and not exists (select 1 from document_events x where x.document_id = normative_documents.id
      and x.kind in ('amended','abolished','declaredInvalid','expired') and x.on_date <= ${asOf}))`;

export async function documentCounts(db: DbOrTx, departmentId: string, year: number, today?: string): Promise<DocumentCounts> {
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
      (select count(*)::int from normative_documents where normative_documents.department_id = ${departmentId} and ${inForceOn(asAtYearEnd(year, today))}) as "inForce",
      (select count(*)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind = 'abolished' and e.on_date between ${start} and ${end}) as abolished,
      (select count(*)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind in ('expired','declaredInvalid') and e.on_date between ${start} and ${end}) as expired,
      (select count(distinct e.document_id)::int from document_events e join normative_documents d on d.id = e.document_id where d.department_id = ${departmentId} and e.kind = 'evaluated' and e.on_date between ${start} and ${end}) as evaluated,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'normativeDocument' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date) as comments,
      (select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id where c.department_id = ${departmentId} and c.subject_type = 'normativeDocument' and k.submitted_at >= ${start}::date and k.submitted_at < ${`${year + 1}-01-01`}::date and k.disposition in ('adopted','partlyAdopted')) as adopted`,
  );
  return r;
}

/** 政务公开 年报 表二 row 行政规范性文件 (RULES §5.6); 现行有效 as at 12月31日. */
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

/** "2025年制发行政规范性文件3件，均经合法性审核并按期报送备案。" */
function issuedSentence(year: number, c: DocumentCounts): string {
  if (!c.issued) return `${year}年未制发行政规范性文件。`;
  const all = [c.reviewed === c.issued && '经合法性审核', c.filedOnTime === c.issued && '按期报送备案'].filter(Boolean);
  return `${year}年制发行政规范性文件${c.issued}件${all.length ? `，${c.issued > 1 ? '均' : ''}${all.join('并')}` : ''}。`;
}

/** "本年制发的2件文件" / "本年制发的文件" */
const theIssued = (n: number) => `本年制发的${n > 1 ? `${n}件` : ''}文件`;

function filingSentence(c: DocumentCounts): string {
  if (!c.issued || c.filedOnTime === c.issued) return '';
  if (!c.filed) return `${theIssued(c.issued)}尚未报送备案。`;
  const late = c.filed - c.filedOnTime;
  const timing = !late ? '' : c.filedOnTime ? `，其中按期报送${c.filedOnTime}件` : `，${c.filed > 1 ? '均' : ''}超过备案期限报送`;
  return `报送备案${c.filed}件${timing}${c.filed < c.issued ? `，另有${c.issued - c.filed}件尚未报送备案` : ''}。`;
}

function reviewSentence(c: DocumentCounts): string {
  const unreviewed = c.issued - c.reviewed;
  if (unreviewed <= 0) return '';
  if (!c.reviewed) return `${theIssued(c.issued)}${c.issued > 1 ? '均' : ''}未记录合法性审核意见。`;
  return `${theIssued(c.issued)}中，${c.reviewed}件经合法性审核，占${pct(c.reviewed, c.issued)}%，${unreviewed}件未记录合法性审核意见。`;
}

/** The facts from the counts (pure: the sentence families are tested on their own). */
export function documentFactsFrom(year: number, asOf: string, c: DocumentCounts, cleanup: CleanupTotals): Fact[] {
  const list = (query: Record<string, string | number | boolean>) => ({ path: '/api/documents', query });
  return [
    { key: 'documents.issued', label: '本年制发规范性文件', value: c.issued, unit: '件', sentence: issuedSentence(year, c), method: '发布日期在本年度内的文件版本计数（修改后重新发布的按新版本计）。', records: list({ year, legalStatus: 'inForce' }) },
    {
      key: 'documents.reviewedShare',
      label: '经合法性审核的比例',
      value: pct(c.reviewed, c.issued),
      unit: '%',
      // 国办发〔2018〕115号: a document not reviewed may not be put to collective deliberation — never "not applicable".
      sentence: reviewSentence(c),
      method: '本年制发的文件中，制定程序记录了合法性审核意见的比例。',
      records: list({ year }),
      ...(c.issued ? { expect: { min: 100, shortfall: '行政规范性文件未全部经合法性审核', suggestion: '未经合法性审核或者经审核不合法的文件草案，不提交集体审议（国办发〔2018〕115号）' } } : {}),
    },
    { key: 'documents.filedOnTime', label: '按期报送备案', value: c.filedOnTime, unit: '件', sentence: filingSentence(c), method: '本年制发的文件中，在备案期限内报送备案的件数。', records: list({ year }) },
    { key: 'documents.inForce', label: '现行有效规范性文件', value: c.inForce, unit: '件', sentence: c.inForce ? `截至${formatDateZh(asOf)}，现行有效行政规范性文件${c.inForce}件。` : '', method: `截至${formatDateZh(asOf)}已发布、且当日尚未被修改、废止、宣布失效或有效期届满的文件版本数（含已发布尚未施行的）。`, records: list({ inForceOn: asOf }) },
    { key: 'documents.abolished', label: '本年废止', value: c.abolished, unit: '件', sentence: c.abolished ? `本年度废止行政规范性文件${c.abolished}件${c.expired ? `，另有${c.expired}件失效` : ''}。` : '', method: '废止决定日期在本年度内的件数；失效含有效期届满和宣布失效。', records: list({ legalStatus: 'abolished' }) },
    { key: 'documents.expired', label: '本年失效', value: c.expired, unit: '件', sentence: c.expired && !c.abolished ? `本年度${c.expired}件行政规范性文件失效。` : '', method: '有效期届满失效或宣布失效，日期在本年度内。', records: list({ legalStatus: 'expired' }) },
    { key: 'documents.cleanup', label: '规范性文件清理', value: cleanup.total, unit: '份', sentence: cleanup.total ? cleanup.sentence : '', method: '本年度公布结果的清理工作中列入清理的文件数；保留和需要修改的计为有效文件，宣布失效的计为失效文件。', records: { path: '/api/document-cleanups', query: {} } },
    { key: 'documents.evaluated', label: '完成后评估', value: c.evaluated, unit: '件', sentence: c.evaluated ? `完成对${c.evaluated}件行政规范性文件的后评估。` : '', method: '本年度记录了后评估的文件数。', records: list({}) },
    { key: 'documents.comments', label: '征求意见收到与采纳', value: c.comments, unit: '条', sentence: c.comments ? `行政规范性文件草案公开征求意见，收到意见建议${c.comments}条${c.adopted ? `，采纳（含部分采纳）${c.adopted}条` : ''}。` : '', method: '本年度通过门户网站收到的规范性文件意见建议及其处理意见。', records: list({}) },
  ];
}

export async function documentFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const today = ctx.clock.today();
  const c = await documentCounts(ctx.db, departmentId, year, today);
  const cleanup = cleanupTotals(await cleanupDecisions(ctx.db, departmentId, year));
  return documentFactsFrom(year, asAtYearEnd(year, today), c, cleanup);
}
