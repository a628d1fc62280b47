import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { notFound } from '../../core/errors.ts';
import { PART_CODES } from './document.ts';
import { approveReport, generateReport, publishReport, regenerateReport, reviewReport, saveReport, submitReport, type ReportDeps } from './service.ts';
import { reportView, stepRecords } from './view.ts';
import { compareVersions, listVersions } from './versions.ts';
import { docxToPdf, reportDocx } from './export.ts';
import { oversightOverview, oversightXlsx } from './oversight.ts';
import { MEETING_KINDS } from './procedure.ts';
import { templateRoutes } from './templateRoutes.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('报告年度') });
const deptQuery = z.object({ department: z.uuid().optional().describe('部门') });
const text = (label: string, max: number, min = 0) => z.string().trim().min(min).max(max).describe(label);

const inline = z.discriminatedUnion('t', [
  z.object({ t: z.literal('text'), text: z.string().max(20_000).describe('文字') }),
  z.object({ t: z.literal('fact'), key: z.string().min(1).max(200).describe('数据项'), form: z.enum(['value', 'sentence']).describe('引用方式') }),
  z.object({ t: z.literal('manual'), text: text('手工录入的数字', 40, 1) }),
]);
const block = z.object({
  id: z.string().min(1).max(40).describe('段落编号'),
  kind: z.enum(['h2', 'p']).describe('段落类型'),
  inlines: z.array(inline).max(400).describe('段落内容'),
  hint: z.string().max(500).optional().describe('填写提示'),
});
export const documentSchema = z.object({
  title: text('报告标题', 200, 2),
  preface: z.array(block).max(20).describe('导语'),
  parts: z
    .array(z.object({ code: z.enum(PART_CODES).describe('部分'), heading: text('部分标题', 200, 2), blocks: z.array(block).max(500).describe('段落') }))
    .length(5)
    .refine((ps) => new Set(ps.map((p) => p.code)).size === 5, '五个部分各出现一次')
    .describe('报告正文'),
});
const saveBody = z.object({
  baseVersionId: z.uuid().describe('所依据的版本'),
  content: documentSchema,
  revise: z.object({ reason: text('修订原因', 500, 2) }).optional().describe('修订'),
});
const reviewBody = z.object({ reviewer: text('保密审查人', 60, 2), opinion: text('审查意见', 2000).optional(), on: isoDate('审查日期') });
const approveBody = z.object({
  meetingKind: z.enum(MEETING_KINDS.map((k) => k.value) as [string, ...string[]]).describe('审定会议'),
  meetingOn: isoDate('会议日期'),
  session: text('会议名称及期次', 100, 2),
  on: isoDate('办理日期'),
});
const submitBody = z.object({ on: isoDate('报送日期'), recipients: z.array(text('报送单位', 100, 2)).min(1).max(10).describe('报送单位') });
const stepQuery = z.object({
  procedure: text('程序', 60, 1),
  step: text('环节', 60, 1),
  kind: z.enum(['late', 'overdue']).describe('类别'),
  year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
});

export function reportRoutes(app: FastifyInstance, ctx: Ctx, deps: ReportDeps): void {
  const view = (req: import('fastify').FastifyRequest, year: number, department?: string) => reportView(ctx, deps, requireActor(req), year, department);

  app.get('/api/reports/step-records', async (req) => stepRecords(ctx, requireActor(req), parse(stepQuery, req.query)));
  app.get('/api/reports/oversight', async (req) => {
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).default(Number(ctx.clock.today().slice(0, 4)) - 1).describe('报告年度') }), req.query);
    return oversightOverview(ctx, requireActor(req), year);
  });
  app.get('/api/reports/oversight/export.xlsx', async (req, reply) => {
    const { year } = parse(yearParam, req.query);
    const buf = await oversightXlsx(ctx, requireActor(req), year);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachmentHeader(`${year}年度法治政府建设年度报告对比.xlsx`)).send(buf);
  });
  templateRoutes(app, ctx);

  app.get('/api/reports/:year', async (req) => view(req, parse(yearParam, req.params).year, parse(deptQuery, req.query).department));
  app.post('/api/reports/:year', async (req) => {
    const { year } = parse(yearParam, req.params);
    await generateReport(ctx, deps, requireActor(req), year);
    return view(req, year);
  });
  app.put('/api/reports/:year', async (req) => {
    const { year } = parse(yearParam, req.params);
    await saveReport(ctx, deps, requireActor(req), year, parse(saveBody, req.body));
    return view(req, year);
  });
  app.post('/api/reports/:year/regenerate', async (req) => {
    const { year } = parse(yearParam, req.params);
    await regenerateReport(ctx, deps, requireActor(req), year, parse(z.object({ baseVersionId: z.uuid().describe('所依据的版本') }), req.body).baseVersionId);
    return view(req, year);
  });
  app.post('/api/reports/:year/review', async (req) => {
    const { year } = parse(yearParam, req.params);
    await reviewReport(ctx, requireActor(req), year, parse(reviewBody, req.body));
    return view(req, year);
  });
  app.post('/api/reports/:year/approve', async (req) => {
    const { year } = parse(yearParam, req.params);
    await approveReport(ctx, deps, requireActor(req), year, parse(approveBody, req.body));
    return view(req, year);
  });
  app.post('/api/reports/:year/submit', async (req) => {
    const { year } = parse(yearParam, req.params);
    await submitReport(ctx, requireActor(req), year, parse(submitBody, req.body));
    return view(req, year);
  });
  app.post('/api/reports/:year/publish', async (req) => {
    const { year } = parse(yearParam, req.params);
    await publishReport(ctx, requireActor(req), year, parse(z.object({ on: isoDate('公开日期') }), req.body));
    return view(req, year);
  });
  app.get('/api/reports/:year/versions', async (req) => listVersions(ctx, requireActor(req), parse(yearParam, req.params).year));
  app.get('/api/reports/:year/compare', async (req) => {
    const { year } = parse(yearParam, req.params);
    const q = parse(z.object({ from: z.uuid().describe('原版本'), to: z.uuid().describe('新版本') }), req.query);
    return compareVersions(ctx, requireActor(req), year, q.from, q.to);
  });
  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/api/reports/:year/${format}`, async (req, reply) => {
      const { year } = parse(yearParam, req.params);
      const v = await view(req, year, parse(deptQuery, req.query).department);
      if (!v.exists) throw notFound(`${year}年度法治政府建设年度报告`);
      const on = v.publishedOn ?? (v.approval as { meetingOn?: string } | null)?.meetingOn ?? ctx.clock.today();
      const docx = await reportDocx(v.document, v.figures, { department: v.department.name, on });
      const name = `${v.document.title}.${format}`;
      if (format === 'docx') return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(name)).send(docx);
      return reply.type('application/pdf').header('content-disposition', attachmentHeader(name)).send(await docxToPdf(docx));
    });
  }
}
