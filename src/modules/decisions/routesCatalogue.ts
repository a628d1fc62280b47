/**
 * 决策事项目录 (条例 Art 10): the yearly catalogue of decisions, its approval, publication and
 * adjustment; registered by decisionRoutes (routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { CATALOGUE_FORMS } from './catalogueForms.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { approveAdjustment, publishAdjustment } from './catalogueAdjust.ts';
import {
  addItem,
  approveCatalogue,
  createCatalogue,
  deleteDraftItem,
  listCatalogues,
  publishCatalogue,
  updateItem,
} from './catalogue.ts';

const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const itemBody = fieldsSchema(CATALOGUE_FORMS.item);

export function catalogueRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // 决策事项目录.
  const catalogue = guard((a) => authorize(a, 'majorDecision', 'catalogue'));
  api.get(
    '/api/decision-catalogues',
    {
      schema: {
        summary: '决策事项目录',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
        }),
      },
    },
    async (req) => ({
      items: (await listCatalogues(ctx, requireActor(req))).filter(
        (c) => !req.query.year || c.year === req.query.year,
      ),
    }),
  );
  const newCatalogue = z.object({
    year: z.number().int().min(2000).max(2100).describe('年度'),
    title: text('目录名称', 200).optional(),
  });
  api.post(
    '/api/decision-catalogues',
    { schema: { summary: '新建年度决策事项目录', body: newCatalogue }, preValidation: catalogue },
    async (req) => {
      const actor = requireActor(req);
      await createCatalogue(ctx, actor, req.body);
      return { items: await listCatalogues(ctx, actor) };
    },
  );
  const catParams = z.object({ id: z.uuid().describe('编号') });
  const itemParams = z.object({
    id: z.uuid().describe('编号'),
    itemId: z.uuid().describe('事项编号'),
  });
  const cat = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: Actor, id: string, body: z.output<S>, itemId?: string) => Promise<unknown>,
  ) =>
    api.post(
      `/api/decision-catalogues/:id${path}`,
      {
        schema: { summary, params: path.includes(':itemId') ? itemParams : catParams, body },
        preValidation: catalogue,
      },
      async (req) => {
        const actor = requireActor(req);
        const p = req.params as { id: string; itemId?: string };
        await run(actor, p.id, req.body as z.output<S>, p.itemId);
        return { items: await listCatalogues(ctx, actor) };
      },
    );
  cat('/items', '目录增加事项', itemBody, (a, id, b) => addItem(ctx, a, id, b));
  cat('/items/:itemId', '修改目录事项', itemBody, (a, id, b, itemId) =>
    updateItem(ctx, a, id, itemId!, b),
  );
  cat('/items/:itemId/delete', '删除草稿目录事项', noBody, (a, id, _b, itemId) =>
    deleteDraftItem(ctx, a, id, itemId!),
  );
  cat('/approve', '记录目录经同意', fieldsSchema(CATALOGUE_FORMS.approval), (a, id, b) =>
    approveCatalogue(ctx, a, id, b),
  );
  // The 保密审查 before each publication is the reviewer's own act (/api/cases/:id/secrecy-review).
  cat('/publish', '公布目录', noBody, (a, id) => publishCatalogue(ctx, a, id));
  cat(
    '/adjustments',
    '登记目录调整的同意情况',
    fieldsSchema(CATALOGUE_FORMS.adjustment).extend({
      add: z.array(itemBody).max(50).default([]).describe('增加事项'),
      remove: z.array(z.uuid().describe('调出事项')).max(50).default([]).describe('调出事项'),
    }),
    (a, id, b) => approveAdjustment(ctx, a, id, b),
  );
  cat('/adjustments/publish', '公布目录调整', noBody, (a, id) => publishAdjustment(ctx, a, id));
}
