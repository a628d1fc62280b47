// 网民留言 on the public portal (/wmly): the form (works without JavaScript; CSRF, rate limit, escaped),
// the tracking page with the reply and the 好差评 form after closure, and the published replies.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import { parse } from '../../core/http/validate.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  firstString,
  portalCsrf,
  sendCsrfFailure,
  sendPortalPage,
  verifyPortalCsrf,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { TRACKING_CODE_RE } from '../disclosure/index.ts';
import { receiveTicket } from './intake.ts';
import { recordRating, type Score } from './ratings.ts';
import { HOTLINE_TICKET } from './procedure.ts';
import { KIND_CODES } from './labels.ts';
import { ratingPortal, ratingSection } from './ratingPortal.tsx';
import {
  MessageForm,
  MessageHome,
  TrackLookup,
  TrackView,
  type PublishedReply,
  type TrackInfo,
  type Values,
} from './portalViews.tsx';

export const hotlineSections: PortalSection[] = [
  {
    path: '/wmly',
    title: '网民留言',
    summary: '向本机关留言咨询、求助、建议、投诉、举报，查询办理情况并评价。',
  },
  ratingSection,
];

type Body = Record<string, unknown>;
const fieldsOf = (body: Body): Values =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '_csrf')
      .map(([k, v]) => [k, (firstString(v) ?? '').slice(0, 5000)]),
  );
const errorsOf = (e: AppError) =>
  Object.fromEntries((e.fields ?? []).map((f) => [f.path.split('.')[0] || 'form', f.message]));
const normaliseCode = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');

const messageSchema = z.object({
  kind: z.enum(KIND_CODES).describe('留言类型'),
  title: z.string().trim().min(2).max(100).describe('留言标题'),
  content: z.string().trim().min(5).max(5000).describe('留言内容'),
  location: z.string().trim().max(200).optional().describe('事发地点'),
  name: z.string().trim().min(1).max(50).describe('姓名'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s]{7,20}$/, { message: '请填写有效的电话号码' })
    .describe('联系电话'),
  publishConsent: z.enum(['yes', 'no']).default('no').describe('是否同意公开答复'),
});

async function trackInfo(ctx: Ctx, code: string): Promise<(TrackInfo & { caseId: string }) | null> {
  const [t] = await queryRows<{
    case_id: string;
    ticket_no: string;
    title: string;
    received_on: string;
    due_on: string;
    status: string;
    closed_on: string | null;
    reply_text: string | null;
    replied_on: string | null;
    rated: boolean;
  }>(
    ctx.db,
    sql`select t.case_id, t.ticket_no, t.title, t.received_on::text, t.due_on::text, c.status, c.closed_on::text, t.reply_text, t.replied_on::text,
          exists (select 1 from hotline_ratings r where r.case_id = t.case_id) as rated
        from hotline_tickets t join cases c on c.id = t.case_id where t.tracking_code = ${code}`,
  );
  if (!t) return null;
  const closed = t.status === 'closed';
  return {
    caseId: t.case_id,
    ticketNo: t.ticket_no,
    title: t.title,
    receivedOn: t.received_on,
    dueOn: t.due_on,
    statusLabel: HOTLINE_TICKET.statuses.find((s) => s.code === t.status)?.label ?? t.status,
    closed,
    reply: t.reply_text,
    repliedOn: t.replied_on,
    rated: t.rated,
    ratable: closed && !t.rated,
  };
}

