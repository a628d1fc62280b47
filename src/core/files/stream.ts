/**
 * Large files (audio and video of 全过程记录, 行政处罚法 Art 47) streamed into and out of the database in
 * 1 MB chunks, never held whole in memory. The upload writes its chunks before the file is visible
 * (`complete` false); the last step marks it complete and audits it in one transaction, and a failed
 * or refused upload deletes what it wrote, so a failed request leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { newId } from '../clock.ts';
import { inTx, type Ctx } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { formSetting, getSetting } from '../settings/service.ts';
import { fileChunks, files } from './schema.ts';
import { cleanFileName, sizeLimit, tooLarge, type StoredFile } from './service.ts';

export const CHUNK_BYTES = 1024 * 1024;
const GB = 1024 * 1024 * 1024;

/** The ceiling of a streamed upload: a setting of the 系统管理员 (default 4 GB, enough for a day of 执法记录仪 video). */
export const largeFileSettings = formSetting({
  key: 'files.large',
  label: '音视频等大文件上传',
  form: [sizeLimit('单个大文件大小上限', { min: 1024 * 1024, max: 64 * GB }, 'GB', 2)],
  defaults: { maxBytes: 4 * GB },
});

export async function maxLargeFileBytes(db: DbOrTx, nowMs: number): Promise<number> {
  return (await getSetting(db, largeFileSettings, nowMs)).maxBytes;
}

export interface StreamInput {
  name: string;
  mime: string;
  stream: AsyncIterable<Buffer>;
  max: number;
  truncated?: () => boolean;
}

/**
 * Stores a streamed file: chunks as they arrive (each its own statement, so memory stays at one chunk),
 * then size, hash, `complete` and the audit event in one transaction. Over `max` bytes → refused and removed.
 */
export async function storeFileStream(
  ctx: Ctx,
  actor: Actor,
  input: StreamInput,
): Promise<StoredFile> {
  authorize(actor, 'file', 'upload');
  const now = ctx.clock.now();
  // Leftovers of a process that died mid-upload are invisible; remove them once they are a day old.
  await ctx.db
    .delete(files)
    .where(
      and(
        eq(files.complete, false),
        lt(files.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)),
      ),
    );
  const id = newId();
  const mime = /^[\w.+-]+\/[\w.+-]+$/.test(input.mime) ? input.mime : 'application/octet-stream';
  const name = cleanFileName(input.name);
  await ctx.db.insert(files).values({
    id,
    name,
    mime,
    size: 0,
    sha256: '',
    content: Buffer.alloc(0),
    chunked: true,
    complete: false,
    departmentId: actor.departmentId,
    uploadedBy: actor.userId,
    createdAt: now,
  });
  try {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await ctx.db.insert(fileChunks).values({ fileId: id, seq: seq++, data });
    };
    for await (const piece of input.stream) {
      size += piece.length;
      if (size > input.max) throw tooLarge(input.max);
      hash.update(piece);
      let rest = piece;
      while (rest.length) {
        const take = Math.min(rest.length, CHUNK_BYTES - pendingBytes);
        pending.push(rest.subarray(0, take));
        pendingBytes += take;
        rest = rest.subarray(take);
        if (pendingBytes === CHUNK_BYTES) await flush();
      }
    }
    if (input.truncated?.()) throw tooLarge(input.max);
    if (pendingBytes) await flush();
    if (size === 0)
      throw new AppError('VALIDATION', '文件：不能为空文件', {
        fields: [{ path: 'file', message: '不能为空文件' }],
      });
    const sha256 = hash.digest('hex');
    await inTx(ctx, async (tx) => {
      await tx.update(files).set({ size, sha256, complete: true }).where(eq(files.id, id));
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          orgId: actor.orgId,
          action: 'file.upload',
          entityType: 'file',
          entityId: id,
          payload: { name, size, sha256, chunks: seq },
        },
        ctx.clock.now(),
      );
    });
    return { id, name, mime, size, sha256, createdAt: now };
  } catch (e) {
    await ctx.db.delete(files).where(eq(files.id, id));
    throw e;
  }
}

/** The content of a chunked file as a stream, one chunk read at a time. */
export function chunkStream(db: DbOrTx, fileId: string): Readable {
  let seq = 0;
  return Readable.from(
    (async function* () {
      for (;;) {
        const [row] = await db
          .select({ data: fileChunks.data })
          .from(fileChunks)
          .where(and(eq(fileChunks.fileId, fileId), eq(fileChunks.seq, seq)));
        if (!row) return;
        seq++;
        yield row.data;
      }
    })(),
    { objectMode: false },
  );
}

/** The whole content of a chunked file, for the few readers that need bytes (refused above `max`). */
export async function chunkedContent(
  db: DbOrTx,
  fileId: string,
  size: number,
  max: number,
): Promise<Buffer> {
  if (size > max) throw tooLarge(max);
  const rows = await db
    .select({ data: fileChunks.data })
    .from(fileChunks)
    .where(eq(fileChunks.fileId, fileId))
    .orderBy(fileChunks.seq);
  return Buffer.concat(rows.map((r) => r.data));
}
