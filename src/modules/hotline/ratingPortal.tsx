// 政务服务"好差评" on the portal (/hcp, 国办发〔2019〕51号): one page for every matter whose tracking code
// the citizen holds — a 网民留言 (its /wmly code), a 依申请公开 request (its /xxgk code) or a 信访 matter
// (the code printed on its 处理意见书). One rating per matter, after it is done; nothing personal is shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ReactNode } from 'react';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import {
  formatChineseDate,
  portalCsrf,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { ErrorList, formRefusal, formValues } from '../../portal/forms.tsx';
import { trackingLookup } from '../../portal/tracking.tsx';
import { requestByTrackingCode } from '../disclosure/index.ts';
import { petitionByTrackingCode } from '../petitions/index.ts';
import { recordRating, type Score } from './ratings.ts';
import { RatingForm } from './portalViews.tsx';

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

type Refusal = { errors: Record<string, string>; status: number };

/**
 * The 好差评 form's POST on a matter's page below a tracking lookup (/wmly/track/:code/rate,
 * /hcp/:code/rate): the matter by its code, the rating recorded (ratings.ts checks the score, that the
 * matter is done and not yet rated), then its page again — with the refusal when there is one.
 */
export function rateRoute<M extends { caseId: string; closed: boolean }>(
  ctx: Ctx,
  app: FastifyInstance,
  lookup: ReturnType<typeof trackingLookup>,
  find: (code: string) => Promise<M | null>,
  show: (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    refusal: Refusal,
  ) => Promise<FastifyReply>,
) {
  lookup.post(app, 'rate', async (req, reply, code) => {
    const m = await find(code);
    if (!m) return lookup.notFound(req, reply);
    const values = formValues(req.body);
    try {
      await recordRating(ctx, {
        caseId: m.caseId,
        score: values.score as Score,
        comment: values.comment,
        closed: m.closed,
      });
      return reply.redirect(`${lookup.path}/${code}?rated=1`, 303);
    } catch (e) {
      const refused = formRefusal(e, ['VALIDATION', 'ACTION_NOT_ALLOWED', 'CONFLICT']);
      if (refused) return show(req, reply, code, refused);
      throw e;
    }
  });
}

export function ratingPortal(ctx: Ctx, page: PortalPageContext) {
  const lookup = trackingLookup(page, {
    path: '/hcp',
    title: '好差评',
    intro:
      '请输入办理回执或答复文书上的查询码（网民留言、政府信息公开申请、信访事项均可），对已办结事项的办理作出评价。每件事项只能评价一次。',
    hint: '32位字母和数字，可含空格',
    breadcrumbs: [{ title: '好差评' }],
    noun: '事项',
  });
  const matterPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { rated?: boolean; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const m = await findMatter(ctx, code);
    if (!m) return lookup.notFound(req, reply);
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: Object.keys(extra.errors ?? {}).length ? '错误：好差评' : '好差评',
      status: extra.status,
      breadcrumbs: [{ title: '好差评', href: '/hcp' }, { title: '评价' }],
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

  return async function plugin(app: FastifyInstance) {
    lookup.register(app, async (req, reply, code) =>
      matterPage(req, reply, code, { rated: !!(req.query as Record<string, unknown>)?.rated }),
    );
    rateRoute(ctx, app, lookup, (code) => findMatter(ctx, code), matterPage);
  };
}
