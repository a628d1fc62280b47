/** 权责清单 staff API: list, add, adjust, cancel, history, Excel import/export, case counts. */
import type { FastifyInstance } from 'fastify';
import { and, between, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { fileReply, labelsReply, okReply } from '../../core/http/replies.ts';
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
import { POWER_ACTS, powerActs } from './acts.ts';
import { actsReply } from '../../core/cases/acts.ts';
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

const countsQuery = yearQuery.extend({
  category: z.enum(keys(POWER_CATEGORIES)).optional().describe('事项类型'),
});
const importQuery = z.object(adjustment);

// Responses (documentation: the reply is serialised as the service returns it, nothing is stripped).
const str = (label: string) => z.string().describe(label);
const powerItem = z
  .looseObject({
    id: z.uuid().describe('编号'),
    ...(Object.fromEntries(
      Object.entries(POWER_FIELDS).map(([k, label]) => [k, str(label)]),
    ) as Record<keyof typeof POWER_FIELDS, z.ZodString>),
    status: str('状态（valid 有效、adjusted 已调整、cancelled 已取消）'),
    version: z.number().int().describe('版本'),
    ...actsReply(POWER_ACTS),
  })
  .describe('权责事项');
const adjustmentRow = z
  .looseObject({
    id: z.uuid().describe('编号'),
    powerId: z.uuid().describe('权责事项'),
    action: str('调整类型（add 新增、adjust 调整、cancel 取消）'),
    version: z.number().int().describe('版本'),
    basis: str('调整依据'),
    effectiveOn: str('调整日期'),
    changes: z
      .array(z.object({ field: str('字段'), from: str('原内容'), to: str('新内容') }))
      .describe('调整内容'),
  })
  .describe('调整记录');
const countRow = z.object({
  powerId: z.uuid().describe('权责事项'),
  code: str(POWER_FIELDS.code),
  name: str(POWER_FIELDS.name),
  category: str(POWER_FIELDS.category),
});
const listReply = z.object({
  items: z.array(powerItem),
  categories: labelsReply('事项类型'),
  statuses: labelsReply('状态'),
  actions: labelsReply('调整类型'),
});
const importReply = z.object({
  added: z.number().int().describe('新增'),
  adjusted: z.number().int().describe('调整'),
  unchanged: z.number().int().describe('未变'),
});
const adjustmentsReply = z.object({
  items: z.array(
    adjustmentRow.extend({ code: str(POWER_FIELDS.code), name: str(POWER_FIELDS.name) }),
  ),
});
const countsReply = z.object({
  items: z
    .array(
      countRow.extend({
        month: z.number().int().describe('月份（0 为全年）'),
        count: z.number().int().describe('办件数量'),
        source: str('来源'),
      }),
    )
    .describe('办件量'),
  totals: z
    .array(
      countRow.extend({
        total: z.number().int().describe('全年办件量'),
        months: z.number().int().describe('已登记月数'),
      }),
    )
    .describe('年度合计'),
});
const XLSX_REPLY = { 200: fileReply('Excel 文件（.xlsx）') };

export function powerRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: who may read or keep the list is checked before the query or body is validated
  // (403 before 400); an item of another department answers 404 before its body is looked at. The
  // services authorize again.
  const reads = guard((a) => authorizePowers(a, 'powerList', 'read'));
  const keeps = guard((a) => authorizePowers(a, 'powerList', 'edit'));
  const keepsItem = guard(async (a, req) => {
    authorizePowers(a, 'powerList', 'edit');
    await loadPower(ctx.db, a, paramsOf(req, idParams).id);
  });
  api.get(
    '/api/powers',
    {
      schema: { summary: '权责清单', querystring: listQuery, response: { 200: listReply } },
      preValidation: reads,
    },
    async (req) => {
      const { status } = req.query;
      const actor = requireActor(req);
      const all = await listPowers(ctx.db, actor, status && status !== 'inForce' ? { status } : {});
      const items = status === 'inForce' ? all.filter((p) => p.status !== 'cancelled') : all;
      return {
        items: items.map((p) => ({ ...p, ...powerActs(actor, p) })),
        categories: POWER_CATEGORIES,
        statuses: POWER_STATUSES,
        actions: ADJUSTMENT_ACTIONS,
      };
    },
  );
  api.get(
    '/api/powers/export.xlsx',
    { schema: { summary: '导出权责清单（.xlsx，不含已取消事项）', response: XLSX_REPLY } },
    async (req, reply) => {
      const actor = requireActor(req);
      const items = (await listPowers(ctx.db, actor)).filter((p) => p.status !== 'cancelled');
      const dept = await getOrg(ctx.db, actor.departmentId);
      const buf = await powersToXlsx(`${dept?.name ?? ''}权责清单`, items);
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentHeader(`${dept?.name ?? ''}权责清单.xlsx`))
        .send(buf);
    },
  );
  api.post(
    '/api/powers/import',
    {
      schema: {
        summary:
          '从 Excel 导入权责清单（multipart/form-data，一个 .xlsx 文件；调整依据和日期在查询参数中）',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importReply },
      },
      preValidation: keeps,
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, 5 * 1024 * 1024);
      return importPowers(ctx, actor, await powersFromXlsx(file.content), adj(req.query));
    },
  );
  api.get(
    '/api/powers/adjustments',
    {
      schema: {
        summary: '权责清单年度调整记录',
        querystring: yearQuery,
        response: { 200: adjustmentsReply },
      },
      preValidation: reads,
    },
    async (req) => {
      const actor = requireActor(req);
      const { year } = req.query;
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
    },
  );
  api.get(
    '/api/powers/counts',
    {
      schema: {
        summary: '权责事项年度办件量',
        querystring: countsQuery,
        response: { 200: countsReply },
      },
      preValidation: reads,
    },
    async (req) => {
      const actor = requireActor(req);
      const { year, category } = req.query;
      const [items, totals] = await Promise.all([
        countsOf(ctx.db, actor.departmentId, year),
        yearTotals(ctx.db, actor.departmentId, year),
      ]);
      const of = <T extends { category: string }>(xs: T[]) =>
        category ? xs.filter((x) => x.category === category) : xs;
      return { items: of(items), totals: of(totals) };
    },
  );
  api.post(
    '/api/powers/counts/import',
    {
      schema: {
        summary: '从 Excel 导入办件量（multipart/form-data，一个 .xlsx 文件）',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ recorded: z.number().int().describe('登记条数') }) },
      },
      preValidation: keeps,
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, 5 * 1024 * 1024);
      return importCounts(ctx, actor, file.content);
    },
  );
  api.post(
    '/api/powers',
    {
      schema: {
        summary: '新增权责事项',
        body: addBody,
        response: { 200: z.object({ id: z.uuid().describe('编号') }) },
      },
      preValidation: keeps,
    },
    async (req) => {
      const { adjustBasis, effectiveOn, ...input } = req.body;
      return {
        id: await addPower(ctx, requireActor(req), input, adj({ adjustBasis, effectiveOn })),
      };
    },
  );
  api.get(
    '/api/powers/:id',
    {
      schema: {
        summary: '权责事项及其调整记录',
        params: idParams,
        response: { 200: z.object({ item: powerItem, history: z.array(adjustmentRow) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const p = await loadPower(ctx.db, actor, req.params.id);
      return { item: { ...p, ...powerActs(actor, p) }, history: await historyOf(ctx.db, [p.id]) };
    },
  );
  api.put(
    '/api/powers/:id',
    {
      schema: {
        summary: '调整权责事项',
        params: idParams,
        body: adjustBody,
        response: { 200: okReply },
      },
      preValidation: keepsItem,
    },
    async (req) => {
      const { adjustBasis, effectiveOn, ...changes } = req.body;
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      await adjustPower(
        ctx,
        requireActor(req),
        req.params.id,
        given,
        adj({ adjustBasis, effectiveOn }),
      );
      return { ok: true };
    },
  );
  api.post(
    '/api/powers/:id/cancel',
    {
      schema: {
        summary: '取消权责事项',
        params: idParams,
        body: cancelBody,
        response: { 200: okReply },
      },
      preValidation: keepsItem,
    },
    async (req) => {
      await cancelPower(ctx, requireActor(req), req.params.id, adj(req.body));
      return { ok: true };
    },
  );
  api.post(
    '/api/powers/:id/counts',
    {
      schema: {
        summary: '登记办件量',
        params: idParams,
        body: countBody,
        response: { 200: okReply },
      },
      preValidation: keepsItem,
    },
    async (req) => {
      await recordCount(ctx, requireActor(req), req.params.id, req.body);
      return { ok: true };
    },
  );
}
