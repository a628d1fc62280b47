// 依申请公开 on the public portal: the application form (/xxgk/apply, works without JavaScript)
// and the tracking page (/xxgk/track/:code) with the applicant's 补正 form. Nothing personal is shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { parse } from '../../../core/http/validate.ts';
import { portalCsrf, sendPortalPage, type PortalPageContext } from '../../../portal/plugin.tsx';
import { formRefusal, formValues } from '../../../portal/forms.tsx';
import { registerPublicForm } from '../../../portal/publicForm.tsx';
import { trackingLookup } from '../../../portal/tracking.tsx';
import { portalDepartment } from '../../../core/orgs/service.ts';
import { DELIVERY_METHODS, FORMS, ID_TYPES } from '../outcomes.ts';
import { portalActor, receiveRequest } from './intake.ts';
import { supplementFromPortal } from './service.ts';
import { trackingView } from './queries.ts';
import { portalApplicantSchema, supplementSchema } from './validation.ts';
import { ApplyForm, SupplementForm, TrackView, type Values } from './portalViews.tsx';

export function disclosureRequestPortal(ctx: Ctx, page: PortalPageContext) {
  const crumbs = (title: string) => [{ title: '政府信息公开', href: '/xxgk' }, { title }];
  const lookup = trackingLookup(page, {
    path: '/xxgk/track',
    title: '申请查询',
    hint: '提交申请后获得的32位查询码',
    breadcrumbs: crumbs('申请查询'),
    noun: '申请',
  });
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
      if (e instanceof AppError && e.code === 'NOT_FOUND') return lookup.notFound(req, reply);
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
    registerPublicForm(app, page, {
      path: '/xxgk/apply',
      title: '政府信息公开申请',
      breadcrumbs: crumbs('政府信息公开申请'),
      initial: { applicantKind: 'naturalPerson' },
      render: (form) => (
        <ApplyForm
          {...form}
          options={{ forms: FORMS, deliveries: DELIVERY_METHODS, idTypes: ID_TYPES }}
        />
      ),
      submit: async (values) => {
        const input = parse(portalApplicantSchema, values);
        const dept = await portalDepartment(ctx.db);
        if (!dept) throw new AppError('UNAVAILABLE', '本网站暂未开通政府信息公开申请');
        // 条例 Art 31: online applications — the receipt date is the day both sides confirm (today).
        const r = await receiveRequest(ctx, portalActor(dept.id), {
          applicant: input,
          receipt: { channel: 'online', receivedOn: ctx.clock.today() },
          orgId: dept.id,
        });
        return `/xxgk/track/${r.trackingCode}?${r.duplicate ? 'dup' : 'new'}=1`;
      },
    });

    lookup.register(app, async (req, reply, code) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      const flash = q.new
        ? 'submitted'
        : q.dup
          ? 'duplicate'
          : q.supplemented
            ? 'supplemented'
            : undefined;
      return trackPage(req, reply, code, { flash });
    });

    lookup.post(app, 'supplement', async (req, reply, code) => {
      const values = formValues(req.body);
      try {
        await supplementFromPortal(ctx, code, parse(supplementSchema, values));
        return reply.redirect(`/xxgk/track/${code}?supplemented=1`, 303);
      } catch (e) {
        const refused = formRefusal(e, ['VALIDATION', 'ACTION_NOT_ALLOWED']);
        if (refused) return trackPage(req, reply, code, { ...refused, values });
        throw e;
      }
    });
  };
}
