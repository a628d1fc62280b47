// Server-rendered views of 主动公开 on the portal: the metadata block (as seed 001 prints it), the
// catalogue (条例 Art 12: 索引, 名称, 内容概述, 生成日期) and the guide. Plain HTML, no scripts.
import { FilterSelect, SearchSubmit, yearOptions } from '../../../portal/filters.tsx';
import type { ReactNode } from 'react';
import type { Label } from './categories.ts';
import { labelOf, VALIDITY_LABELS } from './categories.ts';
import type { PublicationListItem, PublicationPage } from './queries.ts';
import type { PublicationView } from './service.ts';
import type { StoredGuide } from './guide.ts';

export const publicationHref = (p: { indexNumber: string }) =>
  `/xxgk/p/${p.indexNumber.split('/').map(encodeURIComponent).join('/')}`;

/** Plain text → paragraphs (blank lines) with line breaks inside. React escapes every character. */
export function PlainText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

function Pair({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </>
  );
}

/** The 政务公开 metadata block: 索引号, 组配分类, 发布机构, 主题分类, 有效性, 关键词, 名称, 文号, 发文日期, 发布日期. */
export function MetadataTable({
  p,
  categories,
  topics,
}: {
  p: PublicationView;
  categories: Label[];
  topics: Label[];
}) {
  return (
    <table className="meta-table">
      <caption>信息索引</caption>
      <tbody>
        <tr>
          <Pair label="索引号">{p.indexNumber}</Pair>
          <Pair label="组配分类">{labelOf(categories, p.category)}</Pair>
        </tr>
        <tr>
          <Pair label="发布机构">{p.publisherName}</Pair>
          <Pair label="主题分类">{labelOf(topics, p.topic)}</Pair>
        </tr>
        <tr>
          <Pair label="有效性">
            {p.validity
              ? (VALIDITY_LABELS[p.validity as keyof typeof VALIDITY_LABELS] ?? p.validity)
              : '有效'}
          </Pair>
          <Pair label="关键词">{p.keywords.join('　')}</Pair>
        </tr>
        <tr>
          <Pair label="名称">{p.title}</Pair>
          <Pair label="文号">{p.docNumber ?? ''}</Pair>
        </tr>
        <tr>
          <Pair label="发文日期">{p.formedOn}</Pair>
          <Pair label="发布日期">{p.publishedOn}</Pair>
        </tr>
      </tbody>
    </table>
  );
}

export function PublicationArticle({
  p,
  categories,
  topics,
}: {
  p: PublicationView;
  categories: Label[];
  topics: Label[];
}) {
  return (
    <article className="publication">
      <MetadataTable p={p} categories={categories} topics={topics} />
      <h1 className="publication-title">{p.title}</h1>
      <p className="publication-info">
        发布日期：{p.publishedOn}　信息来源：{p.publisherName}
        {p.docNumber ? `　文号：${p.docNumber}` : ''}
      </p>
      {p.summary ? (
        <section className="notice" aria-label="内容概述">
          <p>内容概述：{p.summary}</p>
        </section>
      ) : null}
      <div className="publication-body">
        <PlainText text={p.body} />
      </div>
      {p.attachments.length ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ol>
            {p.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/files/${a.id}`}>{a.name}</a>（
                {Math.max(1, Math.round(a.size / 1024))} KB）
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

export interface CatalogQuery {
  q: string;
  category: string;
  year: string;
  page: number;
}

export function catalogHref(query: CatalogQuery, patch: Partial<CatalogQuery> = {}): string {
  const merged = { ...query, ...patch };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  if (merged.category) params.set('category', merged.category);
  if (merged.year) params.set('year', merged.year);
  if (merged.page > 1) params.set('page', String(merged.page));
  const s = params.toString();
  return s ? `/xxgk/catalog?${s}` : '/xxgk/catalog';
}

export function CatalogTable({
  items,
  categories,
  caption,
}: {
  items: PublicationListItem[];
  categories: Label[];
  caption: string;
}) {
  return (
    <table className="catalog">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">索引号</th>
          <th scope="col">名称</th>
          <th scope="col">组配分类</th>
          <th scope="col">生成日期</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <td className="nowrap">{p.indexNumber}</td>
            <td>
              <a href={publicationHref(p)}>{p.title}</a>
              {p.summary ? <span className="hint">{p.summary}</span> : null}
            </td>
            <td className="nowrap">{labelOf(categories, p.category)}</td>
            <td className="nowrap">{p.formedOn}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pagination({ page, query }: { page: PublicationPage; query: CatalogQuery }) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pages <= 1) return null;
  const shown = [
    ...new Set([1, page.page - 2, page.page - 1, page.page, page.page + 1, page.page + 2, pages]),
  ]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="分页">
      <ul>
        {page.page > 1 ? (
          <li>
            <a href={catalogHref(query, { page: page.page - 1 })}>上一页</a>
          </li>
        ) : null}
        {shown.map((n) => (
          <li key={n}>
            {n === page.page ? (
              <span aria-current="page">第 {n} 页</span>
            ) : (
              <a href={catalogHref(query, { page: n })} aria-label={`第 ${n} 页`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {page.page < pages ? (
          <li>
            <a href={catalogHref(query, { page: page.page + 1 })}>下一页</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function CatalogFilters({
  query,
  categories,
  years,
}: {
  query: CatalogQuery;
  categories: Label[];
  years: number[];
}) {
  return (
    <form
      className="catalog-filters"
      method="get"
      action="/xxgk/catalog"
      role="search"
      aria-label="检索政府信息"
    >
      <div className="form-group">
        <label htmlFor="catalog-q">关键字</label>
        <input id="catalog-q" type="search" name="q" defaultValue={query.q} maxLength={100} />
      </div>
      <FilterSelect
        id="catalog-category"
        name="category"
        label="组配分类"
        value={query.category}
        options={categories.map((c) => ({ value: c.code, label: c.label }))}
      />
      <FilterSelect
        id="catalog-year"
        name="year"
        label="年份"
        value={query.year}
        options={yearOptions(years)}
      />
      <SearchSubmit />
    </form>
  );
}

export function GuideView({ guide, siteName }: { guide: StoredGuide; siteName: string }) {
  const rows: [string, string][] = [
    ['机构名称', guide.officeName],
    ['办公地址', guide.address],
    ['邮政编码', guide.postcode],
    ['办公时间', guide.hours],
    ['联系电话', guide.phone],
    ['传真', guide.fax],
    ['互联网联系方式', guide.onlineContact],
  ];
  return (
    <article className="publication">
      <h1>{siteName}政府信息公开指南</h1>
      {guide.updatedOn ? (
        <p className="publication-info">更新日期：{guide.updatedOn}</p>
      ) : (
        <p className="notice">本机关政府信息公开指南正在编制中，如需咨询请通过下方联系方式联系。</p>
      )}
      <PlainText text={guide.body} />
      <h2>政府信息公开工作机构</h2>
      <table className="meta-table">
        <caption>政府信息公开工作机构联系方式</caption>
        <tbody>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </article>
  );
}
