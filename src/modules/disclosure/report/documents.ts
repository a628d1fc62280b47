/**
 * Table 二, row 行政规范性文件, from the documents module's records: every figure belongs to the report
 * year, not to the day the report is opened.
 * - 本年制发件数: versions published in the year (an amended document republished counts again);
 * - 本年废止件数: 废止 decisions dated in the year;
 * - 现行有效件数: as at 12月31日 of the year — published by then and not amended, abolished, declared
 *   invalid or expired by then. The status is the documents module's own rule (status.ts legalStatus)
 *   evaluated on that day over the events dated up to it; 尚未施行 counts as in force, as in that module.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../../core/db/client.ts';
import { legalStatus, type StatusEvent } from '../../documents/status.ts';
import { yearBounds } from './counts.ts';

export interface DocumentsRow { issued: number; abolished: number; inForce: number }

const ENDINGS = ['amended', 'abolished', 'declaredInvalid', 'expired'];

interface Version { published_on: string; effective_on: string | null; valid_until: string | null; events: StatusEvent[] }

/** The number of versions in force on `day` (pure). */
export function inForceOn(versions: Version[], day: string): number {
  return versions.filter((v) => {
    const s = legalStatus({ events: [{ kind: 'published', on: v.published_on }, ...v.events], effectiveOn: v.effective_on, validUntil: v.valid_until, today: day });
    return s.status === 'inForce' || s.status === 'notYetInForce';
  }).length;
}

export async function normativeDocumentsRow(db: DbOrTx, departmentId: string, year: number): Promise<DocumentsRow> {
  const { start, end } = yearBounds(year);
  const versions = await queryRows<Version>(
    db,
    sql`select d.published_on::text as published_on, d.effective_on::text as effective_on, d.valid_until::text as valid_until,
        coalesce((select json_agg(json_build_object('kind', e.kind, 'on', e.on_date::text))
          from document_events e where e.document_id = d.id and e.kind in (${sql.join(ENDINGS.map((k) => sql`${k}`), sql`, `)}) and e.on_date <= ${end}), '[]'::json) as events
      from normative_documents d
      where d.department_id = ${departmentId} and d.published_on is not null and d.published_on <= ${end}`,
  );
  const [counts] = await queryRows<{ abolished: number }>(
    db,
    sql`select count(*)::int as abolished from document_events e join normative_documents d on d.id = e.document_id
      where d.department_id = ${departmentId} and e.kind = 'abolished' and e.on_date between ${start} and ${end}`,
  );
  return {
    issued: versions.filter((v) => v.published_on >= start).length,
    abolished: counts?.abolished ?? 0,
    inForce: inForceOn(versions, end),
  };
}
