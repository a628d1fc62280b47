// 依申请公开 on the public portal: the application form (/xxgk/apply, works without JavaScript)
// and the tracking page (/xxgk/track/:code) with the applicant's 补正 form. Nothing personal is shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { parse } from '../../../core/http/validate.ts';
import {
  portalCsrf,
  sendCsrfFailure,
  sendPortalPage,
  verifyPortalCsrf,
  firstString,
  type PortalPageContext,
} from '../../../portal/plugin.tsx';
import { portalDepartment } from '../../../core/orgs/service.ts';
import { DELIVERY_METHODS, FORMS, ID_TYPES } from '../outcomes.ts';
import { portalActor, receiveRequest, TRACKING_CODE_RE } from './intake.ts';
import { supplementFromPortal } from './service.ts';
import { trackingView } from './queries.ts';
import { portalApplicantSchema, supplementSchema } from './validation.ts';
import { ApplyForm, SupplementForm, TrackLookup, TrackView, type Values } from './portalViews.tsx';

type Body = Record<string, unknown>;
const fieldsOf = (body: Body): Values =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '_csrf')
      .map(([k, v]) => [k, (firstString(v) ?? '').slice(0, 5000)]),
  );
const errorsOf = (e: AppError) =>
  Object.fromEntries((e.fields ?? []).map((f) => [f.path.split('.')[0] || 'form', f.message]));
/** Codes are shown in groups of four; accept them with spaces, dashes or in capitals. */
export const normaliseCode = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');

export function disclosureRequestPortal(ctx: Ctx, page: PortalPageContext) {
  const crumbs = (title: string) => [{ title: '政府信息公开', href: '/xxgk' }, { title }];
  const applyPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: Object.keys(errors).length ? '错误：政府信息公开申请' : '政府信息公开申请',
      status,
      breadcrumbs: crumbs('政府信息公开申请'),
      children: (
        <ApplyForm
          csrf={field}
          values={values}
          errors={errors}
          options={{ forms: FORMS, deliveries: DELIVERY_METHODS, idTypes: ID_TYPES }}
        />
      ),
    });
  };
  const trackPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: {
      flash?: string;
      errors?: Record<string, string>;
      values?: Values;
      status?: number;
    } = {},
  ) => {
    let view;
    try {
      view = await trackingView(ctx, code);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        return sendPortalPage(req, reply, page, {
          title: '未找到申请',
          status: 404,
          breadcrumbs: crumbs('申请查询'),
          children: <TrackLookup error="未找到与该查询码对应的申请，请核对后重新输入。" />,
        });
      }
      throw e;
    }
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: '申请办理情况',
      status: extra.status,
      breadcrumbs: crumbs('申请办理情况'),
      children: (
        <>
          <TrackView code={code} view={view} flash={extra.flash} />
          {view.canSupplement ? (
            <SupplementForm
              code={code}
              csrf={field}
              values={extra.values ?? {}}
              errors={extra.errors ?? {}}
            />
          ) : null}
        </>
      ),
    });
  };

  return async function plugin(app: FastifyInstance) {
    app.get('/xxgk/apply', async (req, reply) =>
      applyPage(req, reply, { applicantKind: 'naturalPerson' }, {}),
    );

    app.post(
      '/xxgk/apply',
      { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
      async (req, reply) => {
        if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
        const values = fieldsOf((req.body ?? {}) as Body);
        try {
          const input = parse(portalApplicantSchema, values);
          const dept = await portalDepartment(ctx.db);
          if (!dept) throw new AppError('UNAVAILABLE', '本网站暂未开通政府信息公开申请');
          const departmentId = dept.id;
          // 条例 Art 31: online applications — the receipt date is the day both sides confirm (today).
          const r = await receiveRequest(ctx, portalActor(departmentId), {
            applicant: input,
            receipt: { channel: 'online', receivedOn: ctx.clock.today() },
            orgId: departmentId,
          });
          return reply.redirect(
            `/xxgk/track/${r.trackingCode}?${r.duplicate ? 'dup' : 'new'}=1`,
            303,
          );
        } catch (e) {
          if (e instanceof AppError && e.code === 'VALIDATION')
            return applyPage(req, reply, values, errorsOf(e), 400);
          throw e;
        }
      },
    );

    app.get(
      '/xxgk/track',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const raw = firstString((req.query as Body)?.code);
        if (raw === undefined)
          return sendPortalPage(req, reply, page, {
            title: '申请查询',
            breadcrumbs: crumbs('申请查询'),
            children: <TrackLookup />,
          });
        const code = normaliseCode(raw);
        if (!TRACKING_CODE_RE.test(code))
          return sendPortalPage(req, reply, page, {
            title: '错误：申请查询',
            status: 400,
            breadcrumbs: crumbs('申请查询'),
            children: (
              <TrackLookup
                error="查询码应为32位字母和数字，请核对后重新输入。"
                value={raw.slice(0, 64)}
              />
            ),
          });
        return reply.redirect(`/xxgk/track/${code}`, 303);
      },
    );

    app.get(
      '/xxgk/track/:code',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const code = normaliseCode(String((req.params as Body).code ?? ''));
        const q = (req.query ?? {}) as Body;
        if (!TRACKING_CODE_RE.test(code))
          return sendPortalPage(req, reply, page, {
            title: '未找到申请',
            status: 404,
            breadcrumbs: crumbs('申请查询'),
            children: <TrackLookup error="查询码格式不正确。" />,
          });
        const flash = q.new
          ? 'submitted'
          : q.dup
            ? 'duplicate'
            : q.supplemented
              ? 'supplemented'
              : undefined;
        return trackPage(req, reply, code, { flash });
      },
    );

    app.post(
      '/xxgk/track/:code/supplement',
      { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
      async (req, reply) => {
        if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
        const code = normaliseCode(String((req.params as Body).code ?? ''));
        if (!TRACKING_CODE_RE.test(code)) return trackPage(req, reply, code);
        const values = fieldsOf((req.body ?? {}) as Body);
        try {
          await supplementFromPortal(ctx, code, parse(supplementSchema, values));
          return reply.redirect(`/xxgk/track/${code}?supplemented=1`, 303);
        } catch (e) {
          if (
            e instanceof AppError &&
            (e.code === 'VALIDATION' || e.code === 'ACTION_NOT_ALLOWED')
          ) {
            return trackPage(req, reply, code, {
              errors: e.code === 'VALIDATION' ? errorsOf(e) : { form: e.message },
              values,
              status: e.code === 'VALIDATION' ? 400 : 409,
            });
          }
          throw e;
        }
      },
    );
  };
}
