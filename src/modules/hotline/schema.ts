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

/**
 * A 12345 ticket or a 网民留言 (RULES §7.2): one row per demand, its case on the shared engine. The
 * citizen's personal data lives here only (masked for all but the handlers, policy.ts), never in the case.
 */
export const hotlineTickets = pgTable(
  'hotline_tickets',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    /** The 主办 division (the department itself until handed to a division). */
    orgId: uuid('org_id').notNull(),
    /** 协办 divisions. */
    coOrgIds: uuid('co_org_ids').array().notNull().default([]),
    /** platform | manual | excel | portal */
    source: text('source').notNull(),
    ticketNo: text('ticket_no').notNull(),
    /** phone | web | app | wechat | portal | other */
    channel: text('channel').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** consult | help | suggest | complain | report */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    location: text('location'),
    citizenName: text('citizen_name'),
    citizenPhone: text('citizen_phone'),
    citizenIdNumber: text('citizen_id_number'),
    /** The hotline's deadline (or the configured one per type), moved by an approved extension or a re-opening. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    trackingCode: text('tracking_code').notNull(),
    publishConsent: boolean('publish_consent').notNull().default(false),
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    late: boolean('late').notNull().default(false),
    /** The 回访 result: satisfied | basic | unsatisfied */
    satisfaction: text('satisfaction'),
    closedOn: date('closed_on', { mode: 'string' }),
    publishedReply: text('published_reply'),
    publishedOn: date('published_on', { mode: 'string' }),
    mergedInto: uuid('merged_into'),
    /** disclosure | petition */
    convertedTo: text('converted_to'),
    convertedId: uuid('converted_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hotline_tickets_no_idx').on(t.departmentId, t.ticketNo),
    uniqueIndex('hotline_tickets_code_idx').on(t.trackingCode),
    uniqueIndex('hotline_tickets_case_idx').on(t.caseId),
    index('hotline_tickets_dept_idx').on(t.departmentId, t.receivedOn),
  ],
);

/** 好差评: one rating per case, given on the portal with the case's tracking code after closure. */
export const hotlineRatings = pgTable(
  'hotline_ratings',
  {
    id: uuid('id').primaryKey(),
    /** The rated case (a ticket's, or another module's through recordRating). */
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** The module whose case it is ('hotline', …). */
    module: text('module').notNull(),
    /** 1 非常不满意 … 5 非常满意 (政务服务"好差评" five levels). */
    score: text('score').notNull(),
    comment: text('comment'),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hotline_ratings_case_idx').on(t.caseId),
    index('hotline_ratings_dept_idx').on(t.departmentId, t.ratedOn),
  ],
);

/** The city platform's API tokens (SHA-256 stored, the token shown once), set by the 系统管理员. */
export const hotlineTokens = pgTable('hotline_tokens', {
  id: uuid('id').primaryKey(),
  departmentId: uuid('department_id').notNull(),
  label: text('label').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
