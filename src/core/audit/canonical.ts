import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Deterministic JSON: object keys sorted, undefined dropped, so a re-read jsonb hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditContent {
  seq: number;
  at: string; // ISO instant
  actorId: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  payload: unknown;
}

/** hash_n = SM3(hash_{n-1} ‖ canonical content_n) (GB/T 32905 SM3, Node's built-in). */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sm3').update(prevHash).update(canonicalJson(content)).digest('hex');
}
