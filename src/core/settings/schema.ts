import { pgTable, text, jsonb, timestamp } from 'drizzle-orm/pg-core';

/** Administrator-configurable settings ([M]/[V-loc] defaults of RULES.md, security settings). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
