/** The hotline's staff API and the platform's import endpoint (token, not session: outside /api/, so no CSRF). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf } from '../../core/http/schema.ts';
import { maxFileBytes } from '../../core/files/service.ts';
import { readUpload } from '../../core/files/routes.ts';
import { importTickets, platformActor, receiveTicket, ticketRecord } from './intake.ts';
import { actOnTicket, loadTicket, type TicketAct } from './service.ts';
import { convertTicket } from './convert.ts';
import { publishReply } from './publish.ts';
import { listTickets, ticketView } from './queries.ts';
import { hotlineFacts } from './facts.ts';
import { ratingRates } from './ratings.ts';
import { createToken, departmentOfToken, listTokens, revokeToken } from './tokens.ts';
import { readTicketSheet } from './excel.ts';
import { authorize } from './policy.ts';
import { CHANNEL_CODES, KIND_CODES } from './labels.ts';
import { hotlineDeadlines } from './settings.ts';
import { changeSetting, getSetting } from '../../core/settings/service.ts';

/** Where the city platform pushes tickets (Authorization: Bearer <token>). */
export const IMPORT_PATH = '/ingest/12345/tickets';

const idParam = z.object({ id: z.uuid().describe('编号') });
const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
const flag = (label: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(label);
const listQuery = z.object({
  year: year.optional(),
  kind: z.enum(KIND_CODES).optional().describe('诉求类型'),
  channel: z.enum(CHANNEL_CODES).optional().describe('来源渠道'),
  status: z.string().max(20).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  onTime: flag('按时办结'),
  late: flag('超期答复'),
  satisfied: flag('满意'),
  visited: flag('已回访'),
  rated: flag('已评价'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min).max(max).describe(label);
const manualBody = ticketRecord.extend({ ticketNo: ticketRecord.shape.ticketNo.optional() });
const on = isoDate('办理日期');
const actBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sign').describe('办理事项'), on }),
  z.object({
    action: z.literal('dispute').describe('办理事项'),
    on,
    reason: text('退单理由', 2000, 2),
  }),
  z.object({
    action: z.literal('assign').describe('办理事项'),
    on,
    orgId: z.uuid().describe('主办科室'),
    coOrgIds: z.array(z.uuid()).max(10).default([]).describe('协办科室'),
  }),
  z.object({
    action: z.literal('requestExtension').describe('办理事项'),
    on,
    dueOn: isoDate('申请延长至'),
    reason: text('延期理由', 2000, 2),
  }),
  z.object({
    action: z.literal('approveExtension').describe('办理事项'),
    on,
    decision: z.enum(['approved', 'rejected']).describe('审批意见'),
    dueOn: isoDate('延长至').nullish(),
    reason: text('审批说明', 2000).nullish(),
  }),
  z.object({
    action: z.literal('reply').describe('办理事项'),
    on,
    text: text('答复内容', 20_000, 2),
  }),
  z.object({
    action: z.literal('visit').describe('办理事项'),
    on,
    satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']).describe('满意度'),
    note: text('回访情况', 2000).nullish(),
  }),
  z.object({
    action: z.literal('reopen').describe('办理事项'),
    on,
    reason: text('重新办理原因', 2000, 2),
  }),
  z.object({
    action: z.literal('merge').describe('办理事项'),
    on,
    intoTicketNo: text('并入工单编号', 40, 3),
  }),
]);

export function hotlineRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(IMPORT_PATH, { bodyLimit: 32 * 1024 * 1024 }, async (req) => {
    const departmentId = await departmentOfToken(ctx, req.headers.authorization);
    const body = parse(
      z.object({ tickets: z.array(z.unknown()).min(1).max(20_000).describe('工单') }),
      req.body,
    );
    return importTickets(ctx, platformActor(departmentId), body.tickets, 'platform');
  });

  // Issue 12 item 7: the role (403) and the ticket's scope (404) are checked before the body is validated.
  const intake = { preValidation: guard((a) => authorize(a, 'hotlineTicket', 'intake')) };
  const readsTicket = {
    preValidation: guard(
      async (a, req) => void (await loadTicket(ctx.db, a, paramsOf(req, idParam).id)),
    ),
  };
  const keepsTokens = { preValidation: guard((a) => authorize(a, 'hotlineToken', 'manage')) };
  app.get('/api/hotline/tickets', async (req) =>
    listTickets(ctx, requireActor(req), parse(listQuery, req.query)),
  );
  app.post('/api/hotline/tickets', intake, async (req) => {
    const actor = requireActor(req);
    const body = parse(manualBody, req.body);
    const row = await receiveTicket(
      ctx,
      actor,
      { ...body, citizen: body.citizen ?? null },
      'manual',
    );
    return ticketView(ctx, actor, row.id);
  });
  app.post('/api/hotline/ticket-imports', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'hotlineTicket', 'intake');
    const file = await readUpload(req, await maxFileBytes(ctx.db, ctx.clock.now().getTime()));
    return importTickets(ctx, { ...actor }, await readTicketSheet(file.content), 'excel');
  });
  app.get('/api/hotline/tickets/:id', async (req) =>
    ticketView(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  app.post('/api/hotline/tickets/:id/act', readsTicket, async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await actOnTicket(ctx, actor, id, parse(actBody, req.body) as TicketAct);
    return ticketView(ctx, actor, id);
  });
  app.post('/api/hotline/tickets/:id/convert', readsTicket, async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const body = parse(
      z.object({ target: z.enum(['disclosure', 'petition']).describe('转入程序'), on }),
      req.body,
    );
    return {
      converted: await convertTicket(ctx, actor, id, body),
      view: await ticketView(ctx, actor, id),
    };
  });
  app.post('/api/hotline/tickets/:id/publish', readsTicket, async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await publishReply(
      ctx,
      actor,
      id,
      parse(z.object({ text: text('公开的答复内容', 20_000, 2) }), req.body).text,
    );
    return ticketView(ctx, actor, id);
  });
  app.get('/api/hotline/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'hotlineTicket', 'list');
    return {
      facts: await hotlineFacts(ctx, actor.departmentId, parse(z.object({ year }), req.query).year),
    };
  });
  app.get('/api/hotline/ratings', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'hotlineRating', 'read');
    // Without a year: the current one (the workbench's clock may not be the server's).
    const y =
      parse(z.object({ year: year.optional() }), req.query).year ??
      Number(ctx.clock.today().slice(0, 4));
    return { year: y, rows: await ratingRates(ctx.db, actor.departmentId, y) };
  });

  app.get('/api/hotline/tokens', async (req) => ({
    tokens: await listTokens(ctx, requireActor(req)),
  }));
  app.post('/api/hotline/tokens', keepsTokens, async (req) =>
    createToken(
      ctx,
      requireActor(req),
      parse(z.object({ label: text('令牌名称', 100, 2) }), req.body).label,
    ),
  );
  app.post('/api/hotline/tokens/:id/revoke', async (req) => {
    await revokeToken(ctx, requireActor(req), parse(idParam, req.params).id);
    return { ok: true };
  });
  app.get('/api/hotline/settings', async (req) => {
    requireActor(req);
    return getSetting(ctx.db, hotlineDeadlines, ctx.clock.now().getTime());
  });
  app.put('/api/hotline/settings', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'hotlineToken', 'manage');
    return changeSetting(
      ctx,
      actor,
      hotlineDeadlines,
      'hotline.settings.change',
      parse(hotlineDeadlines.schema, req.body),
    );
  });
}
