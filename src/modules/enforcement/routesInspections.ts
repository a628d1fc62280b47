/** The staff API of 行政执法's 双随机、一公开: plans, draws, inspections, the exchange file and the facts. */
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { factsReply } from '../../core/http/replies.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize, can } from './policy.ts';
import { actsOf } from '../../core/cases/acts.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import { advancePlan, createPlan, listPlans, loadPlan, planView } from './plans.ts';
import {
  cancelDraw,
  commitDraw,
  DRAW_ACTS,
  drawOnPortal,
  drawRefusal,
  drawsOf,
  executeDraw,
  inspectionsBegun,
  loadDraw,
  publicDraw,
  redrawRecord,
} from './draws.ts';
import {
  listInspections,
  loadInspection,
  publishInspection,
  recordInspection,
  withNames,
} from './inspections.ts';
import { exchangeCsv, exchangeRecords } from './exchange.ts';
import { enforcementFacts } from './facts.ts';
import { draws, plans } from './schema.ts';
import {
  cancelBody,
  csvReply,
  drawPageReply,
  drawsQuery,
  drawsReply,
  exchangeReply,
  idParam,
  inspectionPageReply,
  inspectionReply,
  inspectionsQuery,
  inspectionsReply,
  planBody,
  planPageReply,
  plansQuery,
  plansReply,
  recordBody,
  redrawReply,
  yearQuery,
} from './apiSchemas.ts';

// The role each act of a draw needs (draws.ts authorizes the same).
const DRAW_RULE = { execute: 'manage', verify: 'read', cancel: 'approve' } as const;

async function drawView(ctx: Ctx, actor: Actor, id: string) {
  const d = await loadDraw(ctx.db, actor, id);
  const [p] = await ctx.db.select().from(plans).where(eq(plans.id, d.planId));
  const list = await listInspections(ctx, actor, { drawId: d.id, page: 1, pageSize: 200 });
  const begun = await inspectionsBegun(ctx.db, d.id);
  const portal = await portalDepartment(ctx.db);
  return {
    draw: publicDraw(d),
    plan: { id: p.id, name: p.name, year: p.year },
    inspections: list.items,
    // What this actor may do now: the role on the draw (policy.ts), then the draw's own rule.
    ...actsOf(DRAW_ACTS, (a) => {
      if (!can(actor, 'inspection', DRAW_RULE[a], d)) return false;
      const refused = drawRefusal(d, a, begun);
      return !refused || (refused.stage ? false : refused.reason);
    }),
    portal: drawOnPortal(p) && d.departmentId === portal?.id ? `/sjcc/draws/${d.id}` : null,
  };
}

async function planPage(ctx: Ctx, actor: Actor, id: string) {
  const p = await loadPlan(ctx.db, actor, id);
  const list = await drawsOf(ctx.db, p.id);
  return {
    plan: await planView(ctx.db, p),
    draws: list.map(publicDraw),
    abilities: {
      approve: p.status === 'draft' && can(actor, 'inspection', 'approve', p),
      publish: p.status === 'approved' && can(actor, 'inspection', 'approve', p),
      commitDraw:
        p.status === 'published' &&
        can(actor, 'inspection', 'manage', p) &&
        !list.some((d) => d.status !== 'cancelled'),
    },
  };
}

