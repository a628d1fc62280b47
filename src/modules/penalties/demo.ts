/**
 * Demo: with `history` (npm start), two cases of the last two months, derived from today on the
 * calendar (valid on every day): one decided, delivered, paid, published and closed; one notified and
 * awaiting the decision; and last year's 行政执法统计 published in January once its due day has passed. They need two officers with valid certificates in the enforcement registry;
 * without them (and in the tests' small demo) nothing is written.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { systemActor, type Actor } from '../../core/auth/actor.ts';
import { listEligibleOfficers } from '../enforcement/index.ts';
import type { FactProvider } from '../../core/facts.ts';
import { openPenalty } from './opening.ts';
import { readSettings } from './service.ts';
import { publishStatistics } from './statistics.ts';
import { enforcementStatistics } from './schema.ts';
import { closeCase, deliver, execute, publish } from './actsExecution.ts';
import { decide } from './actsDecision.ts';
import { serveNotice } from './actsHearing.ts';

export async function seedDemoPenalties(
  ctx: Ctx,
  _staff: Actor,
  opts: { history: boolean; departmentId: string; facts: FactProvider[] },
): Promise<void> {
  if (!opts.history) return;
  const today = ctx.clock.today();
  const officers = await listEligibleOfficers(ctx.db, opts.departmentId, today);
  if (officers.length < 2) return;
  const cal = ctx.calendar.current();
  const ago = (n: number) => cal.addDays(today, -n);
  const actor = systemActor({
    departmentId: opts.departmentId,
    roles: ['leader', 'staff', 'officer'],
  });
  const officerIds = officers.slice(0, 2).map((o) => o.id);
  const basis = '《实验动物管理条例》第二十九条';
  const a = await openPenalty(ctx, actor, {
    partyKind: 'organisation',
    partyName: '示范生物科技有限公司',
    partyIdNo: '91341600MA2DEMO001',
    summary: '未取得实验动物生产许可证从事实验动物生产',
    actOn: ago(70),
    discoveredOn: ago(60),
    openedOn: ago(60),
    approvedBy: '局长',
    officerIds,
  });
  await serveNotice(
    ctx,
    actor,
    a.id,
    {
      types: ['fine'],
      fineAmount: 20_000,
      facts: '当事人未取得实验动物生产许可证从事实验动物生产',
      reasons: '违反实验动物生产许可规定',
      basis,
    },
    ago(50),
  );
  // 5 工作日 after the notice is at most 14 calendar days even across 春节 or 国庆.
  await decide(
    ctx,
    actor,
    a.id,
    {
      decisionType: 'penalty',
      types: ['fine'],
      fineAmount: 20_000,
      facts: '当事人未取得实验动物生产许可证从事实验动物生产，有现场检查笔录、询问笔录为证',
      basis,
    },
    ago(30),
  );
  await deliver(
    ctx,
    actor,
    a.id,
    { method: '直接送达', recipient: '示范生物科技有限公司' },
    ago(29),
  );
  await publish(ctx, actor, a.id, {}, ago(29));
  await execute(ctx, actor, a.id, { paidAmount: 20_000, note: '当事人已缴纳罚款' }, ago(20));
  await closeCase(ctx, actor, a.id, ago(20));
  const b = await openPenalty(ctx, actor, {
    partyKind: 'individual',
    partyName: '陈某某',
    summary: '违规使用实验动物',
    actOn: ago(20),
    discoveredOn: ago(10),
    openedOn: ago(10),
    approvedBy: '局长',
    officerIds,
  });
  await serveNotice(
    ctx,
    actor,
    b.id,
    { types: ['warning'], facts: '当事人违规使用实验动物', reasons: '违反实验动物使用规定', basis },
    ago(5),
  );
  // Last year's 行政执法统计: published in January once its due day has passed; before, the sweep opens it.
  const year = Number(today.slice(0, 4)) - 1;
  const dueOn = `${year + 1}-${(await readSettings(ctx, actor)).statisticsDueDay}`;
  const [done] = await ctx.db
    .select({ on: enforcementStatistics.publishedOn })
    .from(enforcementStatistics)
    .where(
      and(
        eq(enforcementStatistics.departmentId, opts.departmentId),
        eq(enforcementStatistics.year, year),
      ),
    );
  if (today > dueOn && !done?.on)
    await publishStatistics(ctx, actor, opts.facts, year, cal.addDays(dueOn, -10));
}
