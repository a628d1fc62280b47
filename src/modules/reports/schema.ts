import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  date,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 法治政府建设年度报告 (annualReport, kind ruleOfLaw; RULES §11) of one department and year: the
 * deadline case (submit by 3月1日, publish by 4月1日), which version is current, approved and
 * published. The workflow status lives on the case (procedure.ts).
 */
export const ruleOfLawReports = pgTable(
  'rule_of_law_reports',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    caseId: uuid('case_id').notNull(),
    currentVersionId: uuid('current_version_id').notNull(),
    approvedVersionId: uuid('approved_version_id'),
    publishedVersionId: uuid('published_version_id'),
    // The 保密审查, the approving meeting and the submission as recorded ({ reviewer, on, … }).
    review: jsonb('review'),
    approval: jsonb('approval'),
    submission: jsonb('submission'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('rule_of_law_reports_dept_year_idx').on(t.departmentId, t.year)],
);

/**
 * Every saved state of a report, never changed afterwards except `frozen`, set once at approval.
 * `content` is the structured document (document.ts: parts → blocks → text and fact references),
 * `figures` the values of the referenced facts when it was saved (to show what changed since),
 * `frozen` every fact of the department-year at approval (the figures the report states from then on).
 */
export const ruleOfLawReportVersions = pgTable(
  'rule_of_law_report_versions',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
    content: jsonb('content').notNull(),
    figures: jsonb('figures').notNull(),
    frozen: jsonb('frozen'),
    // generated | edited | revision (edited after approval or publication)
    origin: text('origin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('rule_of_law_report_versions_seq_idx').on(t.reportId, t.seq)],
);
