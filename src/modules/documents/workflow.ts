/**
 * The making procedure's steps that touch this module's records, each in one transaction with the
 * case act (engine check) and the audit: reviews and deliberation, 文号, publication with its 解读
 * (主动公开 service). 公开征求意见 is in commenting.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAction } from '../../core/cases/service.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { getSetting } from '../../core/settings/service.ts';
import { computeDue } from '../../core/calendar/calendar.ts';
import { checkDocNumber, nextDocNumber, parseDocNumber } from '../../core/numbering/docNumber.ts';
import { toSearchText } from '../../core/search/tokens.ts';
import { passedSecrecyReview, publish as publishItem } from '../disclosure/index.ts';
import {
  concludeForSubject,
  reviewDue,
  submitMatter,
  withdrawMattersOf,
  type ConcludeInput,
} from '../reviews/index.ts';
import { normativeDocuments } from './schema.ts';
import { loadDocument, loadForEdit } from './service.ts';
import { addEvent, refreshStatus } from './validity.ts';
import { defaultValidUntil } from './status.ts';
import { DOC_TYPE_LABELS, documentSettings, type DocType } from './labels.ts';
import { audit } from './audit.ts';

/**
 * Engine-only acts (reviews, deliberation, exemption, withdrawal) recorded on the document's case.
 * 合法性审核 runs in the legal office's review queue (modules/reviews): submitting opens a matter
 * there, and concluding here concludes that matter (which records concludeLegalReview on this case).
 */
export const ENGINE_ACTIONS = [
  'exemptComment',
  'fairCompetitionReview',
  'submitLegalReview',
  'concludeLegalReview',
  'collectiveDecision',
  'withdraw',
] as const;

export async function act(
  ctx: Ctx,
  actor: Actor,
  id: string,
  action: (typeof ENGINE_ACTIONS)[number],
  on: string,
  data: Record<string, unknown>,
) {
  return inTx(ctx, async (tx) => {
    const d = await loadDocument(tx, actor, id, true);
    if (action === 'concludeLegalReview') {
      const conclusion = data.conclusion as ConcludeInput['conclusion'];
      return concludeForSubject(ctx, tx, actor, d.caseId, {
        conclusion,
        opinion: typeof data.opinion === 'string' ? data.opinion : '',
      });
    }
    // The review's deadline is the legal office's (its limits for 规范性文件): one date on this case and in the queue.
    const due =
      action === 'submitLegalReview'
        ? await reviewDue(ctx, tx, d.departmentId, 'normativeDocument')
        : undefined;
    await recordAction(
      ctx,
      actor,
      d.caseId,
      { action, on, data: due ? { ...data, dueOn: due.dueOn } : data },
      tx,
    );
    if (action === 'submitLegalReview') {
      const materials = typeof data.materials === 'string' ? data.materials : undefined;
      await submitMatter(ctx, tx, actor, {
        type: 'normativeDocument',
        title: d.title,
        summary: materials,
        departmentId: d.departmentId,
        caseId: d.caseId,
      });
    }
    if (action === 'withdraw')
      await withdrawMattersOf(
        ctx,
        tx,
        actor,
        d.caseId,
        typeof data.reason === 'string' ? data.reason : '终止制定',
      );
  });
}

/** 统一登记编号: the 文号 is allocated (one sequence per 机关代字 per year) or entered and validated. */
export async function assignNumber(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { docNumber?: string; registrationNumber?: string },
) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const today = ctx.clock.today();
    const year = Number(today.slice(0, 4));
    const dept = await getOrg(tx, d.departmentId);
    let docNumber = input.docNumber?.trim();
    if (docNumber) {
      const problem = checkDocNumber(docNumber);
      if (problem)
        throw new AppError('VALIDATION', `文号：${problem}`, {
          fields: [{ path: 'docNumber', message: problem }],
        });
      const parts = parseDocNumber(docNumber)!;
      if (dept.docPrefix && parts.prefix !== dept.docPrefix)
        throw new AppError('VALIDATION', `文号：机关代字应为“${dept.docPrefix}”`, {
          fields: [{ path: 'docNumber', message: `机关代字应为“${dept.docPrefix}”` }],
        });
      if (parts.year !== year)
        throw new AppError('VALIDATION', `文号：年份应为发文年度${year}`, {
          fields: [{ path: 'docNumber', message: `年份应为${year}` }],
        });
      const [taken] = await tx
        .select({ id: normativeDocuments.id })
        .from(normativeDocuments)
        .where(eq(normativeDocuments.docNumber, docNumber));
      if (taken)
        throw new AppError('CONFLICT', `文号：${docNumber}已被使用`, {
          fields: [{ path: 'docNumber', message: '已被使用' }],
        });
    } else {
      if (!dept.docPrefix)
        throw new AppError(
          'VALIDATION',
          '本部门未设置发文机关代字，请由系统管理员在组织机构中设置，或手工填写文号',
        );
      docNumber = await nextDocNumber(tx, d.departmentId, dept.docPrefix, year);
    }
    const registrationNumber = input.registrationNumber?.trim() || null;
    await recordAction(
      ctx,
      actor,
      d.caseId,
      { action: 'assignNumber', on: today, data: { docNumber, registrationNumber } },
      tx,
    );
    await tx
      .update(normativeDocuments)
      .set({
        docNumber,
        docYear: year,
        registrationNumber,
        issuedOn: today,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(normativeDocuments.id, d.id));
    await audit(
      tx,
      ctx,
      actor,
      'document.assignNumber',
      { type: 'normativeDocument', id: d.id },
      { docNumber, registrationNumber },
    );
    return { docNumber };
  });
}

