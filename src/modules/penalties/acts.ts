/**
 * The acts of a 行政处罚 case after 立案, each one transaction (engine act + row + audit): the shared
 * helpers and the plain acts here; 告知 and 听证 in actsHearing.ts, 法制审核 to 决定 in actsDecision.ts,
 * 送达, 执行, 公开 and withdrawal in actsExecution.ts, 简易程序 in actsSummary.ts.
 */
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { type Actor } from '../../core/auth/actor.ts';
import { recordAction } from '../../core/cases/service.ts';
import { authorize } from './policy.ts';
import { audit } from './audit.ts';
import { invalid, loadPenalty, scopeOf, type PenaltyRow } from './service.ts';
import { type Penalty } from './rules.ts';
import { type PenaltyType } from './labels.ts';

/** Runs one act on a locked case the actor may act on. */
export async function withCase<T>(
  ctx: Ctx,
  actor: Actor,
  id: string,
  fn: (tx: Tx, p: PenaltyRow, on: string) => Promise<T>,
  on?: string,
): Promise<T> {
  return inTx(ctx, async (tx) => {
    const p = await loadPenalty(tx, actor, id, true);
    authorize(actor, 'penaltyCase', 'act', scopeOf(p));
    return fn(tx, p, on ?? ctx.clock.today());
  });
}

export const act = (
  ctx: Ctx,
  actor: Actor,
  tx: Tx,
  p: PenaltyRow,
  action: string,
  on: string,
  data: Record<string, unknown> = {},
) => recordAction(ctx, actor, p.caseId, { action, on, data }, tx);

/** The acts with no records of their own beyond the event (the engine checks order, roles and fields). */
export const PLAIN_ACTS = [
  'collectEvidence',
  'preserveEvidence',
  'decidePreservation',
  'classify',
  'statement',
  'waiveRights',
  'requestHearing',
  'withdrawHearing',
  'extendDecision',
  'exemptPublication',
  'terminate',
] as const;
export type PlainAct = (typeof PLAIN_ACTS)[number];

export async function plainAct(
  ctx: Ctx,
  actor: Actor,
  id: string,
  action: PlainAct,
  data: Record<string, unknown>,
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(ctx, actor, tx, p, action, day, data);
      await audit(
        tx,
        ctx,
        actor,
        `penalty.${action}`,
        { type: 'penaltyCase', id: p.id },
        { on: day },
      );
    },
    on,
  );
}

export interface PenaltyInput {
  types: PenaltyType[];
  fineAmount?: number;
  confiscationAmount?: number;
}
export const penaltyOf = (x: PenaltyInput): Penalty => ({
  types: [...new Set(x.types)],
  fineAmount: x.types.includes('fine') ? (x.fineAmount ?? 0) : 0,
  confiscationAmount: x.confiscationAmount ?? 0,
});

export function checkAmounts(p: Penalty): void {
  if (!p.types.length) throw invalid('types', '处罚种类', '至少选择一种');
  if (p.types.includes('fine') && !(p.fineAmount > 0))
    throw invalid('fineAmount', '罚款金额', '给予罚款的，应当载明罚款金额');
  if (
    (p.types.includes('confiscateIncome') || p.types.includes('confiscateProperty')) &&
    !(p.confiscationAmount > 0)
  )
    throw invalid('confiscationAmount', '没收金额', '没收违法所得或者非法财物的，应当载明金额');
}
