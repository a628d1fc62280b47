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
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * 决策事项目录 (条例 Art 3 ¶3): the year's catalogue, approved (同级党委同意) and then published; after
 * publication items change only through a published adjustment.
 */
export const decisionCatalogues = pgTable(
  'decision_catalogues',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    // Its status is the case's (catalogueProcedure.ts): the engine is the state machine.
    caseId: uuid('case_id').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }),
    approvedBy: text('approved_by'),
    approvalRef: text('approval_ref'),
    publishedOn: date('published_on', { mode: 'string' }),
    publicationId: uuid('publication_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('decision_catalogues_year_idx').on(t.departmentId, t.year),
    uniqueIndex('decision_catalogues_case_idx').on(t.caseId),
  ],
);

export const decisionCatalogueItems = pgTable(
  'decision_catalogue_items',
  {
    id: uuid('id').primaryKey(),
    catalogueId: uuid('catalogue_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    undertakingUnit: text('undertaking_unit').notNull(),
    basis: text('basis').notNull().default(''),
    plannedTime: text('planned_time').notNull().default(''),
    // listed | removed (removed only by a published adjustment once the catalogue is published)
    status: text('status').$type<'listed' | 'removed'>().notNull(),
    addedByAdjustmentId: uuid('added_by_adjustment_id'),
    removedByAdjustmentId: uuid('removed_by_adjustment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decision_catalogue_items_seq_idx').on(t.catalogueId, t.seq)],
);

/** An in-year adjustment of a published catalogue: what changed, why, who agreed, when it was published. */
export const decisionCatalogueAdjustments = pgTable(
  'decision_catalogue_adjustments',
  {
    id: uuid('id').primaryKey(),
    catalogueId: uuid('catalogue_id').notNull(),
    seq: integer('seq').notNull(),
    reason: text('reason').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    approvedBy: text('approved_by').notNull(),
    // [{ op: 'add' | 'remove', itemId, title }]
    changes: jsonb('changes').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publicationId: uuid('publication_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decision_catalogue_adjustments_seq_idx').on(t.catalogueId, t.seq)],
);

/** One 重大行政决策 (its procedure is the case `caseId`); a major adjustment is a new decision with revisionOf. */
export const majorDecisions = pgTable(
  'major_decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    catalogueItemId: uuid('catalogue_item_id'),
    outsideCatalogueReason: text('outside_catalogue_reason'),
    proposer: text('proposer').notNull(),
    undertakingUnit: text('undertaking_unit').notNull(),
    problem: text('problem').notNull(),
    basis: text('basis').notNull(),
    initialPlan: text('initial_plan').notNull(),
    // Scope flags (which statutory steps apply), fixed at the start.
    confidential: boolean('confidential').notNull(),
    technical: boolean('technical').notNull(),
    riskRelevant: boolean('risk_relevant').notNull(),
    concernsMarket: boolean('concerns_market').notNull(),
    hearingPlanned: boolean('hearing_planned').notNull(),
    partyReportRequired: boolean('party_report_required').notNull(),
    // The current draft; every version is kept as evidence.
    draftText: text('draft_text').notNull().default(''),
    draftVersion: integer('draft_version').notNull().default(0),
    revisionOf: uuid('revision_of'),
    decidedOn: date('decided_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    publicationId: uuid('publication_id'),
    interpretation: text('interpretation').notNull().default(''),
    adoptionExplanation: text('adoption_explanation').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('major_decisions_case_idx').on(t.caseId),
    index('major_decisions_dept_idx').on(t.departmentId, t.year),
    index('major_decisions_item_idx').on(t.catalogueItemId),
    index('major_decisions_published_idx').on(t.publishedOn),
  ],
);

/**
 * 决策过程记录和材料 (条例 Art 33): append-only (a trigger refuses UPDATE and DELETE). A correction is
 * a new entry that supersedes an earlier one; each entry names the audit event that proves when it
 * was added. Files stay in core/files; the entry records their name, size and SHA-256.
 */
export const decisionEvidence = pgTable(
  'decision_evidence',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id').notNull(),
    seq: integer('seq').notNull(),
    // The stage or act it belongs to (draftPlan, hearing, riskAssessment, collectiveDecision, …).
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    fileId: uuid('file_id'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    fileSha256: text('file_sha256'),
    mime: text('mime'),
    caseEventSeq: integer('case_event_seq'),
    supersedesId: uuid('supersedes_id'),
    afterDecision: boolean('after_decision').notNull().default(false),
    note: text('note'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('decision_evidence_seq_idx').on(t.decisionId, t.seq),
    index('decision_evidence_file_idx')
      .on(t.fileId)
      .where(sql`file_id is not null`),
  ],
);
