/** The hotline's staff API and the platform's import endpoint (token, not session: outside /api/, so no CSRF). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { CREATE_TICKET, TICKET_FORMS, TOKEN_FORMS } from './ticketForms.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { factsReply, okReply } from '../../core/http/replies.ts';
import { maxFileBytes } from '../../core/files/service.ts';
import { readUpload } from '../../core/files/routes.ts';
import { importTickets, platformActor, receiveTicket, ticketRecord } from './intake.ts';
import { actOnTicket, loadTicket } from './service.ts';
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
import {
  convertReply,
  importReply,
  listReply,
  ratingsReply,
  settingsReply,
  ticketReply,
  tokensReply,
} from './replies.ts';
import { changeSetting, getSetting } from '../../core/settings/service.ts';
import { settingFormRoute } from '../../core/settings/forms.ts';
import { fieldView } from '../../core/http/forms.ts';

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
// The forms' bodies are derived from their declared fields (ticketForms.ts). 录入工单's number keeps the
// platform's format rule (letters, digits, _ and -), which a declared field cannot say.
const manualBody = fieldsSchema(CREATE_TICKET).extend({
  ticketNo: ticketRecord.shape.ticketNo.optional(),
  idNumber: z.string().trim().max(30).optional().describe('证件号码'),
  publishConsent: z.boolean().optional().describe('同意公开答复'),
});
const action = <A extends string>(a: A) => z.literal(a).describe('办理事项');
const F = TICKET_FORMS;
const actBody = z.discriminatedUnion('action', [
  fieldsSchema(F.sign).extend({ action: action('sign') }),
  fieldsSchema(F.dispute).extend({ action: action('dispute') }),
  // The API also takes several 协办 divisions at once (coOrgIds); the form offers one (coOrgId).
  fieldsSchema(F.assign).extend({
    action: action('assign'),
    coOrgIds: z.array(z.uuid()).max(10).default([]).describe('协办科室'),
  }),
  fieldsSchema(F.requestExtension).extend({ action: action('requestExtension') }),
  // Without a date, an approval grants the date requested.
  fieldsSchema(F.approveExtension).extend({
    action: action('approveExtension'),
    dueOn: isoDate('延长至').optional(),
  }),
  fieldsSchema(F.reply).extend({ action: action('reply') }),
  fieldsSchema(F.visit).extend({ action: action('visit') }),
  fieldsSchema(F.reopen).extend({ action: action('reopen') }),
  fieldsSchema(F.merge).extend({ action: action('merge') }),
]);

const yearQuery = z.object({ year });
const ratingsQuery = z.object({ year: year.optional() });
const convertBody = fieldsSchema(F.convert);
const publishBody = fieldsSchema(F.publish);
const tokenBody = fieldsSchema(TOKEN_FORMS.create);
const ingestBody = z.object({
  tickets: z.array(z.unknown()).min(1).max(20_000).describe('工单'),
});

export function hotlineRoutes(app: FastifyInstance, ctx: Ctx): void {
  // The platform's push is outside /api/ (a bearer token, not a session) and not in the staff document.
  app.post(IMPORT_PATH, { bodyLimit: 32 * 1024 * 1024 }, async (req) => {
    const departmentId = await departmentOfToken(ctx, req.headers.authorization);
    const body = parse(ingestBody, req.body);
    return importTickets(ctx, platformActor(departmentId), body.tickets, 'platform');
  });

  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role (403) and the ticket's scope (404) are checked before the query or body
  // is validated. The services authorize again.
  const intake = guard((a) => authorize(a, 'hotlineTicket', 'intake'));
  const lists = guard((a) => authorize(a, 'hotlineTicket', 'list'));
  const readsTicket = guard(
    async (a, req) => void (await loadTicket(ctx.db, a, paramsOf(req, idParam).id)),
  );
  const keepsTokens = guard((a) => authorize(a, 'hotlineToken', 'manage'));
  api.get(
    '/api/hotline/tickets',
    {
      schema: {
        summary: '12345热线工单列表',
        querystring: listQuery,
        response: { 200: listReply },
      },
    },
    async (req) => listTickets(ctx, requireActor(req), req.query),
  );
  api.post(
    '/api/hotline/tickets',
    {
      schema: { summary: '登记12345热线工单', body: manualBody, response: { 200: ticketReply } },
      preValidation: intake,
    },
    async (req) => {
      const actor = requireActor(req);
      const { receivedOn, name, phone, idNumber, ...rest } = req.body;
      const row = await receiveTicket(
        ctx,
        actor,
        {
          ...rest,
          // A ticket taken down by hand is dated, not timed: the working day's start.
          receivedAt: `${receivedOn}T09:00:00+08:00`,
          citizen: name || phone || idNumber ? { name, phone, idNumber } : null,
        },
        'manual',
      );
      return ticketView(ctx, actor, row.id);
    },
  );
  api.post(
    '/api/hotline/ticket-imports',
    {
      schema: {
        summary: '从 Excel 导入12345热线工单（multipart/form-data，一个 .xlsx 文件）',
        consumes: ['multipart/form-data'],
        response: { 200: importReply },
      },
      preValidation: intake,
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req, await maxFileBytes(ctx.db, ctx.clock.now().getTime()));
      return importTickets(ctx, { ...actor }, await readTicketSheet(file.content), 'excel');
    },
  );
  api.get(
    '/api/hotline/tickets/:id',
    {
      schema: {
        summary: '12345热线工单（期限、办理记录、可办理的操作）',
        params: idParam,
        response: { 200: ticketReply },
      },
    },
    async (req) => ticketView(ctx, requireActor(req), req.params.id),
  );
  api.post(
    '/api/hotline/tickets/:id/act',
    {
      schema: {
        summary: '办理12345热线工单（签收、退单、派单、延期、答复、回访、重办、合并）',
        params: idParam,
        body: actBody,
        response: { 200: ticketReply },
      },
      preValidation: readsTicket,
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = req.params;
      const body = req.body;
      await actOnTicket(
        ctx,
        actor,
        id,
        body.action === 'assign'
          ? { ...body, coOrgIds: body.coOrgId ? [body.coOrgId, ...body.coOrgIds] : body.coOrgIds }
          : body,
      );
      return ticketView(ctx, actor, id);
    },
  );
  api.post(
    '/api/hotline/tickets/:id/convert',
    {
      schema: {
        summary: '工单转为政府信息公开申请或信访事项',
        params: idParam,
        body: convertBody,
        response: { 200: convertReply },
      },
      preValidation: readsTicket,
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = req.params;
      return {
        converted: await convertTicket(ctx, actor, id, req.body),
        view: await ticketView(ctx, actor, id),
      };
    },
  );
  api.post(
    '/api/hotline/tickets/:id/publish',
    {
      schema: {
        summary: '公开工单答复',
        params: idParam,
        body: publishBody,
        response: { 200: ticketReply },
      },
      preValidation: readsTicket,
    },
    async (req) => {
      const actor = requireActor(req);
      const { id } = req.params;
      await publishReply(ctx, actor, id, req.body.text);
      return ticketView(ctx, actor, id);
    },
  );
  api.get(
    '/api/hotline/facts',
    {
      schema: {
        summary: '年度报告的12345热线数据',
        querystring: yearQuery,
        response: { 200: factsReply },
      },
      preValidation: lists,
    },
    async (req) => ({
      facts: await hotlineFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  api.get(
    '/api/hotline/ratings',
    {
      schema: {
        summary: '各科室各月好差评（不指定年度为今年）',
        querystring: ratingsQuery,
        response: { 200: ratingsReply },
      },
      preValidation: guard((a) => authorize(a, 'hotlineRating', 'read')),
    },
    async (req) => {
      const actor = requireActor(req);
      // Without a year: the current one (the workbench's clock may not be the server's).
      const y = req.query.year ?? Number(ctx.clock.today().slice(0, 4));
      return { year: y, rows: await ratingRates(ctx.db, actor.departmentId, y) };
    },
  );

  api.get(
    '/api/hotline/tokens',
    { schema: { summary: '12345平台接口令牌', response: { 200: tokensReply } } },
    async (req) => ({
      tokens: await listTokens(ctx, requireActor(req)),
      forms: { create: TOKEN_FORMS.create.map((f) => fieldView(f)) },
    }),
  );
  api.post(
    '/api/hotline/tokens',
    {
      schema: {
        summary: '新建12345平台接口令牌（令牌只在此时显示一次）',
        body: tokenBody,
        response: {
          200: z.object({ id: z.uuid().describe('编号'), token: z.string().describe('令牌') }),
        },
      },
      preValidation: keepsTokens,
    },
    async (req) => createToken(ctx, requireActor(req), req.body.label),
  );
  api.post(
    '/api/hotline/tokens/:id/revoke',
    {
      schema: {
        summary: '停用12345平台接口令牌',
        params: idParam,
        body: noBody,
        response: { 200: okReply },
      },
      preValidation: keepsTokens,
    },
    async (req) => {
      await revokeToken(ctx, requireActor(req), req.params.id);
      return { ok: true };
    },
  );
  api.get(
    '/api/hotline/settings',
    { schema: { summary: '12345热线办理时限', response: { 200: settingsReply } } },
    async () => getSetting(ctx.db, hotlineDeadlines, ctx.clock.now().getTime()),
  );
  settingFormRoute(app, '/api/hotline/settings', hotlineDeadlines, keepsTokens);
  api.put(
    '/api/hotline/settings',
    {
      schema: {
        summary: '修改12345热线办理时限',
        body: hotlineDeadlines.schema,
        response: { 200: settingsReply },
      },
      preValidation: keepsTokens,
    },
    async (req) =>
      changeSetting(ctx, requireActor(req), hotlineDeadlines, 'hotline.settings.change', req.body),
  );
}
