/** 权责清单 staff API: list, add, adjust, cancel, history, Excel import/export, case counts. */
import type { FastifyInstance } from 'fastify';
import { and, between, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf } from '../../core/http/schema.ts';
import { readUpload } from '../../core/files/routes.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import { getOrg } from '../../core/orgs/service.ts';
import {
  ADJUSTMENT_ACTIONS,
  POWER_CATEGORIES,
  POWER_FIELDS,
  POWER_STATUSES,
} from './categories.ts';
import { authorizePowers } from './policy.ts';
import { powerAdjustments, powerItems } from './schema.ts';
import {
  addPower,
  adjustPower,
  cancelPower,
  historyOf,
  importPowers,
  listPowers,
  loadPower,
} from './service.ts';
import { countsOf, importCounts, recordCount, yearTotals } from './counts.ts';
import { powersFromXlsx, powersToXlsx } from './excel.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const keys = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
// The adjustment's own basis and date (the item's 实施依据 is `basis`).
const adjustment = { adjustBasis: text('调整依据', 500, 4), effectiveOn: isoDate('调整日期') };
const adj = (b: { adjustBasis: string; effectiveOn: string }) => ({
  basis: b.adjustBasis,
  effectiveOn: b.effectiveOn,
});
const fields = {
  code: text(POWER_FIELDS.code, 60, 1),
  name: text(POWER_FIELDS.name, 200, 2),
  category: z.enum(keys(POWER_CATEGORIES)).describe(POWER_FIELDS.category),
  basis: text(POWER_FIELDS.basis, 4000, 4),
  implementingBody: text(POWER_FIELDS.implementingBody, 100, 2),
  handlingOrg: text(POWER_FIELDS.handlingOrg, 100),
  duties: text(POWER_FIELDS.duties, 4000),
  accountability: text(POWER_FIELDS.accountability, 4000),
  timeLimit: text(POWER_FIELDS.timeLimit, 200),
  hotline: text(POWER_FIELDS.hotline, 60),
};
const addBody = z.object({
  ...fields,
  handlingOrg: fields.handlingOrg.default(''),
  duties: fields.duties.default(''),
  accountability: fields.accountability.default(''),
  timeLimit: fields.timeLimit.default(''),
  hotline: fields.hotline.default(''),
  ...adjustment,
});
const adjustBody = z.object({ ...z.object(fields).partial().shape, ...adjustment });
const cancelBody = z.object(adjustment);
const idParams = z.object({ id: z.uuid().describe('编号') });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') });
const countBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('年度'),
  month: z.number().int().min(0).max(12).describe('月份'),
  count: z.number().int().min(0).max(10_000_000).describe('办件数量'),
});
const listQuery = z.object({
  status: z
    .enum(['inForce', ...keys(POWER_STATUSES)])
    .optional()
    .describe('状态'),
});

