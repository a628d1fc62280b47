// Portal pieces of 公开征求意见, shared by every module that consults the public: the draft with
// anchored articles, the comment form (CSRF, size limit, optional article, private contact) and
// the 意见采纳情况 feedback. All text is rendered by React (escaped).
import type { ReactNode } from 'react';
import { CsrfField } from '../../portal/plugin.tsx';
import { articleLabel, structure } from './text.ts';
import { cnDate, type DispositionReport } from './report.ts';
import { COMMENT_MAX_CHARS } from './service.ts';

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

export interface CommentFormValues { body?: string; articleNo?: string; authorName?: string; contact?: string }

export function CommentForm({ action, csrf, articles, values = {}, error }: { action: string; csrf: string; articles: number[]; values?: CommentFormValues; error?: string }): ReactNode {
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
        <textarea id="body" name="body" rows={8} maxLength={COMMENT_MAX_CHARS} required aria-describedby="body-hint" defaultValue={values.body ?? ''} />
      </div>
      <div className="form-group">
        <label htmlFor="authorName">姓名或单位名称（可选）</label>
        <input id="authorName" name="authorName" type="text" maxLength={100} defaultValue={values.authorName ?? ''} />
      </div>
      <div className="form-group">
        <label htmlFor="contact">联系方式（可选，不公开）</label>
        <span className="hint" id="contact-hint">
          仅供工作人员就意见与您联系，不会在网站上公开。
        </span>
        <input id="contact" name="contact" type="text" maxLength={200} aria-describedby="contact-hint" defaultValue={values.contact ?? ''} />
      </div>
      <button type="submit" className="button">
        提交意见
      </button>
    </form>
  );
}

export function FeedbackReport({ report, publishedOn }: { report: DispositionReport; publishedOn: string }) {
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
