/**
 * What the cases say as at a date: the result in force (the 二审 result once given, nothing while an
 * appeal is pending, else the first decision or judgment), its category for table 四 and the rates, and
 * the lists behind every figure (the `records` of each fact, the drill-down of table 四).
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { litigationCases } from './schema.ts';
import {
  ACT_MODULES,
  CATEGORY_LABELS,
  KIND_LABELS,
  RESULT_LABELS,
  categoryOf,
  type ActModule,
  type Category,
} from './labels.ts';
import type { LitigationRow } from './service.ts';

type ResultCols = Pick<
  LitigationRow,
  'firstResult' | 'firstResultOn' | 'appealedOn' | 'finalResult' | 'finalResultOn'
>;

/** The result in force on `asOf`, or null while the case is not decided (尚未审结). */
export function resultAsOf(r: ResultCols, asOf: string): { result: string; on: string } | null {
  if (r.finalResult && r.finalResultOn && r.finalResultOn <= asOf)
    return { result: r.finalResult, on: r.finalResultOn };
  if (r.appealedOn && r.appealedOn <= asOf) return null;
  if (r.firstResult && r.firstResultOn && r.firstResultOn <= asOf)
    return { result: r.firstResult, on: r.firstResultOn };
  return null;
}

export const categoryAsOf = (r: ResultCols, asOf: string): Category | 'pending' => {
  const res = resultAsOf(r, asOf);
  return res ? categoryOf(res.result) : 'pending';
};

/** "As at" for a year: its 12月31日, or today while the year runs. */
export const asOfFor = (year: number, today: string) =>
  `${year}-12-31` < today ? `${year}-12-31` : today;

export async function rowsReceivedIn(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<LitigationRow[]> {
  return db
    .select()
    .from(litigationCases)
    .where(
      and(
        eq(litigationCases.departmentId, departmentId),
        gte(litigationCases.receivedOn, `${year}-01-01`),
        lte(litigationCases.receivedOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(litigationCases.receivedOn), asc(litigationCases.caseNo));
}

export async function departmentRows(db: DbOrTx, departmentId: string): Promise<LitigationRow[]> {
  return db
    .select()
    .from(litigationCases)
    .where(eq(litigationCases.departmentId, departmentId))
    .orderBy(asc(litigationCases.receivedOn), asc(litigationCases.caseNo));
}

export interface ListQuery {
  kind?: 'reconsideration' | 'lawsuit';
  /** Received in this year. */
  year?: number;
  /** Decided (first decision or judgment) in this year. */
  decidedIn?: number;
  /** With a result in force dated in this year (as at its end). */
  concludedIn?: number;
  answeredIn?: number;
  late?: boolean;
  category?: Category | 'pending';
  /** Only cases about a 政府信息公开 answer (table 四). */
  disclosure?: boolean;
  afterReconsideration?: boolean;
}

const inYear = (d: string | null | undefined, y: number) => !!d && d.startsWith(`${y}-`);

/** Filters the department's cases (a department has tens of cases a year: filtering in memory is plain). */
export function filterRows(rows: LitigationRow[], q: ListQuery, today: string): LitigationRow[] {
  const year = q.year ?? q.decidedIn ?? q.concludedIn ?? q.answeredIn;
  const asOf = year ? asOfFor(year, today) : today;
  return rows.filter((r) => {
    if (q.kind && r.kind !== q.kind) return false;
    if (q.year && !inYear(r.receivedOn, q.year)) return false;
    if (q.decidedIn && !(inYear(r.firstResultOn, q.decidedIn) && r.firstResultOn! <= asOf))
      return false;
    if (q.concludedIn && !inYear(resultAsOf(r, asOf)?.on, q.concludedIn)) return false;
    if (q.answeredIn && !inYear(r.answeredOn, q.answeredIn)) return false;
    if (q.late !== undefined && !!r.answerLate !== q.late) return false;
    if (q.disclosure !== undefined && (r.actModule === 'disclosureRequest') !== q.disclosure)
      return false;
    if (q.afterReconsideration !== undefined && r.afterReconsideration !== q.afterReconsideration)
      return false;
    if (q.category) {
      // 纠错率 counts the 复议 decision itself; the other lists read the result in force.
      const cat = q.decidedIn && r.firstResult ? categoryOf(r.firstResult) : categoryAsOf(r, asOf);
      if (cat !== q.category) return false;
    }
    return true;
  });
}

export function presentRow(r: LitigationRow, today: string) {
  const res = resultAsOf(r, today);
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.kind,
    caseNo: r.caseNo,
    applicant: r.applicant,
    body: r.body,
    procedureType: r.procedureType,
    act: r.actModule
      ? {
          module: r.actModule,
          recordId: r.actRecordId,
          path: `${ACT_MODULES[r.actModule as ActModule].path}${r.actRecordId}`,
        }
      : null,
    actTitle: r.actTitle,
    filedOn: r.filedOn,
    receivedOn: r.receivedOn,
    afterReconsideration: r.afterReconsideration,
    answeredOn: r.answeredOn,
    answerDue: r.answerDue,
    answerLate: r.answerLate,
    evidence: r.evidence,
    result: res
      ? {
          code: res.result,
          label: RESULT_LABELS[res.result] ?? res.result,
          on: res.on,
          category: categoryOf(res.result),
          categoryLabel: CATEGORY_LABELS[categoryOf(res.result)],
        }
      : null,
    firstResult: r.firstResult
      ? {
          code: r.firstResult,
          label: RESULT_LABELS[r.firstResult] ?? r.firstResult,
          on: r.firstResultOn,
        }
      : null,
    appealedOn: r.appealedOn,
  };
}

export async function listCases(ctx: Ctx, actor: Actor, q: ListQuery) {
  authorize(actor, 'litigationCase', 'list');
  const today = ctx.clock.today();
  return filterRows(await departmentRows(ctx.db, actor.departmentId), q, today).map((r) =>
    presentRow(r, today),
  );
}

export interface HearingRow {
  id: string;
  caseNo: string;
  kind: string;
  on: string;
  instance: string | null;
  headAppeared: boolean;
  delegate: string | null;
  hearingOn: string | null;
}

/** Hearings of the department's cases: 行政诉讼 出庭 (Art 3) and 行政复议 听证 (Art 51), by the date held. */
export async function hearings(
  db: DbOrTx,
  departmentId: string,
  year: number,
  kind: 'lawsuit' | 'reconsideration' = 'lawsuit',
): Promise<HearingRow[]> {
  const type = kind === 'lawsuit' ? 'hearing' : 'hearingNotice';
  const head = kind === 'lawsuit' ? 'headAppeared' : 'headAttends';
  const rows = await queryRows<HearingRow>(
    db,
    sql`select l.id, l.case_no as "caseNo", l.kind, coalesce(e.data->>'hearingOn', e.on_date::text) as "on", e.data->>'instance' as instance,
          coalesce((e.data->>${head})::boolean, false) as "headAppeared", e.data->>'delegate' as delegate, e.data->>'hearingOn' as "hearingOn"
        from litigation_cases l join case_events e on e.case_id = l.case_id and e.type = ${type}
        where l.department_id = ${departmentId} and l.kind = ${kind}
        order by 4, l.case_no`,
  );
  return rows.filter((h) => h.on.startsWith(`${year}-`));
}

export async function listHearings(ctx: Ctx, actor: Actor, year: number, headAppeared?: boolean) {
  authorize(actor, 'litigationCase', 'list');
  const all = await hearings(ctx.db, actor.departmentId, year);
  return headAppeared === undefined ? all : all.filter((h) => h.headAppeared === headAppeared);
}
