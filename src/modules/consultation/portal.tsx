// Portal pieces of 公开征求意见, shared by every module that consults the public: the draft with
// anchored articles, the comment form (CSRF, size limit, optional article, private contact) and
// the 意见采纳情况 feedback. All text is rendered by React (escaped).
import type { ReactNode } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import {
  CsrfField,
  CSRF_FAILED_MESSAGE,
  firstString,
  portalCsrf,
  sendPortalPage,
  verifyPortalCsrf,
  type Crumb,
  type PortalPageContext,
} from '../../portal/plugin.tsx';
import { articleLabel, articles, structure } from './text.ts';
import { cnDate, dispositionReport, type DispositionReport } from './report.ts';
import {
  COMMENT_MAX_CHARS,
  listComments,
  loadConsultation,
  submitComment,
  windowState,
  type ConsultationRow,
} from './service.ts';

export function DraftText({ text }: { text: string }) {
  return (
    <div className="publication-body">
      {structure(text).map((p, i) =>
        p.heading ? (
          <h3 key={i}>{p.text}</h3>
        ) : (
          <p key={i} id={p.article ? `art-${p.article}` : undefined}>
            {p.text}
          </p>
        ),
      )}
    </div>
  );
}

export interface CommentFormValues {
  body?: string;
  articleNo?: string;
  authorName?: string;
  contact?: string;
}

