/** 简易程序 (行政处罚法 Arts 51–52): 当场处罚 by two officers (Art 42) and its 备案. */
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { type Actor } from '../../core/auth/actor.ts';
import { openCase } from '../../core/cases/service.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { assertOfficersEligible, listEligibleOfficers } from '../enforcement/index.ts';
import { penaltyCases } from './schema.ts';
import { authorize } from './policy.ts';
import { audit } from './audit.ts';
import { departmentSettings, invalid, parentGovernment, type PenaltyRow } from './service.ts';
import { SUMMARY_LIMITS } from './rules.ts';
import { PARTY_KINDS, typeLabels, type PartyKind } from './labels.ts';
import { PenaltyInput, act, checkAmounts, penaltyOf, withCase } from './acts.ts';

export interface SummaryInput extends PenaltyInput {
  partyKind: PartyKind;
  partyName: string;
  partyIdNo?: string;
  facts: string;
  basis: string;
  officerIds: string[];
  place?: string;
}

/** 简易程序 (Arts 51–52): 当场处罚 within ¥200 / ¥3,000 or a warning, by ≥ 2 officers (Art 42), then 备案. */
export async function decideOnSpot(
  ctx: Ctx,
  actor: Actor,
  input: SummaryInput,
): Promise<PenaltyRow> {
  authorize(actor, 'penaltyCase', 'open');
  const pen = penaltyOf(input);
  checkAmounts(pen);
  if (pen.types.some((t) => !['warning', 'fine'].includes(t)))
    throw invalid(
      'types',
      '处罚种类',
      `简易程序只能给予警告或者罚款（行政处罚法第五十一条），不能给予${typeLabels(pen.types.filter((t) => !(['warning', 'fine'] as string[]).includes(t)))}`,
    );
  const limit = SUMMARY_LIMITS[input.partyKind];
  if (pen.fineAmount > limit)
    throw invalid(
      'fineAmount',
      '罚款金额',
      `当场处罚对${PARTY_KINDS[input.partyKind]}罚款不得超过${limit}元（行政处罚法第五十一条），应当适用普通程序`,
    );
  const today = ctx.clock.today();
  return inTx(ctx, async (tx) => {
    const ids = [...new Set(input.officerIds)];
    if (ids.length < 2)
      throw invalid('officerIds', '执法人员', '执法人员不得少于两人（行政处罚法第四十二条）');
    await assertOfficersEligible(tx, actor.departmentId, ids, today);
    const eligible = new Map(
      (await listEligibleOfficers(tx, actor.departmentId, today)).map((o) => [o.id, o]),
    );
    const names = ids.map(
      (i) => `${eligible.get(i)?.name ?? ''}（${eligible.get(i)?.certificateNo ?? ''}）`,
    );
    const year = Number(today.slice(0, 4));
    const n = await takeNext(tx, {
      kind: 'penaltySummary',
      departmentId: actor.departmentId,
      year,
    });
    const dept = await getOrg(tx, actor.departmentId);
    const decisionNo = `${dept.docPrefix ?? ''}当罚〔${year}〕${n}号`;
    const title = `${input.partyName}当场处罚`;
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'penaltySummary',
        title,
        orgId: actor.orgId,
        first: {
          action: 'decideOnSpot',
          on: today,
          data: {
            types: pen.types.join(','),
            fineAmount: pen.fineAmount,
            decisionNo,
            partyName: input.partyName,
          },
        },
      },
      tx,
    );
    const reconsiderationBody =
      (await departmentSettings(tx, actor.departmentId, ctx.clock.now().getTime()))
        .reconsiderationBody || (await parentGovernment(tx, actor.departmentId));
    const decision = {
      ...pen,
      decisionType: 'penalty',
      facts: input.facts,
      basis: input.basis,
      reconsiderationBody,
      remedy: `如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody || '本级人民政府'}申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。`,
      place: input.place ?? '',
      decidedOn: today,
    };
    const [row] = await tx
      .insert(penaltyCases)
      .values({
        id: newId(),
        caseId: c.id,
        departmentId: actor.departmentId,
        orgId: actor.orgId,
        mode: 'summary',
        caseNo: decisionNo,
        year,
        title,
        partyKind: input.partyKind,
        partyName: input.partyName,
        partyIdNo: input.partyIdNo ?? '',
        summary: input.facts,
        openedOn: today,
        officerIds: ids,
        officerNames: names,
        handlerIds: [actor.userId],
        decision,
        decisionType: 'penalty',
        decisionNo,
        decidedOn: today,
        deliveredOn: today,
        fineAmount: pen.fineAmount,
        confiscationAmount: 0,
        penaltyTypes: pen.types,
        publicationDueOn: ctx.calendar.current().addWorkdays(today, 7),
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'penalty.decideOnSpot',
      { type: 'penaltyCase', id: row.id },
      {
        decisionNo,
        penalty: pen,
        officerIds: ids,
      },
    );
    return row;
  });
}

export async function fileSummary(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await withCase(ctx, actor, id, async (tx, p, day) => {
    await act(ctx, actor, tx, p, 'fileRecord', day);
    await audit(
      tx,
      ctx,
      actor,
      'penalty.fileRecord',
      { type: 'penaltyCase', id: p.id },
      { on: day },
    );
  });
}
