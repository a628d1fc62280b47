/**
 * The public registry (规范性文件库) query: published versions with their derived status, filters by
 * year, status and topic, Chinese full-text search over words + CJK bigrams (core/search). The same
 * SQL runs in the portal and in the benchmark (bench/registry.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { toQuery } from '../../core/search/tokens.ts';

export const REGISTRY_STATUSES = {
  inForce: '有效',
  amended: '已修改',
  expired: '失效',
  abolished: '废止',
} as const;
export type RegistryStatus = keyof typeof REGISTRY_STATUSES;

export interface RegistryFilter {
  /** The issuing department (the portal speaks for one department: core/orgs portalDepartment). */
  departmentId: string;
  q?: string;
  status?: RegistryStatus;
  year?: number;
  topic?: string;
  page?: number;
  pageSize?: number;
}

export interface RegistryItem {
  id: string;
  title: string;
  doc_number: string | null;
  published_on: string;
  legal_status: string;
  valid_until: string | null;
  topic: string;
  issuer: string;
}

/**
 * Counting stops here ("200余件"): an exact count over a broad 2-character query reads most of the
 * table (≈150 ms at 100,000 documents); beyond ten pages the reader narrows the search instead.
 */
export const COUNT_CAP = 200;

/** The WHERE clause (also used verbatim by the bare baseline server in the benchmark). */
export function registryWhere(f: RegistryFilter): SQL {
  const parts: SQL[] = [sql`d.department_id = ${f.departmentId}`, sql`d.published_on is not null`];
  // 'notYetInForce' is listed under 有效 (published, 施行日期 ahead).
  if (f.status === 'inForce') parts.push(sql`d.legal_status in ('inForce','notYetInForce')`);
  else if (f.status) parts.push(sql`d.legal_status = ${f.status}`);
  if (f.year)
    parts.push(
      sql`d.published_on >= ${`${f.year}-01-01`}::date and d.published_on < ${`${f.year + 1}-01-01`}::date`,
    );
  if (f.topic) parts.push(sql`d.topic = ${f.topic}`);
  const q = f.q ? toQuery(f.q) : '';
  if (q) parts.push(sql`d.search @@ to_tsquery('simple', ${q})`);
  return sql.join(parts, sql` and `);
}

/** The page and the capped count, as SQL (the benchmark's bare baseline runs exactly these). */
export function registryQueries(f: RegistryFilter): { page: SQL; count: SQL } {
  const pageSize = f.pageSize ?? 20;
  const offset = ((f.page ?? 1) - 1) * pageSize;
  const where = registryWhere(f);
  return {
    page: sql`select d.id, d.title, d.doc_number, d.published_on::text, d.legal_status, d.valid_until::text, d.topic, o.name as issuer
        from normative_documents d join organisations o on o.id = d.department_id
        where ${where}
        order by d.published_on desc, d.id desc limit ${pageSize} offset ${offset}`,
    count: sql`select count(*)::int as n from (select 1 from normative_documents d where ${where} limit ${COUNT_CAP + 1}) x`,
  };
}

const dialect = new PgDialect();

/**
 * The portal's busiest read goes straight to the client drizzle wraps (node-postgres pool or PGlite,
 * both `query(text, params) → { rows }`): the same compiled SQL and parameters, without the ORM's
 * per-query setup, which cost about as much CPU as the rest of the page (bench/registry.ts). The
 * columns are text and int, so no driver-specific type parsing is involved. In a transaction (no
 * client of its own) it goes through drizzle.
 */
async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const client = (db as { $client?: { query?: unknown } }).$client;
  if (typeof client?.query !== 'function') return queryRows<T>(db, query);
  const q = dialect.sqlToQuery(query);
  return (
    await (client.query as (text: string, params: unknown[]) => Promise<{ rows: T[] }>).call(
      client,
      q.sql,
      q.params,
    )
  ).rows;
}

export async function searchRegistry(
  db: DbOrTx,
  f: RegistryFilter,
): Promise<{ total: number; capped: boolean; items: RegistryItem[] }> {
  const q = registryQueries(f);
  // Two statements on two pooled connections at once: the page's latency is the slower one, not the sum.
  const [items, [{ n }]] = await Promise.all([
    rows<RegistryItem>(db, q.page),
    rows<{ n: number }>(db, q.count),
  ]);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP, items };
}
