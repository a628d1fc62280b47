import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  boolean,
  date,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tsvector } from '../../core/search/column.ts';

/**
 * 行政规范性文件, one row per version. A published version's text never changes: amending opens a
 * new version (same lineage) that supersedes it. The issuer is always the department (RULES §2.2);
 * the drafting 科室 is recorded separately.
 */
export const normativeDocuments = pgTable(
  'normative_documents',
  {
    id: uuid('id').primaryKey(),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    draftingOrgId: uuid('drafting_org_id').notNull(),
    title: text('title').notNull(),
    docType: text('doc_type').notNull(),
    trial: text('trial').notNull().default('none'), // none | trial (试行) | interim (暂行)
    concernsMarket: boolean('concerns_market').notNull(),
    touchesPublicInterest: boolean('touches_public_interest').notNull(),
    draftingExplanation: text('drafting_explanation').notNull().default(''),
    legalBases: text('legal_bases').notNull().default(''),
    // Plain paragraphs, one per line (typed, or extracted from an uploaded .docx kept in core/files).
    bodyText: text('body_text').notNull().default(''),
    sourceFileId: uuid('source_file_id'),
    topic: text('topic').notNull().default(''),
    keywords: text('keywords').notNull().default(''),
    docNumber: text('doc_number'),
    docYear: integer('doc_year'),
    registrationNumber: text('registration_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    interpretation: text('interpretation').notNull().default(''),
    publicationId: uuid('publication_id'),
    // Cached value of legalStatus() over document_events; written only by the status recomputation.
    legalStatus: text('legal_status').notNull().default('draft'),
    // to_tsvector('simple', toSearchText(title, 文号, keywords, body)): words + CJK bigrams (core/search).
    search: tsvector('search'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('normative_documents_case_idx').on(t.caseId),
    uniqueIndex('normative_documents_number_idx').on(t.departmentId, t.docNumber),
    index('normative_documents_dept_idx').on(t.departmentId, t.createdAt),
    index('normative_documents_registry_idx')
      .on(t.legalStatus, t.publishedOn)
      .where(sql`published_on is not null`),
    // 规范性文件库: one department's published documents, newest first — a broad search stops after one page.
    index('normative_documents_registry_dept_idx')
      .on(t.departmentId, t.publishedOn.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`published_on is not null`),
    index('normative_documents_search_idx').using('gin', t.search),
    index('normative_documents_source_file_idx')
      .on(t.sourceFileId)
      .where(sql`source_file_id is not null`),
  ],
);

/** Dated events of a document's legal life; the legal status is derived from them (status.ts). */
export const documentEvents = pgTable(
  'document_events',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id').notNull(),
    // published | amended | abolished | declaredInvalid | expired | evaluationDue | evaluated
    kind: text('kind').notNull(),
    on: date('on_date', { mode: 'string' }).notNull(),
    // The deciding act (文号 of the 废止/失效 decision, the amending document …).
    act: text('act'),
    note: text('note'),
    data: jsonb('data').notNull().default({}),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('document_events_doc_idx').on(t.documentId, t.on),
    // One ending per kind: the expiry sweep and reminders are idempotent.
    uniqueIndex('document_events_once_idx')
      .on(t.documentId, t.kind)
      .where(
        sql`kind in ('published','amended','abolished','declaredInvalid','expired','evaluationDue')`,
      ),
  ],
);

/** 备案: one filing per published version; the oversight body accepts it or returns it for 纠错. */
export const documentFilings = pgTable(
  'document_filings',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    oversightOrgId: uuid('oversight_org_id').notNull(),
    status: text('status').notNull(), // submitted | returned | answered | accepted
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    filingNo: text('filing_no'),
    correctionRequest: text('correction_request'),
    returnedOn: date('returned_on', { mode: 'string' }),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    reviewOpinion: text('review_opinion'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    reviewerId: uuid('reviewer_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('document_filings_doc_idx').on(t.documentId),
    index('document_filings_oversight_idx').on(t.oversightOrgId, t.status),
  ],
);

/** 清理: a campaign of the legal office over the documents in force, with a decision for each. */
export const cleanupCampaigns = pgTable('cleanup_campaigns', {
  id: uuid('id').primaryKey(),
  departmentId: uuid('department_id').notNull(),
  title: text('title').notNull(),
  basis: text('basis').notNull().default(''),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  publishedOn: date('published_on', { mode: 'string' }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const cleanupItems = pgTable(
  'cleanup_items',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id').notNull(),
    documentId: uuid('document_id').notNull(),
    decision: text('decision'), // keep | amend | abolish | declareInvalid
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('cleanup_items_idx').on(t.campaignId, t.documentId)],
);
