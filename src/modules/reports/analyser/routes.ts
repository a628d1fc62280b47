import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { guard, paramsOf, type ZodProvider } from '../../../core/http/schema.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize } from '../policy.ts';
import { hasRole } from '../../../core/auth/actor.ts';
import { REPORT_AREA_LABELS } from '../../../core/facts.ts';
import { contentDisposition, maxFileBytes } from '../../../core/files/service.ts';
import { readUpload } from '../../../core/files/routes.ts';
import { MAX_TEXT_CHARS } from './analyse.ts';
import { ENCODING_LABELS, FORMAT_LABELS } from './extract.ts';
import { INDICATOR_LABELS } from './indicators.ts';
import { PART_CODES, PART_LABELS } from './types.ts';
import {
  correctImport,
  getImport,
  importReport,
  importTargets,
  listImports,
  originalFile,
} from './service.ts';

const year = z.coerce.number().int().min(1990).max(2100);
const correction = {
  orgName: z.string().trim().max(60).nullable().optional().describe('报告单位'),
  year: year.nullable().optional().describe('报告年度'),
};
const uploadQuery = z.object({
  departmentId: z.uuid().optional().describe('所属部门'),
  orgName: correction.orgName,
  year: z.preprocess((v) => (v === '' ? undefined : v), year.optional()).describe('报告年度'),
});
const pasteBody = z.object({
  departmentId: z.uuid().optional().describe('所属部门'),
  text: z.string().min(1).max(MAX_TEXT_CHARS).describe('报告正文'),
  ...correction,
});
const listQuery = z.object({
  year: year.optional().describe('年度'),
  departmentId: z.uuid().optional().describe('所属部门'),
  orgName: z.string().trim().max(60).optional().describe('报告单位'),
});
const idParam = z.object({ id: z.uuid().describe('编号') });

/** Imports of 法治政府建设年度报告 written elsewhere: upload or paste, list, view, correct, download the original. */
export function reportImportRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/report-imports/meta',
    { schema: { summary: '导入年度报告的选项（可选部门、大小上限、分类）' } },
    async (req) => {
      const actor = requireActor(req);
      return {
        departments: await importTargets(ctx, actor),
        ownDepartmentId: actor.departmentId,
        maxBytes: await maxFileBytes(ctx.db, ctx.clock.now().getTime()),
        canChooseDepartment: hasRole(actor, 'oversight'),
        parts: PART_CODES.map((code) => ({ code, label: PART_LABELS[code] })),
        areas: REPORT_AREA_LABELS,
        indicators: INDICATOR_LABELS,
        formats: FORMAT_LABELS,
        encodings: ENCODING_LABELS,
      };
    },
  );

  api.get(
    '/api/report-imports',
    { schema: { summary: '已导入的年度报告', querystring: listQuery } },
    async (req) => ({ items: await listImports(ctx, requireActor(req), req.query) }),
  );

  api.post(
    '/api/report-imports',
    {
      schema: {
        summary: '上传年度报告（.docx、.pdf、.txt 等，multipart/form-data）',
        querystring: uploadQuery,
        consumes: ['multipart/form-data'],
      },
      preValidation: guard((a) => authorize(a, 'reportImport', 'list')),
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const file = await readUpload(req, await maxFileBytes(ctx.db, ctx.clock.now().getTime()));
      return importReport(ctx, actor, {
        departmentId: q.departmentId,
        orgName: q.orgName,
        year: q.year,
        source: { kind: 'file', ...file },
      });
    },
  );

  // A pasted report may exceed the default 1 MB JSON limit a little (UTF-8 Chinese is 3 bytes a character).
  api.post(
    '/api/report-imports/paste',
    {
      bodyLimit: 4 * MAX_TEXT_CHARS,
      schema: { summary: '粘贴年度报告正文导入', body: pasteBody },
      preValidation: guard((a) => authorize(a, 'reportImport', 'list')),
    },
    async (req) => {
      const body = req.body;
      return importReport(ctx, requireActor(req), {
        departmentId: body.departmentId,
        orgName: body.orgName,
        year: body.year,
        source: { kind: 'paste', text: body.text },
      });
    },
  );

  api.get(
    '/api/report-imports/:id',
    { schema: { summary: '导入的年度报告（分析结果）', params: idParam } },
    async (req) => getImport(ctx, requireActor(req), req.params.id),
  );

  // The import is read (out of scope: 404) before the correction is looked at.
  api.patch(
    '/api/report-imports/:id',
    {
      schema: { summary: '更正报告单位或年度', params: idParam, body: z.object(correction) },
      preValidation: guard((a, req) => getImport(ctx, a, paramsOf(req, idParam).id)),
    },
    async (req) => {
      const actor = requireActor(req);
      await correctImport(ctx, actor, req.params.id, req.body);
      return getImport(ctx, actor, req.params.id);
    },
  );

  api.get(
    '/api/report-imports/:id/original',
    { schema: { summary: '下载导入的原件', params: idParam } },
    async (req, reply) => {
      const file = await originalFile(ctx, requireActor(req), req.params.id);
      return reply
        .type(file.mime)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content);
    },
  );
}
