import {
  pgTable,
  text,
  uuid,
  timestamp,
  date,
  integer,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * A 督办 task (GLOSSARY SupervisedTask): a work-plan item, a leader's instruction, a 巡察 finding or a
 * superior's assignment, with its owner (科室 and person), deadline, progress reports and closure.
 * `sourceRef` identifies an imported item (e.g. a 法治政府建设工作要点 item of a report's part 四), so one
 * item becomes one task however often it is imported. `escalatedOn`: when the overdue task went to the leaders.
 */
export const supervisedTasks = pgTable(
  'supervised_tasks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sourceKind: text('source_kind').notNull(), // workPlan | instruction | inspection | superior
    sourceRef: text('source_ref').notNull().default(''),
    assignedBy: text('assigned_by').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    result: text('result'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supervised_tasks_dept_idx').on(t.departmentId, t.dueOn),
    uniqueIndex('supervised_tasks_case_idx').on(t.caseId),
    uniqueIndex('supervised_tasks_source_idx')
      .on(t.departmentId, t.sourceRef)
      .where(sql`source_ref <> ''`),
  ],
);

/** One progress report (进展情况) on a task. */
export const supervisionProgress = pgTable(
  'supervision_progress',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id').notNull(),
    on: date('on_date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('supervision_progress_task_idx').on(t.taskId, t.on)],
);
