import { desc, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.ts';
import { auditEvents } from './schema.ts';
import { GENESIS_HASH, chainHash, type AuditContent } from './canonical.ts';

export interface AuditInput {
  actorId: string | null;
  orgId: string | null;
  action: string; // stable code, e.g. 'user.create', 'case.action'
  entityType: string;
  entityId?: string | null;
  payload?: Record<string, unknown>;
}

// All writers append under one transaction-scoped advisory lock: the chain stays linear across
// several app instances, and the lock is released by the commit that makes the event visible.
const CHAIN_LOCK = 7301002;

/** Appends one event in the caller's transaction; call it last, right before commit. */
export async function appendAudit(tx: Tx, input: AuditInput, now: Date): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const content: AuditContent = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actorId: input.actorId,
    orgId: input.orgId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    payload: input.payload ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({
    ...content,
    at: now,
    payload: content.payload as Record<string, unknown>,
    prevHash,
    hash: chainHash(prevHash, content),
  });
  return content.seq;
}

export interface VerifyResult {
  intact: boolean;
  checked: number;
  brokenAt?: number;
  message: string;
  head?: { seq: number; hash: string };
}

export interface WalkOptions {
  /** Start after this already-trusted event (a verified checkpoint) instead of the genesis. */
  from?: { seq: number; hash: string };
  /** Sees every event whose link and content check out (the checkpoint verifier matches its anchors here). */
  visit?: (seq: number, hash: string) => void;
}

/** Walks the chain in seq order; names the first event whose link or content does not match. */
export async function verifyChain(
  db: DbOrTx,
  batch = 2000,
  opts: WalkOptions = {},
): Promise<VerifyResult> {
  let prevHash = opts.from?.hash ?? GENESIS_HASH;
  let expectSeq = (opts.from?.seq ?? 0) + 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} >= ${expectSeq}`)
      .orderBy(auditEvents.seq)
      .limit(batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = row.seq === expectSeq ? row.seq : expectSeq;
      const broken = (why: string): VerifyResult => ({
        intact: false,
        checked: expectSeq - 1,
        brokenAt: at,
        message: `审计链在第 ${at} 条处断裂：${why} / audit chain broken at event #${at}`,
      });
      if (row.seq !== expectSeq) return broken(`缺少第 ${expectSeq} 条事件`);
      if (row.prevHash !== prevHash) return broken('前序哈希与上一条事件不符');
      const content: AuditContent = {
        seq: row.seq,
        at: row.at.toISOString(),
        actorId: row.actorId,
        orgId: row.orgId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        payload: row.payload,
      };
      if (chainHash(prevHash, content) !== row.hash)
        return broken('事件内容与其哈希不符（内容被篡改）');
      opts.visit?.(row.seq, row.hash);
      prevHash = row.hash;
      expectSeq++;
    }
  }
  const checked = expectSeq - 1;
  return {
    intact: true,
    checked,
    head: checked > 0 ? { seq: checked, hash: prevHash } : undefined,
    message: `审计链完整，共校验 ${checked} 条事件 / audit chain intact (${checked} events)`,
  };
}
