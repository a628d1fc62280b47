import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  date,
  boolean,
  index,
  uniqueIndex,
  primaryKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** A tracked statutory procedure (one per request, document, decision, …). Modules link their records to it. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    module: text('module').notNull(),
    procedure: text('procedure').notNull(),
    title: text('title').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [index('cases_department_idx').on(t.departmentId, t.module, t.status)],
);

/** The case history the procedure engine reads: one row per recorded act, in order. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    on: date('on_date', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRoles: text('actor_roles').array().notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [uniqueIndex('case_events_case_seq_idx').on(t.caseId, t.seq)],
);

/**
 * Open and finished steps, materialised from the engine's answer after every act so that
 * 我的待办, reminders and overdue views are one indexed query for every module.
 */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    step: text('step').notNull(),
    label: text('label').notNull(),
    roles: text('roles').array().notNull(),
    departmentId: uuid('department_id').notNull(),
    // Who holds the step: the handling 科室 for division-level steps, else the department itself
    // (everyone with the role there). Never null, so the worklist scope is `org_id = any(…)`.
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    unit: text('unit'),
    provisional: boolean('provisional').notNull().default(false),
    explanation: text('explanation').notNull().default(''),
    legalBasis: text('legal_basis'),
    overdue: boolean('overdue').notNull().default(false),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [
    index('case_steps_case_idx').on(t.caseId),
    index('case_steps_open_idx')
      .on(t.departmentId, t.dueDate)
      .where(sql`status = 'open'`),
    // 我的待办 of a division user: org_id = any(department, division); roles in the key lets the
    // counts run as an index-only scan.
    index('case_steps_scope_idx')
      .on(t.departmentId, t.orgId, t.dueDate, t.roles)
      .where(sql`status = 'open'`),
  ],
);

/**
 * People named on a case beyond its role and division (e.g. the outside 法律顾问 assigned to a review
 * matter): its open steps are in their 我的待办, and they reach it through the module's own loader.
 */
export const caseAssignees = pgTable(
  'case_assignees',
  {
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_assignees_user_idx').on(t.userId),
  ],
);

/** In-workbench notifications for steps coming due and overdue; unique per (user, step, kind, due). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    caseId: uuid('case_id').notNull(),
    stepId: uuid('step_id').notNull(),
    kind: text('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_once_idx').on(t.userId, t.stepId, t.kind, t.dueDate),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);
