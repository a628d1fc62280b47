import { pgTable, text, uuid, timestamp, integer, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 政府信息公开工作年度报告 of one department and year (国办公开办函〔2021〕30号, RULES §5.6):
 * the editable prose (一、五、六), the staff-entered cells (table 二 rows without a source module,
 * table 四), the submission deadline case, and the frozen tables once submitted.
 */
export const disclosureReports = pgTable(
  'disclosure_reports',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    // The deadline case (submit by 1月31日 of the next year, 条例 Art 49).
    caseId: uuid('case_id'),
    prose: jsonb('prose').notNull(),
    manual: jsonb('manual').notNull(),
    // The tables as submitted / published; null while a draft.
    snapshot: jsonb('snapshot'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('disclosure_reports_dept_year_idx').on(t.departmentId, t.year)],
);
