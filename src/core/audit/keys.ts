import fs from 'node:fs';
import path from 'node:path';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson } from './canonical.ts';

/**
 * Where the checkpoint signing key and the checkpoint file live: outside the database, on the app
 * server (等保2.0 三级 安全审计 — the audit records' protection must not rest on the database alone,
 * since whoever holds the database credentials could otherwise rewrite and re-hash the chain).
 */
export interface AuditFiles {
  /** Ed25519 private key (PKCS#8 PEM), mode 0600; FAZHI_AUDIT_KEY_FILE or <dataDir>/audit-signing-key.pem. */
  keyFile: string;
  /** Append-only JSON lines copy of every checkpoint; FAZHI_AUDIT_CHECKPOINT_FILE or <dataDir>/audit-checkpoints.jsonl. */
  checkpointFile: string;
}

/** Reads the two paths from the environment (the data dir defaults as in server/config.ts). */
export function auditFilesFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  dataDir = path.resolve(env.FAZHI_DATA_DIR ?? 'data'),
): AuditFiles {
  return {
    keyFile: path.resolve(env.FAZHI_AUDIT_KEY_FILE || path.join(dataDir, 'audit-signing-key.pem')),
    checkpointFile: path.resolve(
      env.FAZHI_AUDIT_CHECKPOINT_FILE || path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
  };
}

// Which files belong to which running context: set by the server at start, read by the routes.
const bound = new WeakMap<object, AuditFiles>();
export const bindAuditFiles = (ctx: object, files: AuditFiles): void => void bound.set(ctx, files);
export const boundAuditFiles = (ctx: object): AuditFiles | undefined => bound.get(ctx);

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}
export interface TrustedKey {
  publicKey: KeyObject;
  keyId: string;
}

/** Key id: the first 16 hex digits of SM3 over the public key's DER, what the 审计管理员 writes down. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sm3')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function publicKeyPem(key: TrustedKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key from PEM text (an exported checkpoint file, or a .pem the 审计管理员 kept). */
export function trustedKeyFromPem(pem: string): TrustedKey {
  const publicKey = createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error('审计检查点公钥须为 Ed25519 / the checkpoint public key must be Ed25519');
  return { publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * Loads the signing key, creating it (mode 0600, exclusive create so two instances starting
 * together cannot overwrite each other's key) when `create` and the file is missing.
 */
export function loadSigningKey(keyFile: string, opts: { create: boolean }): SigningKey {
  if (!fs.existsSync(keyFile)) {
    if (!opts.create)
      throw new Error(`审计签名密钥文件不存在：${keyFile} / audit signing key file missing`);
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    try {
      fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(keyFile));
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`审计签名密钥须为 Ed25519：${keyFile}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** What a checkpoint signs: the chain head and the instant, under a domain tag so the signature means nothing else. */
export interface CheckpointBody {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
}
export interface SignedCheckpoint extends CheckpointBody {
  signature: string;
}

const message = (b: CheckpointBody) =>
  Buffer.from(
    `fazhi-audit-checkpoint-v1\n${canonicalJson({ seq: b.seq, hash: b.hash, at: b.at, keyId: b.keyId })}`,
  );

export function signCheckpoint(
  key: SigningKey,
  body: Omit<CheckpointBody, 'keyId'>,
): SignedCheckpoint {
  const full = { ...body, keyId: key.keyId };
  return { ...full, signature: sign(null, message(full), key.privateKey).toString('base64') };
}

/** True only for a signature by the trusted key over exactly this (seq, hash, at). */
export function checkSignature(key: TrustedKey, cp: SignedCheckpoint): boolean {
  if (cp.keyId !== key.keyId) return false;
  try {
    return verify(null, message(cp), key.publicKey, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}
