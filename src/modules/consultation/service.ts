/**
 * 公开征求意见 as a reusable component: open a consultation on a draft, take public comments on
 * the portal inside the window, give each a disposition after it closes, publish the 意见采纳情况.
 * The owning module (规范性文件, 重大行政决策) authorizes its staff and passes its transaction;
 * comment-window minimums are rules of the owning procedure (checked by its engine before opening).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { consultationComments, consultations } from './schema.ts';
import { DISPOSITIONS, dispositionReport, type Disposition } from './report.ts';
import { articleLabel, articles } from './text.ts';

export type ConsultationRow = typeof consultations.$inferSelect;
export type CommentRow = typeof consultationComments.$inferSelect;

export const COMMENT_MAX_CHARS = 5000;

export interface OpenInput {
  subjectType: string;
  subjectId: string;
  caseId?: string | null;
  departmentId: string;
  title: string;
  draftText: string;
  explanation?: string;
  startOn: string;
  endOn: string;
  /** Why the window is shorter than the owner's statutory minimum; shown in the notice. */
  shortenedReason?: string | null;
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

/** Opens a consultation (in the owner's transaction). */
export async function openConsultation(
  tx: Tx,
  ctx: Ctx,
  input: OpenInput,
): Promise<ConsultationRow> {
  if (input.endOn < input.startOn) invalid('endOn', '征求意见截止日期：不能早于开始日期');
  if (!input.draftText.trim()) invalid('draftText', '征求意见稿：正文不能为空');
  const [row] = await tx
    .insert(consultations)
    .values({
      id: newId(),
      ...input,
      caseId: input.caseId ?? null,
      explanation: input.explanation ?? '',
      shortenedReason: input.shortenedReason?.trim() || null,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return row;
}

export async function loadConsultation(
  db: DbOrTx,
  id: string,
  forUpdate = false,
): Promise<ConsultationRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = db.select().from(consultations).where(eq(consultations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function latestFor(
  db: DbOrTx,
  subjectType: string,
  subjectId: string,
): Promise<ConsultationRow | null> {
  const [row] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.subjectType, subjectType), eq(consultations.subjectId, subjectId)))
    .orderBy(sql`${consultations.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Consultations of a kind of subject whose window is still open on `today`, latest end first (portal lists). */
export async function openConsultations(
  db: DbOrTx,
  subjectType: string,
  today: string,
  limit = 10,
  departmentId?: string,
) {
  return db
    .select({ id: consultations.id, title: consultations.title, endOn: consultations.endOn })
    .from(consultations)
    .where(
      and(
        eq(consultations.subjectType, subjectType),
        departmentId ? eq(consultations.departmentId, departmentId) : undefined,
        sql`${consultations.closedOn} is null`,
        sql`${consultations.endOn} >= ${today}::date`,
      ),
    )
    .orderBy(desc(consultations.endOn))
    .limit(limit);
}

/** The comments in order, each with the article it is on as the portal and the report say it (第四条, or 总体意见). */
export async function listComments(
  db: DbOrTx,
  consultationId: string,
): Promise<Array<CommentRow & { articleLabel: string }>> {
  const rows = await db
    .select()
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId))
    .orderBy(asc(consultationComments.seq));
  return rows.map((r) => ({
    ...r,
    articleLabel: r.articleNo ? articleLabel(r.articleNo) : '总体意见',
  }));
}

/** Where the window stands on `today`: before it opens, open, or closed (with the Chinese reason). */
export function windowState(
  c: ConsultationRow,
  today: string,
): { open: boolean; message?: string } {
  if (c.closedOn) return { open: false, message: `征求意见已于${c.closedOn}结束，不再接收意见。` };
  if (today < c.startOn)
    return { open: false, message: `征求意见将于${c.startOn}开始，届时可提交意见。` };
  if (today > c.endOn)
    return { open: false, message: `征求意见期限已于${c.endOn}届满，不再接收意见。` };
  return { open: true };
}

export interface CommentInput {
  body: string;
  articleNo?: number | null;
  authorName?: string | null;
  contact?: string | null;
}

const clean = (s: string) =>
  // eslint-disable-next-line no-control-regex -- control characters never reach the stored comment
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

/** A public comment from the portal: inside the window only; text stored as typed (escaped on output). */
export async function submitComment(
  ctx: Ctx,
  consultationId: string,
  input: CommentInput,
): Promise<{ seq: number }> {
  const body = clean(input.body ?? '');
  if (!body) invalid('body', '意见内容：必填');
  if (body.length > COMMENT_MAX_CHARS)
    invalid('body', `意见内容：不能超过${COMMENT_MAX_CHARS}字（当前${body.length}字）`);
  const authorName = clean(input.authorName ?? '').slice(0, 100) || null;
  const contact = clean(input.contact ?? '').slice(0, 200) || null;
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    const c = await loadConsultation(tx, consultationId, true);
    if (!c) throw notFound('征求意见');
    const w = windowState(c, ctx.clock.today());
    if (!w.open) throw new AppError('ACTION_NOT_ALLOWED', w.message!);
    if (input.articleNo != null && !articles(c.draftText).includes(input.articleNo))
      invalid('articleNo', '针对条款：征求意见稿中没有该条');
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from consultation_comments where consultation_id = ${c.id}`,
    );
    const seq = n + 1;
    await tx.insert(consultationComments).values({
      id: newId(),
      consultationId: c.id,
      seq,
      articleNo: input.articleNo ?? null,
      body,
      authorName,
      contact,
      submittedAt: now,
    });
    // Contact details stay out of the audit payload (they are private).
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: null,
        action: 'consultation.comment',
        entityType: 'consultation',
        entityId: c.id,
        payload: { seq, articleNo: input.articleNo ?? null, length: body.length },
      },
      now,
    );
    return { seq };
  });
}

