/**
 * The staff list of 行政规范性文件: scoped in SQL to what the actor may see, filtered by status, year,
 * the documents a 年度报告 figure counts (facts.ts) and a text search.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { cases } from '../../core/cases/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { normativeDocuments } from './schema.ts';
import {
  documentFactCondition,
  documentFactSum,
  inForceOn,
  type DocumentFactFilter,
} from './facts.ts';

/**
 * `inForceOn`: the versions in force on that day (the 现行有效 figure's records, as at a year end);
 * `fact` with `year`: exactly the documents a figure of that year counts (facts.ts).
 */
export interface ListFilter {
  status?: string;
  legalStatus?: string;
  year?: number;
  inForceOn?: string;
  fact?: DocumentFactFilter;
  q?: string;
  page: number;
  pageSize: number;
}

/** Staff list, scoped in SQL: the department's published documents, and drafts the actor may see. */
export function listScope(actor: Actor): SQL {
  const dept = eq(normativeDocuments.departmentId, actor.departmentId);
  if (actor.orgId === actor.departmentId || hasRole(actor, 'legalOfficer', 'leader')) return dept;
  return and(
    dept,
    sql`(${normativeDocuments.publishedOn} is not null or ${normativeDocuments.draftingOrgId} = ${actor.orgId})`,
  )!;
}

export async function listDocuments(ctx: Ctx, actor: Actor, f: ListFilter) {
  authorize(actor, 'normativeDocument', 'list');
  const conds: SQL[] = [listScope(actor)];
  if (f.status) conds.push(eq(cases.status, f.status));
  if (f.legalStatus) conds.push(eq(normativeDocuments.legalStatus, f.legalStatus));
  if (f.inForceOn) conds.push(inForceOn(f.inForceOn));
  if (f.fact)
    conds.push(documentFactCondition(f.fact, f.year ?? Number(ctx.clock.today().slice(0, 4))));
  else if (f.year)
    conds.push(
      sql`extract(year from coalesce(${normativeDocuments.publishedOn}, ${normativeDocuments.createdAt}::date)) = ${f.year}`,
    );
  // Staff search also reads the text (typed or taken from an uploaded .docx), drafts included; the public registry uses the tsvector.
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      sql`(${normativeDocuments.title} ilike ${like} or ${normativeDocuments.docNumber} ilike ${like} or ${normativeDocuments.bodyText} ilike ${like})`,
    );
  }
  const where = and(...conds);
  const sum = documentFactSum(f.fact, f.year ?? Number(ctx.clock.today().slice(0, 4)));
  const rows = await ctx.db
    .select({
      doc: normativeDocuments,
      caseStatus: cases.status,
      draftingOrg: organisations.name,
      commentsReceived: sum ?? sql<null>`null`,
    })
    .from(normativeDocuments)
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .leftJoin(organisations, eq(organisations.id, normativeDocuments.draftingOrgId))
    .where(where)
    .orderBy(desc(normativeDocuments.createdAt), desc(normativeDocuments.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(normativeDocuments)
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .where(where);
  return { total: n, rows };
}
