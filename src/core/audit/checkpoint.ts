import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import type { SweepTask } from '../cases/sweep.ts';
import { auditCheckpoints, auditEvents } from './schema.ts';
import { verifyChain } from './chain.ts';
import {
  checkSignature,
  loadSigningKey,
  signCheckpoint,
  type AuditFiles,
  type SignedCheckpoint,
  type SigningKey,
} from './keys.ts';

/**
 * How often the sweep anchors a moved head. Events after the last checkpoint are only as safe as
 * the database credentials, so the window is kept short; `audit verify` reports them as 尚未锚定.
 */
export const CHECKPOINT_EVERY_MS = 5 * 60_000;

export type CheckpointOutcome =
  | { kind: 'created'; checkpoint: SignedCheckpoint }
  | { kind: 'unchanged'; seq: number }
  | { kind: 'empty' }
  | { kind: 'refused'; message: string };

const rowToCheckpoint = (r: typeof auditCheckpoints.$inferSelect): SignedCheckpoint => ({
  seq: r.seq,
  hash: r.hash,
  at: r.at.toISOString(),
  keyId: r.keyId,
  signature: r.signature,
});

/** Every checkpoint row, oldest first. */
export async function listCheckpoints(db: DbOrTx): Promise<SignedCheckpoint[]> {
  const rows = await db.select().from(auditCheckpoints).orderBy(auditCheckpoints.id);
  return rows.map(rowToCheckpoint);
}

/** The file copy: JSON lines; a torn last line (a crash mid-write) is counted, not fatal. */
export function readCheckpointFile(file: string): {
  checkpoints: SignedCheckpoint[];
  unreadable: number;
} {
  return fs.existsSync(file)
    ? parseCheckpointLines(fs.readFileSync(file, 'utf8'))
    : { checkpoints: [], unreadable: 0 };
}

export function parseCheckpointLines(text: string): {
  checkpoints: SignedCheckpoint[];
  unreadable: number;
} {
  const checkpoints: SignedCheckpoint[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as SignedCheckpoint;
      if (
        typeof c.seq === 'number' &&
        typeof c.hash === 'string' &&
        typeof c.at === 'string' &&
        typeof c.keyId === 'string' &&
        typeof c.signature === 'string'
      ) {
        checkpoints.push({
          seq: c.seq,
          hash: c.hash,
          at: c.at,
          keyId: c.keyId,
          signature: c.signature,
        });
      } else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { checkpoints, unreadable };
}

/** The file's last checkpoint, reading only its tail: the sweep looks at it every minute and the file only grows. */
export function lastCheckpointInFile(file: string): SignedCheckpoint | undefined {
  if (!fs.existsSync(file)) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    const lines = buf
      .toString('utf8')
      .split('\n')
      .slice(size > length ? 1 : 0);
    return parseCheckpointLines(lines.join('\n')).checkpoints.at(-1);
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends one line; O_APPEND keeps concurrent writers' lines whole. Only ever appended to. */
export function appendCheckpointFile(file: string, cp: SignedCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
}

async function hashAt(tx: DbOrTx, seq: number): Promise<string | undefined> {
  const [row] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.seq, seq));
  return row?.hash;
}

/**
 * Signs the current head inside `tx`, after checking that the chain since the last anchor still
 * holds (a checkpoint must never bless a chain that was already cut or rewritten). The anchor is
 * the newest validly signed checkpoint of the file copy and of the table, whichever is later.
 * Returns the checkpoint; the caller appends it to the file once the row is committed.
 */
