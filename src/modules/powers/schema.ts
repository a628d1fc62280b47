import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  date,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 权责清单 item (RULES §10.2): one power of the department, its current version. */
export const powerItems = pgTable(
  'power_items',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // licensing | penalty | coercion | levy | benefit | inspection | confirmation | reward | ruling | other (labels in categories.ts)
    category: text('category').notNull(),
    basis: text('basis').notNull(),
    implementingBody: text('implementing_body').notNull(),
    handlingOrg: text('handling_org').notNull().default(''),
    duties: text('duties').notNull().default(''),
    accountability: text('accountability').notNull().default(''),
    timeLimit: text('time_limit').notNull().default(''),
    hotline: text('hotline').notNull().default(''),
    // valid | adjusted | cancelled
    status: text('status').notNull(),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('power_items_dept_code_idx').on(t.departmentId, t.code)],
);

/** The adjustment log (动态调整): 新增 / 调整 / 取消 with the basis and the date, and what changed. */
export const powerAdjustments = pgTable(
  'power_adjustments',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    powerId: uuid('power_id').notNull(),
    // add | adjust | cancel
    action: text('action').notNull(),
    version: integer('version').notNull(),
    basis: text('basis').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    changes: jsonb('changes').notNull().$type<Array<{ field: string; from: string; to: string }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('power_adjustments_power_idx').on(t.powerId, t.version),
    index('power_adjustments_dept_idx').on(t.departmentId, t.effectiveOn),
  ],
);

/** Cases handled under a power (e.g. 外国人来华工作许可 429宗): per month, or the whole year (month 0) when imported. */
export const powerCaseCounts = pgTable(
  'power_case_counts',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    powerId: uuid('power_id').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    count: integer('count').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('power_case_counts_idx').on(t.powerId, t.year, t.month)],
);
