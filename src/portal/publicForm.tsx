// A citizen's form on the portal that starts a matter (依申请公开 /xxgk/apply, 网民留言 /wmly/new): the
// page (GET), and its POST — rate-limited per address, CSRF-checked, the fields read as strings, and
// either on to the new matter's page (303) or the form again with what was sent and each refusal
// named in Chinese. Works without JavaScript. A section gives the form's fields and what to do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { portalCsrf, verifyPortalCsrf } from './csrf.tsx';
import { formRefusal, formValues, type Values } from './forms.tsx';
import { sendPortalPage, type PortalPageContext } from './http.tsx';
import type { Crumb } from './layout.tsx';
import { sendCsrfFailure } from './plugin.tsx';
import { SUBMIT_RATE_LIMIT } from './tracking.tsx';

export interface PublicFormOptions {
  path: string;
  /** The page's title (and, after a refusal, `错误：` before it). */
  title: string;
  breadcrumbs: Crumb[];
  /** What the empty form shows (e.g. the default choice of a radio group). */
  initial: Values;
  render(form: { csrf: ReactNode; values: Values; errors: Record<string, string> }): ReactNode;
  /** Validates and records the submission; returns the path to go on to. */
  submit(values: Values): Promise<string>;
}

export function registerPublicForm(
  app: FastifyInstance,
  page: PortalPageContext,
  o: PublicFormOptions,
) {
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: Record<string, string> = {},
    status = 200,
  ) => {
    const { field } = portalCsrf(req, reply, { secure: page.secureCookies });
    return sendPortalPage(req, reply, page, {
      title: Object.keys(errors).length ? `错误：${o.title}` : o.title,
      status,
      breadcrumbs: o.breadcrumbs,
      children: o.render({ csrf: field, values, errors }),
    });
  };
  app.get(o.path, async (req, reply) => formPage(req, reply, o.initial));
  app.post(o.path, { config: { rateLimit: SUBMIT_RATE_LIMIT } }, async (req, reply) => {
    if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
    const values = formValues(req.body);
    try {
      return reply.redirect(await o.submit(values), 303);
    } catch (e) {
      const refused = formRefusal(e);
      if (refused) return formPage(req, reply, values, refused.errors, refused.status);
      throw e;
    }
  });
}