export async function checkpointInTx(
  tx: Tx,
  key: SigningKey,
  files: AuditFiles,
  now: Date,
  opts: { force?: boolean; minIntervalMs?: number } = {},
): Promise<CheckpointOutcome> {
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const [lastRow] = await tx
    .select()
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  if (!head) return { kind: 'empty' };
  if (!opts.force && lastRow && lastRow.seq === head.seq && lastRow.hash === head.hash)
    return { kind: 'unchanged', seq: head.seq };
  if (
    !opts.force &&
    lastRow &&
    opts.minIntervalMs &&
    now.getTime() - lastRow.at.getTime() < opts.minIntervalMs
  )
    return { kind: 'unchanged', seq: lastRow.seq };
  const lastInFile = lastCheckpointInFile(files.checkpointFile);
  let anchor: SignedCheckpoint | undefined;
  for (const cp of [
    ...(lastInFile ? [lastInFile] : []),
    ...(lastRow ? [rowToCheckpoint(lastRow)] : []),
  ]) {
    if (!checkSignature(key, cp))
      return {
        kind: 'refused',
        message: `第 ${cp.seq} 条处的检查点签名无效，拒绝签署新检查点 / a checkpoint's signature is invalid: not signing`,
      };
    const actual = await hashAt(tx, cp.seq);
    if (actual === undefined)
      return {
        kind: 'refused',
        message: `审计链短于检查点（检查点记录第 ${cp.seq} 条），拒绝签署新检查点 / the chain is shorter than a checkpoint: not signing`,
      };
    if (actual !== cp.hash)
      return {
        kind: 'refused',
        message: `第 ${cp.seq} 条事件与检查点不符，拒绝签署新检查点 / event #${cp.seq} differs from its checkpoint: not signing`,
      };
    if (!anchor || cp.seq > anchor.seq) anchor = cp;
  }
  const walk = await verifyChain(tx, 2000, {
    from: anchor ? { seq: anchor.seq, hash: anchor.hash } : undefined,
  });
  if (!walk.intact)
    return { kind: 'refused', message: `${walk.message}；拒绝签署新检查点 / not signing` };
  const cp = signCheckpoint(key, { seq: head.seq, hash: head.hash, at: now.toISOString() });
  await tx
    .insert(auditCheckpoints)
    .values({ seq: cp.seq, hash: cp.hash, at: now, keyId: cp.keyId, signature: cp.signature });
  return { kind: 'created', checkpoint: cp };
}

/**
 * The signing key, created at first use — but never once checkpoints exist: a new key would make
 * every earlier checkpoint look forged, so a lost key file is restored from its backup instead.
 */
async function keyFor(tx: Tx, files: AuditFiles): Promise<SigningKey | CheckpointOutcome> {
  if (fs.existsSync(files.keyFile)) return loadSigningKey(files.keyFile, { create: false });
  const [any] = await tx.select({ id: auditCheckpoints.id }).from(auditCheckpoints).limit(1);
  if (any)
    return {
      kind: 'refused',
      message: `审计签名密钥文件缺失（${files.keyFile}），而数据库中已有检查点：请从备份恢复该文件 / the signing key file is missing but checkpoints exist: restore it from its backup`,
    };
  return loadSigningKey(files.keyFile, { create: true });
}

async function checkpointWithKey(
  tx: Tx,
  files: AuditFiles,
  now: Date,
  opts: { force?: boolean; minIntervalMs?: number },
): Promise<CheckpointOutcome> {
  const key = await keyFor(tx, files);
  return 'kind' in key ? key : checkpointInTx(tx, key, files, now, opts);
}

/** On demand (`audit checkpoint`): its own transaction, then the file copy. */
export async function createCheckpoint(
  db: Db,
  files: AuditFiles,
  now: Date,
): Promise<CheckpointOutcome> {
  const outcome = await db.transaction((tx) => checkpointWithKey(tx, files, now, { force: true }));
  if (outcome.kind === 'created') appendCheckpointFile(files.checkpointFile, outcome.checkpoint);
  return outcome;
}

/**
 * The sweep's task (run it last: nothing but the commit follows, so the file line written here is
 * for a row that commits). Creates the key at first start. A refusal is logged and counted; it
 * does not roll back the other tasks' work.
 */
export function auditCheckpointTask(
  files: AuditFiles,
  minIntervalMs = CHECKPOINT_EVERY_MS,
): SweepTask {
  return async (tx, ctx) => {
    const outcome = await checkpointWithKey(tx, files, ctx.clock.now(), { minIntervalMs });
    if (outcome.kind === 'created') appendCheckpointFile(files.checkpointFile, outcome.checkpoint);
    if (outcome.kind === 'refused')
      ctx.log?.error(
        { audit: outcome.message },
        'audit checkpoint refused: the audit chain does not match its checkpoints',
      );
    return {
      auditCheckpoints: outcome.kind === 'created' ? 1 : 0,
      auditCheckpointRefused: outcome.kind === 'refused' ? 1 : 0,
    };
  };
}
