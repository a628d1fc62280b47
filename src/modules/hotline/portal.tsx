// 网民留言 on the public portal (/wmly): the form (works without JavaScript; CSRF, rate limit, escaped),
// the tracking page with the reply and the 好差评 form after closure, and the published replies.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { parse } from '../../core/http/validate.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  portalCsrf,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { registerPublicForm } from '../../portal/publicForm.tsx';
import { trackingLookup } from '../../portal/tracking.tsx';
import { portalActor, receiveTicket } from './intake.ts';
import { HOTLINE_TICKET } from './procedure.ts';
import { KIND_CODES } from './labels.ts';
import { ratingPortal, ratingSection, rateRoute } from './ratingPortal.tsx';
import {
  MessageForm,
  MessageHome,
  TrackView,
  type PublishedReply,
  type TrackInfo,
} from './portalViews.tsx';

export const hotlineSections: PortalSection[] = [
  {
    path: '/wmly',
    title: '网民留言',
    summary: '向本机关留言咨询、求助、建议、投诉、举报，查询办理情况并评价。',
  },
  ratingSection,
];

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
  const lookup = trackingLookup(page, {
    path: '/wmly/track',
    title: '留言办理情况查询',
    hint: '提交留言后获得的32位查询码',
    breadcrumbs: crumbs('办理情况查询'),
    noun: '留言',
  });
  const trackPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { flash?: string; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const info = await trackInfo(ctx, code);
    if (!info) return lookup.notFound(req, reply);
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
    registerPublicForm(app, page, {
      path: '/wmly/new',
      title: '我要留言',
      breadcrumbs: crumbs('我要留言'),
      initial: { kind: 'consult', publishConsent: 'no' },
      render: (form) => <MessageForm {...form} />,
      submit: async (values) => {
        const input = parse(messageSchema, values);
        const dept = await portalDepartment(ctx.db);
        if (!dept) throw new AppError('UNAVAILABLE', '本网站暂未开通网民留言');
        const row = await receiveTicket(
          ctx,
          portalActor(dept.id),
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
        return `/wmly/track/${row.trackingCode}?new=1`;
      },
    });
    lookup.register(app, async (req, reply, code) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      return trackPage(req, reply, code, {
        flash: q.new ? 'submitted' : q.rated ? 'rated' : undefined,
      });
    });
    rateRoute(ctx, app, lookup, (code) => trackInfo(ctx, code), trackPage);
  };
}
