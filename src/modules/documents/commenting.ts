/**
 * 公开征求意见 of a draft (consultation component), each step in one transaction with the case act
 * (engine check) and the audit: the window opened and closed, the comments disposed of, the 意见采纳情况
 * published next to the draft on the portal.
 */
import { AppError } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAction } from '../../core/cases/service.ts';
import {
  closeConsultation,
  disposeComment,
  latestFor,
  openConsultation,
  publishReport,
  type DispositionInput,
} from '../consultation/index.ts';
import { loadForEdit, type DocumentRow } from './service.ts';
import { audit } from './audit.ts';

/** 公开征求意见: the engine checks the window minimum; the draft goes to the portal with a comment form. */
export async function openComment(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { startOn: string; endOn: string; channel?: string },
) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    if (!d.bodyText.trim())
      throw new AppError('ACTION_NOT_ALLOWED', '征求意见稿正文为空，请先填写或上传正文');
    if (input.startOn < ctx.clock.today())
      throw new AppError(
        'VALIDATION',
        '征求意见开始日期：不能早于今天（意见征集需在网站上实际公开）',
        { fields: [{ path: 'startOn', message: '不能早于今天' }] },
      );
    await recordAction(
      ctx,
      actor,
      d.caseId,
      {
        action: 'openComment',
        on: ctx.clock.today(),
        data: { ...input, channel: input.channel || '门户网站意见征集栏目' },
      },
      tx,
    );
    const c = await openConsultation(tx, ctx, {
      subjectType: 'normativeDocument',
      subjectId: d.id,
      caseId: d.caseId,
      departmentId: d.departmentId,
      title: d.title,
      draftText: d.bodyText,
      explanation: d.draftingExplanation,
      startOn: input.startOn,
      endOn: input.endOn,
    });
    await audit(
      tx,
      ctx,
      actor,
      'document.openComment',
      { type: 'normativeDocument', id: d.id },
      {
        consultationId: c.id,
        startOn: input.startOn,
        endOn: input.endOn,
      },
    );
    return c;
  });
}

async function consultationOf(tx: Tx, d: DocumentRow) {
  const c = await latestFor(tx, 'normativeDocument', d.id);
  if (!c) throw new AppError('ACTION_NOT_ALLOWED', '该文件没有公开征求意见');
  return c;
}

/** Closes the window after it ended; the case records the number of comments received. */
export async function closeComment(ctx: Ctx, actor: Actor, id: string) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const c = await consultationOf(tx, d);
    const today = ctx.clock.today();
    const count = await closeConsultation(tx, c, today);
    await recordAction(
      ctx,
      actor,
      d.caseId,
      { action: 'closeComment', on: today, data: { commentCount: count } },
      tx,
    );
    await audit(
      tx,
      ctx,
      actor,
      'document.closeComment',
      { type: 'normativeDocument', id: d.id },
      { consultationId: c.id, commentCount: count },
    );
    return { commentCount: count };
  });
}

export async function dispose(
  ctx: Ctx,
  actor: Actor,
  id: string,
  commentId: string,
  input: DispositionInput,
) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const c = await consultationOf(tx, d);
    const row = await disposeComment(tx, ctx, actor, c, commentId, input);
    await audit(
      tx,
      ctx,
      actor,
      'document.dispose',
      { type: 'normativeDocument', id: d.id },
      {
        commentId,
        seq: row.seq,
        disposition: input.disposition,
      },
    );
  });
}

/** Publishes the 意见采纳情况 next to the draft on the portal. */
export async function publishFeedback(ctx: Ctx, actor: Actor, id: string) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const c = await consultationOf(tx, d);
    const report = await publishReport(tx, c, ctx.clock.today());
    await audit(
      tx,
      ctx,
      actor,
      'document.publishFeedback',
      { type: 'normativeDocument', id: d.id },
      {
        consultationId: c.id,
        total: report.total,
        adopted: report.adopted,
      },
    );
    return report;
  });
}
