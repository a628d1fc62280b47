import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  date,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * 法律顾问 / 公职律师 (GLOSSARY LegalAdvisor; RULES §4): the legal office's registry. An advisor may
 * have a user account (role legalAdvisor) to write opinions in the workbench; one without an account
 * gives opinions on paper and the legal office enters them.
 */
export const legalAdvisors = pgTable(
  'legal_advisors',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    kind: text('kind').notNull(), // external (法律顾问) | governmentLawyer (公职律师)
    name: text('name').notNull(),
    // 律师事务所 for an external advisor, 单位及职务 for a 公职律师.
    affiliation: text('affiliation').notNull(),
    licenceNumber: text('licence_number').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    userId: uuid('user_id'),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('legal_advisors_dept_idx').on(t.departmentId, t.termEnd),
    uniqueIndex('legal_advisors_licence_idx').on(t.departmentId, t.licenceNumber),
    uniqueIndex('legal_advisors_user_idx')
      .on(t.userId)
      .where(sql`user_id is not null`),
  ],
);

/**
 * One matter submitted for 合法性审查 (GLOSSARY LegalReview): a major decision, a normative document, a
 * contract, a disclosure reply, a reconsideration or litigation matter, or another legal affair.
 * `caseId` is the matter's own case (procedure legalReview: status, deadline, 我的待办, timeline);
 * `subjectCaseId` the case of the submitting module (e.g. the document), which receives the conclusion.
 */
export const reviewMatters = pgTable(
  'review_matters',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    subjectCaseId: uuid('subject_case_id'),
    departmentId: uuid('department_id').notNull(),
    // The requesting side (科室 or the department itself).
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    requestedBy: date('requested_by', { mode: 'string' }),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueExplanation: text('due_explanation').notNull().default(''),
    conclusion: text('conclusion'), // lawful | lawfulAfterRevision | unlawful
    conclusionOpinion: text('conclusion_opinion'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    concludedBy: uuid('concluded_by'),
    submittedBy: uuid('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('review_matters_case_idx').on(t.caseId),
    index('review_matters_subject_idx').on(t.subjectCaseId),
    index('review_matters_dept_idx').on(t.departmentId, t.dueOn),
  ],
);

/** Materials (送审材料) are stored files; added, never replaced. */
export const reviewMaterials = pgTable(
  'review_materials',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedBy: uuid('added_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('review_materials_file_idx').on(t.matterId, t.fileId),
    index('review_materials_file_id_idx').on(t.fileId),
  ],
);

/** Reviewers of a matter: a staff member of the legal office (userId) or an advisor from the registry (advisorId). */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    userId: uuid('user_id'),
    advisorId: uuid('advisor_id'),
    assignedBy: uuid('assigned_by'),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('review_assignments_matter_idx').on(t.matterId),
    index('review_assignments_user_idx').on(t.userId),
    uniqueIndex('review_assignments_user_once_idx')
      .on(t.matterId, t.userId)
      .where(sql`user_id is not null`),
    uniqueIndex('review_assignments_advisor_once_idx')
      .on(t.matterId, t.advisorId)
      .where(sql`advisor_id is not null`),
  ],
);

/**
 * 法审意见 (GLOSSARY legalOpinion): numbered per matter (第1条, 第2条…). The requesting side marks each
 * opinion 采纳 / 部分采纳 / 未采纳 once, with a reason unless adopted.
 */
export const legalOpinions = pgTable(
  'legal_opinions',
  {
    id: uuid('id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    seq: integer('seq').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    body: text('body').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    enteredBy: uuid('entered_by'),
    adoption: text('adoption'), // adopted | partlyAdopted | notAdopted
    adoptionReason: text('adoption_reason'),
    adoptionOn: date('adoption_on', { mode: 'string' }),
    adoptionBy: uuid('adoption_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('legal_opinions_seq_idx').on(t.matterId, t.seq)],
);
