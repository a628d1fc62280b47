import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  boolean,
  date,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * 局长办公会 / 党组会 (Meeting, kind directorsOffice / partyGroup): numbered sessions per year, their
 * attendees, the public representatives who attended (列席), and the minutes. Collective decisions of
 * major decisions and normative documents are taken at these meetings.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    kind: text('kind').$type<'directorsOffice' | 'partyGroup'>().notNull(),
    year: integer('year').notNull(),
    sessionNo: integer('session_no').notNull(),
    meetingOn: date('meeting_on', { mode: 'string' }).notNull(),
    location: text('location').notNull().default(''),
    chair: text('chair').notNull().default(''),
    // Its status (planned | held) is the case's (procedure.ts): the engine is the state machine.
    caseId: uuid('case_id').notNull(),
    attendees: text('attendees').notNull().default(''),
    absentees: text('absentees').notNull().default(''),
    // [{ name, identity }]: 公众代表 invited to attend (列席).
    publicAttendees: jsonb('public_attendees')
      .$type<Array<{ name: string; identity: string }>>()
      .notNull()
      .default([]),
    minutes: text('minutes').notNull().default(''),
    agendaPublishedOn: date('agenda_published_on', { mode: 'string' }),
    heldRecordedAt: timestamp('held_recorded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('meetings_session_idx').on(t.departmentId, t.kind, t.year, t.sessionNo),
    index('meetings_date_idx').on(t.departmentId, t.meetingOn),
    uniqueIndex('meetings_case_idx').on(t.caseId),
  ],
);

/** 议题: an agenda item, optionally about a decision, a normative document or a legality-review matter. */
export const agendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    subjectType: text('subject_type')
      .$type<'majorDecision' | 'normativeDocument' | 'reviewMatter' | 'other'>()
      .notNull(),
    subjectId: uuid('subject_id'),
    presenter: text('presenter').notNull().default(''),
    // Marked public: shown on the portal once the meeting's agenda is published.
    isPublic: boolean('is_public').notNull().default(false),
    publicSummary: text('public_summary').notNull().default(''),
    // The materials submitted with it (条例 Art 29 for major decisions): [{ code, label, present, note }]
    materials: jsonb('materials')
      .$type<Array<{ code: string; label: string; present: boolean; note: string }>>()
      .notNull()
      .default([]),
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('meeting_agenda_items_seq_idx').on(t.meetingId, t.seq),
    index('meeting_agenda_items_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
