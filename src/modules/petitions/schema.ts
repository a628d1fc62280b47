import { pgTable, text, uuid, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One 信访事项 (GLOSSARY Petition; RULES §7.1, 信访工作条例 2022). `caseId` is its case on the shared
 * engine (procedure `petition`): acceptance notice, handling, 复查/复核 clocks, 我的待办.
 * `orgId` is the handling 科室; `accusedOrgId` the division a 检举控告 names (it never sees the matter);
 * `handlerIds` the named handlers who alone read a 检举控告's content (条例 Art 30 保密).
 */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    number: text('number').notNull(),
    // Printed on the 处理意见书: the petitioner's key to 好差评 on the portal (one rating per matter).
    trackingCode: text('tracking_code').notNull(),
    channel: text('channel').notNull(), // letter | visit | phone | online | hotline | other
    source: text('source').notNull(), // direct | transferred
    transferredBy: text('transferred_by').notNull().default(''),
    sourceRef: text('source_ref').notNull().default(''),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    petitionerName: text('petitioner_name').notNull(),
    petitionerPhone: text('petitioner_phone').notNull().default(''),
    petitionerIdNumber: text('petitioner_id_number').notNull().default(''),
    petitionerAddress: text('petitioner_address').notNull().default(''),
    content: text('content').notNull(),
    category: text('category'), // suggestion | accusation | appeal
    accusedOrgId: uuid('accused_org_id'),
    handlerIds: uuid('handler_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    redirectRoute: text('redirect_route'),
    status: text('status').notNull(),
    noticeOn: date('notice_on', { mode: 'string' }),
    decision: text('decision'), // support | explain | notSupport
    opinionFacts: text('opinion_facts'),
    opinionText: text('opinion_text'),
    opinionBasis: text('opinion_basis'),
    answeredOn: date('answered_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('petitions_dept_idx').on(t.departmentId, t.receivedOn),
    uniqueIndex('petitions_case_idx').on(t.caseId),
    uniqueIndex('petitions_number_idx').on(t.departmentId, t.number),
    uniqueIndex('petitions_tracking_code_idx').on(t.trackingCode),
    uniqueIndex('petitions_source_ref_idx')
      .on(t.departmentId, t.sourceRef)
      .where(sql`source_ref <> ''`),
  ],
);
