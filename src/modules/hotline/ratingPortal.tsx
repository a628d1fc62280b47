// 政务服务"好差评" on the portal (/hcp, 国办发〔2019〕51号): one page for every matter whose tracking code
// the citizen holds — a 网民留言 (its /wmly code), a 依申请公开 request (its /xxgk code) or a 信访 matter
// (the code printed on its 处理意见书). One rating per matter, after it is done; nothing personal is shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ReactNode } from 'react';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import {
  firstString,
  formatChineseDate,
  portalCsrf,
  sendCsrfFailure,
  sendPortalPage,
  verifyPortalCsrf,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { ErrorList } from '../../portal/forms.tsx';
import { requestByTrackingCode, TRACKING_CODE_RE } from '../disclosure/index.ts';
import { petitionByTrackingCode } from '../petitions/index.ts';
import { recordRating, type Score } from './ratings.ts';
import { CodeLookup, RatingForm } from './portalViews.tsx';

export const ratingSection: PortalSection = {
  path: '/hcp',
  title: '好差评',
  summary: '凭查询码对已办结的网民留言、依申请公开答复和信访事项作出评价。',
};

interface Matter {
  caseId: string;
  kind: string;
  number: string;
  receivedOn: string;
  closed: boolean;
  rated: boolean;
}

/** The matter a tracking code belongs to, in whichever module issued it. */
async function findMatter(ctx: Ctx, code: string): Promise<Matter | null> {
  const [ticket] = await queryRows<{
    case_id: string;
    ticket_no: string;
    received_on: string;
    status: string;
  }>(
    ctx.db,
    sql`select t.case_id, t.ticket_no, t.received_on::text, c.status from hotline_tickets t join cases c on c.id = t.case_id where t.tracking_code = ${code}`,
  );
  const found = ticket
    ? {
        kind: '网民留言',
        caseId: ticket.case_id,
        number: ticket.ticket_no,
        receivedOn: ticket.received_on,
        closed: ticket.status === 'closed',
      }
    : await petitionByTrackingCode(ctx.db, code).then((p) =>
        p
          ? { kind: '信访事项', ...p }
          : requestByTrackingCode(ctx.db, code).then((r) =>
              r ? { kind: '政府信息公开申请', ...r } : null,
            ),
      );
  if (!found) return null;
  const [{ rated }] = await queryRows<{ rated: boolean }>(
    ctx.db,
    sql`select exists (select 1 from hotline_ratings where case_id = ${found.caseId}) as rated`,
  );
  return { ...found, rated };
}

const Lookup = ({ error, value }: { error?: string; value?: string }) => (
  <CodeLookup
    title="好差评"
    intro="请输入办理回执或答复文书上的查询码（网民留言、政府信息公开申请、信访事项均可），对已办结事项的办理作出评价。每件事项只能评价一次。"
    action="/hcp"
    error={error}
    value={value}
  />
);

function MatterView({
  code,
  m,
  rated,
  csrf,
  errors,
}: {
  code: string;
  m: Matter;
  rated: boolean;
  csrf: ReactNode;
  errors: Record<string, string>;
}) {
  return (
    <>
      <h1>好差评</h1>
      {rated ? (
        <div className="notice" role="status">
          <p>感谢您的评价。</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>事项类型</dt>
        <dd>{m.kind}</dd>
        <dt>编号</dt>
        <dd>{m.number}</dd>
        <dt>提出日期</dt>
        <dd>{formatChineseDate(m.receivedOn)}</dd>
        <dt>办理状态</dt>
        <dd>{m.closed ? '已办结' : '办理中'}</dd>
      </dl>
      <ErrorList errors={errors} />
      {m.rated && !rated ? <p>您已对本事项作出评价。</p> : null}
      {!m.closed ? <p>本事项尚未办结，办结后可以评价。</p> : null}
      {m.closed && !m.rated ? (
        <RatingForm action={`/hcp/${code}/rate`} csrf={csrf} errors={errors} />
      ) : null}
    </>
  );
}

const normaliseCode = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');

export function ratingPortal(ctx: Ctx, page: PortalPageContext) {
  const crumbs = (title?: string) =>
    title ? [{ title: '好差评', href: '/hcp' }, { title }] : [{ title: '好差评' }];
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    sendPortalPage(req, reply, page, {
      title: '未找到事项',
      status: 404,
      breadcrumbs: crumbs('评价'),
      children: <Lookup error="未找到与该查询码对应的事项，请核对后重新输入。" />,
    });
  const matterPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { rated?: boolean; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const m = TRACKING_CODE_RE.test(code) ? await findMatter(ctx, code) : null;
    if (!m) return notFound(req, reply);
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: Object.keys(extra.errors ?? {}).length ? '错误：好差评' : '好差评',
      status: extra.status,
      breadcrumbs: crumbs('评价'),
      children: (
        <MatterView
          code={code}
          m={m}
          rated={!!extra.rated}
          csrf={field}
          errors={extra.errors ?? {}}
        />
      ),
    });
  };
  const limit = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

  return async function plugin(app: FastifyInstance) {
    app.get('/hcp', limit, async (req, reply) => {
      const raw = firstString((req.query as Record<string, unknown>)?.code);
      if (raw === undefined)
        return sendPortalPage(req, reply, page, {
          title: '好差评',
          breadcrumbs: crumbs(),
          children: <Lookup />,
        });
      const code = normaliseCode(raw);
      if (!TRACKING_CODE_RE.test(code))
        return sendPortalPage(req, reply, page, {
          title: '错误：好差评',
          status: 400,
          breadcrumbs: crumbs(),
          children: (
            <Lookup error="查询码应为32位字母和数字，请核对后重新输入。" value={raw.slice(0, 64)} />
          ),
        });
      return reply.redirect(`/hcp/${code}`, 303);
    });
    app.get('/hcp/:code', limit, async (req, reply) =>
      matterPage(
        req,
        reply,
        normaliseCode(String((req.params as Record<string, unknown>).code ?? '')),
        { rated: !!(req.query as Record<string, unknown>)?.rated },
      ),
    );
    app.post(
      '/hcp/:code/rate',
      { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
      async (req, reply) => {
        if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
        const code = normaliseCode(String((req.params as Record<string, unknown>).code ?? ''));
        const m = TRACKING_CODE_RE.test(code) ? await findMatter(ctx, code) : null;
        if (!m) return notFound(req, reply);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const score = firstString(body.score) ?? '';
        try {
          if (!['1', '2', '3', '4', '5'].includes(score))
            throw new AppError('VALIDATION', '评价：请选择评价等级', {
              fields: [{ path: 'score', message: '评价：请选择评价等级' }],
            });
          await recordRating(ctx, {
            caseId: m.caseId,
            score: score as Score,
            comment: (firstString(body.comment) ?? '').slice(0, 500),
            closed: m.closed,
          });
          return reply.redirect(`/hcp/${code}?rated=1`, 303);
        } catch (e) {
          if (
            e instanceof AppError &&
            ['VALIDATION', 'ACTION_NOT_ALLOWED', 'CONFLICT'].includes(e.code)
          ) {
            const errors =
              e.code === 'VALIDATION'
                ? Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]))
                : { form: e.message };
            return matterPage(req, reply, code, {
              errors,
              status: e.code === 'VALIDATION' ? 400 : 409,
            });
          }
          throw e;
        }
      },
    );
  };
}
