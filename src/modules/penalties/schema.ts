import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  bigint,
  boolean,
  date,
  jsonb,
  index,
  uniqueIndex,
  numeric,
} from 'drizzle-orm/pg-core';

/**
 * 行政处罚 cases (PenaltyCase): one row per case (its procedure runs in `cases`), with the party, the
 * officers, the notified and the decided penalty, and its 事后公开 (publication / withdrawal); and the
 * 全过程记录: every file attached to the act (case event) that produced it, hashed.
 */
export const penaltyCases = pgTable(
  'penalty_cases',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    mode: text('mode').$type<'general' | 'summary'>().notNull(),
    caseNo: text('case_no').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    partyKind: text('party_kind').$type<'individual' | 'organisation'>().notNull(),
    partyName: text('party_name').notNull(),
    partyIdNo: text('party_id_no').notNull().default(''),
    partyAddress: text('party_address').notNull().default(''),
    actOn: date('act_on', { mode: 'string' }),
    discoveredOn: date('discovered_on', { mode: 'string' }),
    lifeHealthFinance: boolean('life_health_finance').notNull().default(false),
    summary: text('summary').notNull().default(''),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    inspectionRecordId: uuid('inspection_record_id'),
    // Registry officers (enforcement_officers ids) and the accounts handling the case (who see it).
    officerIds: jsonb('officer_ids').$type<string[]>().notNull().default([]),
    officerNames: jsonb('officer_names').$type<string[]>().notNull().default([]),
    handlerIds: jsonb('handler_ids').$type<string[]>().notNull().default([]),
    discretionCode: text('discretion_code'),
    notice: jsonb('notice').$type<Record<string, unknown> | null>(),
    decision: jsonb('decision').$type<Record<string, unknown> | null>(),
    decisionType: text('decision_type'),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }),
    fineAmount: numeric('fine_amount', { mode: 'number' }),
    confiscationAmount: numeric('confiscation_amount', { mode: 'number' }),
    penaltyTypes: jsonb('penalty_types').$type<string[]>().notNull().default([]),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    executedOn: date('executed_on', { mode: 'string' }),
    hearingHeld: boolean('hearing_held').notNull().default(false),
    legalChecked: boolean('legal_checked').notNull().default(false),
    publishedOn: date('published_on', { mode: 'string' }),
    publicationDueOn: date('publication_due_on', { mode: 'string' }),
    publicSummary: text('public_summary'),
    revokedOn: date('revoked_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('penalty_cases_case_uq').on(t.caseId),
    uniqueIndex('penalty_cases_no_uq').on(t.departmentId, t.caseNo),
    index('penalty_cases_dept_idx').on(t.departmentId, t.openedOn),
    index('penalty_cases_published_idx').on(t.departmentId, t.publishedOn),
    // One finding, one case (service.ts refuses a second 立案 with the first one's number).
    uniqueIndex('penalty_cases_inspection_uq')
      .on(t.inspectionRecordId)
      .where(sql`${t.inspectionRecordId} is not null`),
  ],
);

/** 全过程记录: a file produced by one act of the case (its event seq), hashed when attached. */
export const penaltyFiles = pgTable(
  'penalty_files',
  {
    id: uuid('id').primaryKey(),
    penaltyId: uuid('penalty_id').notNull(),
    eventSeq: integer('event_seq').notNull(),
    act: text('act').notNull(),
    kind: text('kind').$type<'document' | 'photo' | 'audio' | 'video' | 'other'>().notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    addedBy: uuid('added_by'),
    auditSeq: integer('audit_seq'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('penalty_files_penalty_idx').on(t.penaltyId, t.eventSeq),
    index('penalty_files_file_idx').on(t.fileId),
  ],
);

/**
 * 年度行政执法统计 (国办发〔2018〕118号: publish the previous year's enforcement data by 1月31日): one row per
 * department and year, its case (the clock in 我的待办) and, once published, the figures frozen as shown.
 */
export const enforcementStatistics = pgTable(
  'enforcement_statistics',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    caseId: uuid('case_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    figures: jsonb('figures'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedBy: uuid('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('enforcement_statistics_dept_year_idx').on(t.departmentId, t.year)],
);
