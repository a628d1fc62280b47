import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import { submitSchema, submitStandalone, supplementMaterials } from './service.ts';
import { concludeMatter, withdrawMatter } from './closing.ts';
import { loadMatter } from './matters.ts';
import { assignReviewers, giveOpinion, markAdoption } from './opinions.ts';
import { listMatters, listOpinions, reviewerCandidates } from './queue.ts';
import { matterView } from './view.ts';
import { advisorBody, createAdvisor, listAdvisors, updateAdvisor } from './advisors.ts';
import { reviewFacts } from './facts.ts';
import { readReviewLimits, updateReviewLimits } from './settings.ts';
import { MATTER_STATUSES, MATTER_TYPES, reviewSettings } from './labels.ts';
import { MATTER_FORMS } from './forms.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const year = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
const listQuery = z.object({
  type: z.enum(MATTER_TYPES).optional().describe('事项类型'),
  status: z.enum(MATTER_STATUSES).optional().describe('状态'),
  assignee: z
    .string()
    .regex(/^(me|none|[ua]:[0-9a-f-]{36})$/i, '无效')
    .optional()
    .describe('审查人员'),
  concludedIn: year('审结年度').optional(),
  q: text('关键词', 100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
// The declared form (forms.ts) with the materials: the department is the submitter's own.
const newMatter = submitSchema.omit({ departmentId: true, caseId: true });
// The acts' bodies are their declared forms (forms.ts); 分派 takes the ids of the records ticked.
const ids = (f: { label: string; maxItems: number }) =>
  z.array(z.uuid().describe(f.label)).max(f.maxItems).default([]).describe(f.label);
const [staffField, advisorsField] = MATTER_FORMS.assign;
const assignBody = z.object({ userIds: ids(staffField), advisorIds: ids(advisorsField) });
const opinionBody = fieldsSchema(MATTER_FORMS.opinion);
const adoptionBody = fieldsSchema(MATTER_FORMS.adoption);
const concludeBody = fieldsSchema(MATTER_FORMS.conclude);
const withdrawBody = fieldsSchema(MATTER_FORMS.withdraw);

export function reviewRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/reviews',
    { schema: { summary: '合法性审查事项列表', querystring: listQuery } },
    async (req) => listMatters(ctx, requireActor(req), req.query),
  );
  api.post(
    '/api/reviews',
    {
      schema: { summary: '提请合法性审查（单独事项）', body: newMatter },
      preValidation: guard((a) => authorize(a, 'reviewMatter', 'submit')),
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = await submitStandalone(ctx, actor, req.body);
      return matterView(ctx, actor, id);
    },
  );
  api.get('/api/reviews/reviewers', { schema: { summary: '可指派的审查人员' } }, async (req) =>
    reviewerCandidates(ctx, requireActor(req)),
  );
  const opinionsQuery = z.object({
    year: year(),
    adopted: z.enum(['true', 'false']).optional().describe('仅已采纳'),
  });
  api.get(
    '/api/reviews/opinions',
    { schema: { summary: '法律顾问意见（年度）', querystring: opinionsQuery } },
    async (req) =>
      listOpinions(ctx, requireActor(req), {
        year: req.query.year,
        adopted: req.query.adopted === 'true',
      }),
  );
  api.get(
    '/api/reviews/facts',
    {
      schema: { summary: '年度报告的合法性审查数据', querystring: z.object({ year: year() }) },
      preValidation: guard((a) => authorize(a, 'legalAdvisor', 'list')),
    },
    async (req) => ({
      facts: await reviewFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  api.get('/api/reviews/settings', { schema: { summary: '审查期限设置' } }, async (req) =>
    readReviewLimits(ctx, requireActor(req)),
  );
  api.put(
    '/api/reviews/settings',
    {
      schema: { summary: '修改审查期限设置', body: reviewSettings.schema },
      preValidation: guard((a) => authorize(a, 'reviewMatter', 'configure')),
    },
    async (req) => updateReviewLimits(ctx, requireActor(req), req.body),
  );
  api.get(
    '/api/reviews/:id',
    { schema: { summary: '审查事项（意见、可办理的操作）', params: idParam } },
    async (req) => matterView(ctx, requireActor(req), req.params.id),
  );

  // Each use case: the matter is looked up (out of scope: 404) → the body validated → one service call → the fresh matter page.
  const readable = guard(async (a, req) => loadMatter(ctx.db, a, paramsOf(req, idParam).id));
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (
      actor: ReturnType<typeof requireActor>,
      id: string,
      body: z.output<S>,
    ) => Promise<unknown>,
  ) =>
    api.post(
      `/api/reviews/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: readable },
      async (req) => {
        const actor = requireActor(req);
        await run(actor, req.params.id, req.body as z.output<S>);
        return matterView(ctx, actor, req.params.id);
      },
    );
  post('/assign', '指派审查人员', assignBody, (a, id, b) => assignReviewers(ctx, a, id, b));
  post('/opinions', '提出审查意见', opinionBody, (a, id, b) => giveOpinion(ctx, a, id, b));
  post('/conclude', '作出审查结论', concludeBody, (a, id, b) => concludeMatter(ctx, a, id, b));
  post('/withdraw', '撤回送审', withdrawBody, (a, id, b) => withdrawMatter(ctx, a, id, b.reason));
  post(
    '/materials',
    '补充送审材料',
    z.object({
      fileIds: z.array(z.uuid().describe('送审材料')).min(1).max(50).describe('送审材料'),
    }),
    (a, id, b) => supplementMaterials(ctx, a, id, b.fileIds),
  );
  const opinionParams = z.object({
    id: z.uuid().describe('编号'),
    opinionId: z.uuid().describe('意见编号'),
  });
  api.post(
    '/api/reviews/:id/opinions/:opinionId/adoption',
    {
      schema: { summary: '标注意见采纳情况', params: opinionParams, body: adoptionBody },
      preValidation: guard(async (a, req) =>
        loadMatter(ctx.db, a, paramsOf(req, opinionParams).id),
      ),
    },
    async (req) => {
      const actor = requireActor(req);
      await markAdoption(ctx, actor, req.params.id, req.params.opinionId, req.body);
      return matterView(ctx, actor, req.params.id);
    },
  );

  const manageAdvisors = guard((a) => authorize(a, 'legalAdvisor', 'manage'));
  api.get(
    '/api/legal-advisors',
    {
      schema: {
        summary: '法律顾问、公职律师名册',
        querystring: z.object({ year: year().optional() }),
      },
    },
    async (req) => ({ items: await listAdvisors(ctx, requireActor(req), req.query.year) }),
  );
  api.post(
    '/api/legal-advisors',
    {
      schema: { summary: '登记法律顾问、公职律师', body: advisorBody },
      preValidation: manageAdvisors,
    },
    async (req) => createAdvisor(ctx, requireActor(req), req.body),
  );
  api.put(
    '/api/legal-advisors/:id',
    {
      schema: { summary: '修改法律顾问、公职律师', params: idParam, body: advisorBody },
      preValidation: manageAdvisors,
    },
    async (req) => updateAdvisor(ctx, requireActor(req), req.params.id, req.body),
  );
}
