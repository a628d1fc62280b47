import type { FastifyInstance, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Ctx } from '../context.ts';
import { guard, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { getSetting } from '../settings/service.ts';
import { eq } from 'drizzle-orm';
import {
  contentDisposition,
  fileSettings,
  formatBytes,
  maxFileBytes,
  readFile,
  tooLarge,
  updateFileSettings,
  uploadFile,
  type FileAccessRules,
} from './service.ts';
import { changeSetting } from '../settings/service.ts';
import { settingFormRoute } from '../settings/forms.ts';
import { chunkStream, largeFileSettings, maxLargeFileBytes, storeFileStream } from './stream.ts';
import { files } from './schema.ts';

const idParam = z.object({ id: z.uuid().describe('文件编号') });

/** Who may download a file: public attachments, and every module's reader of the records owning files. */
export type FileRouteDeps = FileAccessRules;

const fileError = (message: string) =>
  new AppError('VALIDATION', `文件：${message}`, { fields: [{ path: 'file', message }] });

/**
 * The one file of a multipart request, at most `max` bytes: a declared body far above the limit is
 * refused before any of it is read (a 50 MB upload), otherwise the stream stops at the limit.
 */
/** A multipart request whose declared length is within `max` (a larger one is refused before any of it is read). */
function checkUploadHead(req: FastifyRequest, max: number): void {
  if (!req.isMultipart()) throw fileError('请以上传文件的方式提交（表单文件）');
  if (Number(req.headers['content-length'] ?? 0) > max + 64 * 1024) throw tooLarge(max);
}

export async function readUpload(
  req: FastifyRequest,
  max: number,
): Promise<{ name: string; mime: string; content: Buffer }> {
  checkUploadHead(req, max);
  // Every part is read (a malformed, truncated or flooded body fails here, inside the request, as a
  // 400 mapped in core/http/errors.ts — never later while the reply is being sent).
  let file: { name: string; mime: string; content: Buffer } | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: max, files: 1 } })) {
      if (part.type !== 'file') continue;
      const content = await part.toBuffer();
      file ??= { name: part.filename, mime: part.mimetype, content };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
    throw e;
  }
  if (!file) throw fileError('必填');
  return file;
}

/** Upload (multipart, one file) and download (Content-Disposition with the UTF-8 name, scope-checked). */
export function fileRoutes(app: FastifyInstance, ctx: Ctx, deps: FileRouteDeps): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.post(
    '/api/files',
    {
      schema: {
        summary: '上传文件（multipart/form-data，一个文件）',
        consumes: ['multipart/form-data'],
      },
      preValidation: guard((a) => authorize(a, 'file', 'upload')),
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, await maxFileBytes(ctx.db, ctx.clock.now().getTime()));
      return uploadFile(ctx, actor, file);
    },
  );

  // Audio and video (全过程记录): the file part is streamed into 1 MB chunks, never buffered whole; a body
  // declared above the limit is refused before it is read, a longer stream stops at the limit.
  api.post(
    '/api/files/stream',
    {
      schema: {
        summary: '上传音视频等大文件（multipart/form-data，一个文件，流式写入）',
        consumes: ['multipart/form-data'],
      },
      preValidation: guard((a) => authorize(a, 'file', 'upload')),
    },
    async (req) => {
      const actor = requireActor(req);
      const max = await maxLargeFileBytes(ctx.db, ctx.clock.now().getTime());
      checkUploadHead(req, max);
      let stored: Awaited<ReturnType<typeof storeFileStream>> | undefined;
      for await (const part of req.parts({ limits: { fileSize: max, files: 1 } })) {
        if (part.type !== 'file') continue;
        stored = await storeFileStream(ctx, actor, {
          name: part.filename,
          mime: part.mimetype,
          stream: part.file,
          max,
          truncated: () => part.file.truncated,
        });
      }
      if (!stored) throw fileError('必填');
      return stored;
    },
  );

  // The upload limits: staff forms read them to refuse oversized files before uploading; the 系统管理员 changes them.
  api.get('/api/files/limits', { schema: { summary: '上传文件大小上限' } }, async () => {
    const now = ctx.clock.now().getTime();
    const maxBytes = await maxFileBytes(ctx.db, now);
    const largeMaxBytes = await maxLargeFileBytes(ctx.db, now);
    return {
      maxBytes,
      label: formatBytes(maxBytes),
      largeMaxBytes,
      largeLabel: formatBytes(largeMaxBytes),
    };
  });
  const manage = guard((a) => authorize(a, 'businessSettings', 'manage'));
  api.get(
    '/api/settings/files',
    {
      schema: { summary: '文件设置', response: { 200: fileSettings.schema } },
      preValidation: manage,
    },
    async () => getSetting(ctx.db, fileSettings, ctx.clock.now().getTime(), 0),
  );
  api.put(
    '/api/settings/files',
    { schema: { summary: '修改文件设置', body: fileSettings.schema }, preValidation: manage },
    async (req) => updateFileSettings(ctx, requireActor(req), req.body),
  );
  settingFormRoute(app, '/api/settings/files', fileSettings, manage);
  settingFormRoute(app, '/api/settings/files/large', largeFileSettings, manage);
  api.get(
    '/api/settings/files/large',
    {
      schema: { summary: '大文件设置', response: { 200: largeFileSettings.schema } },
      preValidation: manage,
    },
    async () => getSetting(ctx.db, largeFileSettings, ctx.clock.now().getTime(), 0),
  );
  api.put(
    '/api/settings/files/large',
    {
      schema: { summary: '修改大文件设置', body: largeFileSettings.schema },
      preValidation: manage,
    },
    async (req) =>
      changeSetting(ctx, requireActor(req), largeFileSettings, 'settings.files.large', req.body),
  );

  // Anyone may fetch a public file; otherwise whoever may read a record owning it, or the uploader of a
  // file no record owns yet (others get 404).
  api.get(
    '/api/files/:id',
    {
      schema: { summary: '下载文件（公开的附件无需登录）', params: idParam },
      config: { public: true },
    },
    async (req, reply) => {
      const { id } = req.params;
      const actor =
        req.session?.actor && !req.session.actor.mustChangePassword ? req.session.actor : null;
      const file = await readFile(ctx, actor, id, deps);
      const body = file.chunked
        ? chunkStream(ctx.db, file.id)
        : (
            await ctx.db.select({ content: files.content }).from(files).where(eq(files.id, file.id))
          )[0].content;
      return reply
        .type(file.mime)
        .header('content-disposition', contentDisposition(file.name))
        .header('content-length', String(file.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('etag', `"${file.sha256}"`)
        .send(body);
    },
  );
}
