import fs from 'node:fs';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { listCheckpoints, parseCheckpointLines, readCheckpointFile } from './checkpoint.ts';
import {
  loadSigningKey,
  publicKeyPem,
  trustedKeyFromPem,
  type AuditFiles,
  type SignedCheckpoint,
  type TrustedKey,
} from './keys.ts';
import { verifyAudit, type AuditVerifyReport } from './verify.ts';

export const EXPORT_FORMAT = 'fazhi-audit-checkpoints/1';

/** What the 审计管理员 downloads and keeps away from the server: every checkpoint and the public key. */
export interface CheckpointExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  keyId: string;
  publicKey: string;
  checkpoints: SignedCheckpoint[];
}

/** The server's public key, read from its private key file (never created here). */
export function serverTrustedKey(files: AuditFiles): TrustedKey | undefined {
  if (!fs.existsSync(files.keyFile)) return undefined;
  const { publicKey, keyId } = loadSigningKey(files.keyFile, { create: false });
  return { publicKey, keyId };
}

/** The table's checkpoints and the file copy's, merged (a row deleted from the table still travels in the export). */
export async function exportCheckpoints(
  db: DbOrTx,
  files: AuditFiles | undefined,
  now: Date,
): Promise<CheckpointExport> {
  const key = files && serverTrustedKey(files);
  if (!key)
    throw new AppError(
      'NOT_FOUND',
      '审计签名密钥尚未生成：服务启动后的首次定时任务或 audit checkpoint 命令会生成它',
    );
  const merged = new Map<string, SignedCheckpoint>();
  for (const cp of [
    ...(await listCheckpoints(db)),
    ...readCheckpointFile(files!.checkpointFile).checkpoints,
  ])
    merged.set(cp.signature, cp);
  const checkpoints = [...merged.values()].sort(
    (a, b) => a.seq - b.seq || a.at.localeCompare(b.at),
  );
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    keyId: key.keyId,
    publicKey: publicKeyPem(key),
    checkpoints,
  };
}

/** Reads an exported file (JSON) or a copy of the server's JSON lines file. */
export function parseCheckpointFile(text: string): {
  checkpoints: SignedCheckpoint[];
  unreadable: number;
  publicKeyPem?: string;
  keyId?: string;
} {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && trimmed.includes(`"format"`)) {
    try {
      const doc = JSON.parse(trimmed) as CheckpointExport;
      if (doc.format === EXPORT_FORMAT)
        return {
          checkpoints: doc.checkpoints,
          unreadable: 0,
          publicKeyPem: doc.publicKey,
          keyId: doc.keyId,
        };
    } catch {
      // not one JSON document: read it as JSON lines below
    }
  }
  return parseCheckpointLines(trimmed);
}

/** The server's verification: the chain, the table's checkpoints and the file copy, with the server's key. */
export async function verifyOnServer(
  db: DbOrTx,
  files: AuditFiles | undefined,
): Promise<AuditVerifyReport> {
  if (!files) return verifyAudit(db, {});
  const file = readCheckpointFile(files.checkpointFile);
  return verifyAudit(db, {
    key: serverTrustedKey(files),
    file: { label: '检查点文件副本', ...file },
  });
}

/**
 * Offline verification with a file the 审计管理员 kept: needs only the public key (given, or the one
 * inside an export — then the key id is printed so it can be compared with the one written down).
 */
export async function verifyWithFile(
  db: DbOrTx,
  text: string,
  publicKeyText?: string,
): Promise<AuditVerifyReport> {
  const parsed = parseCheckpointFile(text);
  const pem = publicKeyText ?? parsed.publicKeyPem;
  const key = pem ? trustedKeyFromPem(pem) : undefined;
  return verifyAudit(db, {
    key,
    file: {
      label: '所提供的检查点文件',
      checkpoints: parsed.checkpoints,
      unreadable: parsed.unreadable,
    },
  });
}