export function CommentForm({
  action,
  csrf,
  articles,
  values = {},
  error,
}: {
  action: string;
  csrf: string;
  articles: number[];
  values?: CommentFormValues;
  error?: string;
}): ReactNode {
  return (
    <form method="post" action={action} aria-labelledby="comment-title" noValidate>
      <h2 id="comment-title">提交意见建议</h2>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>提交未成功</h2>
          <p>{error}</p>
        </div>
      ) : null}
      <CsrfField token={csrf} />
      <div className="form-group">
        <label htmlFor="articleNo">针对条款（可选）</label>
        <select id="articleNo" name="articleNo" defaultValue={values.articleNo ?? ''}>
          <option value="">总体意见</option>
          {articles.map((n) => (
            <option key={n} value={String(n)}>
              {articleLabel(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label htmlFor="body">意见建议（必填）</label>
        <span className="hint" id="body-hint">
          不超过{COMMENT_MAX_CHARS}字。意见内容将在意见采纳情况中公布，请勿填写个人隐私。
        </span>
        <textarea
          id="body"
          name="body"
          rows={8}
          maxLength={COMMENT_MAX_CHARS}
          required
          aria-describedby="body-hint"
          defaultValue={values.body ?? ''}
        />
      </div>
      <div className="form-group">
        <label htmlFor="authorName">姓名或单位名称（可选）</label>
        <input
          id="authorName"
          name="authorName"
          type="text"
          maxLength={100}
          defaultValue={values.authorName ?? ''}
        />
      </div>
      <div className="form-group">
        <label htmlFor="contact">联系方式（可选，不公开）</label>
        <span className="hint" id="contact-hint">
          仅供工作人员就意见与您联系，不会在网站上公开。
        </span>
        <input
          id="contact"
          name="contact"
          type="text"
          maxLength={200}
          aria-describedby="contact-hint"
          defaultValue={values.contact ?? ''}
        />
      </div>
      <button type="submit" className="button">
        提交意见
      </button>
    </form>
  );
}

export function FeedbackReport({
  report,
  publishedOn,
}: {
  report: DispositionReport;
  publishedOn: string;
}) {
  return (
    <section aria-labelledby="feedback-title" className="panel">
      <h2 id="feedback-title">意见采纳情况</h2>
      <p className="publication-info">公布日期：{cnDate(publishedOn)}</p>
      <p>{report.summary}</p>
      {report.items.length ? (
        <table className="catalog">
          <caption className="visually-hidden">意见及处理情况</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">条款</th>
              <th scope="col">意见建议</th>
              <th scope="col">处理意见</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((x) => (
              <tr key={x.seq}>
                <td>{x.seq}</td>
                <td className="nowrap">{x.article}</td>
                <td>{x.body}</td>
                <td className="nowrap">{x.disposition}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export interface ConsultationPagesOptions {
  ctx: Ctx;
  page: PortalPageContext;
  /** Which consultations these pages serve ('majorDecision' …). */
  subjectType: string;
  /** The section the pages live under, e.g. '/zdjc'; pages are at `${base}/zqyj/:id`. */
  base: string;
  crumb: Crumb;
  /** The owner's page for a message (404, CSRF failure) in its section. */
  message: (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    text: string,
  ) => Promise<FastifyReply>;
  /** Owner-specific notice above the draft (e.g. the Art 15 reason for a shortened window). */
  notice?: (c: ConsultationRow) => ReactNode;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public comment page of a consultation and its form (portal CSRF, 5 per minute per client,
 * 64 KB body, escaped output), for any owning module: the draft, the window, the comment form while
 * it is open, and the 意见采纳情况 once published.
 */
export function registerConsultationPages(
  fastify: FastifyInstance,
  o: ConsultationPagesOptions,
): void {
  const { ctx, page } = o;
  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    opts: { status?: number; error?: string; values?: CommentFormValues; submitted?: boolean } = {},
  ) => {
    const c = UUID.test(id) ? await loadConsultation(ctx.db, id) : null;
    if (!c || c.subjectType !== o.subjectType)
      return o.message(req, reply, 404, '征求意见不存在', '您查找的征求意见不存在。');
    const w = windowState(c, ctx.clock.today());
    const { token } = portalCsrf(req, reply, { secure: page.secureCookies });
    const report = c.reportPublishedOn
      ? dispositionReport(c, await listComments(ctx.db, c.id))
      : null;
    const title = `${c.title}（征求意见稿）`;
    return sendPortalPage(req, reply, page, {
      title,
      status: opts.status,
      breadcrumbs: [o.crumb, { title }],
      children: (
        <article className="publication">
          <h1 className="publication-title">{title}</h1>
          <p className="publication-info">
            征求意见期限：{cnDate(c.startOn)}至{cnDate(c.endOn)}
          </p>
          {opts.submitted ? (
            <div className="result" role="status">
              <h2>意见已提交</h2>
              <p>感谢您的参与。征求意见结束后，我们将公布意见采纳情况。</p>
            </div>
          ) : null}
          {o.notice?.(c)}
          {c.explanation ? (
            <section className="notice" aria-label="说明">
              <p>{c.explanation}</p>
            </section>
          ) : null}
          <DraftText text={c.draftText} />
          {report ? <FeedbackReport report={report} publishedOn={c.reportPublishedOn!} /> : null}
          {w.open ? (
            <CommentForm
              action={`${o.base}/zqyj/${c.id}`}
              csrf={token}
              articles={articles(c.draftText)}
              values={opts.values}
              error={opts.error}
            />
          ) : (
            <div className="message" role={opts.error ? 'alert' : undefined}>
              <p>{opts.error ?? w.message}</p>
            </div>
          )}
        </article>
      ),
    });
  };
  fastify.get(`${o.base}/zqyj/:id`, async (req, reply) =>
    show(req, reply, (req.params as { id: string }).id, {
      submitted: firstString((req.query as Record<string, unknown>)?.submitted) === '1',
    }),
  );
  fastify.post(
    `${o.base}/zqyj/:id`,
    {
      config: {
        rateLimit: {
          max: 5,
          timeWindow: '1 minute',
          errorResponseBuilder: () => new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试'),
        },
      },
      bodyLimit: 64 * 1024,
    },
    async (req, reply) => {
      const id = (req.params as { id: string }).id;
      if (!verifyPortalCsrf(req))
        return o.message(req, reply, 403, '安全校验未通过', CSRF_FAILED_MESSAGE);
      const b = (req.body ?? {}) as Record<string, unknown>;
      const values: CommentFormValues = {
        body: firstString(b.body) ?? '',
        articleNo: firstString(b.articleNo) ?? '',
        authorName: firstString(b.authorName) ?? '',
        contact: firstString(b.contact) ?? '',
      };
      const n = Number(values.articleNo);
      const articleNo = !values.articleNo ? null : Number.isInteger(n) ? n : -1;
      try {
        await submitComment(ctx, id, {
          body: values.body!,
          articleNo,
          authorName: values.authorName,
          contact: values.contact,
        });
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500) throw e;
        if (e.code === 'NOT_FOUND') return show(req, reply, id);
        return show(req, reply, id, { status: e.status, error: e.message, values });
      }
      return reply.redirect(`${o.base}/zqyj/${id}?submitted=1`, 303);
    },
  );
}