export function hotlinePortal(ctx: Ctx, page: PortalPageContext) {
  const crumbs = (title?: string) =>
    title ? [{ title: '网民留言', href: '/wmly' }, { title }] : [{ title: '网民留言' }];
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: Object.keys(errors).length ? '错误：我要留言' : '我要留言',
      status,
      breadcrumbs: crumbs('我要留言'),
      children: <MessageForm csrf={field} values={values} errors={errors} />,
    });
  };
  const trackPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { flash?: string; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const info = TRACKING_CODE_RE.test(code) ? await trackInfo(ctx, code) : null;
    if (!info)
      return sendPortalPage(req, reply, page, {
        title: '未找到留言',
        status: 404,
        breadcrumbs: crumbs('办理情况查询'),
        children: <TrackLookup error="未找到与该查询码对应的留言，请核对后重新输入。" />,
      });
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: '留言办理情况',
      status: extra.status,
      breadcrumbs: crumbs('办理情况'),
      children: (
        <TrackView
          code={code}
          info={info}
          flash={extra.flash}
          csrf={field}
          errors={extra.errors ?? {}}
        />
      ),
    });
  };

  const ratings = ratingPortal(ctx, page);
  return async function plugin(app: FastifyInstance) {
    await ratings(app);
    app.get('/wmly', async (req, reply) => {
      const dept = await portalDepartment(ctx.db);
      const replies = dept
        ? await queryRows<PublishedReply>(
            ctx.db,
            sql`select ticket_no as "ticketNo", title, kind, received_on::text as "receivedOn", published_on::text as "publishedOn", published_reply as reply from hotline_tickets where department_id = ${dept.id} and published_on is not null order by published_on desc, ticket_no desc limit 50`,
          )
        : [];
      return sendPortalPage(req, reply, page, {
        title: '网民留言',
        breadcrumbs: crumbs(),
        children: <MessageHome replies={replies} />,
      });
    });
    app.get('/wmly/new', async (req, reply) =>
      formPage(req, reply, { kind: 'consult', publishConsent: 'no' }, {}),
    );
    app.post(
      '/wmly/new',
      { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
      async (req, reply) => {
        if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
        const values = fieldsOf((req.body ?? {}) as Body);
        try {
          const input = parse(messageSchema, values);
          const dept = await portalDepartment(ctx.db);
          if (!dept) throw new AppError('UNAVAILABLE', '本网站暂未开通网民留言');
          const actor = systemActor({
            departmentId: dept.id,
            roles: ['staff'],
            username: 'portal',
            displayName: '网民留言',
          });
          const row = await receiveTicket(
            ctx,
            actor,
            {
              channel: 'portal',
              receivedAt: ctx.clock.now().toISOString(),
              kind: input.kind,
              title: input.title,
              content: input.content,
              location: input.location ?? null,
              citizen: { name: input.name, phone: input.phone },
              publishConsent: input.publishConsent === 'yes',
            },
            'portal',
          );
          return reply.redirect(`/wmly/track/${row.trackingCode}?new=1`, 303);
        } catch (e) {
          if (e instanceof AppError && e.code === 'VALIDATION')
            return formPage(req, reply, values, errorsOf(e), 400);
          throw e;
        }
      },
    );
    app.get(
      '/wmly/track',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const raw = firstString((req.query as Body)?.code);
        if (raw === undefined)
          return sendPortalPage(req, reply, page, {
            title: '留言办理情况查询',
            breadcrumbs: crumbs('办理情况查询'),
            children: <TrackLookup />,
          });
        const code = normaliseCode(raw);
        if (!TRACKING_CODE_RE.test(code))
          return sendPortalPage(req, reply, page, {
            title: '错误：留言办理情况查询',
            status: 400,
            breadcrumbs: crumbs('办理情况查询'),
            children: (
              <TrackLookup
                error="查询码应为32位字母和数字，请核对后重新输入。"
                value={raw.slice(0, 64)}
              />
            ),
          });
        return reply.redirect(`/wmly/track/${code}`, 303);
      },
    );
    app.get(
      '/wmly/track/:code',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const code = normaliseCode(String((req.params as Body).code ?? ''));
        const q = (req.query ?? {}) as Body;
        return trackPage(req, reply, code, {
          flash: q.new ? 'submitted' : q.rated ? 'rated' : undefined,
        });
      },
    );
    app.post(
      '/wmly/track/:code/rate',
      { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
      async (req, reply) => {
        if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
        const code = normaliseCode(String((req.params as Body).code ?? ''));
        const info = TRACKING_CODE_RE.test(code) ? await trackInfo(ctx, code) : null;
        if (!info) return trackPage(req, reply, code);
        const values = fieldsOf((req.body ?? {}) as Body);
        try {
          if (!['1', '2', '3', '4', '5'].includes(values.score ?? ''))
            throw new AppError('VALIDATION', '评价：请选择评价等级', {
              fields: [{ path: 'score', message: '评价：请选择评价等级' }],
            });
          await recordRating(ctx, {
            caseId: info.caseId,
            score: values.score as Score,
            comment: values.comment,
          });
          return reply.redirect(`/wmly/track/${code}?rated=1`, 303);
        } catch (e) {
          if (
            e instanceof AppError &&
            ['VALIDATION', 'ACTION_NOT_ALLOWED', 'CONFLICT'].includes(e.code)
          ) {
            return trackPage(req, reply, code, {
              errors: e.code === 'VALIDATION' ? errorsOf(e) : { form: e.message },
              status: e.code === 'VALIDATION' ? 400 : 409,
            });
          }
          throw e;
        }
      },
    );
  };
}
