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
import { periodEnd } from '../reports/index.ts';
import { cleanupTotals, type CleanupTotals } from './cleanupTotals.ts';
import { commentsReceivedSql } from '../consultation/index.ts';

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
const asAtYearEnd = (year: number, today?: string) =>
  today ? periodEnd(year, today).asOf : `${year}-12-31`;

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

/** The facts whose records the documents list can show (`/api/documents?fact=…&year=…`). */
export const DOCUMENT_FACT_FILTERS = [
  'issued',
  'filedOnTime',
  'abolished',
  'expired',
  'cleanup',
  'evaluated',
  'comments',
] as const;
export type DocumentFactFilter = (typeof DOCUMENT_FACT_FILTERS)[number];

const yearSpan = (year: number) => ({
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  next: `${year + 1}-01-01`,
});
const issuedIn = (year: number): SQL =>
  sql`(normative_documents.published_on between ${yearSpan(year).start} and ${yearSpan(year).end})`;
const endedIn = (kinds: string[], year: number): SQL =>
  sql`exists (select 1 from document_events x where x.document_id = normative_documents.id and x.kind in (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )}) and x.on_date between ${yearSpan(year).start} and ${yearSpan(year).end})`;
/** The comments the document's drafts received in the year (通过门户网站; 采纳 with `adoptedOnly`). */
const commentsIn = (year: number, adoptedOnly = false): SQL =>
  commentsReceivedSql({
    subjectType: 'normativeDocument',
    subjectId: sql`normative_documents.id`,
    start: yearSpan(year).start,
    next: yearSpan(year).next,
    adoptedOnly,
  });

/**
 * One condition on table normative_documents per fact: the figure counts the rows it selects and the
 * documents list shows the same rows (issue 13: a figure and its records never disagree).
 */
export function documentFactCondition(fact: DocumentFactFilter, year: number): SQL {
  const { start, end } = yearSpan(year);
  switch (fact) {
    case 'issued':
      return issuedIn(year);
    case 'filedOnTime':
      return sql`(${issuedIn(year)} and exists (select 1 from document_filings f where f.document_id = normative_documents.id and f.submitted_on <= f.due_on))`;
    case 'abolished':
      return endedIn(['abolished'], year);
    case 'expired':
      return endedIn(['expired', 'declaredInvalid'], year);
    case 'cleanup':
      // 清理: the documents listed in the campaigns whose result was published in the year.
      return sql`exists (select 1 from cleanup_items i join cleanup_campaigns c on c.id = i.campaign_id where i.document_id = normative_documents.id and c.published_on between ${start} and ${end})`;
    case 'evaluated':
      return sql`exists (select 1 from document_events x where x.document_id = normative_documents.id and x.kind = 'evaluated' and x.on_date between ${start} and ${end})`;
    case 'comments':
      return sql`(${commentsIn(year)} > 0)`;
  }
}

/** The numeric field of the documents list a figure adds up (`sum` of its records). */
export const documentFactSum = (
  fact: DocumentFactFilter | undefined,
  year: number | undefined,
): SQL<number> | null => (fact === 'comments' && year ? sql<number>`${commentsIn(year)}` : null);

export async function documentCounts(
  db: DbOrTx,
  departmentId: string,
  year: number,
  today?: string,
): Promise<DocumentCounts> {
  const where = (fact: DocumentFactFilter) => documentFactCondition(fact, year);
  const [r] = await queryRows<DocumentCounts>(
    db,
    sql`select
      count(*) filter (where ${where('issued')})::int as issued,
      count(*) filter (where ${where('issued')} and exists (select 1 from case_events e where e.case_id = normative_documents.case_id and e.type = 'concludeLegalReview'))::int as reviewed,
      count(*) filter (where ${where('issued')} and exists (select 1 from document_filings f where f.document_id = normative_documents.id))::int as filed,
      count(*) filter (where ${where('filedOnTime')})::int as "filedOnTime",
      count(*) filter (where ${inForceOn(asAtYearEnd(year, today))})::int as "inForce",
      count(*) filter (where ${where('abolished')})::int as abolished,
      count(*) filter (where ${where('expired')})::int as expired,
      count(*) filter (where ${where('evaluated')})::int as evaluated,
      coalesce(sum(${commentsIn(year)}), 0)::int as comments,
      coalesce(sum(${commentsIn(year, true)}), 0)::int as adopted
    from normative_documents where normative_documents.department_id = ${departmentId}`,
  );
  return r;
}

