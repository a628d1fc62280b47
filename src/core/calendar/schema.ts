import { pgTable, text, integer, date, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A State Council holiday notice entered by an administrator for one year. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  title: text('title').notNull(),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
});

/** Day overrides on top of chinese-days: holiday (法定节假日) or workday (调休上班). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
});
