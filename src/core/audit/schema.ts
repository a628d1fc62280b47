import {
  pgTable,
  text,
  uuid,
  timestamp,
  bigint,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. seq is assigned under an advisory lock so the chain has
 * no gaps; a trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);

/**
 * Signed checkpoints of the chain head (等保2.0 三级 安全审计: records protected against unexpected
 * deletion, modification or overwriting). Each row is an Ed25519 signature over (seq, hash, time)
 * made with a key the database cannot read; a copy of every row is appended to a file outside the
 * database. Append-only like the chain (trigger in migration 0014).
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [
    index('audit_checkpoints_seq_idx').on(t.seq),
    uniqueIndex('audit_checkpoints_signature_idx').on(t.signature),
  ],
);
