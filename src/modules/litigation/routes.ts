import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate } from '../../core/http/validate.ts';
import { fieldSchema, fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { authorize } from './policy.ts';
import { actOnCase, loadLitigation, registerCase } from './service.ts';
import { listCases, listHearings } from './records.ts';
import { litigationView } from './view.ts';
import { answerDocx } from './docx.ts';
import { tableFour, tableFourCell } from './table4.ts';
import { litigationFacts } from './facts.ts';
import { actTargets } from './targets.ts';
import { ACT_MODULES, opts } from './labels.ts';
import { ACT_DATE, EVIDENCE, parseEvidence, REGISTER_FORMS } from './forms.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min).max(max).describe(label);
const year = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
const flag = (label: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(label);
const actModule = z
  .enum(Object.keys(ACT_MODULES) as [keyof typeof ACT_MODULES])
  .describe('行政行为类型');

// The registering bodies are the declared forms' (forms.ts), which also take an empty choice or date
// as null; 复议后起诉 also as a boolean (the API's older callers).
export const reconsiderationBody = fieldsSchema(REGISTER_FORMS.reconsideration);
export const lawsuitBody = z.object({
  ...fieldsSchema(REGISTER_FORMS.lawsuit).shape,
  afterReconsideration: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(false)
    .describe('复议后起诉'),
});
const evidence = z.object({ title: text('证据名称', 200), gatheredOn: isoDate('取得日期') });
const evidenceList = z.array(evidence).max(200).describe(EVIDENCE.label);
export const actBody = z.object({
  action: z
    .string()
    .regex(/^[a-zA-Z]{1,40}$/, '无效')
    .describe('办理事项'),
  on: fieldSchema(ACT_DATE) as z.ZodType<string>,
  data: z
    .record(
      z.string().max(40),
      z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]),
    )
    .optional()
    .describe('办理内容'),
  // The form's lines (forms.ts EVIDENCE), one item a line, or the list itself.
  evidence: z
    .union([
      evidenceList,
      (fieldSchema(EVIDENCE) as z.ZodType<string | undefined>)
        .transform((v) => (v === undefined ? undefined : parseEvidence(v)))
        .pipe(evidenceList.optional()),
    ])
    .describe(EVIDENCE.label),
});
const listQuery = z.object({
  kind: z.enum(['reconsideration', 'lawsuit']).optional().describe('案件类型'),
  year: year('收案年度').optional(),
  decidedIn: year('决定年度').optional(),
  concludedIn: year('审结年度').optional(),
  answeredIn: year('答复年度').optional(),
  late: flag('逾期答复'),
  category: z.enum(['maintained', 'corrected', 'other', 'pending']).optional().describe('结果'),
  disclosure: flag('政府信息公开案件'),
  afterReconsideration: flag('复议后起诉'),
});

export function litigationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  const lists = guard((a) => authorize(a, 'litigationCase', 'list'));
  const registers = guard((a) => authorize(a, 'litigationCase', 'register'));
  const yearQuery = z.object({ year: year() });
  api.get(
    '/api/litigation',
    {
      schema: { summary: '行政复议和行政应诉案件列表', querystring: listQuery },
      preValidation: lists,
    },
    async (req) => listCases(ctx, requireActor(req), req.query),
  );
  api.post(
    '/api/litigation/reconsiderations',
    {
      schema: { summary: '登记行政复议案件（收到复议申请书副本）', body: reconsiderationBody },
      preValidation: registers,
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await registerCase(ctx, actor, 'reconsideration', req.body);
      return litigationView(ctx, actor, row.id);
    },
  );
  api.post(
    '/api/litigation/lawsuits',
    {
      schema: { summary: '登记行政诉讼案件（收到起诉状副本）', body: lawsuitBody },
      preValidation: registers,
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await registerCase(ctx, actor, 'lawsuit', req.body);
      return litigationView(ctx, actor, row.id);
    },
  );
  const actModules = opts(
    Object.fromEntries(Object.entries(ACT_MODULES).map(([k, v]) => [k, v.label])),
  );
  api.get(
    '/api/litigation/act-modules',
    { schema: { summary: '可关联的本机关记录类型' }, preValidation: registers },
    async () => actModules,
  );
  api.get(
    '/api/litigation/targets',
    {
      schema: { summary: '可关联的本机关记录', querystring: z.object({ module: actModule }) },
      preValidation: registers,
    },
    async (req) => actTargets(ctx, requireActor(req), req.query.module),
  );
  api.get(
    '/api/litigation/hearings',
    {
      schema: {
        summary: '开庭和负责人出庭应诉记录',
        querystring: z.object({ year: year(), headAppeared: flag('负责人出庭') }),
      },
      preValidation: lists,
    },
    async (req) => listHearings(ctx, requireActor(req), req.query.year, req.query.headAppeared),
  );
  api.get(
    '/api/litigation/facts',
    {
      schema: { summary: '年度报告的行政复议和应诉数据', querystring: yearQuery },
      preValidation: lists,
    },
    async (req) => ({
      facts: await litigationFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  const cellQuery = z.object({
    year: year(),
    group: z.coerce.number().int().min(0).max(2).optional().describe('栏目'),
    column: z.coerce.number().int().min(0).max(4).optional().describe('列'),
  });
  api.get(
    '/api/litigation/table4',
    {
      schema: { summary: '政府信息公开年报表四（及单元格对应的案件）', querystring: cellQuery },
      preValidation: lists,
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      if (q.group === undefined || q.column === undefined)
        return { cells: await tableFour(ctx.db, actor.departmentId, q.year) };
      return { cases: await tableFourCell(ctx, actor, q.year, q.group, q.column) };
    },
  );
  api.get(
    '/api/litigation/:id',
    { schema: { summary: '行政复议或应诉案件（期限、可办理的操作、办理记录）', params: idParam } },
    async (req) => litigationView(ctx, requireActor(req), req.params.id),
  );
  // The case is looked up (out of scope: 404) and the handler checked before the body is.
  const acts = guard(async (a, req) =>
    authorize(
      a,
      'litigationCase',
      'act',
      await loadLitigation(ctx.db, a, paramsOf(req, idParam).id),
    ),
  );
  api.post(
    '/api/litigation/:id/acts',
    {
      schema: {
        summary: '办理案件（答复、听证、中止、决定、判决、上诉、意见书、司法建议等）',
        params: idParam,
        body: actBody,
      },
      preValidation: acts,
    },
    async (req) => {
      const actor = requireActor(req);
      await actOnCase(ctx, actor, req.params.id, req.body);
      return litigationView(ctx, actor, req.params.id);
    },
  );
  api.get(
    '/api/litigation/:id/answer.docx',
    { schema: { summary: '下载行政复议答复书或行政诉讼答辩状（公文格式）', params: idParam } },
    async (req, reply) => {
      const { name, buffer } = await answerDocx(ctx, requireActor(req), req.params.id);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachmentHeader(name))
        .send(buffer);
    },
  );
}
