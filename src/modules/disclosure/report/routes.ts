import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { isoDate, parse } from '../../../core/http/validate.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize } from '../../../core/auth/policy.ts';
import { attachmentHeader, DOCX_MIME } from '../../../core/docx/gongwen.ts';
import { reportView, saveDraft, submitReport } from './service.ts';
import { publishReport, reportDocx } from './export.ts';
import { cellRequests } from './cells.ts';
import { disclosureRequestFacts } from '../requests/facts.ts';
import { publicationFacts } from '../publications/facts.ts';
import { TABLE3_KEYS, APPLICANT_COLUMNS } from './tables.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2008).max(2100).describe('报告年度') });
const count = (label: string) => z.coerce.number().min(0).max(1e9).describe(label);
const draftBody = z.object({
  prose: z.object({ overview: z.string().max(20000).describe('总体情况'), problems: z.string().max(20000).describe('存在的主要问题及改进情况'), other: z.string().max(20000).describe('其他需要报告的事项') }).optional(),
  manual: z
    .object({
      table2: z.partialRecord(z.enum(['regulations', 'normativeDocuments', 'licensing', 'penalty', 'coercion', 'fees']), z.array(count('表二数值')).max(3)).describe('表二'),
      table4: z.array(count('表四数值')).length(15).describe('表四'),
    })
    .optional(),
});
const cellQuery = z.object({ row: z.enum(TABLE3_KEYS as [string, ...string[]]).describe('行'), col: z.enum([...APPLICANT_COLUMNS, 'total']).describe('列') });

export function disclosureReportRoutes(app: FastifyInstance, ctx: Ctx): void {
  // The module's facts for the 法治政府建设年度报告: publications and requests of the actor's department.
  app.get('/api/disclosure/facts', async (req) => {
    const actor = requireActor(req);
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    authorize(actor, 'disclosureReport', 'read');
    const [publications, requests] = await Promise.all([publicationFacts(ctx, actor.departmentId, year), disclosureRequestFacts(ctx, actor.departmentId, year)]);
    return { facts: [...publications, ...requests] };
  });
  app.get('/api/disclosure/reports/:year', async (req) => {
    const actor = requireActor(req);
    return reportView(ctx, actor, parse(yearParam, req.params).year);
  });
  app.put('/api/disclosure/reports/:year', async (req) => {
    const actor = requireActor(req);
    const { year } = parse(yearParam, req.params);
    await saveDraft(ctx, actor, year, parse(draftBody, req.body));
    return reportView(ctx, actor, year);
  });
  app.post('/api/disclosure/reports/:year/submit', async (req) => {
    const actor = requireActor(req);
    const { year } = parse(yearParam, req.params);
    await submitReport(ctx, actor, year, parse(z.object({ on: isoDate('报送日期'), submittedTo: z.string().trim().max(100).optional().describe('报送单位') }), req.body));
    return reportView(ctx, actor, year);
  });
  app.post('/api/disclosure/reports/:year/publish', async (req) => {
    const actor = requireActor(req);
    const { year } = parse(yearParam, req.params);
    const body = parse(z.object({ on: isoDate('公开日期'), reviewer: z.string().trim().min(1).max(60).describe('保密审查人') }), req.body);
    const pub = await publishReport(ctx, actor, year, body);
    return { ...pub, ...(await reportView(ctx, actor, year)) };
  });
  app.get('/api/disclosure/reports/:year/cell', async (req) => {
    const actor = requireActor(req);
    const { year } = parse(yearParam, req.params);
    const q = parse(cellQuery, req.query);
    authorize(actor, 'disclosureRequest', 'list');
    return cellRequests(ctx, actor, year, q.row, q.col);
  });
  app.get('/api/disclosure/reports/:year/docx', async (req, reply) => {
    const actor = requireActor(req);
    const { name, buffer } = await reportDocx(ctx, actor, parse(yearParam, req.params).year);
    return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(name)).send(buffer);
  });
}
