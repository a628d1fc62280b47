/**
 * The staff API of 行政执法: thin routes (authorize → validate → one service call → present). Here the
 * 执法人员 registry, the settings, 事前公开 and the target pool; plans, draws, inspections and the
 * exchange in routesInspections.ts.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { notFound } from '../../core/errors.ts';
import { readUpload } from '../../core/files/routes.ts';
import { changeSetting, scopedSetting } from '../../core/settings/service.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
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
import { importOfficersXlsx, officersXlsx } from './exchange.ts';
import { enforcementSettings } from './labels.ts';
import { items } from './schema.ts';
import { inspectionRoutes } from './routesInspections.ts';
import {
  activeBody,
  conflictBody,
  conflictReply,
  idParam,
  importReply,
  infoBody,
  infoReply,
  itemBody,
  itemReply,
  itemsQuery,
  itemsReply,
  officerBody,
  officerReply,
  officersQuery,
  officersReply,
  settingsReply,
  targetsQuery,
  targetsReply,
  trainingBody,
  versionReply,
  xlsxReply,
} from './apiSchemas.ts';

export function enforcementRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role is checked before the query or body is validated (403 before 400), and a
  // record of another department answers 404 before its body is looked at. The services authorize again.
  const may = (check: (a: Actor) => void) => guard(check);
  const mayOn = (check: (a: Actor) => void, load: (a: Actor, id: string) => Promise<unknown>) =>
    guard(async (a, req) => {
      check(a);
      await load(a, paramsOf(req, idParam).id);
    });
  const keepsOfficers = (a: Actor) => authorize(a, 'officer', 'manage');
  const lists = (a: Actor) => authorize(a, 'inspection', 'list');
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
  api.get(
    '/api/enforcement/officers',
    {
      schema: {
        summary: '执法人员名录（可按持证、培训达标筛选；指定年度为该年12月31日的名录）',
        querystring: officersQuery,
        response: { 200: officersReply },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await listOfficers(ctx, requireActor(req), undefined, q.year);
      return {
        ...r,
        items: r.items.filter(
          (o) =>
            (q.eligible === undefined || o.eligible === q.eligible) &&
            (q.trained === undefined || !o.trainingShort === q.trained),
        ),
      };
    },
  );
  api.post(
    '/api/enforcement/officers',
    {
      schema: { summary: '登记执法人员', body: officerBody, response: { 200: officerReply } },
      preValidation: may(keepsOfficers),
    },
    async (req) => ({ officer: await createOfficer(ctx, requireActor(req), req.body) }),
  );
  api.get(
    '/api/enforcement/officers/export.xlsx',
    { schema: { summary: '导出执法人员名录（.xlsx）', response: xlsxReply } },
    async (req, reply) => {
      const content = await officersXlsx(ctx, requireActor(req));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader('执法人员名录.xlsx'))
        .send(content);
    },
  );
  api.post(
    '/api/enforcement/officer-imports',
    {
      schema: {
        summary: '从 Excel 导入执法人员名录（multipart/form-data，一个 .xlsx 文件）',
        consumes: ['multipart/form-data'],
        response: { 200: importReply },
      },
      preValidation: may(keepsOfficers),
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, 20 * 1024 * 1024);
      return importOfficersXlsx(ctx, actor, file.content);
    },
  );
  api.get(
    '/api/enforcement/officers/:id',
    { schema: { summary: '执法人员', params: idParam, response: { 200: officerReply } } },
    async (req) => ({ officer: await loadOfficer(ctx.db, requireActor(req), req.params.id) }),
  );
  api.post(
    '/api/enforcement/officers/:id',
    {
      schema: {
        summary: '修改执法人员信息',
        params: idParam,
        body: officerBody,
        response: { 200: officerReply },
      },
      preValidation: mayOn(keepsOfficers, officer),
    },
    async (req) => ({
      officer: await updateOfficer(ctx, requireActor(req), req.params.id, req.body),
    }),
  );
  api.post(
    '/api/enforcement/officers/:id/training',
    {
      schema: {
        summary: '登记执法人员年度培训学时',
        params: idParam,
        body: trainingBody,
        response: { 200: officerReply },
      },
      preValidation: mayOn(keepsOfficers, officer),
    },
    async (req) => ({
      officer: await recordTraining(
        ctx,
        requireActor(req),
        req.params.id,
        req.body.year,
        req.body.hours,
      ),
    }),
  );
  api.post(
    '/api/enforcement/officers/:id/conflicts',
    {
      schema: {
        summary: '登记执法人员的回避关系',
        params: idParam,
        body: conflictBody,
        response: { 200: conflictReply },
      },
      preValidation: mayOn(keepsOfficers, officer),
    },
    async (req) => ({
      conflict: await addConflict(ctx, requireActor(req), req.params.id, req.body),
    }),
  );
  api.get(
    '/api/enforcement/settings',
    { schema: { summary: '行政执法设置', response: { 200: settingsReply } } },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'officer', 'list');
      return {
        settings: await departmentSettings(ctx.db, actor.departmentId, ctx.clock.now().getTime()),
      };
    },
  );
  api.post(
    '/api/enforcement/settings',
    {
      schema: {
        summary: '修改行政执法设置',
        body: enforcementSettings.schema,
        response: { 200: settingsReply },
      },
      preValidation: may(keepsOfficers),
    },
    async (req) => {
      const actor = requireActor(req);
      return {
        settings: await changeSetting(
          ctx,
          actor,
          scopedSetting(enforcementSettings, actor.departmentId),
          'enforcement.settings',
          req.body,
        ),
      };
    },
  );
  // ---- 事前公开
  api.get(
    '/api/enforcement/items',
    {
      schema: {
        summary: '随机抽查事项清单及其公开版本',
        querystring: itemsQuery,
        response: { 200: itemsReply },
      },
      preValidation: may(lists),
    },
    async (req) => {
      const actor = requireActor(req);
      return {
        items: await listItems(ctx.db, actor.departmentId, !!req.query.active),
        versions: await disclosureVersions(ctx.db, actor.departmentId, 'items'),
      };
    },
  );
  api.post(
    '/api/enforcement/items',
    {
      schema: { summary: '新增随机抽查事项', body: itemBody, response: { 200: itemReply } },
      preValidation: may(approves),
    },
    async (req) => ({ item: await createItem(ctx, requireActor(req), req.body) }),
  );
  api.post(
    '/api/enforcement/items/publish',
    {
      schema: {
        summary: '公开随机抽查事项清单（新版本）',
        body: noBody,
        response: { 200: versionReply },
      },
      preValidation: may(approves),
    },
    async (req) => publishItems(ctx, requireActor(req)),
  );
  api.post(
    '/api/enforcement/items/:id/active',
    {
      schema: {
        summary: '启用或停用随机抽查事项',
        params: idParam,
        body: activeBody,
        response: { 200: itemReply },
      },
      preValidation: mayOn(approves, item),
    },
    async (req) => ({
      item: await setItemActive(ctx, requireActor(req), req.params.id, req.body.active),
    }),
  );
  api.get(
    '/api/enforcement/info',
    { schema: { summary: '执法信息的公开版本', response: { 200: infoReply } } },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'inspection', 'list');
      return { versions: await disclosureVersions(ctx.db, actor.departmentId, 'info') };
    },
  );
  api.post(
    '/api/enforcement/info/publish',
    {
      schema: {
        summary: '公开执法主体、职责、程序、裁量基准和救济途径（新版本）',
        body: infoBody,
        response: { 200: versionReply },
      },
      preValidation: may(approves),
    },
    async (req) => publishInfo(ctx, requireActor(req), req.body),
  );
  // ---- target pool
  api.get(
    '/api/enforcement/targets',
    {
      schema: {
        summary: '检查对象名录',
        querystring: targetsQuery,
        response: { 200: targetsReply },
      },
    },
    async (req) => listTargets(ctx, requireActor(req), req.query),
  );
  api.post(
    '/api/enforcement/target-imports',
    {
      schema: {
        summary: '导入检查对象名录（multipart/form-data，一个 .xlsx 或 .csv 文件）',
        consumes: ['multipart/form-data'],
        response: { 200: importReply },
      },
      preValidation: may((a) => authorize(a, 'inspection', 'manage')),
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, 50 * 1024 * 1024);
      return importTargets(ctx, actor, file);
    },
  );
  inspectionRoutes(app, ctx);
}
