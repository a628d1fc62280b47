import { pgTable, text, uuid, timestamp, bigint, jsonb, index } from 'drizzle-orm/pg-core';

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
  (t) => [index('audit_events_action_idx').on(t.action), index('audit_events_actor_idx').on(t.actorId)],
);
