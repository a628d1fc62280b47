import { pgTable, text, uuid, integer, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Sequence counters for 索引号 and 文号: one row per (kind, department, prefix, year). A number is
 * taken by an atomic upsert … RETURNING in the caller's transaction, so numbers are never reused and
 * two concurrent transactions never get the same one (the row lock serialises them).
 */
export const numberCounters = pgTable(
  'number_counters',
  {
    // 'indexNumber' | 'docNumber'
    kind: text('kind').notNull(),
    departmentId: uuid('department_id').notNull(),
    // 机关代字 for 文号 ('' for 索引号)
    prefix: text('prefix').notNull().default(''),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.departmentId, t.prefix, t.year] })],
);
