import { createHash } from 'node:crypto';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../clock.ts';
import { inTx, type Ctx } from '../context.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize, can } from '../auth/policy.ts';
import { changeSetting, formSetting, getSetting } from '../settings/service.ts';
import { scaledBounds } from '../settings/forms.ts';
import { fileChunks, files } from './schema.ts';

const MB = 1024 * 1024;
/**
 * A file size limit as its settings form asks for it: counted in bytes by the API, asked in MB or GB
 * with `decimals` places, its help the bounds in that unit.
 */
export const sizeLimit = (
  label: string,
  bounds: { min: number; max: number },
  unit: 'MB' | 'GB',
  decimals: number,
) => {
  const factor = unit === 'GB' ? 1024 * MB : MB;
  const said = (n: number) => (n % factor === 0 ? `${n / factor} ${unit}` : formatBytes(n));
  return {
    name: 'maxBytes' as const,
    label,
    type: 'number' as const,
    required: true as const,
    ...bounds,
    unit,
    scale: { factor, unit: '字节', decimals },
    help: `${scaledBounds(bounds.min, bounds.max, factor, decimals)} ${unit}`,
    boundsText: { min: said(bounds.min), max: said(bounds.max) },
  };
};

export const fileSettings = formSetting({
  key: 'files',
  label: '文件上传',
  // The ceiling matches the multipart limit registered in server/app.ts.
  form: [sizeLimit('单个文件大小上限', { min: 1024, max: 200 * MB }, 'MB', 1)],
  defaults: { maxBytes: 20 * MB },
});

export type FileSettings = z.infer<typeof fileSettings.schema>;

/** Changes the upload limit (系统管理员, a business setting): saved and audited in one transaction. */
export async function updateFileSettings(
  ctx: Ctx,
  actor: Actor,
  value: FileSettings,
): Promise<FileSettings> {
  authorize(actor, 'businessSettings', 'manage');
  return changeSetting(ctx, actor, fileSettings, 'settings.files', value);
}

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: Date;
}
export interface FileInput {
  name: string;
  mime: string;
  content: Buffer;
}

/** Upper bound of an upload (the multipart limit is set a little above it so the service gives the Chinese message). */
export async function maxFileBytes(db: DbOrTx, nowMs: number): Promise<number> {
  return (await getSetting(db, fileSettings, nowMs)).maxBytes;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

export const tooLarge = (max: number) =>
  new AppError('VALIDATION', `文件：大小超过上限 ${formatBytes(max)}`, {
    fields: [{ path: 'file', message: `大小超过上限 ${formatBytes(max)}` }],
  });

export function cleanFileName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return base.slice(0, 200) || '未命名文件';
}

/** Stores a file for the actor's department in the caller's transaction (the caller audits its use case). */
export async function storeFile(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: FileInput,
): Promise<StoredFile> {
  authorize(actor, 'file', 'upload');
  const max = await maxFileBytes(tx, ctx.clock.now().getTime());
  if (input.content.length === 0)
    throw new AppError('VALIDATION', '文件：不能为空文件', {
      fields: [{ path: 'file', message: '不能为空文件' }],
    });
  if (input.content.length > max) throw tooLarge(max);
  const row = {
    id: newId(),
    name: cleanFileName(input.name),
    mime: /^[\w.+-]+\/[\w.+-]+$/.test(input.mime) ? input.mime : 'application/octet-stream',
    size: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    content: input.content,
    departmentId: actor.departmentId,
    uploadedBy: actor.userId,
    createdAt: ctx.clock.now(),
  };
  await tx.insert(files).values(row);
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}

/** The upload use case: store + audit in one transaction. */
export async function uploadFile(ctx: Ctx, actor: Actor, input: FileInput): Promise<StoredFile> {
  return inTx(ctx, async (tx) => {
    const stored = await storeFile(tx, ctx, actor, input);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'file.upload',
        entityType: 'file',
        entityId: stored.id,
        payload: { name: stored.name, size: stored.size, sha256: stored.sha256 },
      },
      ctx.clock.now(),
    );
    return stored;
  });
}

