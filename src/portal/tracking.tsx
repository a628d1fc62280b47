// The tracking code (查询码) a citizen holds to follow a matter on the portal, and the lookup every
// section that hands one out shares (依申请公开 /xxgk/track, 网民留言 /wmly/track, 好差评 /hcp): the code's
// format, the GET form with its label and hint, the rate-limited lookup route that sends a well-formed
// code on to the section's page, the not-found answer, and the guard of the routes below the lookup (a
// code that is not well-formed is not found; a form POST needs the portal CSRF token). A section gives
// what differs: its path, title, hint, breadcrumbs and the noun of its not-found message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyPortalCsrf } from './csrf.tsx';
import { firstString, sendPortalPage, type PortalPageContext } from './http.tsx';
import { sendCsrfFailure } from './plugin.tsx';
import type { Crumb } from './layout.tsx';
import { MALFORMED_CODE_MESSAGE, normaliseTrackingCode, TRACKING_CODE_RE } from './trackingCode.ts';

/** Looking a code up: generous for a citizen, too few to try codes. */
export const LOOKUP_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
/** Submitting a form (an application, a message, a 补正, a rating) from one address. */
export const SUBMIT_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' };

/** The lookup form (GET, works without JavaScript): one labelled field, its hint and the error. */
export function CodeLookup({
  title,
  intro,
  hint,
  action,
  error,
  value,
}: {
  title: string;
  intro?: string;
  hint: string;
  action: string;
  error?: string;
  value?: string;
}) {
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      {error ? (
        <div className="error-summary" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <form method="get" action={action} noValidate>
        <div className={error ? 'form-group has-error' : 'form-group'}>
          <label htmlFor="f-code">查询码</label>
          <span className="hint" id="h-code">
            {hint}
          </span>
          <input
            type="text"
            id="f-code"
            name="code"
            defaultValue={value ?? ''}
            autoComplete="off"
            aria-describedby="h-code"
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" className="button">
          查询
        </button>
      </form>
    </>
  );
}

export interface TrackingLookupOptions {
  /** The lookup form's path (e.g. '/xxgk/track'); a matter's pages are below it, at `${path}/:code`. */
  path: string;
  /** The lookup page's title and heading. */
  title: string;
  intro?: string;
  /** Where the citizen finds the code (under the field's label). */
  hint: string;
  /** The lookup page's and the not-found page's breadcrumbs. */
  breadcrumbs: Crumb[];
  /** What the section calls its matters, in the not-found title and message: 申请, 留言, 事项. */
  noun: string;
}

/** A route below the lookup, called with the code from the path, normalised and well-formed. */
export type CodeHandler = (
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
) => Promise<FastifyReply>;

export function trackingLookup(page: PortalPageContext, o: TrackingLookupOptions) {
  const lookupPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { title?: string; status?: number; error?: string; value?: string } = {},
  ) =>
    sendPortalPage(req, reply, page, {
      title: extra.title ?? o.title,
      status: extra.status,
      breadcrumbs: o.breadcrumbs,
      children: (
        <CodeLookup
          title={o.title}
          intro={o.intro}
          hint={o.hint}
          action={o.path}
          error={extra.error}
          value={extra.value}
        />
      ),
    });
  /** An unknown (or malformed) code: the lookup form again, 404, and nothing about why. */
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    lookupPage(req, reply, {
      title: `未找到${o.noun}`,
      status: 404,
      error: `未找到与该查询码对应的${o.noun}，请核对后重新输入。`,
    });
  const codeOf = (req: FastifyRequest) =>
    normaliseTrackingCode(String((req.params as Record<string, unknown>).code ?? ''));

  return {
    path: o.path,
    notFound,
    /**
     * GET `path` (the form; with ?code= a well-formed code is sent on to its page, a malformed one
     * is answered 400 with the form refilled) and GET `path/:code` with the section's handler.
     */
    register(app: FastifyInstance, show: CodeHandler) {
      const config = { config: { rateLimit: LOOKUP_RATE_LIMIT } };
      app.get(o.path, config, async (req, reply) => {
        const raw = firstString((req.query as Record<string, unknown> | undefined)?.code);
        if (raw === undefined) return lookupPage(req, reply);
        const code = normaliseTrackingCode(raw);
        if (!TRACKING_CODE_RE.test(code))
          return lookupPage(req, reply, {
            title: `错误：${o.title}`,
            status: 400,
            error: MALFORMED_CODE_MESSAGE,
            value: raw.slice(0, 64),
          });
        return reply.redirect(`${o.path}/${code}`, 303);
      });
      app.get(`${o.path}/:code`, config, async (req, reply) => {
        const code = codeOf(req);
        return TRACKING_CODE_RE.test(code) ? show(req, reply, code) : notFound(req, reply);
      });
    },
    /** POST `path/:code/<action>` (a form on the matter's page): rate-limited, CSRF-checked. */
    post(app: FastifyInstance, action: string, handler: CodeHandler) {
      app.post(
        `${o.path}/:code/${action}`,
        { config: { rateLimit: SUBMIT_RATE_LIMIT } },
        async (req, reply) => {
          if (!verifyPortalCsrf(req)) return sendCsrfFailure(req, reply, page);
          const code = codeOf(req);
          return TRACKING_CODE_RE.test(code) ? handler(req, reply, code) : notFound(req, reply);
        },
      );
    },
  };
}
