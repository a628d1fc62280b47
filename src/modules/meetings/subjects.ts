/** What an agenda item may link to: a record of the meeting's own department, by type. */
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { SUBJECT_LABELS, type SubjectType } from './labels.ts';

export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

// The records an agenda item may link to, by type: each must belong to the meeting's department.
const SUBJECT_TABLES: Partial<Record<SubjectType, string>> = {
  majorDecision: 'major_decisions',
  normativeDocument: 'normative_documents',
  reviewMatter: 'review_matters',
};

export async function checkSubject(
  tx: Tx,
  departmentId: string,
  type: SubjectType,
  id: string,
): Promise<void> {
  const table = SUBJECT_TABLES[type];
  if (!table)
    throw new AppError('VALIDATION', '关联事项：其他议题不关联事项', {
      fields: [{ path: 'subjectId', message: '其他议题不关联事项' }],
    });
  const [row] = await queryRows<{ ok: number }>(
    tx,
    sql`select 1 as ok from ${sql.identifier(table)} where id = ${id} and department_id = ${departmentId}`,
  );
  if (!row)
    throw new AppError('VALIDATION', `关联事项：本部门没有该${SUBJECT_LABELS[type]}`, {
      fields: [{ path: 'subjectId', message: '不存在' }],
    });
}

/** What a plain topic may link to: the department's documents still being made and its open or recent review matters. */
export async function subjectChoices(db: DbOrTx, departmentId: string) {
  const rows = await queryRows<{ type: SubjectType; id: string; title: string }>(
    db,
    sql`(select 'normativeDocument' as type, d.id, d.title from normative_documents d join cases c on c.id = d.case_id where d.department_id = ${departmentId} and c.status = 'drafting' order by d.created_at desc limit 50) union all (select 'reviewMatter', r.id, r.title from review_matters r join cases c on c.id = r.case_id where r.department_id = ${departmentId} and c.status <> 'withdrawn' order by r.created_at desc limit 50)`,
  );
  return rows.map((x) => ({
    value: `${x.type}:${x.id}`,
    label: `${SUBJECT_LABELS[x.type]}：${x.title}`,
  }));
}
