/**
 * After the decision: 送达 (Art 61), 执行 (Arts 66–73: the 15-day payment term, the surcharge of Art 72),
 * 事后公开 and its withdrawal (Art 48), 结案, and a decision changed or revoked.
 */
import { eq } from 'drizzle-orm';
import { type Ctx } from '../../core/context.ts';
import { type Actor } from '../../core/auth/actor.ts';
import { penaltyCases } from './schema.ts';
import { audit } from './audit.ts';
import { invalid, type PenaltyRow } from './service.ts';
import { surcharge } from './rules.ts';
import { act, withCase } from './acts.ts';

export async function deliver(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { method: string; recipient: string },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(ctx, actor, tx, p, 'deliver', day, input);
      await tx.update(penaltyCases).set({ deliveredOn: day }).where(eq(penaltyCases.id, p.id));
      await audit(
        tx,
        ctx,
        actor,
        'penalty.deliver',
        { type: 'penaltyCase', id: p.id },
        { ...input, on: day },
      );
    },
    on,
  );
}

/** The fine's due date (Art 67: 15 日 from receipt) and the surcharge owed as of a day (Art 72). */
export function paymentStatus(
  ctx: Ctx,
  p: Pick<PenaltyRow, 'deliveredOn' | 'fineAmount'>,
  asOf: string,
) {
  if (!p.deliveredOn || !p.fineAmount) return { dueOn: null, surcharge: 0, daysLate: 0 };
  const cal = ctx.calendar.current();
  const dueOn = cal.addDays(p.deliveredOn, 15);
  const daysLate = Math.max(0, cal.daysBetween(dueOn, asOf));
  return { dueOn, daysLate, surcharge: surcharge(p.fineAmount, daysLate) };
}

export async function execute(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { paidAmount?: number; note: string },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      const pay = paymentStatus(ctx, p, day);
      const owed = (p.fineAmount ?? 0) + pay.surcharge;
      if (p.fineAmount && (input.paidAmount ?? 0) < owed)
        throw invalid(
          'paidAmount',
          '实缴罚没款',
          `应缴${owed}元（罚款${p.fineAmount}元${pay.surcharge ? `，逾期${pay.daysLate}日加处罚款${pay.surcharge}元` : ''}，行政处罚法第六十七条、第七十二条）`,
        );
      await act(ctx, actor, tx, p, 'execute', day, {
        paidAmount: input.paidAmount ?? 0,
        surcharge: pay.surcharge,
        note: input.note,
      });
      await tx.update(penaltyCases).set({ executedOn: day }).where(eq(penaltyCases.id, p.id));
      await audit(
        tx,
        ctx,
        actor,
        'penalty.execute',
        { type: 'penaltyCase', id: p.id },
        {
          paidAmount: input.paidAmount ?? 0,
          surcharge: pay.surcharge,
        },
      );
    },
    on,
  );
}

/** 事后公开 (118号: within 7 工作日): body, party (a natural person's name masked on the portal), type, conclusion. */
export async function publish(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { publicSummary?: string },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(ctx, actor, tx, p, 'publish', day);
      const summary =
        input.publicSummary?.trim() || `${(p.decision as { facts?: string } | null)?.facts ?? ''}`;
      await tx
        .update(penaltyCases)
        .set({ publishedOn: day, publicSummary: summary })
        .where(eq(penaltyCases.id, p.id));
      await audit(
        tx,
        ctx,
        actor,
        'penalty.publish',
        { type: 'penaltyCase', id: p.id },
        { on: day },
      );
    },
    on,
  );
}

export async function closeCase(ctx: Ctx, actor: Actor, id: string, on?: string): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(
        ctx,
        actor,
        tx,
        p,
        'close',
        day,
        p.mode === 'summary' ? { note: '已当场执行' } : {},
      );
      await tx.update(penaltyCases).set({ closedOn: day }).where(eq(penaltyCases.id, p.id));
      await audit(tx, ctx, actor, 'penalty.close', { type: 'penaltyCase', id: p.id }, { on: day });
    },
    on,
  );
}

/** The decision was changed, revoked or declared unlawful/void (Art 48 ¶2): withdrawal due within 3 工作日. */
export async function revoke(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { reason: string; by: string },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(ctx, actor, tx, p, 'revoke', day, input);
      await tx.update(penaltyCases).set({ revokedOn: day }).where(eq(penaltyCases.id, p.id));
      await audit(tx, ctx, actor, 'penalty.revoke', { type: 'penaltyCase', id: p.id }, input);
    },
    on,
  );
}

export async function withdrawPublication(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<void> {
  await withCase(ctx, actor, id, async (tx, p, day) => {
    await act(ctx, actor, tx, p, 'withdrawPublication', day, input);
    await tx
      .update(penaltyCases)
      .set({ withdrawnOn: day, withdrawalReason: input.reason })
      .where(eq(penaltyCases.id, p.id));
    await audit(
      tx,
      ctx,
      actor,
      'penalty.withdrawPublication',
      { type: 'penaltyCase', id: p.id },
      input,
    );
  });
}
