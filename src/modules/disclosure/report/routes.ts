import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { isoDate } from '../../../core/http/validate.ts';
import { guard, type ZodProvider } from '../../../core/http/schema.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize } from '../policy.ts';
import { attachmentHeader, DOCX_MIME } from '../../../core/docx/gongwen.ts';
import { reportView, saveDraft, submitReport } from './service.ts';
import { publishReport, reportDocx } from './export.ts';
import { cellRequests } from './cells.ts';
import { disclosureRequestFacts } from '../requests/facts.ts';
import { publicationFacts } from '../publications/facts.ts';
import { TABLE3_KEYS, APPLICANT_COLUMNS } from './tables.ts';

const yearParam = z.object({
  year: z.coerce.number().int().min(2008).max(2100).describe('报告年度'),
});
const count = (label: string) => z.coerce.number().min(0).max(1e9).describe(label);
const draftBody = z.object({
  prose: z
    .object({
      overview: z.string().max(20000).describe('总体情况'),
      problems: z.string().max(20000).describe('存在的主要问题及改进情况'),
      other: z.string().max(20000).describe('其他需要报告的事项'),
    })
    .optional(),
  manual: z
    .object({
      table2: z
        .partialRecord(
          z.enum(['regulations', 'normativeDocuments', 'licensing', 'penalty', 'coercion', 'fees']),
          z.array(count('表二数值')).max(3),
        )
        .describe('表二'),
      // Table 四 is counted from the 行政复议 / 行政诉讼 cases (litigation/index.ts tableFour): a typed one is refused, not silently dropped.
      table4: z
        .unknown()
        .refine((v) => v === undefined, '由本机关的行政复议、行政诉讼案件自动统计，不能手工填写')
        .optional()
        .describe('表四'),
    })
    .optional(),
});
const cellQuery = z.object({
  row: z.enum(TABLE3_KEYS as [string, ...string[]]).describe('行'),
  col: z.enum([...APPLICANT_COLUMNS, 'total']).describe('列'),
});

const submitBody = z.object({
  on: isoDate('报送日期'),
  submittedTo: z.string().trim().max(100).optional().describe('报送单位'),
});
// The 保密审查 is the reviewer's own act before this (secrecyReviewRoutes.ts), not a typed name.
const publishBody = z.object({ on: isoDate('公开日期') });

export function disclosureReportRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // The module's facts for the 法治政府建设年度报告: publications and requests of the actor's department.
  const yearQuery = z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  });
  api.get(
    '/api/disclosure/facts',
    {
      schema: { summary: '年度报告的政府信息公开数据', querystring: yearQuery },
      preValidation: guard((a) => authorize(a, 'disclosureReport', 'read')),
    },
    async (req) => {
      const actor = requireActor(req);
      const [publications, requests] = await Promise.all([
        publicationFacts(ctx, actor.departmentId, req.query.year),
        disclosureRequestFacts(ctx, actor.departmentId, req.query.year),
      ]);
      return { facts: [...publications, ...requests] };
    },
  );
  api.get(
    '/api/disclosure/reports/:year',
    { schema: { summary: '政府信息公开工作年度报告', params: yearParam } },
    async (req) => reportView(ctx, requireActor(req), req.params.year),
  );
  const edits = guard((a) => authorize(a, 'disclosureReport', 'edit'));
  api.put(
    '/api/disclosure/reports/:year',
    {
      schema: { summary: '保存年度报告草稿', params: yearParam, body: draftBody },
      preValidation: edits,
    },
    async (req) => {
      const actor = requireActor(req);
      await saveDraft(ctx, actor, req.params.year, {
        prose: req.body.prose,
        manual: req.body.manual && { table2: req.body.manual.table2 },
      });
      return reportView(ctx, actor, req.params.year);
    },
  );
  api.post(
    '/api/disclosure/reports/:year/submit',
    {
      schema: { summary: '报送年度报告', params: yearParam, body: submitBody },
      preValidation: edits,
    },
    async (req) => {
      const actor = requireActor(req);
      await submitReport(ctx, actor, req.params.year, req.body);
      return reportView(ctx, actor, req.params.year);
    },
  );
  api.post(
    '/api/disclosure/reports/:year/publish',
    {
      schema: { summary: '公开年度报告', params: yearParam, body: publishBody },
      preValidation: edits,
    },
    async (req) => {
      const actor = requireActor(req);
      const pub = await publishReport(ctx, actor, req.params.year, req.body);
      return { ...pub, ...(await reportView(ctx, actor, req.params.year)) };
    },
  );
  api.get(
    '/api/disclosure/reports/:year/cell',
    {
      schema: { summary: '表三某一格的申请', params: yearParam, querystring: cellQuery },
      preValidation: guard((a) => authorize(a, 'disclosureRequest', 'list')),
    },
    async (req) =>
      cellRequests(ctx, requireActor(req), req.params.year, req.query.row, req.query.col),
  );
  api.get(
    '/api/disclosure/reports/:year/docx',
    { schema: { summary: '下载年度报告（.docx）', params: yearParam } },
    async (req, reply) => {
      const { name, buffer } = await reportDocx(ctx, requireActor(req), req.params.year);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachmentHeader(name))
        .send(buffer);
    },
  );
}
