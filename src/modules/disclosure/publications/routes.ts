import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inTx, type Ctx } from '../../../core/context.ts';
import { isoDate } from '../../../core/http/validate.ts';
import { guard, paramsOf, type ZodProvider } from '../../../core/http/schema.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize as authorizeCore } from '../../../core/auth/policy.ts';
import { authorize, can } from '../policy.ts';
import { getSetting } from '../../../core/settings/service.ts';
import { indexNumberSettings } from '../../../core/numbering/indexNumber.ts';
import { classificationSettings, RESERVED, VALIDITY_LABELS, VALIDITIES } from './categories.ts';
import { dueOf, getPublication, listPublications, withdraw } from './service.ts';
import {
  decidePublication,
  getPublicationRequest,
  listPublicationRequests,
  requestPublication,
} from './review.ts';
import { getGuide, guideSchema, updateGuide } from './guide.ts';
import {
  classificationsInput,
  classificationUsage,
  updateClassifications,
} from './classifications.ts';
import { confidentialityReviewers } from './reviewers.ts';
import { fieldView } from '../../../core/http/forms.ts';
import { fieldsSchema } from '../../../core/procedure/fieldSchema.ts';
import { GUIDE_FORM, PUBLICATION_FORMS, PUBLISH_FORM } from './forms.ts';

