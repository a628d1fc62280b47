/**
 * Facts of 合法性审查 for the 法治政府建设年度报告 (RULES §11, area 依法科学民主决策): matters reviewed by
 * type, 法审意见 given and adopted (the seeds' "对90余个事项提出300余条法审意见"), advisors engaged.
 * The total's sentence names the types, so the per-type facts add nothing to the prose (empty
 * sentences); a count of nothing says nothing. Each sentence states its own figure first.
 */
import { and, eq, sql } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { cases } from '../../core/cases/schema.ts';
import { reviewMatters } from './schema.ts';
import { MATTER_TYPES, MATTER_TYPE_LABELS, type ReviewMatterType } from './labels.ts';

export interface ReviewCounts {
  byType: Record<string, number>;
  opinions: number;
  opinionMatters: number;
  adopted: number;
  partly: number;
  marked: number;
  external: number;
  government: number;
}

async function counts(ctx: Ctx, departmentId: string, year: number): Promise<ReviewCounts> {
  // Concluded: the matter's case (its status is the matter's, procedure legalReview).
  const byType = await ctx.db
    .select({ type: reviewMatters.type, n: sql<number>`count(*)::int` })
    .from(reviewMatters)
    .innerJoin(cases, eq(cases.id, reviewMatters.caseId))
    .where(
      and(
        eq(reviewMatters.departmentId, departmentId),
        eq(cases.status, 'concluded'),
        sql`extract(year from ${reviewMatters.concludedOn}) = ${year}`,
      ),
    )
    .groupBy(reviewMatters.type);
  const [o] = await queryRows<Omit<ReviewCounts, 'byType' | 'external' | 'government'>>(
    ctx.db,
    sql`select count(*)::int as opinions, count(distinct o.matter_id)::int as "opinionMatters",
          (count(*) filter (where o.adoption = 'adopted'))::int as adopted,
          (count(*) filter (where o.adoption = 'partlyAdopted'))::int as partly,
          (count(*) filter (where o.adoption is not null))::int as marked
        from legal_opinions o join review_matters m on m.id = o.matter_id
        where m.department_id = ${departmentId} and extract(year from o.given_on) = ${year}`,
  );
  const [a] = await queryRows<{ external: number; government: number }>(
    ctx.db,
    sql`select (count(*) filter (where kind = 'external'))::int as external, (count(*) filter (where kind = 'governmentLawyer'))::int as government
        from legal_advisors where department_id = ${departmentId} and term_start <= ${`${year}-12-31`}::date and term_end >= ${`${year}-01-01`}::date`,
  );
  return { byType: Object.fromEntries(byType.map((r) => [r.type, r.n])), ...o, ...a };
}

/** The facts from the counts (pure). */
export function reviewFactsFrom(year: number, c: ReviewCounts): Fact[] {
  const total = Object.values(c.byType).reduce((s, n) => s + n, 0);
  const list = (query: Record<string, string | number | boolean>) => ({
    path: '/api/reviews',
    query: { concludedIn: year, status: 'concluded', ...query },
  });
  const parts = MATTER_TYPES.filter((t) => c.byType[t]).map(
    (t) => `${MATTER_TYPE_LABELS[t]}${c.byType[t]}件`,
  );
  const accepted = c.adopted + c.partly;
  const advisors = c.external + c.government;
  const advisorText =
    c.external && c.government
      ? `法律顾问和公职律师${advisors}名（法律顾问${c.external}名、公职律师${c.government}名）`
      : c.external
        ? `法律顾问${c.external}名`
        : `公职律师${c.government}名`;
  const facts: Fact[] = [
    {
      key: 'reviews.matters',
      label: '完成合法性审查事项',
      value: total,
      unit: '件',
      sentence: total
        ? `${year}年完成合法性审查事项${total}件${parts.length ? `，其中${parts.join('、')}` : ''}。`
        : '',
      method: '本年度出具合法性审查意见（审查结论）的事项数，按事项类型分列；撤回的事项不计。',
      records: list({}),
    },
    ...MATTER_TYPES.map((t: ReviewMatterType) => ({
      key: `reviews.matters.${t}`,
      label: `合法性审查：${MATTER_TYPE_LABELS[t]}`,
      value: c.byType[t] ?? 0,
      unit: '件',
      sentence: '',
      method: `本年度出具合法性审查意见的${MATTER_TYPE_LABELS[t]}事项数（报告正文在“完成合法性审查事项”一句中分列）。`,
      records: list({ type: t }),
    })),
    {
      key: 'reviews.opinions',
      label: '提出法审意见',
      value: c.opinions,
      unit: '条',
      sentence: c.opinions
        ? `法律顾问、公职律师和法制审核人员对${c.opinionMatters}个事项提出法审意见${c.opinions}条。`
        : '',
      method: '本年度提出的编号法审意见条数，及涉及的审查事项数。',
      records: { path: '/api/reviews/opinions', query: { year } },
    },
    {
      key: 'reviews.opinionsAdopted',
      label: '法审意见被采纳',
      value: accepted,
      unit: '条',
      // The rate counts the opinions with feedback: said when some have none yet, so 100% is not read as all of them.
      sentence: accepted
        ? `送审单位采纳法审意见${accepted}条${c.partly ? `（其中部分采纳${c.partly}条）` : ''}，采纳率（含部分采纳）${pct(accepted, c.marked)}%${c.marked < c.opinions ? `（按已反馈的${c.marked}条计）` : ''}。`
        : '',
      method:
        '本年度提出的法审意见中，送审单位反馈为采纳或部分采纳的条数；采纳率以已反馈的意见为分母。',
      records: { path: '/api/reviews/opinions', query: { year, adopted: true } },
    },
    {
      key: 'reviews.advisors',
      label: '聘请法律顾问和公职律师',
      value: advisors,
      unit: '名',
      sentence: advisors ? `聘请${advisorText}参与合法性审查。` : '',
      method: '聘任期限与本年度有交集的法律顾问、公职律师人数（名册）。',
      records: { path: '/api/legal-advisors', query: { year } },
    },
  ];
  return facts;
}

export async function reviewFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  return reviewFactsFrom(year, await counts(ctx, departmentId, year));
}
