import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { authorize } from './policy.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { notFound } from '../../core/errors.ts';
import { PART_CODES } from './document.ts';
import { approveReport, publishReport, submitReport } from './signOff.ts';
import { generateReport, regenerateReport, saveReport, type ReportDeps } from './service.ts';
import { REPORT_ACTS, reportView, stepRecords } from './view.ts';
import { actsReply } from '../../core/cases/acts.ts';
import { compareVersions, listVersions } from './versions.ts';
import { docxToPdf, reportDocx } from './export.ts';
import { oversightOverview, oversightXlsx } from './oversight.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { formLines } from '../../core/procedure/fields.ts';
import { allRecipients, APPROVE_FORM, PUBLISH_FORM, SUBMIT_FORM } from './forms.ts';
import { templateRoutes } from './templateRoutes.ts';

const yearParam = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe('报告年度'),
});
const deptQuery = z.object({ department: z.uuid().optional().describe('部门') });
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);

const inline = z.discriminatedUnion('t', [
  z.object({ t: z.literal('text'), text: z.string().max(20_000).describe('文字') }),
  z.object({
    t: z.literal('fact'),
    key: z.string().min(1).max(200).describe('数据项'),
    form: z.enum(['value', 'sentence']).describe('引用方式'),
  }),
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
    .array(
      z.object({
        code: z.enum(PART_CODES).describe('部分'),
        heading: text('部分标题', 200, 2),
        blocks: z.array(block).max(500).describe('段落'),
      }),
    )
    .length(5)
    .refine((ps) => new Set(ps.map((p) => p.code)).size === 5, '五个部分各出现一次')
    .describe('报告正文'),
});
const saveBody = z.object({
  baseVersionId: z.uuid().describe('所依据的版本'),
  content: documentSchema,
  revise: z
    .object({ reason: text('修订原因', 500, 2) })
    .optional()
    .describe('修订'),
});
// The sign-off bodies are the declared forms' (forms.ts).
const approveBody = fieldsSchema(APPROVE_FORM);
const submitFields = fieldsSchema(SUBMIT_FORM).shape;
const recipientList = z
  .array(text('报送单位', 100, 2))
  .max(10)
  .describe('报送单位');
const submitBody = z
  .object({
    on: submitFields.on,
    // The form names the recipients the org tree does not know and the others one a line; the
    // API's list of all of them stays taken.
    government: submitFields.government.optional(),
    superior: submitFields.superior.optional(),
    recipients: z
      .union([
        recipientList,
        (submitFields.recipients as z.ZodType<string | undefined>)
          .transform((v) => formLines(v ?? ''))
          .pipe(recipientList),
      ])
      .describe('报送单位'),
  })
  .superRefine((b, c) => {
    const n = allRecipients(b).length;
    if (n < 1 || n > 10)
      c.addIssue({
        code: 'custom',
        path: ['recipients'],
        message: n < 1 ? '至少选择或填写一项' : '最多10项',
      });
  });
const stepQuery = z.object({
  procedure: text('程序', 60, 1),
  step: text('环节', 60, 1),
  kind: z.enum(['late', 'overdue']).describe('类别'),
  year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
});

// The report screen (documentation: the reply is serialised as view.ts returns it, nothing is stripped).
const reportReply = z
  .union([
    z.looseObject({
      exists: z.literal(false).describe('报告尚未生成'),
      canGenerate: z.boolean().describe('可生成初稿'),
    }),
    z.looseObject({
      exists: z.literal(true).describe('报告已生成'),
      status: z.string().describe('状态'),
      statusLabel: z.string().describe('状态'),
      editable: z.boolean().describe('可编辑'),
      ...actsReply(REPORT_ACTS),
    }),
  ])
  .describe('法治政府建设年度报告');
const reportResponse = { 200: reportReply };

const regenerateBody = z.object({ baseVersionId: z.uuid().describe('所依据的版本') });
const publishBody = fieldsSchema(PUBLISH_FORM);
const compareQuery = z.object({
  from: z.uuid().describe('原版本'),
  to: z.uuid().describe('新版本'),
});

