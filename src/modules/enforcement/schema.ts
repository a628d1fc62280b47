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
  numeric,
} from 'drizzle-orm/pg-core';

/**
 * 行政执法 (module enforcement): the 执法人员 registry (Officer, certificate), recorded conflicts (回避),
 * the 随机抽查事项清单, versioned 事前公开 publications, the 检查对象名录库 (targetPool), the 年度抽查计划,
 * the reproducible draws (RandomInspection) and the inspection records per drawn target.
 */
export const officers = pgTable(
  'enforcement_officers',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    orgId: uuid('org_id'),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    issuingBody: text('issuing_body').notNull().default(''),
    field: text('field').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    status: text('status').$type<'active' | 'suspended' | 'revoked'>().notNull(),
    // { "2025": 42 }: training hours per year.
    training: jsonb('training').$type<Record<string, number>>().notNull().default({}),
    // The latest 执法证换证 reminder (a case on the shared engine) and, while it is open, the expiry it is about.
    caseId: uuid('case_id'),
    renewalFor: date('renewal_for', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('enforcement_officers_cert_uq').on(t.departmentId, t.certificateNo),
    index('enforcement_officers_valid_idx').on(t.departmentId, t.validTo),
  ],
);

/** 回避: an officer may not inspect a target (same company, relative, other declared interest). */
export const conflicts = pgTable(
  'enforcement_conflicts',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    creditCode: text('credit_code').notNull(),
    kind: text('kind').$type<'employment' | 'relative' | 'other'>().notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('enforcement_conflicts_uq').on(t.officerId, t.creditCode)],
);

/** 随机抽查事项清单: one item (general or key). */
export const items = pgTable(
  'enforcement_items',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    method: text('method').notNull(),
    subject: text('subject').notNull(),
    ratio: numeric('ratio', { mode: 'number' }).notNull(),
    kind: text('kind').$type<'general' | 'key'>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enforcement_items_dept_idx').on(t.departmentId)],
);

/** A published version of a 事前公开 text (kind items: the list; kind info: bodies, powers, procedures…). */
export const disclosures = pgTable(
  'enforcement_disclosures',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    kind: text('kind').$type<'items' | 'info'>().notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('enforcement_disclosures_uq').on(t.departmentId, t.kind, t.version)],
);

/** 检查对象名录库. */
export const targets = pgTable(
  'enforcement_targets',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    category: text('category').notNull().default(''),
    risk: text('risk').$type<'low' | 'medium' | 'high'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('enforcement_targets_uq').on(t.departmentId, t.creditCode)],
);

/** 年度抽查计划. */
export const plans = pgTable(
  'enforcement_plans',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    scope: text('scope').notNull().default(''),
    // Categories of the target pool in scope (empty: all).
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    ratio: numeric('ratio', { mode: 'number' }).notNull(),
    frequency: text('frequency').notNull().default(''),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    orgId: uuid('org_id'),
    // 数量: the planned number of targets (at least this many are drawn when set).
    quantity: integer('quantity'),
    perTarget: integer('per_target').notNull().default(2),
    stratify: text('stratify').$type<'none' | 'category' | 'risk'>().notNull().default('none'),
    excludeLastYear: boolean('exclude_last_year').notNull().default(false),
    status: text('status').$type<'draft' | 'approved' | 'published'>().notNull(),
    approvedOn: date('approved_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('enforcement_plans_dept_idx').on(t.departmentId, t.year)],
);

/**
 * A draw: committed (sha256 of a secret nonce published first), then drawn once (seed = sha256(nonce +
 * draw time + snapshot hash); the snapshot and result stored), or cancelled with its reason (kept).
 */
export const draws = pgTable(
  'enforcement_draws',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    planId: uuid('plan_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').$type<'committed' | 'drawn' | 'cancelled'>().notNull(),
    commitment: text('commitment').notNull(),
    nonce: text('nonce').notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
    drawnAt: text('drawn_at'),
    snapshotHash: text('snapshot_hash'),
    seed: text('seed'),
    // The exact UTF-8 text whose sha256 is snapshot_hash (published as is for anyone to re-run the draw).
    snapshot: text('snapshot'),
    result: jsonb('result').$type<Array<{ c: string; i: string[] }>>(),
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('enforcement_draws_seq_uq').on(t.planId, t.seq)],
);

/** One inspection of a drawn target: the record and its publication on the portal. */
export const inspections = pgTable(
  'enforcement_inspections',
  {
    id: uuid('id').primaryKey(),
    departmentId: uuid('department_id').notNull(),
    drawId: uuid('draw_id').notNull(),
    planId: uuid('plan_id').notNull(),
    creditCode: text('credit_code').notNull(),
    targetName: text('target_name').notNull(),
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull(),
    status: text('status').$type<'pending' | 'done' | 'published'>().notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    findings: text('findings').notNull().default(''),
    result: text('result').$type<'noProblem' | 'rectify' | 'referred' | 'notFound' | 'other'>(),
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    publishDue: date('publish_due', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('enforcement_inspections_case_idx').on(t.caseId),
    index('enforcement_inspections_draw_idx').on(t.drawId),
    index('enforcement_inspections_dept_idx').on(t.departmentId, t.status),
  ],
);