/** 政务公开 年报 表二 row 行政规范性文件 (RULES §5.6); 现行有效 as at 12月31日. */
export async function tableTwoRow(db: DbOrTx, departmentId: string, year: number) {
  const c = await documentCounts(db, departmentId, year);
  return { label: '行政规范性文件', issued: c.issued, abolished: c.abolished, inForce: c.inForce };
}

/** The 清理 decision on each document counted by the cleanup fact (its latest published campaign's). */
async function cleanupDecisions(db: DbOrTx, departmentId: string, year: number) {
  return queryRows<{ decision: string | null }>(
    db,
    sql`select distinct on (i.document_id) i.decision from cleanup_items i join cleanup_campaigns c on c.id = i.campaign_id
        join normative_documents on normative_documents.id = i.document_id
        where normative_documents.department_id = ${departmentId} and ${documentFactCondition('cleanup', year)}
          and c.published_on between ${`${year}-01-01`} and ${`${year}-12-31`}
        order by i.document_id, c.published_on desc, c.id`,
  );
}

/** "2025年制发行政规范性文件3件，均经合法性审核并按期报送备案。" */
function issuedSentence(year: number, c: DocumentCounts): string {
  if (!c.issued) return `${year}年未制发行政规范性文件。`;
  const all = [
    c.reviewed === c.issued && '经合法性审核',
    c.filedOnTime === c.issued && '按期报送备案',
  ].filter(Boolean);
  return `${year}年制发行政规范性文件${c.issued}件${all.length ? `，${c.issued > 1 ? '均' : ''}${all.join('并')}` : ''}。`;
}

/** "本年制发的2件文件" / "本年制发的文件" */
const theIssued = (n: number) => `本年制发的${n > 1 ? `${n}件` : ''}文件`;

function filingSentence(c: DocumentCounts): string {
  if (!c.issued || c.filedOnTime === c.issued) return '';
  if (!c.filed) return `${theIssued(c.issued)}尚未报送备案。`;
  const late = c.filed - c.filedOnTime;
  const timing = !late
    ? ''
    : c.filedOnTime
      ? `，其中按期报送${c.filedOnTime}件`
      : `，${c.filed > 1 ? '均' : ''}超过备案期限报送`;
  return `报送备案${c.filed}件${timing}${c.filed < c.issued ? `，另有${c.issued - c.filed}件尚未报送备案` : ''}。`;
}

function reviewSentence(c: DocumentCounts): string {
  const unreviewed = c.issued - c.reviewed;
  if (unreviewed <= 0) return '';
  if (!c.reviewed) return `${theIssued(c.issued)}${c.issued > 1 ? '均' : ''}未记录合法性审核意见。`;
  return `${theIssued(c.issued)}中，${c.reviewed}件经合法性审核，占${pct(c.reviewed, c.issued)}%，${unreviewed}件未记录合法性审核意见。`;
}