export function inspectionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role (403), then the record's department (404, and the role on the record),
  // before the query or body is validated, in the order the services check them.
  type Check = (a: Actor, record?: { departmentId: string; orgId?: string | null }) => void;
  const lists: Check = (a) => authorize(a, 'inspection', 'list');
  const runs: Check = (a, r) => authorize(a, 'inspection', 'manage', r);
  const approves: Check = (a, r) => authorize(a, 'inspection', 'approve', r);
  const on = (
    check: Check,
    load: (a: Actor, id: string) => Promise<{ departmentId: string; orgId?: string | null }>,
  ) =>
    guard(async (a, req) => {
      check(a);
      check(a, await load(a, paramsOf(req, idParam).id));
    });
  const plan = (a: Actor, id: string) => loadPlan(ctx.db, a, id);
  const draw = (a: Actor, id: string) => loadDraw(ctx.db, a, id);
  const inspection = (a: Actor, id: string) => loadInspection(ctx.db, a, id);

  // ---- plans and draws
  api.get(
    '/api/enforcement/plans',
    {
      schema: { summary: '抽查计划', querystring: plansQuery, response: { 200: plansReply } },
      preValidation: guard((a) => lists(a)),
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const rows = (await listPlans(ctx.db, actor.departmentId, q.year)).filter(
        (p) => !q.status || p.status === q.status,
      );
      return { items: await Promise.all(rows.map((p) => planView(ctx.db, p))) };
    },
  );
  api.post(
    '/api/enforcement/plans',
    {
      schema: { summary: '制定抽查计划', body: planBody, response: { 200: planPageReply } },
      preValidation: guard((a) => runs(a)),
    },
    async (req) => {
      const actor = requireActor(req);
      const p = await createPlan(ctx, actor, req.body);
      return planPage(ctx, actor, p.id);
    },
  );
  api.get(
    '/api/enforcement/plans/:id',
    {
      schema: {
        summary: '抽查计划（抽取记录、可办理的操作）',
        params: idParam,
        response: { 200: planPageReply },
      },
    },
    async (req) => planPage(ctx, requireActor(req), req.params.id),
  );
  for (const [to, path, summary] of [
    ['approved', 'approve', '批准抽查计划'],
    ['published', 'publish', '公开抽查计划'],
  ] as const) {
    api.post(
      `/api/enforcement/plans/:id/${path}`,
      {
        schema: { summary, params: idParam, body: noBody, response: { 200: planPageReply } },
        preValidation: on(approves, plan),
      },
      async (req) => {
        const actor = requireActor(req);
        await advancePlan(ctx, actor, req.params.id, to);
        return planPage(ctx, actor, req.params.id);
      },
    );
  }
  api.post(
    '/api/enforcement/plans/:id/draws',
    {
      schema: {
        summary: '锁定随机种子（抽取前公开承诺值）',
        params: idParam,
        body: noBody,
        response: { 200: drawPageReply },
      },
      preValidation: on(runs, plan),
    },
    async (req) => {
      const actor = requireActor(req);
      const d = await commitDraw(ctx, actor, req.params.id);
      return drawView(ctx, actor, d.id);
    },
  );
  api.get(
    '/api/enforcement/draws',
    {
      schema: { summary: '随机抽取记录', querystring: drawsQuery, response: { 200: drawsReply } },
      preValidation: guard((a) => lists(a)),
    },
    async (req) => {
      const actor = requireActor(req);
      const { year } = req.query;
      const rows = await ctx.db
        .select({ d: draws, p: plans })
        .from(draws)
        .innerJoin(plans, eq(plans.id, draws.planId))
        .where(
          year
            ? and(eq(draws.departmentId, actor.departmentId), eq(plans.year, year))
            : eq(draws.departmentId, actor.departmentId),
        );
      return {
        items: rows.map((r) => ({ ...publicDraw(r.d), planName: r.p.name, year: r.p.year })),
      };
    },
  );
  api.get(
    '/api/enforcement/draws/:id',
    {
      schema: {
        summary: '随机抽取（抽中的检查对象、可办理的操作）',
        params: idParam,
        response: { 200: drawPageReply },
      },
    },
    async (req) => drawView(ctx, requireActor(req), req.params.id),
  );
  api.post(
    '/api/enforcement/draws/:id/execute',
    {
      schema: {
        summary: '随机抽取检查对象和检查人员',
        params: idParam,
        body: noBody,
        response: { 200: drawPageReply },
      },
      preValidation: on(runs, draw),
    },
    async (req) => {
      const actor = requireActor(req);
      await executeDraw(ctx, actor, req.params.id);
      return drawView(ctx, actor, req.params.id);
    },
  );
  api.post(
    '/api/enforcement/draws/:id/cancel',
    {
      schema: {
        summary: '作废抽取结果',
        params: idParam,
        body: cancelBody,
        response: { 200: drawPageReply },
      },
      preValidation: guard(async (a, req) => {
        approves(a);
        await draw(a, paramsOf(req, idParam).id);
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      await cancelDraw(ctx, actor, req.params.id, req.body.reason);
      return drawView(ctx, actor, req.params.id);
    },
  );
  api.get(
    '/api/enforcement/draws/:id/redraw',
    {
      schema: {
        summary: '用公开的数据复核抽取结果',
        params: idParam,
        response: { 200: redrawReply },
      },
    },
    async (req) => {
      const d = await loadDraw(ctx.db, requireActor(req), req.params.id);
      const r = redrawRecord(d);
      return { same: r.same, snapshotHash: r.snapshotHash, seed: r.seed, drawn: r.result.length };
    },
  );
  // ---- inspections
  api.get(
    '/api/enforcement/inspections',
    {
      schema: {
        summary: '检查记录',
        querystring: inspectionsQuery,
        response: { 200: inspectionsReply },
      },
    },
    async (req) => listInspections(ctx, requireActor(req), req.query),
  );
  api.get(
    '/api/enforcement/inspections/:id',
    {
      schema: {
        summary: '检查记录（可办理的操作）',
        params: idParam,
        response: { 200: inspectionPageReply },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await loadInspection(ctx.db, actor, req.params.id);
      const [view] = await withNames(ctx.db, [r]);
      return {
        inspection: view,
        abilities: {
          record: r.status === 'pending' && can(actor, 'inspection', 'manage', r),
          publish: r.status === 'done' && can(actor, 'inspection', 'manage', r),
        },
      };
    },
  );
  api.post(
    '/api/enforcement/inspections/:id/record',
    {
      schema: {
        summary: '记录检查结果',
        params: idParam,
        body: recordBody,
        response: { 200: inspectionReply },
      },
      preValidation: guard(async (a, req) => {
        runs(a);
        await inspection(a, paramsOf(req, idParam).id);
      }),
    },
    async (req) => ({
      inspection: await recordInspection(ctx, requireActor(req), req.params.id, req.body),
    }),
  );
  api.post(
    '/api/enforcement/inspections/:id/publish',
    {
      schema: {
        summary: '公开检查结果',
        params: idParam,
        body: noBody,
        response: { 200: inspectionReply },
      },
      preValidation: on(runs, inspection),
    },
    async (req) => ({
      inspection: await publishInspection(ctx, requireActor(req), req.params.id),
    }),
  );
  // ---- exchange and facts
  api.get(
    '/api/enforcement/exchange/inspections.json',
    {
      schema: {
        summary: '年度抽查结果交换文件（JSON）',
        querystring: yearQuery,
        response: { 200: exchangeReply },
      },
    },
    async (req) => exchangeRecords(ctx, requireActor(req), req.query.year),
  );
  api.get(
    '/api/enforcement/exchange/inspections.csv',
    {
      schema: {
        summary: '年度抽查结果交换文件（CSV）',
        querystring: yearQuery,
        response: csvReply,
      },
    },
    async (req, reply) => {
      const y = req.query.year;
      const csv = exchangeCsv(await exchangeRecords(ctx, requireActor(req), y));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentHeader(`双随机抽查结果${y}.csv`))
        .send(csv);
    },
  );
  api.get(
    '/api/enforcement/facts',
    {
      schema: {
        summary: '年度报告的行政执法数据',
        querystring: yearQuery,
        response: { 200: factsReply },
      },
      preValidation: guard((a) => lists(a)),
    },
    async (req) => ({
      facts: await enforcementFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
}
