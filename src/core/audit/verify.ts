import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { verifyChain } from './chain.ts';
import { listCheckpoints } from './checkpoint.ts';
import { checkSignature, type SignedCheckpoint, type TrustedKey } from './keys.ts';

/**
 * Full audit verification (等保2.0 三级 安全审计: 应对审计记录进行保护，避免受到未预期的删除、修改或覆盖):
 * the SM3 chain, and the chain against the signed checkpoints of the table and of the copy kept
 * outside the database. A database user can re-hash the chain but cannot sign, and cannot reach
 * the file: every way of cutting, rewriting or re-anchoring the chain shows here.
 */
export type ProblemKind =
  'chainBroken' | 'tailMissing' | 'rewritten' | 'badSignature' | 'checkpointDeleted' | 'noKey';
export interface Problem {
  kind: ProblemKind;
  message: string;
}

export interface AuditVerifyReport {
  /** No problem found (events not yet anchored are reported but are not a problem). */
  intact: boolean;
  checked: number;
  brokenAt?: number;
  problems: Problem[];
  checkpoints: {
    total: number;
    inDatabase: number;
    inFile: number;
    valid: number;
    last?: { seq: number; at: string };
  };
  /** Events after the newest checkpoint: protected by the hash chain only, until the next checkpoint. */
  unanchored: { count: number; from?: number; to?: number };
  keyId?: string;
  notes: string[];
  /** Every finding, one per line, Chinese / English (the command line). */
  message: string;
  /** The headline in Chinese for the screen: 「审计链完整：共N条记录，…最近签名检查点…」 or the number of problems. */
  summary: string;
  /** The problems and notes, in Chinese only. */
  lines: string[];
}

export interface VerifyInput {
  /** The trusted public key; without it signatures cannot be checked (reported as a problem if checkpoints exist). */
  key?: TrustedKey;
  /** The copy outside the database (the server's file, or a file the 审计管理员 exported earlier). */
  file?: { label: string; checkpoints: SignedCheckpoint[]; unreadable: number };
  batch?: number;
}