/** The facts from the counts (pure: the sentence families are tested on their own). */
export function documentFactsFrom(
  year: number,
  asOf: string,
  c: DocumentCounts,
  cleanup: CleanupTotals,
): Fact[] {
  const list = (query: Record<string, string | number | boolean>) => ({
    path: '/api/documents',
    query,
  });
  return [
    {
      key: 'documents.issued',
      label: '本年制发规范性文件',
      value: c.issued,
      unit: '件',
      sentence: issuedSentence(year, c),
      method: '发布日期在本年度内的文件版本计数（修改后重新发布的按新版本计）。',
      records: list({ fact: 'issued', year }),
    },
    {
      key: 'documents.reviewedShare',
      label: '经合法性审核的比例',
      value: pct(c.reviewed, c.issued),
      unit: '%',
      // 国办发〔2018〕115号: a document not reviewed may not be put to collective deliberation — never "not applicable".
      sentence: reviewSentence(c),
      method: '本年制发的文件中，制定程序记录了合法性审核意见的比例。',
      records: list({ fact: 'issued', year }),
      ...(c.issued
        ? {
            expect: {
              min: 100,
              shortfall: '行政规范性文件未全部经合法性审核',
              suggestion:
                '未经合法性审核或者经审核不合法的文件草案，不提交集体审议（国办发〔2018〕115号）',
            },
          }
        : {}),
    },
    {
      key: 'documents.filedOnTime',
      label: '按期报送备案',
      value: c.filedOnTime,
      unit: '件',
      sentence: filingSentence(c),
      method: '本年制发的文件中，在备案期限内报送备案的件数。',
      records: list({ fact: 'filedOnTime', year }),
    },
    {
      key: 'documents.inForce',
      label: '现行有效规范性文件',
      value: c.inForce,
      unit: '件',
      sentence: c.inForce
        ? `截至${formatDateZh(asOf)}，现行有效行政规范性文件${c.inForce}件。`
        : '',
      method: `截至${formatDateZh(asOf)}已发布、且当日尚未被修改、废止、宣布失效或有效期届满的文件版本数（含已发布尚未施行的）。`,
      records: list({ inForceOn: asOf }),
    },
    {
      key: 'documents.abolished',
      label: '本年废止',
      value: c.abolished,
      unit: '件',
      sentence: c.abolished
        ? `本年度废止行政规范性文件${c.abolished}件${c.expired ? `，另有${c.expired}件失效` : ''}。`
        : '',
      method: '废止决定日期在本年度内的件数；失效含有效期届满和宣布失效。',
      records: list({ fact: 'abolished', year }),
    },
    {
      key: 'documents.expired',
      label: '本年失效',
      value: c.expired,
      unit: '件',
      sentence: c.expired && !c.abolished ? `本年度${c.expired}件行政规范性文件失效。` : '',
      method: '有效期届满失效或宣布失效，日期在本年度内。',
      records: list({ fact: 'expired', year }),
    },
    {
      key: 'documents.cleanup',
      label: '规范性文件清理',
      value: cleanup.total,
      unit: '份',
      sentence: cleanup.total ? cleanup.sentence : '',
      method:
        '本年度公布结果的清理工作中列入清理的文件数；保留和需要修改的计为有效文件，宣布失效的计为失效文件。',
      records: list({ fact: 'cleanup', year }),
    },
    {
      key: 'documents.evaluated',
      label: '完成后评估',
      value: c.evaluated,
      unit: '件',
      sentence: c.evaluated ? `完成对${c.evaluated}件行政规范性文件的后评估。` : '',
      method: '本年度记录了后评估的文件数。',
      records: list({ fact: 'evaluated', year }),
    },
    {
      key: 'documents.comments',
      label: '征求意见收到与采纳',
      value: c.comments,
      unit: '条',
      sentence: c.comments
        ? `行政规范性文件草案公开征求意见，收到意见建议${c.comments}条${c.adopted ? `，采纳（含部分采纳）${c.adopted}条` : ''}。`
        : '',
      method: '本年度通过门户网站收到的规范性文件意见建议及其处理意见。',
      records: { ...list({ fact: 'comments', year, pageSize: 100 }), sum: 'commentsReceived' },
    },
  ];
}

export async function documentFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const today = ctx.clock.today();
  const c = await documentCounts(ctx.db, departmentId, year, today);
  const cleanup = cleanupTotals(await cleanupDecisions(ctx.db, departmentId, year));
  return documentFactsFrom(year, asAtYearEnd(year, today), c, cleanup);
}
