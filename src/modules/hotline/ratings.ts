/**
 * 政务服务"好差评" (国办发〔2019〕51号; RULES §7.2 评价): one rating per closed case, given on the portal with
 * the case's tracking code. recordRating takes any module's case (exported through index.ts).
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { queryRows } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { hotlineRatings } from './schema.ts';

export type Score = '1' | '2' | '3' | '4' | '5';
export interface RatingInput {
  caseId: string;
  score: Score;
  comment?: string | null;
  /** The owning module's own rule of "done" (a 信访 matter once its 处理意见书 is given), from its lookup. */
  closed?: boolean;
}

/**
 * Records the rating of a closed case (closed: the case reached a final status; a ticket: 已办结). A case not closed, or
 * already rated, is refused with a Chinese message and nothing is written. The rating is the citizen's:
 * no signed-in actor (the caller has verified the tracking code).
 */
export async function recordRating(ctx: Ctx, input: RatingInput): Promise<{ id: string }> {
  if (!['1', '2', '3', '4', '5'].includes(input.score))
    throw new AppError('VALIDATION', '评价：请选择评价等级', {
      fields: [{ path: 'score', message: '评价：请选择评价等级' }],
    });
  const comment = input.comment?.trim().slice(0, 500) || null;
  return inTx(ctx, async (tx) => {
    const [c] = await queryRows<{
      id: string;
      module: string;
      department_id: string;
      org_id: string;
      closed_on: string | null;
      status: string;
    }>(
      tx,
      sql`select id, module, department_id, org_id, closed_on, status from cases where id = ${input.caseId} for update`,
    );
    if (!c) throw new AppError('NOT_FOUND', '未找到该事项');
    // Closed: a final status, or a ticket's 已办结 (kept open to the engine for 重新办理 after 不满意).
    const closed = input.closed ?? (c.module === 'hotline' ? c.status === 'closed' : !!c.closed_on);
    if (!closed) throw new AppError('ACTION_NOT_ALLOWED', '该事项尚未办结，办结后才能评价');
    const [dup] = await queryRows<{ id: string }>(
      tx,
      sql`select id from hotline_ratings where case_id = ${c.id}`,
    );
    if (dup) throw new AppError('CONFLICT', '该事项已经评价过，每件事项只能评价一次');
    const now = ctx.clock.now();
    const id = newId();
    await tx.insert(hotlineRatings).values({
      id,
      caseId: c.id,
      departmentId: c.department_id,
      orgId: c.org_id,
      module: c.module,
      score: input.score,
      comment,
      ratedOn: ctx.clock.today(),
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: null,
        action: 'hotline.rating.record',
        entityType: 'case',
        entityId: c.id,
        payload: { score: input.score, module: c.module },
      },
      now,
    );
    return { id };
  });
}

export interface RateRow {
  orgId: string;
  orgName: string;
  month: string;
  total: number;
  good: number;
  bad: number;
}

/** Ratings per division and month of a year: 好评 = scores 3–5, 差评 = 1–2. */
export async function ratingRates(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<RateRow[]> {
  return queryRows<RateRow>(
    db,
    sql`select r.org_id as "orgId", coalesce(o.name, '') as "orgName", to_char(r.rated_on, 'YYYY-MM') as month,
          count(*)::int as total, count(*) filter (where r.score >= '3')::int as good, count(*) filter (where r.score < '3')::int as bad
        from hotline_ratings r left join organisations o on o.id = r.org_id
        where r.department_id = ${departmentId} and r.rated_on >= ${`${year}-01-01`} and r.rated_on <= ${`${year}-12-31`}
        group by r.org_id, o.name, month order by month, "orgName"`,
  );
}
