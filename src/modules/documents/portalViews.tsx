// Views of the 规范性文件库 (server-rendered, no scripts): the search form, the result table with
// the derived status, and one document's page (metadata block, text, 解读, comment feedback, history).
import { FilterSelect, SearchSubmit, yearOptions } from '../../portal/filters.tsx';
import { DraftText, FeedbackReport } from '../consultation/index.ts';
import type { DispositionReport } from '../consultation/index.ts';
import { cnDate } from '../consultation/index.ts';
import { REGISTRY_STATUSES, type RegistryFilter, type RegistryItem } from './registry.ts';
import { ENDING_LABELS, LEGAL_STATUS_LABELS, type EndingKind, type LegalStatus } from './status.ts';

export const statusLabel = (s: string) =>
  s === 'notYetInForce' ? '有效（尚未施行）' : (LEGAL_STATUS_LABELS[s as LegalStatus] ?? s);
const invalid = (s: string) => s !== 'inForce' && s !== 'notYetInForce';

export function RegistryFilters({
  f,
  topics,
  years,
}: {
  f: RegistryFilter;
  topics: Array<{ code: string; label: string }>;
  years: number[];
}) {
  return (
    <form
      className="catalog-filters"
      method="get"
      action="/gfxwj"
      role="search"
      aria-label="检索规范性文件"
    >
      <div className="form-group">
        <label htmlFor="q">关键词</label>
        <input id="q" name="q" type="search" maxLength={50} defaultValue={f.q ?? ''} />
      </div>
      <FilterSelect
        id="status"
        name="status"
        label="效力状态"
        value={f.status ?? ''}
        options={Object.entries(REGISTRY_STATUSES).map(([value, label]) => ({ value, label }))}
      />
      <FilterSelect
        id="year"
        name="year"
        label="发布年度"
        value={f.year ? String(f.year) : ''}
        options={yearOptions(years)}
      />
      <FilterSelect
        id="topic"
        name="topic"
        label="主题分类"
        value={f.topic ?? ''}
        options={topics.map((t) => ({ value: t.code, label: t.label }))}
      />
      <SearchSubmit />
    </form>
  );
}

export function RegistryTable({ items }: { items: RegistryItem[] }) {
  if (!items.length) return <p className="message">没有符合条件的规范性文件。</p>;
  return (
    <table className="catalog">
      <caption className="visually-hidden">规范性文件列表</caption>
      <thead>
        <tr>
          <th scope="col">文件名称</th>
          <th scope="col">文号</th>
          <th scope="col">发布日期</th>
          <th scope="col">效力状态</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>
              <a href={`/gfxwj/${d.id}`}>{d.title}</a>
              <span className="hint">{d.issuer}</span>
            </td>
            <td className="nowrap">{d.doc_number}</td>
            <td className="nowrap">{d.published_on}</td>
            <td className="nowrap">
              {invalid(d.legal_status) ? (
                <strong>{statusLabel(d.legal_status)}</strong>
              ) : (
                statusLabel(d.legal_status)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface PublicDocument {
  id: string;
  title: string;
  bodyText: string;
  interpretation: string;
  legalStatus: string;
  ending: { kind: EndingKind; on?: string; act?: string | null } | null;
  effectiveOn: string | null;
  validUntil: string | null;
  registrationNumber: string | null;
  meta: Array<[string, string]>;
  feedback: { report: DispositionReport; publishedOn: string; consultationId: string } | null;
  history: Array<{ on: string; text: string; href?: string }>;
}

export function DocumentArticle({ d }: { d: PublicDocument }) {
  return (
    <article className="publication">
      <table className="meta-table">
        <caption className="visually-hidden">文件信息</caption>
        <tbody>
          {d.meta.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invalid(d.legalStatus) ? (
        <div className="notice" role="note">
          <p>
            <strong>本文件{statusLabel(d.legalStatus)}</strong>
            {d.ending
              ? `：${ENDING_LABELS[d.ending.kind]}${d.ending.on ? `（${cnDate(d.ending.on)}起）` : ''}${d.ending.act ? `，依据：${d.ending.act}` : ''}。`
              : '。'}
            本页面保留原文供查阅，不再作为行政管理的依据。
          </p>
        </div>
      ) : null}
      <h1 className="publication-title">{d.title}</h1>
      <DraftText text={d.bodyText} />
      <section aria-labelledby="interp-title" className="panel">
        <h2 id="interp-title">政策解读</h2>
        <DraftText text={d.interpretation} />
      </section>
      {d.feedback ? (
        <FeedbackReport report={d.feedback.report} publishedOn={d.feedback.publishedOn} />
      ) : null}
      <section aria-labelledby="history-title" className="panel">
        <h2 id="history-title">文件沿革</h2>
        <ul className="disclosure-links">
          {d.history.map((h, i) => (
            <li key={i}>
              {cnDate(h.on)}　{h.href ? <a href={h.href}>{h.text}</a> : h.text}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
