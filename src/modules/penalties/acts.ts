/**
 * The acts of a 行政处罚 case after 立案, each one transaction (engine act + row + audit): 告知 (Art 44,
 * hearing right per Art 63), 听证 (Art 64: chaired by a non-investigator), 法制审核 through the review
 * queue (Art 58), 决定 (Art 45 no heavier penalty, Art 59 contents with the remedy, 裁量基准), 送达,
 * 执行 (Art 67/72), 公开 and withdrawal (Art 48), 简易程序 (Art 51–52), and the plain acts.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { submitMatter } from '../reviews/index.ts';
import { assertOfficersEligible, listEligibleOfficers } from '../enforcement/index.ts';
import { penaltyCases } from './schema.ts';
import { authorize } from './policy.ts';
import {
  audit,
  departmentSettings,
  invalid,
  loadPenalty,
  parentGovernment,
  scopeOf,
  type PenaltyRow,
} from './service.ts';
import {
  heavierThan,
  hearingEligible,
  outsideRange,
  SUMMARY_LIMITS,
  surcharge,
  type Penalty,
} from './rules.ts';
import { PARTY_KINDS, typeLabels, type PartyKind, type PenaltyType } from './labels.ts';

/** Runs one act on a locked case the actor may act on. */
async function withCase<T>(
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

const act = (
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
      await audit(tx, ctx, actor, action, p.id, { on: day });
    },
    on,
  );
}

export interface PenaltyInput {
  types: PenaltyType[];
  fineAmount?: number;
  confiscationAmount?: number;
}
const penaltyOf = (x: PenaltyInput): Penalty => ({
  types: [...new Set(x.types)],
  fineAmount: x.types.includes('fine') ? (x.fineAmount ?? 0) : 0,
  confiscationAmount: x.confiscationAmount ?? 0,
});

function checkAmounts(p: Penalty): void {
  if (!p.types.length) throw invalid('types', '处罚种类', '至少选择一种');
  if (p.types.includes('fine') && !(p.fineAmount > 0))
    throw invalid('fineAmount', '罚款金额', '给予罚款的，应当载明罚款金额');
  if (
    (p.types.includes('confiscateIncome') || p.types.includes('confiscateProperty')) &&
    !(p.confiscationAmount > 0)
  )
    throw invalid('confiscationAmount', '没收金额', '没收违法所得或者非法财物的，应当载明金额');
}

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
      await audit(tx, ctx, actor, 'serveNotice', p.id, {
        penalty: pen,
        hearingEligible: eligible,
        statementUntil,
      });
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
      await audit(tx, ctx, actor, 'scheduleHearing', p.id, { ...input });
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
      await audit(tx, ctx, actor, 'holdHearing', p.id, { on: day });
    },
    on,
  );
}

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
    await audit(tx, ctx, actor, 'submitLegalCheck', p.id, { matterId: m.id });
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
      await audit(tx, ctx, actor, 'collectiveDiscussion', p.id, input);
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
      await audit(tx, ctx, actor, 'decide', p.id, {
        decisionNo,
        penalty: pen,
        outsideRange: outside,
        reconsiderationBody,
      });
      return fresh;
    },
    on,
  );
}

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
      await audit(tx, ctx, actor, 'deliver', p.id, { ...input, on: day });
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
      await audit(tx, ctx, actor, 'execute', p.id, {
        paidAmount: input.paidAmount ?? 0,
        surcharge: pay.surcharge,
      });
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
      await audit(tx, ctx, actor, 'publish', p.id, { on: day });
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
      await audit(tx, ctx, actor, 'close', p.id, { on: day });
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
      await audit(tx, ctx, actor, 'revoke', p.id, input);
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
    await audit(tx, ctx, actor, 'withdrawPublication', p.id, input);
  });
}

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
    await audit(tx, ctx, actor, 'decideOnSpot', row.id, {
      decisionNo,
      penalty: pen,
      officerIds: ids,
    });
    return row;
  });
}

export async function fileSummary(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await withCase(ctx, actor, id, async (tx, p, day) => {
    await act(ctx, actor, tx, p, 'fileRecord', day);
    await audit(tx, ctx, actor, 'fileRecord', p.id, { on: day });
  });
}