const listQuery = z.object({
  q: z.string().trim().max(100).optional().describe('关键字'),
  category: z.string().max(40).optional().describe('组配分类'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年份'),
  status: z.enum(['published', 'withdrawn']).optional().describe('状态'),
  late: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('是否超期公开'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const idParam = z.object({ id: z.uuid().describe('编号') });
const dueQuery = z.object({
  formedOn: isoDate('生成日期'),
  publishedOn: isoDate('发布日期').optional(),
});

const { reviewerId, ...publishFields } = fieldsSchema(PUBLISH_FORM).shape;
const publishBody = z.object({
  ...publishFields,
  validity: z
    .enum(VALIDITIES as [string, ...string[]])
    .nullable()
    .optional()
    .describe('有效性'),
  attachmentIds: z.array(z.uuid()).max(20).default([]).describe('附件'),
  // 条例 Art 17: the drafter names the reviewer; the review itself is the reviewer's act (review.ts).
  confidentialityReview: z.object({ reviewerId }).describe('保密审查'),
});
const reviewQuery = z.object({
  status: z.enum(['pending', 'published', 'returned']).optional().describe('审查状态'),
});
const decisionBody = z.object({
  approve: z.boolean().describe('审查结论'),
  opinion: z.string().trim().max(500).optional().describe('审查意见或退回理由'),
});
const withdrawBody = fieldsSchema(PUBLICATION_FORMS.withdraw);

export function publicationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  const lists = guard((a) => authorize(a, 'publication', 'list'));
  api.get(
    '/api/publications/meta',
    { schema: { summary: '主动公开的分类、有效性与索引号规则' }, preValidation: lists },
    async (req) => {
      const actor = requireActor(req);
      const nowMs = ctx.clock.now().getTime();
      const classes = await getSetting(ctx.db, classificationSettings, nowMs);
      const { pattern } = await getSetting(ctx.db, indexNumberSettings, nowMs);
      // 保密审查 by another account of the department than the drafter's (条例第十七条).
      const reviewers = await confidentialityReviewers(ctx.db, actor);
      const choices = (list: Array<{ code: string; label: string }>) =>
        list.map((c) => ({ value: c.code, label: c.label }));
      const offered: Record<string, Array<{ value: string; label: string }>> = {
        category: choices(classes.categories),
        topic: choices(classes.topics),
        reviewerId: reviewers.map((r) => ({ value: r.id, label: r.name })),
      };
      return {
        ...classes,
        validities: VALIDITIES.map((code) => ({ code, label: VALIDITY_LABELS[code] })),
        indexPattern: pattern,
        today: ctx.clock.today(),
        // 发布主动公开信息, declared once (forms.ts), with the options of the moment.
        form: PUBLISH_FORM.map((f) => fieldView(f, offered[f.name])),
        abilities: {
          publish: can(actor, 'publication', 'publish'),
          editGuide: can(actor, 'disclosureGuide', 'edit'),
        },
      };
    },
  );
  api.get(
    '/api/publications/due',
    {
      schema: { summary: '公开期限（形成或变更之日起20个工作日）', querystring: dueQuery },
      preValidation: lists,
    },
    async (req) => {
      const { formedOn, publishedOn = ctx.clock.today() } = req.query;
      const due = dueOf(ctx, formedOn);
      return { ...due, today: ctx.clock.today(), publishedOn, late: publishedOn > due.due };
    },
  );
  api.get(
    '/api/publications',
    { schema: { summary: '主动公开的信息列表', querystring: listQuery } },
    async (req) => listPublications(ctx, requireActor(req), req.query),
  );
  api.post(
    '/api/publications',
    {
      schema: { summary: '提请保密审查并发布一条信息', body: publishBody },
      preValidation: guard((a) => authorize(a, 'publication', 'publish')),
    },
    async (req) => {
      const actor = requireActor(req);
      const { confidentialityReview: review, ...body } = req.body;
      const asked = await inTx(ctx, (tx) =>
        requestPublication(
          tx,
          ctx,
          actor,
          { ...body, validity: body.validity as never, source: null },
          review.reviewerId,
        ),
      );
      return getPublicationRequest(ctx, actor, asked.id);
    },
  );
  api.get(
    '/api/publications/reviews',
    { schema: { summary: '保密审查：待我审查和我提请的信息', querystring: reviewQuery } },
    async (req) => listPublicationRequests(ctx, requireActor(req), req.query),
  );
  api.get(
    '/api/publications/reviews/:id',
    { schema: { summary: '待保密审查的信息', params: idParam } },
    async (req) => getPublicationRequest(ctx, requireActor(req), req.params.id),
  );
  // The request is read (out of scope: 404) before the body is looked at.
  api.post(
    '/api/publications/reviews/:id/decision',
    {
      schema: { summary: '保密审查：通过并公开或退回', params: idParam, body: decisionBody },
      preValidation: guard((a, req) => getPublicationRequest(ctx, a, paramsOf(req, idParam).id)),
    },
    async (req) => {
      const actor = requireActor(req);
      await decidePublication(ctx, actor, req.params.id, req.body);
      return getPublicationRequest(ctx, actor, req.params.id);
    },
  );
  api.get(
    '/api/publications/:id',
    { schema: { summary: '主动公开的信息', params: idParam } },
    async (req) => getPublication(ctx, requireActor(req), req.params.id),
  );
  // The publication is read (out of scope: 404) before the reason is looked at.
  api.post(
    '/api/publications/:id/withdraw',
    {
      schema: { summary: '撤回公开', params: idParam, body: withdrawBody },
      preValidation: guard((a, req) => getPublication(ctx, a, paramsOf(req, idParam).id)),
    },
    async (req) => {
      const actor = requireActor(req);
      await withdraw(ctx, actor, req.params.id, req.body.reason);
      return getPublication(ctx, actor, req.params.id);
    },
  );

  // 组配分类 / 主题分类 lists (系统管理员): each entry with its use, so the screen knows what cannot be removed.
  const classificationView = async () => {
    const value = await getSetting(ctx.db, classificationSettings, ctx.clock.now().getTime(), 0);
    const used = await classificationUsage(ctx.db);
    const view = (kind: 'categories' | 'topics') =>
      value[kind].map((l) => ({
        ...l,
        used: used[kind].get(l.code) ?? 0,
        reservedFor: RESERVED[kind][l.code] ?? null,
      }));
    return { categories: view('categories'), topics: view('topics') };
  };
  const settings = guard((a) => authorizeCore(a, 'businessSettings', 'manage'));
  api.get(
    '/api/settings/disclosure-classifications',
    { schema: { summary: '组配分类与主题分类' }, preValidation: settings },
    async () => classificationView(),
  );
  api.put(
    '/api/settings/disclosure-classifications',
    {
      schema: { summary: '修改组配分类与主题分类', body: classificationsInput },
      preValidation: settings,
    },
    async (req) => {
      await updateClassifications(ctx, requireActor(req), req.body);
      return classificationView();
    },
  );

  api.get('/api/disclosure/guide', { schema: { summary: '政府信息公开指南' } }, async (req) => {
    const actor = requireActor(req);
    return {
      guide: await getGuide(ctx.db, actor.departmentId, ctx.clock.now().getTime()),
      canEdit: can(actor, 'disclosureGuide', 'edit'),
      // The form's fields, declared once (forms.ts).
      form: GUIDE_FORM.map((f) => fieldView(f)),
    };
  });
  api.put(
    '/api/disclosure/guide',
    {
      schema: { summary: '修改政府信息公开指南', body: guideSchema },
      preValidation: guard((a) => authorize(a, 'disclosureGuide', 'edit')),
    },
    async (req) => ({
      guide: await updateGuide(ctx, requireActor(req), req.body),
      canEdit: true,
    }),
  );
}
