import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/client.ts';
import { toQuery } from '../../../core/search/tokens.ts';
import { publications } from './schema.ts';

export interface PublicationFilter {
  q?: string;
  category?: string;
  year?: number;
  status?: 'published' | 'withdrawn';
  late?: boolean;
  page?: number;
  pageSize?: number;
}

export interface PublicationListItem {
  id: string;
  indexNumber: string;
  title: string;
  category: string;
  topic: string;
  docNumber: string | null;
  formedOn: string;
  publishedOn: string;
  dueOn: string;
  late: boolean;
  validity: string | null;
  status: 'published' | 'withdrawn';
  summary: string;
  publisherName: string;
  sourceModule: string | null;
}

export interface PublicationPage {
  items: PublicationListItem[];
  total: number;
  page: number;
  pageSize: number;
}

const listColumns = {
  id: publications.id,
  indexNumber: publications.indexNumber,
  title: publications.title,
  category: publications.category,
  topic: publications.topic,
  docNumber: publications.docNumber,
  formedOn: publications.formedOn,
  publishedOn: publications.publishedOn,
  dueOn: publications.dueOn,
  late: publications.late,
  validity: publications.validity,
  status: publications.status,
  summary: publications.summary,
  publisherName: publications.publisherName,
  sourceModule: publications.sourceModule,
};

/** One department's publications, filtered in SQL (search: the GIN-indexed tsvector), newest first. */
export async function listPublicationRows(
  db: DbOrTx,
  filter: PublicationFilter & { departmentId: string },
): Promise<PublicationPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(filter.pageSize ?? 20)));
  const where: SQL[] = [eq(publications.departmentId, filter.departmentId)];
  if (filter.status) where.push(eq(publications.status, filter.status));
  if (filter.category) where.push(eq(publications.category, filter.category));
  if (filter.late !== undefined) where.push(eq(publications.late, filter.late));
  if (filter.year) {
    where.push(
      gte(publications.publishedOn, `${filter.year}-01-01`),
      lt(publications.publishedOn, `${filter.year + 1}-01-01`),
    );
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const tsq = toQuery(filter.q);
    // A query with no searchable characters matches nothing (rather than everything).
    where.push(tsq ? sql`${publications.search} @@ to_tsquery('simple', ${tsq})` : sql`false`);
  }
  const cond = and(...where);
  const [items, [{ n }]] = await Promise.all([
    db
      .select(listColumns)
      .from(publications)
      .where(cond)
      .orderBy(
        desc(publications.publishedOn),
        desc(publications.publishedAt),
        desc(publications.indexNumber),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(publications).where(cond),
  ]);
  return { items, total: Number(n), page, pageSize };
}

/** Years that have published items (for the catalogue's year navigation), newest first. */
export async function publicationYears(db: DbOrTx, departmentId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: sql<number>`extract(year from ${publications.publishedOn})::int` })
    .from(publications)
    .where(and(eq(publications.departmentId, departmentId), eq(publications.status, 'published')));
  return rows.map((r) => Number(r.y)).sort((a, b) => b - a);
}
