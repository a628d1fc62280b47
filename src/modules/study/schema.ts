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
  doublePrecision,
} from 'drizzle-orm/pg-core';

/** 学法 (RULES §10.1): 党组理论学习中心组学法, 会前学法, 法治讲座 … of a department (moved from reports). */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    // centralGroup | preMeeting | lecture | training (labels in sessions.ts)
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    speaker: text('speaker').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    attendees: integer('attendees').notNull(),
    // Chaired or taught by the 主要负责人 (the 第一责任人 part reports it).
    ledByHead: boolean('led_by_head').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('study_sessions_dept_idx').on(t.departmentId, t.heldOn)],
);

/** 述法 (legalDutyStatement): a leader's statement on legal duties, usually in the 年终述职. */
export const legalDutyStatements = pgTable(
  'legal_duty_statements',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    personName: text('person_name').notNull(),
    position: text('position').notNull(),
    // head (主要负责人) | member (班子成员)
    rank: text('rank').notNull(),
    statedOn: date('stated_on', { mode: 'string' }).notNull(),
    // yearEnd (年终述职述法) | special (专题述法) | written (书面述法)
    form: text('form').notNull(),
    summary: text('summary').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('legal_duty_statements_dept_idx').on(t.departmentId, t.year)],
);

/** 年度学法计划: one per department and year, with the planned 会前学法 topics and targets. */
export const studyPlans = pgTable(
  'study_plans',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    preMeetingTarget: integer('pre_meeting_target').notNull(),
    trainingHoursTarget: integer('training_hours_target').notNull(),
    // [{ quarter: 1..4, topic }]
    topics: jsonb('topics').notNull().$type<Array<{ quarter: number; topic: string }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('study_plans_dept_year_idx').on(t.departmentId, t.year)],
);

/** 法治培训: hours per person, counted toward each participant's annual training hours. */
export const studyTrainings = pgTable(
  'study_trainings',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    organizer: text('organizer').notNull().default(''),
    hoursPerPerson: doublePrecision('hours_per_person').notNull(),
    participants: jsonb('participants').notNull().$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('study_trainings_dept_idx').on(t.departmentId, t.heldOn)],
);

/** 法律知识考试: everyone expected, with a score or none (absent); 参考率 and 合格率 are computed. */
export const studyExams = pgTable(
  'study_exams',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    maxScore: integer('max_score').notNull(),
    passScore: integer('pass_score').notNull(),
    results: jsonb('results').notNull().$type<Array<{ person: string; score: number | null }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('study_exams_dept_idx').on(t.departmentId, t.heldOn)],
);

/** 普法责任清单 item (谁执法谁普法): a task with its owner and deadline, tracked as a case (clock, reminders). */
export const pufaDuties = pgTable(
  'pufa_duties',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    owner: text('owner').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    caseId: uuid('case_id').notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    evidence: text('evidence'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('pufa_duties_dept_idx').on(t.departmentId, t.year)],
);

/** 普法宣传活动: 宪法宣传周, 全民国家安全教育日, 科技活动周 … with the audience reached. */
export const publicityEvents = pgTable(
  'publicity_events',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    campaign: text('campaign').notNull(),
    title: text('title').notNull(),
    location: text('location').notNull().default(''),
    audience: integer('audience').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('publicity_events_dept_idx').on(t.departmentId, t.heldOn)],
);
