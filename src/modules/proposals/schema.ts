import {
  pgTable,
  text,
  uuid,
  timestamp,
  date,
  boolean,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One 人大代表建议 or 政协提案 assigned to the bureau (GLOSSARY Proposal; RULES §7.3: 代表法 Art 51,
 * 国办发〔2014〕46号). `orgId` is the 主办 (lead) unit, `coOrgIds` the 协办 units; `caseId` its case
 * (procedure `proposal`: 3/6-month reply clock, co-handlers' 1-month opinions, 我的待办).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(), // deputy | cppcc
    number: text('number').notNull(),
    title: text('title').notNull(),
    proposer: text('proposer').notNull(),
    proposerContact: text('proposer_contact').notNull().default(''),
    content: text('content').notNull().default(''),
    assignedBy: text('assigned_by').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    difficult: boolean('difficult').notNull().default(false),
    difficultReason: text('difficult_reason'),
    coOrgIds: uuid('co_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    coDueOn: date('co_due_on', { mode: 'string' }),
    contactMethod: text('contact_method'),
    contactedOn: date('contacted_on', { mode: 'string' }),
    contactNote: text('contact_note'),
    resultCode: text('result_code'), // A | B | C | D
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    feedback: text('feedback'), // satisfied | basicallySatisfied | dissatisfied
    feedbackNote: text('feedback_note'),
    feedbackOn: date('feedback_on', { mode: 'string' }),
    publishedText: text('published_text'),
    publishedOn: date('published_on', { mode: 'string' }),
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('proposals_dept_idx').on(t.departmentId, t.assignedOn),
    uniqueIndex('proposals_case_idx').on(t.caseId),
    uniqueIndex('proposals_number_idx').on(t.departmentId, t.kind, t.number),
    index('proposals_published_idx')
      .on(t.publishedOn)
      .where(sql`published_on is not null`),
  ],
);

/** A 协办 unit's opinion to the lead unit (local rule: within 1个月 of 交办). */
export const proposalOpinions = pgTable(
  'proposal_opinions',
  {
    id: uuid('id').primaryKey(),
    proposalId: uuid('proposal_id').notNull(),
    orgId: uuid('org_id').notNull(),
    opinion: text('opinion').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    submittedBy: uuid('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('proposal_opinions_org_idx').on(t.proposalId, t.orgId)],
);