export type FileRow = typeof files.$inferSelect;
export type FileMeta = Omit<FileRow, 'content'>;

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
// Bytes for a reader that needs them whole (an importer): the largest size the ordinary upload allows.
const WHOLE_MAX = 200 * 1024 * 1024;

/** Loads a complete file with its content, no access check (callers decide: see readFile / public attachments). */
export async function loadFile(db: DbOrTx, id: string): Promise<FileRow | null> {
  if (!isId(id)) return null;
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, id), eq(files.complete, true)));
  if (!row?.chunked) return row ?? null;
  if (row.size > WHOLE_MAX)
    throw new AppError('VALIDATION', `文件：大小超过 ${formatBytes(WHOLE_MAX)}，不能作为文本读取`, {
      fields: [{ path: 'file', message: '文件过大' }],
    });
  const chunks = await db
    .select({ data: fileChunks.data })
    .from(fileChunks)
    .where(eq(fileChunks.fileId, id))
    .orderBy(asc(fileChunks.seq));
  return { ...row, content: Buffer.concat(chunks.map((c) => c.data)) };
}

/** A complete file without its content (downloads stream or fetch the bytes after the access check). */
export async function loadFileMeta(db: DbOrTx, id: string): Promise<FileMeta | null> {
  if (!isId(id)) return null;
  const { content: _content, ...columns } = getTableColumns(files);
  const [row] = await db
    .select(columns)
    .from(files)
    .where(and(eq(files.id, id), eq(files.complete, true)));
  return row ?? null;
}

/**
 * A module's verdict on a stored file (ModuleManifest.fileReader): 'unknown' when none of its records
 * owns the file, 'allow' when the actor may read one that does, 'deny' otherwise.
 */
export type FileAccess = 'allow' | 'deny' | 'unknown';
export type FileReader = (db: DbOrTx, actor: Actor, fileId: string) => Promise<FileAccess>;

/**
 * The verdict from the records owning a file (`ids`, e.g. the review matters it is a material of),
 * through the module's own loader, which throws 404 for a record the actor may not read: the same rule
 * as the record's endpoint.
 */
export async function fileAccessOf(
  ids: string[],
  load: (id: string) => Promise<unknown>,
): Promise<FileAccess> {
  if (!ids.length) return 'unknown';
  for (const id of new Set(ids)) {
    try {
      await load(id);
      return 'allow';
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN')) throw e;
    }
  }
  return 'deny';
}

/** Several verdicts on one file (records of several modules, or of several kinds in one module). */
export function combineFileAccess(verdicts: FileAccess[]): FileAccess {
  if (verdicts.includes('allow')) return 'allow';
  return verdicts.includes('deny') ? 'deny' : 'unknown';
}

export interface FileAccessRules {
  /** True when anyone may download the file (an attachment of a published item). */
  isPublic(db: DbOrTx, fileId: string): Promise<boolean>;
  /** Every module's fileReader. */
  readers: FileReader[];
}

/**
 * A file the reader may download: a file is readable exactly when a record owning it is. Public when
 * `isPublic` says so; otherwise to a signed-in actor whom some module's reader allows; a file owned by
 * no record (uploaded, not yet attached) only to its uploader. Anything else is 404.
 */
export async function readFile(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  rules: FileAccessRules,
): Promise<FileMeta> {
  const row = await loadFileMeta(ctx.db, id);
  if (!row) throw notFound('文件');
  if (await rules.isPublic(ctx.db, id)) return row;
  if (!actor) throw notFound('文件');
  const verdict = combineFileAccess(
    await Promise.all(rules.readers.map((r) => r(ctx.db, actor, id))),
  );
  if (verdict === 'allow') return row;
  if (verdict === 'unknown' && row.uploadedBy === actor.userId && can(actor, 'file', 'read', row))
    return row;
  throw notFound('文件');
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