export function reportRoutes(app: FastifyInstance, ctx: Ctx, deps: ReportDeps): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: who may write the report is checked before the body is validated (403 before 400);
  // each department writes only its own report (the services find it by the actor's department).
  const edits = guard((a) => authorize(a, 'ruleOfLawReport', 'edit'));
  const view = (req: import('fastify').FastifyRequest, year: number, department?: string) =>
    reportView(ctx, deps, requireActor(req), year, department);

  api.get(
    '/api/reports/step-records',
    { schema: { summary: '逾期或超期办理的环节（报告数据的来源记录）', querystring: stepQuery } },
    async (req) => stepRecords(ctx, requireActor(req), req.query),
  );
  const oversightQuery = z.object({
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .default(Number(ctx.clock.today().slice(0, 4)) - 1)
      .describe('报告年度'),
  });
  api.get(
    '/api/reports/oversight',
    {
      schema: {
        summary: '各部门年度报告报送与公开情况（依法治市办、司法局）',
        querystring: oversightQuery,
      },
    },
    async (req) => oversightOverview(ctx, requireActor(req), req.query.year),
  );
  api.get(
    '/api/reports/oversight/export.xlsx',
    { schema: { summary: '导出各部门年度报告对比（.xlsx）', querystring: yearParam } },
    async (req, reply) => {
      const { year } = req.query;
      const buf = await oversightXlsx(ctx, requireActor(req), year);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${year}年度法治政府建设年度报告对比.xlsx`))
        .send(buf);
    },
  );
  templateRoutes(app, ctx);

  api.get(
    '/api/reports/:year',
    {
      schema: {
        summary: '法治政府建设年度报告',
        params: yearParam,
        querystring: deptQuery,
        response: reportResponse,
      },
    },
    async (req) => view(req, req.params.year, req.query.department),
  );
  api.post(
    '/api/reports/:year',
    {
      schema: {
        summary: '生成年度报告初稿',
        params: yearParam,
        body: noBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      await generateReport(ctx, deps, requireActor(req), req.params.year);
      return view(req, req.params.year);
    },
  );
  api.put(
    '/api/reports/:year',
    {
      schema: {
        summary: '保存年度报告（新版本）',
        params: yearParam,
        body: saveBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      await saveReport(ctx, deps, requireActor(req), req.params.year, req.body);
      return view(req, req.params.year);
    },
  );
  api.post(
    '/api/reports/:year/regenerate',
    {
      schema: {
        summary: '按最新数据重新生成',
        params: yearParam,
        body: regenerateBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      await regenerateReport(ctx, deps, requireActor(req), req.params.year, req.body.baseVersionId);
      return view(req, req.params.year);
    },
  );
  api.post(
    '/api/reports/:year/approve',
    {
      schema: {
        summary: '记录会议审定',
        params: yearParam,
        body: approveBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      await approveReport(ctx, deps, requireActor(req), req.params.year, req.body);
      return view(req, req.params.year);
    },
  );
  api.post(
    '/api/reports/:year/submit',
    {
      schema: {
        summary: '报送年度报告',
        params: yearParam,
        body: submitBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      const { on } = req.body;
      await submitReport(ctx, requireActor(req), req.params.year, {
        on,
        recipients: allRecipients(req.body),
      });
      return view(req, req.params.year);
    },
  );
  api.post(
    '/api/reports/:year/publish',
    {
      schema: {
        summary: '公开年度报告',
        params: yearParam,
        body: publishBody,
        response: reportResponse,
      },
      preValidation: edits,
    },
    async (req) => {
      await publishReport(ctx, requireActor(req), req.params.year, req.body);
      return view(req, req.params.year);
    },
  );
  api.get(
    '/api/reports/:year/versions',
    { schema: { summary: '年度报告的版本', params: yearParam } },
    async (req) => listVersions(ctx, requireActor(req), req.params.year),
  );
  api.get(
    '/api/reports/:year/compare',
    { schema: { summary: '比较两个版本', params: yearParam, querystring: compareQuery } },
    async (req) =>
      compareVersions(ctx, requireActor(req), req.params.year, req.query.from, req.query.to),
  );
  for (const format of ['docx', 'pdf'] as const) {
    api.get(
      `/api/reports/:year/${format}`,
      {
        schema: {
          summary: format === 'docx' ? '下载年度报告（.docx）' : '下载年度报告（PDF）',
          params: yearParam,
          querystring: deptQuery,
        },
      },
      async (req, reply) => {
        const { year } = req.params;
        const v = await view(req, year, req.query.department);
        if (!v.exists) throw notFound(`${year}年度法治政府建设年度报告`);
        const on =
          v.publishedOn ??
          (v.approval as { meetingOn?: string } | null)?.meetingOn ??
          ctx.clock.today();
        const docx = await reportDocx(v.document, v.figures, { department: v.department.name, on });
        const name = `${v.document.title}.${format}`;
        if (format === 'docx')
          return reply
            .type(DOCX_MIME)
            .header('content-disposition', attachmentHeader(name))
            .send(docx);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentHeader(name))
          .send(await docxToPdf(docx));
      },
    );
  }
}
