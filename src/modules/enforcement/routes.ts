/** The staff API of 行政执法: thin routes (validate → authorize → one service call → present). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf } from '../../core/http/schema.ts';
import { notFound } from '../../core/errors.ts';
import { readUpload } from '../../core/files/routes.ts';
import { changeSetting, scopedSetting } from '../../core/settings/service.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize, can } from './policy.ts';
import {
  addConflict,
  createOfficer,
  departmentSettings,
  listOfficers,
  loadOfficer,
  recordTraining,
  updateOfficer,
} from './officers.ts';
import {
  createItem,
  disclosureVersions,
  listItems,
  publishInfo,
  publishItems,
  setItemActive,
} from './catalogue.ts';
import { importTargets, listTargets } from './targets.ts';
import { advancePlan, createPlan, listPlans, loadPlan, planView } from './plans.ts';
import {
  cancelDraw,
  commitDraw,
  drawsOf,
  executeDraw,
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
import { exchangeCsv, exchangeRecords, importOfficersXlsx, officersXlsx } from './exchange.ts';
import { enforcementFacts } from './facts.ts';
import { enforcementSettings, RESULT_LABELS } from './labels.ts';
import { draws, items, plans } from './schema.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
const bool = (label: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(label);
const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
};

const officerBody = z.object({
  name: text('姓名', 50, 1),
  orgId: z.uuid().nullish().describe('所在科室'),
  certificateNo: text('执法证号', 50, 1),
  issuingBody: text('发证机关', 100).optional(),
  field: text('执法领域', 100).optional(),
  validFrom: isoDate('有效期起'),
  validTo: isoDate('有效期至'),
  status: z.enum(['active', 'suspended', 'revoked']).describe('状态'),
});
const itemBody = z.object({
  name: text('事项名称', 200, 2),
  legalBasis: text('检查依据', 2000, 2),
  method: text('检查方式', 200, 1),
  subject: text('检查主体', 200, 1),
  ratio: z.number().gt(0).max(100).describe('抽查比例'),
  kind: z.enum(['general', 'key']).describe('事项类别'),
});
const infoBody = z.object({
  bodies: text('执法主体', 5000, 2),
  powers: text('职责权限', 10_000, 2),
  procedures: text('执法程序', 10_000, 2),
  flowSteps: z.array(text('流程步骤', 200)).max(50).describe('执法流程图'),
  discretion: text('裁量基准', 10_000, 2),
  remedies: text('救济途径', 5000, 2),
});
const planBody = z.object({
  year,
  name: text('计划名称', 200, 2),
  itemIds: z.array(z.uuid()).min(1).max(100).describe('抽查事项'),
  scope: text('检查范围', 2000).optional(),
  categories: z.array(text('行业类别', 100)).max(100).optional().describe('行业类别'),
  ratio: z.number().gt(0).max(100).describe('抽查比例'),
  frequency: text('抽查频次', 100).optional(),
  startOn: isoDate('开始日期'),
  endOn: isoDate('结束日期'),
  orgId: z.uuid().nullish().describe('责任科室'),
  quantity: z.number().int().min(1).max(1_000_000).nullish().describe('计划抽查数量'),
  perTarget: z.number().int().min(2).max(10).optional().describe('每户检查人员数'),
  stratify: z.enum(['none', 'category', 'risk']).optional().describe('分层方式'),
  excludeLastYear: z.boolean().optional().describe('回避上年度检查人员'),
});
const recordBody = z.object({
  inspectedOn: isoDate('检查日期'),
  endedOn: isoDate('检查结束日期'),
  findings: text('检查情况', 20_000, 2),
  result: z.enum(Object.keys(RESULT_LABELS) as [keyof typeof RESULT_LABELS]).describe('检查结果'),
  fileIds: z.array(z.uuid()).max(50).optional().describe('证据材料'),
  inspectorIds: z.array(z.uuid()).max(10).optional().describe('检查人员'),
});

async function drawView(ctx: Ctx, actor: Actor, id: string) {
  const d = await loadDraw(ctx.db, actor, id);
  const [p] = await ctx.db.select().from(plans).where(eq(plans.id, d.planId));
  const list = await listInspections(ctx, actor, { drawId: d.id, page: 1, pageSize: 200 });
  return {
    draw: publicDraw(d),
    plan: { id: p.id, name: p.name, year: p.year },
    inspections: list.items,
    abilities: {
      execute: d.status === 'committed' && can(actor, 'inspection', 'manage', d),
      cancel: d.status !== 'cancelled' && can(actor, 'inspection', 'approve', d),
    },
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

export function enforcementRoutes(app: FastifyInstance, ctx: Ctx): void {
  const body = <S extends z.ZodType>(schema: S, b: unknown) => parse(schema, b);
  // Issue 12 item 7: the role is checked before the body is validated (403 before 400), and a record of
  // another department answers 404 before its body is looked at. The services authorize again.
  const may = (check: (a: Actor) => void) => ({ preValidation: guard(check) });
  const mayOn = (check: (a: Actor) => void, load: (a: Actor, id: string) => Promise<unknown>) => ({
    preValidation: guard(async (a, req) => {
      check(a);
      await load(a, paramsOf(req, idParam).id);
    }),
  });
  const keepsOfficers = (a: Actor) => authorize(a, 'officer', 'manage');
  const runs = (a: Actor) => authorize(a, 'inspection', 'manage');
  const approves = (a: Actor) => authorize(a, 'inspection', 'approve');
  const officer = (a: Actor, id: string) => loadOfficer(ctx.db, a, id);
  const item = async (a: Actor, id: string) => {
    const [row] = await ctx.db
      .select({ departmentId: items.departmentId })
      .from(items)
      .where(eq(items.id, id));
    if (!row) throw notFound('抽查事项');
    authorize(a, 'inspection', 'approve', row);
  };
  // ---- officers
  app.get('/api/enforcement/officers', async (req) => {
    const q = parse(
      z.object({
        eligible: bool('持有效执法证'),
        trained: bool('培训达标'),
        year: year.optional(),
      }),
      req.query,
    );
    const r = await listOfficers(ctx, requireActor(req), undefined, q.year);
    return {
      ...r,
      items: r.items.filter(
        (o) =>
          (q.eligible === undefined || o.eligible === q.eligible) &&
          (q.trained === undefined || !o.trainingShort === q.trained),
      ),
    };
  });
  app.post('/api/enforcement/officers', may(keepsOfficers), async (req) => ({
    officer: await createOfficer(ctx, requireActor(req), body(officerBody, req.body)),
  }));
  app.get('/api/enforcement/officers/export.xlsx', async (req, reply) => {
    const content = await officersXlsx(ctx, requireActor(req));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentHeader('执法人员名录.xlsx'))
      .send(content);
  });
  app.post('/api/enforcement/officer-imports', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'officer', 'manage');
    const file = await readUpload(req, 20 * 1024 * 1024);
    return importOfficersXlsx(ctx, actor, file.content);
  });
  app.get('/api/enforcement/officers/:id', async (req) => ({
    officer: await loadOfficer(ctx.db, requireActor(req), parse(idParam, req.params).id),
  }));
  app.post('/api/enforcement/officers/:id', mayOn(keepsOfficers, officer), async (req) => ({
    officer: await updateOfficer(
      ctx,
      requireActor(req),
      parse(idParam, req.params).id,
      body(officerBody, req.body),
    ),
  }));
  app.post('/api/enforcement/officers/:id/training', mayOn(keepsOfficers, officer), async (req) => {
    const b = body(
      z.object({ year, hours: z.number().min(0).max(2000).describe('培训学时') }),
      req.body,
    );
    return {
      officer: await recordTraining(
        ctx,
        requireActor(req),
        parse(idParam, req.params).id,
        b.year,
        b.hours,
      ),
    };
  });
  app.post(
    '/api/enforcement/officers/:id/conflicts',
    mayOn(keepsOfficers, officer),
    async (req) => {
      const b = body(
        z.object({
          creditCode: text('统一社会信用代码', 18, 18),
          kind: z.enum(['employment', 'relative', 'other']).describe('回避情形'),
          note: text('说明', 500).optional(),
        }),
        req.body,
      );
      return {
        conflict: await addConflict(ctx, requireActor(req), parse(idParam, req.params).id, b),
      };
    },
  );
  app.get('/api/enforcement/settings', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'officer', 'list');
    return {
      settings: await departmentSettings(ctx.db, actor.departmentId, ctx.clock.now().getTime()),
    };
  });
  app.post('/api/enforcement/settings', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'officer', 'manage');
    const value = body(enforcementSettings.schema, req.body);
    return {
      settings: await changeSetting(
        ctx,
        actor,
        scopedSetting(enforcementSettings, actor.departmentId),
        'enforcement.settings',
        value,
      ),
    };
  });
  // ---- 事前公开
  app.get('/api/enforcement/items', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'list');
    const q = parse(z.object({ active: bool('启用') }), req.query);
    return {
      items: await listItems(ctx.db, actor.departmentId, !!q.active),
      versions: await disclosureVersions(ctx.db, actor.departmentId, 'items'),
    };
  });
  app.post('/api/enforcement/items', may(approves), async (req) => ({
    item: await createItem(ctx, requireActor(req), body(itemBody, req.body)),
  }));
  app.post('/api/enforcement/items/publish', async (req) => publishItems(ctx, requireActor(req)));
  app.post('/api/enforcement/items/:id/active', mayOn(approves, item), async (req) => ({
    item: await setItemActive(
      ctx,
      requireActor(req),
      parse(idParam, req.params).id,
      body(z.object({ active: z.boolean().describe('启用') }), req.body).active,
    ),
  }));
  app.get('/api/enforcement/info', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'list');
    return { versions: await disclosureVersions(ctx.db, actor.departmentId, 'info') };
  });
  app.post('/api/enforcement/info/publish', may(approves), async (req) =>
    publishInfo(ctx, requireActor(req), body(infoBody, req.body)),
  );
  // ---- target pool
  app.get('/api/enforcement/targets', async (req) =>
    listTargets(
      ctx,
      requireActor(req),
      parse(z.object({ search: text('关键词', 100).optional(), ...paging }), req.query),
    ),
  );
  app.post('/api/enforcement/target-imports', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'manage');
    const file = await readUpload(req, 50 * 1024 * 1024);
    return importTargets(ctx, actor, file);
  });
  // ---- plans and draws
  app.get('/api/enforcement/plans', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'list');
    const q = parse(
      z.object({
        year: year.optional(),
        status: z.enum(['draft', 'approved', 'published']).optional().describe('状态'),
      }),
      req.query,
    );
    const rows = (await listPlans(ctx.db, actor.departmentId, q.year)).filter(
      (p) => !q.status || p.status === q.status,
    );
    return { items: await Promise.all(rows.map((p) => planView(ctx.db, p))) };
  });
  app.post('/api/enforcement/plans', may(runs), async (req) => {
    const actor = requireActor(req);
    const p = await createPlan(ctx, actor, body(planBody, req.body));
    return planPage(ctx, actor, p.id);
  });
  app.get('/api/enforcement/plans/:id', async (req) =>
    planPage(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  for (const to of ['approved', 'published'] as const) {
    app.post(
      `/api/enforcement/plans/:id/${to === 'approved' ? 'approve' : 'publish'}`,
      async (req) => {
        const actor = requireActor(req);
        const { id } = parse(idParam, req.params);
        await advancePlan(ctx, actor, id, to);
        return planPage(ctx, actor, id);
      },
    );
  }
  app.post('/api/enforcement/plans/:id/draws', async (req) => {
    const actor = requireActor(req);
    const d = await commitDraw(ctx, actor, parse(idParam, req.params).id);
    return drawView(ctx, actor, d.id);
  });
  app.get('/api/enforcement/draws', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'list');
    const q = parse(z.object({ year: year.optional() }), req.query);
    const rows = await ctx.db
      .select({ d: draws, p: plans })
      .from(draws)
      .innerJoin(plans, eq(plans.id, draws.planId))
      .where(
        q.year
          ? and(eq(draws.departmentId, actor.departmentId), eq(plans.year, q.year))
          : eq(draws.departmentId, actor.departmentId),
      );
    return { items: rows.map((r) => ({ ...publicDraw(r.d), planName: r.p.name, year: r.p.year })) };
  });
  app.get('/api/enforcement/draws/:id', async (req) =>
    drawView(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  app.post('/api/enforcement/draws/:id/execute', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await executeDraw(ctx, actor, id);
    return drawView(ctx, actor, id);
  });
  app.post(
    '/api/enforcement/draws/:id/cancel',
    mayOn(approves, (a, id) => loadDraw(ctx.db, a, id)),
    async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      await cancelDraw(
        ctx,
        actor,
        id,
        body(z.object({ reason: text('作废理由', 2000, 4) }), req.body).reason,
      );
      return drawView(ctx, actor, id);
    },
  );
  app.get('/api/enforcement/draws/:id/redraw', async (req) => {
    const d = await loadDraw(ctx.db, requireActor(req), parse(idParam, req.params).id);
    const r = redrawRecord(d);
    return { same: r.same, snapshotHash: r.snapshotHash, seed: r.seed, drawn: r.result.length };
  });
  // ---- inspections
  app.get('/api/enforcement/inspections', async (req) => {
    const q = parse(
      z.object({
        planId: z.uuid().optional().describe('抽查计划'),
        drawId: z.uuid().optional().describe('抽取'),
        status: z.enum(['pending', 'done', 'published']).optional().describe('状态'),
        search: text('关键词', 100).optional(),
        year: year.optional(),
        done: bool('已检查'),
        problems: bool('发现问题'),
        late: bool('逾期公示'),
        ...paging,
      }),
      req.query,
    );
    return listInspections(ctx, requireActor(req), q);
  });
  app.get('/api/enforcement/inspections/:id', async (req) => {
    const actor = requireActor(req);
    const r = await loadInspection(ctx.db, actor, parse(idParam, req.params).id);
    const [view] = await withNames(ctx.db, [r]);
    return {
      inspection: view,
      abilities: {
        record: r.status === 'pending' && can(actor, 'inspection', 'manage', r),
        publish: r.status === 'done' && can(actor, 'inspection', 'manage', r),
      },
    };
  });
  app.post(
    '/api/enforcement/inspections/:id/record',
    mayOn(runs, (a, id) => loadInspection(ctx.db, a, id)),
    async (req) => ({
      inspection: await recordInspection(
        ctx,
        requireActor(req),
        parse(idParam, req.params).id,
        body(recordBody, req.body),
      ),
    }),
  );
  app.post('/api/enforcement/inspections/:id/publish', async (req) => ({
    inspection: await publishInspection(ctx, requireActor(req), parse(idParam, req.params).id),
  }));
  // ---- exchange and facts
  app.get('/api/enforcement/exchange/inspections.json', async (req) =>
    exchangeRecords(ctx, requireActor(req), parse(z.object({ year }), req.query).year),
  );
  app.get('/api/enforcement/exchange/inspections.csv', async (req, reply) => {
    const { year: y } = parse(z.object({ year }), req.query);
    const csv = exchangeCsv(await exchangeRecords(ctx, requireActor(req), y));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachmentHeader(`双随机抽查结果${y}.csv`))
      .send(csv);
  });
  app.get('/api/enforcement/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'inspection', 'list');
    return {
      facts: await enforcementFacts(
        ctx,
        actor.departmentId,
        parse(z.object({ year }), req.query).year,
      ),
    };
  });
}
