import { pgTable, text, uuid, timestamp, integer, date, index } from 'drizzle-orm/pg-core';

/**
 * 公开征求意见: a draft shown on the portal for a window, with the comments received and each
 * comment's disposition (采纳/部分采纳/不采纳). Shared by 行政规范性文件 and 重大行政决策.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey(),
    // What is consulted on: 'normativeDocument' | 'majorDecision' …, and that record's id.
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    caseId: uuid('case_id'),
    departmentId: uuid('department_id').notNull(),
    title: text('title').notNull(),
    // Snapshot of the draft as consulted on (plain paragraphs, one per line) and its explanation.
    draftText: text('draft_text').notNull(),
    explanation: text('explanation').notNull().default(''),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    // Why the window is shorter than the statutory minimum, shown in the notice (重大行政决策程序暂行条例 Art 15).
    shortenedReason: text('shortened_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    // The 意见采纳情况 feedback, generated from the dispositions and published next to the draft.
    reportPublishedOn: date('report_published_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('consultations_subject_idx').on(t.subjectType, t.subjectId),
    index('consultations_open_idx').on(t.endOn),
  ],
);

export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: uuid('id').primaryKey(),
    consultationId: uuid('consultation_id').notNull(),
    seq: integer('seq').notNull(),
    // Optional numbered article the comment is about (第N条).
    articleNo: integer('article_no'),
    body: text('body').notNull(),
    // Shown as given (or 匿名); contact details are private to staff.
    authorName: text('author_name'),
    contact: text('contact'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    disposition: text('disposition'), // adopted | partlyAdopted | notAdopted
    reason: text('reason'),
    disposedBy: uuid('disposed_by'),
    disposedAt: timestamp('disposed_at', { withTimezone: true }),
  },
  (t) => [index('consultation_comments_idx').on(t.consultationId, t.seq)],
);
