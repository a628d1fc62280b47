/**
 * What the owning modules count of their consultations for the yearly figures (法治政府建设年度报告):
 * the comments a record's drafts received, as a correlated subquery on the owner's row. The owner names
 * its subject kind and id column; the consultation tables stay named here only.
 */
import { sql, type SQL } from 'drizzle-orm';

export interface CommentsReceivedQuery {
  /** The owner's subject kind: 'normativeDocument', 'majorDecision'. */
  subjectType: string;
  /** The owner's id column, e.g. sql`d.id` (the outer query's row). */
  subjectId: SQL;
  /** First day of the period and the day after its last (YYYY-MM-DD). */
  start: string;
  next: string;
  /** Only the comments 采纳 or 部分采纳. */
  adoptedOnly?: boolean;
}

/** The number of comments received in [start, next) on the drafts of the outer row (an int subquery). */
export function commentsReceivedSql(q: CommentsReceivedQuery): SQL {
  return sql`(select count(*)::int from consultation_comments k join consultations c on c.id = k.consultation_id
    where c.subject_type = ${q.subjectType} and c.subject_id = ${q.subjectId}
      and k.submitted_at >= ${q.start}::date and k.submitted_at < ${q.next}::date
      ${q.adoptedOnly ? sql`and k.disposition in ('adopted','partlyAdopted')` : sql``})`;
}
