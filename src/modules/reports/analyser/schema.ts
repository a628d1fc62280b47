import {
  pgTable,
  text,
  uuid,
  integer,
  timestamp,
  date,
  jsonb,
  doublePrecision,
  index,
} from 'drizzle-orm/pg-core';

/**
 * 法治政府建设年度报告 written elsewhere and imported for analysis (issue 6 item 4): the original file
 * (core/files), the normalised text, and what the analyser found. orgName and year start as
 * detected and may be corrected by a reviewer; the detected values stay in `analysis`.
 */
export const reportImports = pgTable(
  'report_imports',
  {
    id: uuid('id').primaryKey(),
    // The department the report belongs to (a department imports its own; oversight any).
    departmentId: uuid('department_id').notNull(),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    // txt | html | docx | paste (extract.ts)
    format: text('format').$type<'txt' | 'html' | 'docx' | 'paste'>().notNull(),
    encoding: text('encoding'),
    text: text('text').notNull(),
    analysis: jsonb('analysis').notNull(),
    analyserVersion: integer('analyser_version').notNull(),
    title: text('title'),
    orgName: text('org_name'),
    year: integer('year'),
    reportDate: date('report_date', { mode: 'string' }),
    partsPresent: text('parts_present').array().notNull(),
    partsMissing: text('parts_missing').array().notNull(),
    factCount: integer('fact_count').notNull(),
    // Per cent of the sentences of the year's account without a concrete fact.
    emptySentenceShare: doublePrecision('empty_sentence_share').notNull(),
    indicators: jsonb('indicators').$type<Record<string, number>>().notNull(),
    importedBy: uuid('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('report_imports_department_idx').on(t.departmentId, t.year),
    index('report_imports_year_idx').on(t.year),
    index('report_imports_file_idx').on(t.fileId),
  ],
);
