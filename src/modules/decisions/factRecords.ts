/**
 * The records behind the decision figures of the annual report (issue 13: a figure and its records
 * never disagree). Each figure counted here is one condition on table major_decisions (alias `d`) or
 * on the catalogue's items; facts.ts counts with it and `/api/decisions/records?fact=…&year=…`
 * lists with it, so the value is the number of records listed (or, for comments, their sum).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { guard, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import { commentsReceivedSql } from '../consultation/index.ts';

export const DECISION_FACT_FILTERS = ['catalogued', 'published', 'evaluated', 'comments'] as const;
export type DecisionFactFilter = (typeof DECISION_FACT_FILTERS)[number];

const span = (year: number) => ({
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  next: `${year + 1}-01-01`,
});

/** The comments a decision's drafts received in the year (采纳 and 部分采纳 with `adoptedOnly`). */
export const decisionCommentsIn = (year: number, adoptedOnly = false): SQL =>
  commentsReceivedSql({
    subjectType: 'majorDecision',
    subjectId: sql`d.id`,
    start: span(year).start,
    next: span(year).next,
    adoptedOnly,
  });

/** The condition on major_decisions `d` of a figure of the year (catalogued counts items, not decisions). */
export function decisionFactCondition(
  fact: Exclude<DecisionFactFilter, 'catalogued'>,
  year: number,
): SQL {
  const { start, end } = span(year);
  switch (fact) {
    case 'published':
      return sql`(d.published_on between ${start} and ${end})`;
    case 'evaluated':
      return sql`exists (select 1 from case_events e where e.case_id = d.case_id and e.type = 'postEvaluation' and e.on_date between ${start} and ${end})`;
    case 'comments':
      return sql`(${decisionCommentsIn(year)} > 0)`;
  }
}

/** 目录事项: the items listed (not removed by an adjustment) in the department's published catalogue of the year. */
export const cataloguedItems = (departmentId: string, year: number): SQL =>
  sql`from decision_catalogue_items i join decision_catalogues c on c.id = i.catalogue_id
    where c.department_id = ${departmentId} and c.year = ${year} and exists (select 1 from cases k where k.id = c.case_id and k.status = 'published') and i.status = 'listed'`;

interface RecordRow {
  id: string;
  title: string;
  undertakingUnit: string;
  decidedOn: string | null;
  publishedOn: string | null;
  plannedTime?: string;
  commentsReceived?: number;
}

export async function decisionFactRecords(
  db: DbOrTx,
  departmentId: string,
  fact: DecisionFactFilter,
  year: number,
): Promise<Array<RecordRow & { href: string }>> {
  if (fact === 'catalogued') {
    const rows = await queryRows<RecordRow>(
      db,
      sql`select i.id, i.title, i.undertaking_unit as "undertakingUnit", null as "decidedOn", null as "publishedOn", i.planned_time as "plannedTime" ${cataloguedItems(departmentId, year)} order by i.seq`,
    );
    return rows.map((r) => ({ ...r, href: '/decisions/catalogue' }));
  }
  const sum =
    fact === 'comments' ? sql`, ${decisionCommentsIn(year)} as "commentsReceived"` : sql``;
  const rows = await queryRows<RecordRow>(
    db,
    sql`select d.id, d.title, d.undertaking_unit as "undertakingUnit", d.decided_on::text as "decidedOn", d.published_on::text as "publishedOn" ${sum}
      from major_decisions d where d.department_id = ${departmentId} and ${decisionFactCondition(fact, year)}
      order by d.created_at desc, d.id desc`,
  );
  return rows.map((r) => ({ ...r, href: `/decisions/${r.id}` }));
}

const recordsQuery = z.object({
  fact: z.enum(DECISION_FACT_FILTERS).describe('年报数据项'),
  year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
});

export function decisionRecordRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/decisions/records',
    {
      schema: { summary: '年度报告某一数据项背后的重大行政决策', querystring: recordsQuery },
      preValidation: guard((a) => authorize(a, 'majorDecision', 'list')),
    },
    async (req) => {
      const actor = requireActor(req);
      const { fact, year } = req.query;
      const items = await decisionFactRecords(ctx.db, actor.departmentId, fact, year);
      return { total: items.length, items };
    },
  );
}
