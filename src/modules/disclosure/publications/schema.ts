import {
  pgTable,
  text,
  uuid,
  integer,
  timestamp,
  date,
  boolean,
  jsonb,
  index,
  uniqueIndex,
  primaryKey,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../../core/search/column.ts';

/**
 * 主动公开: one row per published item with the 政务公开 metadata block (RULES §6.1, seed 001):
 * 索引号, 组配分类, 发布机构, 主题分类, 有效性, 关键词, 名称, 文号, 发文日期/生成日期, 发布日期, 内容概述.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey(),
    indexNumber: text('index_number').notNull(),
    departmentId: uuid('department_id').notNull(),
    // 发布机构 as it was named on the publication date.
    publisherName: text('publisher_name').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    topic: text('topic').notNull(),
    keywords: text('keywords').array().notNull(),
    docNumber: text('doc_number'),
    formedOn: date('formed_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    // Where an item published before it was entered here first appeared (政府公报, the former website); null when published here.
    publishedVia: text('published_via'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    // 条例 Art 26: within 20 working days of formation; dueOn is that day, late = publishedOn > dueOn.
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    validity: text('validity'),
    sourceModule: text('source_module'),
    sourceEntityId: text('source_entity_id'),
    // 保密审查 (条例 Art 17): { reviewer, conclusion, on, note }
    confidentialityReview: jsonb('confidentiality_review').notNull(),
    // 'published' | 'withdrawn'
    status: text('status').$type<'published' | 'withdrawn'>().notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: uuid('withdrawn_by'),
    search: tsvector('search').notNull(),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    uniqueIndex('publications_index_number_idx').on(t.indexNumber),
    index('publications_department_idx').on(t.departmentId, t.status, t.publishedOn),
    index('publications_source_idx').on(t.sourceModule, t.sourceEntityId),
    index('publications_search_idx').using('gin', t.search),
  ],
);

/** Attachments, in display order. */
export const publicationFiles = pgTable(
  'publication_files',
  {
    publicationId: uuid('publication_id').notNull(),
    fileId: uuid('file_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.publicationId, t.fileId] }),
    index('publication_files_file_idx').on(t.fileId),
  ],
);

/**
 * A publication waiting for its 保密审查 (条例 Art 17; reviewProcedure.ts): what the drafter asked to publish, the
 * account named as reviewer, and how the review ended. Passed → the item is in `publications` (publicationId);
 * returned → it never was. `source` names the module record being published (a normative document, a decision).
 */
export const publicationRequests = pgTable(
  'publication_requests',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    title: text('title').notNull(),
    // The PublicationInput as asked (without the review); published as it is when the reviewer passes it.
    input: jsonb('input').notNull(),
    sourceModule: text('source_module'),
    sourceEntityId: text('source_entity_id'),
    requestedBy: uuid('requested_by').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'pending' | 'published' | 'returned'>().notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    // The reviewer's opinion (pass) or reason (return).
    opinion: text('opinion'),
    publicationId: uuid('publication_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('publication_requests_department_idx').on(t.departmentId, t.status),
    index('publication_requests_reviewer_idx').on(t.reviewerId, t.status),
    index('publication_requests_source_idx').on(t.sourceModule, t.sourceEntityId),
  ],
);
