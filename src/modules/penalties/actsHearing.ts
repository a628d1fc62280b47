/**
 * 告知 and 听证 of a 行政处罚 case (行政处罚法 Ch. V §2–§3): the 事先告知 with the proposed penalty and the
 * rights (Art 44; the hearing right per Art 63), the 听证通知 and the hearing itself (Art 64).
 */
import { eq } from 'drizzle-orm';
import { type Ctx } from '../../core/context.ts';
import { type Actor } from '../../core/auth/actor.ts';
import { penaltyCases } from './schema.ts';
import { audit } from './audit.ts';
import { departmentSettings, invalid } from './service.ts';
import { hearingEligible } from './rules.ts';
import { PenaltyInput, act, checkAmounts, penaltyOf, withCase } from './acts.ts';

export interface NoticeInput extends PenaltyInput {
  facts: string;
  reasons: string;
  basis: string;
  discretionCode?: string;
}

/** 行政处罚事先告知 (Art 44): the proposed penalty, facts, reasons, basis, and the rights; Art 63 decides the hearing right. */
export async function serveNotice(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: NoticeInput,
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      const pen = penaltyOf(input);
      checkAmounts(pen);
      const s = await departmentSettings(tx, p.departmentId, ctx.clock.now().getTime());
      const eligible = hearingEligible(pen, p.partyKind, s);
      const cal = ctx.calendar.current();
      // The window covers the hearing request window too (5 工作日, Art 64 (一)).
      const statementUntil = cal.addWorkdays(day, Math.max(s.statementWorkdays, eligible ? 5 : 0));
      const notice = {
        ...pen,
        facts: input.facts,
        reasons: input.reasons,
        basis: input.basis,
        hearingEligible: eligible,
        statementUntil,
        servedOn: day,
        discretionCode: input.discretionCode ?? p.discretionCode,
      };
      await act(ctx, actor, tx, p, 'serveNotice', day, {
        types: pen.types.join(','),
        fineAmount: pen.fineAmount,
        confiscationAmount: pen.confiscationAmount,
        facts: input.facts,
        reasons: input.reasons,
        basis: input.basis,
        hearingEligible: eligible,
        statementUntil,
      });
      await tx
        .update(penaltyCases)
        .set({ notice, discretionCode: notice.discretionCode ?? null })
        .where(eq(penaltyCases.id, p.id));
      await audit(
        tx,
        ctx,
        actor,
        'penalty.serveNotice',
        { type: 'penaltyCase', id: p.id },
        {
          penalty: pen,
          hearingEligible: eligible,
          statementUntil,
        },
      );
    },
    on,
  );
}

export interface HearingNoticeInput {
  hearingOn: string;
  place: string;
  chair: string;
  isPublic: boolean;
}

/** 听证通知 (Art 64 (二)(四)): ≥ 7 工作日 before (engine), chaired by someone who did not investigate. */
export async function scheduleHearing(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: HearingNoticeInput,
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      const chair = input.chair.trim();
      if (p.officerNames.some((n) => n.split('（')[0] === chair))
        throw invalid(
          'chair',
          '听证主持人',
          `${chair}是本案调查人员，听证应当由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第四项）`,
        );
      await act(ctx, actor, tx, p, 'scheduleHearing', day, { ...input, chair });
      await audit(
        tx,
        ctx,
        actor,
        'penalty.scheduleHearing',
        { type: 'penaltyCase', id: p.id },
        { ...input },
      );
    },
    on,
  );
}

export async function holdHearing(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { record: string; signed: boolean },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      if (!input.signed)
        throw invalid(
          'signed',
          '听证笔录',
          '听证笔录应当交当事人或者其代理人核对无误后签字或者盖章（行政处罚法第六十四条第八项）',
        );
      await act(ctx, actor, tx, p, 'holdHearing', day, input);
      await tx.update(penaltyCases).set({ hearingHeld: true }).where(eq(penaltyCases.id, p.id));
      await audit(
        tx,
        ctx,
        actor,
        'penalty.holdHearing',
        { type: 'penaltyCase', id: p.id },
        { on: day },
      );
    },
    on,
  );
}
