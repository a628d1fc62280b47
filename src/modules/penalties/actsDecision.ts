/**
 * From 法制审核 to the decision (行政处罚法 Arts 57–59): the legal check through the review queue (Art 58),
 * 集体讨论 (Art 57 ¶2) and 决定 (Art 45 no heavier penalty, Art 59 contents with the remedy, 裁量基准).
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { type Ctx } from '../../core/context.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { submitMatter } from '../reviews/index.ts';
import { penaltyCases } from './schema.ts';
import { audit } from './audit.ts';
import { departmentSettings, invalid, parentGovernment, type PenaltyRow } from './service.ts';
import { heavierThan, outsideRange, type Penalty } from './rules.ts';
import { PenaltyInput, act, checkAmounts, penaltyOf, withCase } from './acts.ts';

/** 法制审核 (Art 58) through the legal office's review queue; its conclusion comes back as concludeLegalReview. */
export async function submitLegalCheck(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { summary?: string; fileIds?: string[] },
): Promise<{ matterId: string }> {
  if (!hasRole(actor, 'staff', 'leader', 'legalOfficer'))
    throw new AppError('FORBIDDEN', '提交法制审核须由承办科室工作人员或者负责人办理');
  return withCase(ctx, actor, id, async (tx, p, day) => {
    const m = await submitMatter(ctx, tx, actor, {
      type: 'other',
      title: `重大执法决定法制审核：${p.title}（${p.caseNo}）`,
      summary: input.summary ?? p.summary,
      departmentId: p.departmentId,
      caseId: p.caseId,
      fileIds: input.fileIds,
    });
    await act(ctx, actor, tx, p, 'submitLegalCheck', day, { matterId: m.id });
    await audit(
      tx,
      ctx,
      actor,
      'penalty.submitLegalCheck',
      { type: 'penaltyCase', id: p.id },
      { matterId: m.id },
    );
    return { matterId: m.id };
  });
}

export async function collectiveDiscussion(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { meeting: string; conclusion: string },
  on?: string,
): Promise<void> {
  await withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      await act(ctx, actor, tx, p, 'collectiveDiscussion', day, input);
      await audit(
        tx,
        ctx,
        actor,
        'penalty.collectiveDiscussion',
        { type: 'penaltyCase', id: p.id },
        input,
      );
    },
    on,
  );
}

export interface DecideInput extends PenaltyInput {
  decisionType: 'penalty' | 'noPenalty';
  facts: string;
  basis: string;
  discretionCode?: string;
  outsideRangeReason?: string;
  paymentMethod?: string;
}

/**
 * 行政处罚决定 (Arts 57, 59): not heavier than notified (Art 45); within the 裁量基准 range or with a
 * recorded reason; carrying the remedy (复议 60 日 to the 复议机关, 诉讼 6 个月) and a 文号.
 */
export async function decide(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: DecideInput,
  on?: string,
): Promise<PenaltyRow> {
  return withCase(
    ctx,
    actor,
    id,
    async (tx, p, day) => {
      const pen: Penalty =
        input.decisionType === 'penalty'
          ? penaltyOf(input)
          : { types: [], fineAmount: 0, confiscationAmount: 0 };
      if (input.decisionType === 'penalty') checkAmounts(pen);
      const notice = p.notice as (Penalty & { statementUntil: string }) | null;
      if (notice && input.decisionType === 'penalty') {
        const why = heavierThan(pen, notice);
        if (why)
          throw new AppError(
            'ACTION_NOT_ALLOWED',
            `处罚决定不得重于事先告知的处罚：${why}；行政机关不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）`,
          );
      }
      const s = await departmentSettings(tx, p.departmentId, ctx.clock.now().getTime());
      const code = input.discretionCode ?? p.discretionCode ?? undefined;
      const row = code ? s.discretion.find((r) => r.code === code) : undefined;
      if (code && !row)
        throw invalid('discretionCode', '裁量情形', '不在本部门的行政处罚裁量基准中');
      const outside =
        input.decisionType === 'penalty' && pen.types.includes('fine')
          ? outsideRange(row, pen.fineAmount)
          : null;
      if (outside && !input.outsideRangeReason?.trim())
        throw invalid('outsideRangeReason', '超出裁量幅度的理由', `${outside}，应当说明理由`);
      const reconsiderationBody =
        s.reconsiderationBody || (await parentGovernment(tx, p.departmentId));
      if (!reconsiderationBody)
        throw invalid(
          'reconsiderationBody',
          '行政复议机关',
          '请先在行政处罚设置中填写行政复议机关（行政处罚法第五十九条第五项）',
        );
      const year = Number(day.slice(0, 4));
      const n = await takeNext(tx, { kind: 'penaltyDecision', departmentId: p.departmentId, year });
      const dept = await getOrg(tx, p.departmentId);
      const decisionNo = `${dept.docPrefix ?? ''}罚决〔${year}〕${n}号`;
      const remedy = `如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，或者在六个月内${s.court ? `向${s.court}` : '依法向人民法院'}提起行政诉讼。`;
      const decision = {
        ...pen,
        decisionType: input.decisionType,
        facts: input.facts,
        basis: input.basis,
        discretionCode: code ?? null,
        outsideRange: outside,
        outsideRangeReason: input.outsideRangeReason ?? null,
        reconsiderationBody,
        court: s.court,
        remedy,
        paymentMethod: input.paymentMethod ?? '',
        decidedOn: day,
      };
      await act(ctx, actor, tx, p, 'decide', day, {
        decisionType: input.decisionType,
        types: pen.types.join(','),
        fineAmount: pen.fineAmount,
        confiscationAmount: pen.confiscationAmount,
        decisionNo,
        reconsiderationBody,
      });
      const cal = ctx.calendar.current();
      const [fresh] = await tx
        .update(penaltyCases)
        .set({
          decision,
          decisionType: input.decisionType,
          decisionNo,
          decidedOn: day,
          fineAmount: pen.fineAmount,
          confiscationAmount: pen.confiscationAmount,
          penaltyTypes: pen.types,
          publicationDueOn: input.decisionType === 'penalty' ? cal.addWorkdays(day, 7) : null,
          closedOn: input.decisionType === 'noPenalty' ? day : null,
        })
        .where(eq(penaltyCases.id, p.id))
        .returning();
      await audit(
        tx,
        ctx,
        actor,
        'penalty.decide',
        { type: 'penaltyCase', id: p.id },
        {
          decisionNo,
          penalty: pen,
          outsideRange: outside,
          reconsiderationBody,
        },
      );
      return fresh;
    },
    on,
  );
}