export interface PublishInput {
  effectiveOn?: string;
  validUntil?: string;
  interpretation: string;
  keywords?: string;
  topic?: string;
}

/**
 * 公开发布: the document and its 解读 together, as a 主动公开 record; an amendment supersedes its predecessor. The
 * engine refuses it before the 保密审查 has passed (条例第十七条), and the record names the reviewer's account.
 */
export async function publishDocument(ctx: Ctx, actor: Actor, id: string, input: PublishInput) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const today = ctx.clock.today();
    if (input.interpretation.trim().length < 20)
      throw new AppError('VALIDATION', '政策解读：应与文件同步发布，内容不少于20字', {
        fields: [{ path: 'interpretation', message: '不少于20字' }],
      });
    const effectiveOn = input.effectiveOn || today;
    if (effectiveOn < today)
      throw new AppError('VALIDATION', '施行日期：不能早于发布日期', {
        fields: [{ path: 'effectiveOn', message: '不能早于发布日期' }],
      });
    const s = await getSetting(tx, documentSettings, ctx.clock.now().getTime());
    const years = d.trial === 'none' ? s.validityYears : s.trialValidityYears;
    const maxUntil = defaultValidUntil(effectiveOn, years);
    const validUntil = input.validUntil || maxUntil;
    if (validUntil > maxUntil)
      throw new AppError(
        'VALIDATION',
        `有效期：${d.trial === 'none' ? '' : '试行、暂行文件'}有效期不得超过${years}年（至${maxUntil}）`,
        { fields: [{ path: 'validUntil', message: `不得晚于${maxUntil}` }] },
      );
    if (validUntil < effectiveOn)
      throw new AppError('VALIDATION', '有效期：截止日期不能早于施行日期', {
        fields: [{ path: 'validUntil', message: '不能早于施行日期' }],
      });
    // 备案 is due within the local period after publication (a setting); the date goes with the act.
    const filingDueOn = computeDue(ctx.calendar.current(), {
      from: today,
      count: s.filingDays,
      unit: s.filingUnit,
    }).due;
    await recordAction(
      ctx,
      actor,
      d.caseId,
      {
        action: 'publish',
        on: today,
        data: { channel: '门户网站、政府公报', effectiveOn, interpretation: true, filingDueOn },
      },
      tx,
    );
    const keywords = (input.keywords ?? d.keywords).split(/[\s,，、;；]+/).filter(Boolean);
    const topic = input.topic || d.topic || 'science';
    const pub = await publishItem(tx, ctx, actor, {
      title: d.title,
      category: 'normativeDocument',
      topic,
      keywords,
      docNumber: d.docNumber,
      formedOn: d.issuedOn ?? today,
      summary: `${DOC_TYPE_LABELS[d.docType as DocType] ?? ''}，自${effectiveOn}起施行，有效期至${validUntil}。`,
      body: `${d.bodyText}\n\n政策解读\n${input.interpretation.trim()}`,
      validity: 'inForce',
      source: { module: 'documents', entityId: d.id },
      confidentialityReview: await passedSecrecyReview(tx, d.caseId),
    });
    const search = toSearchText(
      [d.title, d.docNumber ?? '', keywords.join(' '), d.bodyText, input.interpretation].join('\n'),
    );
    await tx
      .update(normativeDocuments)
      .set({
        publishedOn: today,
        effectiveOn,
        validUntil,
        interpretation: input.interpretation.trim(),
        keywords: keywords.join(' '),
        topic,
        publicationId: pub.id,
        search: sqlVector(search),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(normativeDocuments.id, d.id));
    await addEvent(tx, ctx, actor, d.id, { kind: 'published', on: today, act: d.docNumber });
    const fresh = await loadDocument(tx, actor, d.id);
    await refreshStatus(tx, ctx, actor, fresh);
    if (d.supersedesId) {
      const old = await loadDocument(tx, actor, d.supersedesId, true);
      await addEvent(tx, ctx, actor, old.id, {
        kind: 'amended',
        on: today,
        act: d.docNumber,
        data: { by: d.id },
      });
      await refreshStatus(tx, ctx, actor, old);
    }
    await audit(
      tx,
      ctx,
      actor,
      'document.publish',
      { type: 'normativeDocument', id: d.id },
      {
        publicationId: pub.id,
        indexNumber: pub.indexNumber,
        effectiveOn,
        validUntil,
        supersedes: d.supersedesId,
      },
    );
    return { publicationId: pub.id, indexNumber: pub.indexNumber };
  });
}

export const sqlVector = (text: string) => sql`to_tsvector('simple', ${text})` as unknown as string;