/** Beijing time as 「2026年11月20日 10:00:00」 (the Chinese half of each line; the English half keeps the ISO instant). */
function chinaTime(iso: string, seconds = false): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${d.slice(11, seconds ? 19 : 16)}`;
}
const when = (iso: string) => chinaTime(iso, true);
/** The Chinese half of a 「中文 / English」 line (some halves end in 「）」 with no space before the slash). */
const chineseOnly = (line: string) => line.split(/ ?\/ (?=[A-Za-z])/)[0];

export async function verifyAudit(db: DbOrTx, input: VerifyInput = {}): Promise<AuditVerifyReport> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const dbCps = await listCheckpoints(db);
  const fileCps = input.file?.checkpoints ?? [];
  const all = new Map<string, { cp: SignedCheckpoint; inDb: boolean; inFile: boolean }>();
  for (const cp of dbCps) all.set(cp.signature, { cp, inDb: true, inFile: false });
  for (const cp of fileCps) {
    const seen = all.get(cp.signature);
    if (seen) seen.inFile = true;
    else all.set(cp.signature, { cp, inDb: false, inFile: true });
  }

  // Only validly signed checkpoints anchor anything; a row without a valid signature was written without the key.
  const anchors: SignedCheckpoint[] = [];
  for (const { cp, inDb } of all.values()) {
    if (!input.key) continue;
    if (checkSignature(input.key, cp)) anchors.push(cp);
    else
      problems.push({
        kind: 'badSignature',
        message: `${inDb ? '数据库中' : '文件中'}的检查点（第 ${cp.seq} 条，${when(cp.at)}）签名无效：该检查点不是用本系统密钥签署的，系伪造或被改动 / forged checkpoint: invalid signature (event #${cp.seq}, ${cp.at})`,
      });
  }
  const valid = new Set(anchors);
  if (!input.key && all.size > 0)
    problems.push({
      kind: 'noKey',
      message:
        '未提供审计签名公钥，无法校验检查点签名 / no public key: checkpoint signatures not checked',
    });
  for (const { cp, inDb, inFile } of all.values()) {
    if (inFile && !inDb && valid.has(cp))
      problems.push({
        kind: 'checkpointDeleted',
        message: `检查点（第 ${cp.seq} 条，${when(cp.at)}）在${input.file?.label ?? '文件副本'}中存在，数据库中却没有：检查点记录被删除 / checkpoint of event #${cp.seq} (${cp.at}) is in the file copy but was deleted from the database`,
      });
  }

  // One walk of the chain; each anchored seq must carry the signed hash.
  const bySeq = new Map<number, SignedCheckpoint[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  const rewritten = new Set<number>();
  let matchedTo = 0;
  const chain = await verifyChain(db, input.batch ?? 2000, {
    visit: (seq, hash) => {
      for (const a of bySeq.get(seq) ?? []) {
        if (a.hash === hash) matchedTo = seq;
        else if (!rewritten.has(seq)) {
          rewritten.add(seq);
          problems.push({
            kind: 'rewritten',
            message: `第 ${seq} 条事件与 ${when(a.at)} 签署的检查点不符：该条或更早的记录被改写并重新计算了哈希 / event #${seq} differs from the checkpoint signed ${a.at}: history was rewritten and re-hashed`,
          });
        }
      }
    },
  });
  if (!chain.intact) problems.push({ kind: 'chainBroken', message: chain.message });

  const [{ max }] = await queryRows<{ max: string | number | null }>(
    db,
    sql`select max(seq) as max from audit_events`,
  );
  const length = Number(max ?? 0);
  const last = anchors.reduce<SignedCheckpoint | undefined>(
    (m, a) => (!m || a.seq > m.seq || (a.seq === m.seq && a.at > m.at) ? a : m),
    undefined,
  );
  if (last && last.seq > length) {
    problems.push({
      kind: 'tailMissing',
      message: `审计链尾部缺失：${when(last.at)} 签署的检查点记录审计链共 ${last.seq} 条，数据库中只剩 ${length} 条（第 ${length + 1}–${last.seq} 条被删除）/ audit chain tail missing: the checkpoint signed ${last.at} covers ${last.seq} events, the database holds ${length} (events #${length + 1}–#${last.seq} were deleted)`,
    });
  }
  // Anchored = up to the newest checkpoint the chain actually matches.
  const unanchored =
    length > matchedTo
      ? { count: length - matchedTo, from: matchedTo + 1, to: length }
      : { count: 0 };
  const range =
    unanchored.from === unanchored.to
      ? `第 ${unanchored.from} 条事件`
      : `第 ${unanchored.from}–${unanchored.to} 条事件（共 ${unanchored.count} 条）`;
  if (input.key && anchors.length === 0 && length > 0)
    notes.push(
      '尚无签名检查点：审计链只受哈希链保护 / no signed checkpoint yet: the chain is protected by its hashes only',
    );
  // Once the chain contradicts a checkpoint, "not yet anchored" would only blur the finding.
  if (
    unanchored.count > 0 &&
    anchors.length > 0 &&
    !problems.some((p) => p.kind === 'tailMissing' || p.kind === 'rewritten')
  )
    notes.push(
      `${range}在最近的检查点之后，尚未锚定：下一个检查点签署前，其真实性只受哈希链保护 / ${unanchored.count} event(s) after the last checkpoint not yet anchored`,
    );
  if (input.file?.unreadable)
    notes.push(
      `${input.file.label}中有 ${input.file.unreadable} 行无法读取 / ${input.file.unreadable} unreadable lines in the checkpoint file`,
    );

  const intact = problems.length === 0;
  const head = intact
    ? `审计链完整，共校验 ${chain.checked} 条事件，${anchors.length} 个签名检查点有效 / audit chain intact (${chain.checked} events, ${anchors.length} valid checkpoints)`
    : `审计记录被篡改，发现 ${problems.length} 处问题 / audit records tampered with: ${problems.length} problem(s)`;
  const summary = intact
    ? `审计链完整：共 ${chain.checked} 条记录，${anchors.length} 个签名检查点有效` +
      (last ? `，最近签名检查点为第 ${last.seq} 条（${chinaTime(last.at)}）` : '，尚无签名检查点') +
      (last && unanchored.count > 0 ? `，其后 ${unanchored.count} 条记录待下一个检查点签署` : '') +
      '。'
    : `审计记录被篡改：发现 ${problems.length} 处问题。`;
  return {
    intact,
    summary,
    lines: [...problems.map((p) => chineseOnly(p.message)), ...notes.map(chineseOnly)],
    checked: chain.checked,
    brokenAt: chain.brokenAt,
    problems,
    checkpoints: {
      total: all.size,
      inDatabase: dbCps.length,
      inFile: fileCps.length,
      valid: anchors.length,
      last: last ? { seq: last.seq, at: last.at } : undefined,
    },
    unanchored,
    keyId: input.key?.keyId,
    notes,
    message: [head, ...problems.map((p) => p.message), ...notes].join('\n'),
  };
}