export function powerRoutes(app: FastifyInstance, ctx: Ctx): void {
  // Issue 12 item 7: who may keep the list is checked before the body is validated (403 before 400); an
  // item of another department answers 404 before its body is looked at. The services authorize again.
  const keeps = { preValidation: guard((a) => authorizePowers(a, 'powerList', 'edit')) };
  const keepsItem = {
    preValidation: guard(async (a, req) => {
      authorizePowers(a, 'powerList', 'edit');
      await loadPower(ctx.db, a, paramsOf(req, idParams).id);
    }),
  };
  app.get('/api/powers', async (req) => {
    const actor = requireActor(req);
    const { status } = parse(listQuery, req.query);
    const all = await listPowers(ctx.db, actor, status && status !== 'inForce' ? { status } : {});
    const items = status === 'inForce' ? all.filter((p) => p.status !== 'cancelled') : all;
    return {
      items,
      categories: POWER_CATEGORIES,
      statuses: POWER_STATUSES,
      actions: ADJUSTMENT_ACTIONS,
    };
  });
  app.get('/api/powers/export.xlsx', async (req, reply) => {
    const actor = requireActor(req);
    const items = (await listPowers(ctx.db, actor)).filter((p) => p.status !== 'cancelled');
    const dept = await getOrg(ctx.db, actor.departmentId);
    const buf = await powersToXlsx(`${dept?.name ?? ''}权责清单`, items);
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentHeader(`${dept?.name ?? ''}权责清单.xlsx`))
      .send(buf);
  });
  app.post('/api/powers/import', async (req) => {
    const actor = requireActor(req);
    authorizePowers(actor, 'powerList', 'edit');
    const a = parse(z.object(adjustment), req.query);
    const file = await readUpload(req, 5 * 1024 * 1024);
    return importPowers(ctx, actor, await powersFromXlsx(file.content), adj(a));
  });
  app.get('/api/powers/adjustments', async (req) => {
    const actor = requireActor(req);
    authorizePowers(actor, 'powerList', 'read');
    const { year } = parse(yearQuery, req.query);
    const items = await ctx.db
      .select({ adj: powerAdjustments, code: powerItems.code, name: powerItems.name })
      .from(powerAdjustments)
      .innerJoin(powerItems, eq(powerItems.id, powerAdjustments.powerId))
      .where(
        and(
          eq(powerAdjustments.departmentId, actor.departmentId),
          between(powerAdjustments.effectiveOn, `${year}-01-01`, `${year}-12-31`),
        ),
      )
      .orderBy(desc(powerAdjustments.effectiveOn));
    return { items: items.map((r) => ({ ...r.adj, code: r.code, name: r.name })) };
  });
  app.get('/api/powers/counts', async (req) => {
    const actor = requireActor(req);
    authorizePowers(actor, 'powerList', 'read');
    const { year, category } = parse(
      yearQuery.extend({
        category: z.enum(keys(POWER_CATEGORIES)).optional().describe('事项类型'),
      }),
      req.query,
    );
    const [items, totals] = await Promise.all([
      countsOf(ctx.db, actor.departmentId, year),
      yearTotals(ctx.db, actor.departmentId, year),
    ]);
    const of = <T extends { category: string }>(xs: T[]) =>
      category ? xs.filter((x) => x.category === category) : xs;
    return { items: of(items), totals: of(totals) };
  });
  app.post('/api/powers/counts/import', async (req) => {
    const actor = requireActor(req);
    authorizePowers(actor, 'powerList', 'edit');
    const file = await readUpload(req, 5 * 1024 * 1024);
    return importCounts(ctx, actor, file.content);
  });
  app.post('/api/powers', keeps, async (req) => {
    const { adjustBasis, effectiveOn, ...input } = parse(addBody, req.body);
    return { id: await addPower(ctx, requireActor(req), input, adj({ adjustBasis, effectiveOn })) };
  });
  app.get('/api/powers/:id', async (req) => {
    const p = await loadPower(ctx.db, requireActor(req), parse(idParams, req.params).id);
    return { item: p, history: await historyOf(ctx.db, [p.id]) };
  });
  app.put('/api/powers/:id', keepsItem, async (req) => {
    const { adjustBasis, effectiveOn, ...changes } = parse(adjustBody, req.body);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await adjustPower(
      ctx,
      requireActor(req),
      parse(idParams, req.params).id,
      given,
      adj({ adjustBasis, effectiveOn }),
    );
    return { ok: true };
  });
  app.post('/api/powers/:id/cancel', keepsItem, async (req) => {
    await cancelPower(
      ctx,
      requireActor(req),
      parse(idParams, req.params).id,
      adj(parse(cancelBody, req.body)),
    );
    return { ok: true };
  });
  app.post('/api/powers/:id/counts', keepsItem, async (req) => {
    await recordCount(
      ctx,
      requireActor(req),
      parse(idParams, req.params).id,
      parse(countBody, req.body),
    );
    return { ok: true };
  });
}