/** Closes the window (in the owner's transaction); returns the number of comments received. */
export async function closeConsultation(tx: Tx, c: ConsultationRow, on: string): Promise<number> {
  if (c.closedOn) throw new AppError('ACTION_NOT_ALLOWED', '征求意见已经结束');
  if (on < c.endOn)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `征求意见期限至${c.endOn}届满，届满前不能结束征求意见`,
    );
  await tx.update(consultations).set({ closedOn: on }).where(eq(consultations.id, c.id));
  return (await listComments(tx, c.id)).length;
}

export interface DispositionInput {
  disposition: Disposition;
  reason?: string | null;
}

/** 采纳 / 部分采纳 / 不采纳 with a reason (required unless adopted); only after the window closed. */
export async function disposeComment(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  c: ConsultationRow,
  commentId: string,
  input: DispositionInput,
): Promise<CommentRow> {
  if (!c.closedOn) throw new AppError('ACTION_NOT_ALLOWED', '征求意见结束后才能逐条处理意见');
  if (c.reportPublishedOn)
    throw new AppError('ACTION_NOT_ALLOWED', '意见采纳情况已公布，不能再修改处理意见');
  if (!DISPOSITIONS.includes(input.disposition)) invalid('disposition', '处理意见：取值无效');
  const reason = clean(input.reason ?? '');
  if (input.disposition !== 'adopted' && reason.length < 2)
    invalid('reason', '理由：部分采纳或不采纳的，应当说明理由');
  const [row] = await tx
    .update(consultationComments)
    .set({
      disposition: input.disposition,
      reason: reason || null,
      disposedBy: actor.userId,
      disposedAt: ctx.clock.now(),
    })
    .where(
      and(eq(consultationComments.id, commentId), eq(consultationComments.consultationId, c.id)),
    )
    .returning();
  if (!row) throw notFound('意见');
  return row;
}

/** Publishes the 意见采纳情况 (all comments must have a disposition). */
export async function publishReport(tx: Tx, c: ConsultationRow, on: string) {
  if (!c.closedOn)
    throw new AppError('ACTION_NOT_ALLOWED', '征求意见尚未结束，不能公布意见采纳情况');
  if (c.reportPublishedOn) throw new AppError('ACTION_NOT_ALLOWED', '意见采纳情况已经公布');
  const report = dispositionReport(c, await listComments(tx, c.id));
  if (report.pending > 0)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `还有${report.pending}条意见未处理，处理完毕后才能公布意见采纳情况`,
    );
  await tx.update(consultations).set({ reportPublishedOn: on }).where(eq(consultations.id, c.id));
  return report;
}
