import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { parse } from '../../../core/http/validate.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize } from '../../../core/auth/policy.ts';
import { hasRole } from '../../../core/auth/actor.ts';
import { REPORT_AREA_LABELS } from '../../../core/facts.ts';
import { contentDisposition, maxFileBytes } from '../../../core/files/service.ts';
import { readUpload } from '../../../core/files/routes.ts';
import { MAX_TEXT_CHARS } from './analyse.ts';
import { ENCODING_LABELS, FORMAT_LABELS } from './extract.ts';
import { INDICATOR_LABELS } from './indicators.ts';
import { PART_CODES, PART_LABELS } from './types.ts';
import { correctImport, getImport, importReport, importTargets, listImports, originalFile } from './service.ts';

const year = z.coerce.number().int().min(1990).max(2100);
const correction = {
  orgName: z.string().trim().max(60).nullable().optional().describe('报告单位'),
  year: year.nullable().optional().describe('报告年度'),
};
const uploadQuery = z.object({ departmentId: z.uuid().optional().describe('所属部门'), orgName: correction.orgName, year: z.preprocess((v) => (v === '' ? undefined : v), year.optional()).describe('报告年度') });
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
  app.get('/api/report-imports/meta', async (req) => {
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
  });

  app.get('/api/report-imports', async (req) => {
    const actor = requireActor(req);
    return { items: await listImports(ctx, actor, parse(listQuery, req.query)) };
  });

  app.post('/api/report-imports', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'reportImport', 'list');
    const q = parse(uploadQuery, req.query);
    const file = await readUpload(req, await maxFileBytes(ctx.db, ctx.clock.now().getTime()));
    return importReport(ctx, actor, { departmentId: q.departmentId, orgName: q.orgName, year: q.year, source: { kind: 'file', ...file } });
  });

  // A pasted report may exceed the default 1 MB JSON limit a little (UTF-8 Chinese is 3 bytes a character).
  app.post('/api/report-imports/paste', { bodyLimit: 4 * MAX_TEXT_CHARS }, async (req) => {
    const actor = requireActor(req);
    const body = parse(pasteBody, req.body);
    return importReport(ctx, actor, { departmentId: body.departmentId, orgName: body.orgName, year: body.year, source: { kind: 'paste', text: body.text } });
  });

  app.get('/api/report-imports/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    return getImport(ctx, actor, id);
  });

  app.patch('/api/report-imports/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const patch = parse(z.object(correction), req.body);
    await correctImport(ctx, actor, id, patch);
    return getImport(ctx, actor, id);
  });

  app.get('/api/report-imports/:id/original', async (req, reply) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const file = await originalFile(ctx, actor, id);
    return reply
      .type(file.mime)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.content);
  });
}
