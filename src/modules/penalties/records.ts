/**
 * 全过程记录 (行政处罚法 Art 47; 国办发〔2018〕118号): every document, photo, audio or video file is attached
 * to the act (case event) that produced it, with its size and SHA-256 and the audit event that proves
 * when; the case archive lists them with the acts and their audit hashes. Files are uploaded through
 * core files (POST /api/files: size-limited by the 业务设置 upload limit, an oversized body refused before
 * it is read), then attached here; the table is append-only (trigger).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { auditEvents } from '../../core/audit/schema.ts';
import { caseEvents } from '../../core/cases/schema.ts';
import { files } from '../../core/files/schema.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import { penaltyFiles } from './schema.ts';
import { authorize } from './policy.ts';
import { audit } from './audit.ts';
import { invalid, loadPenalty, scopeOf } from './service.ts';
import { actLabel } from './view.ts';
import { FILE_KINDS, type FileKind } from './labels.ts';

export async function attachFile(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { fileId: string; kind: FileKind; eventSeq: number },
): Promise<{ id: string; sha256: string }> {
  return inTx(ctx, async (tx) => {
    const p = await loadPenalty(tx, actor, id, true);
    authorize(actor, 'penaltyCase', 'act', scopeOf(p));
    if (!(input.kind in FILE_KINDS)) throw invalid('kind', '材料类型', '无效');
    const [ev] = await tx
      .select({ type: caseEvents.type })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, p.caseId), eq(caseEvents.seq, input.eventSeq)));
    if (!ev) throw invalid('eventSeq', '所属办理环节', '本案没有该办理记录');
    // Content is not read: name, size and hash only.
    const [f] = await tx
      .select({
        id: files.id,
        name: files.name,
        size: files.size,
        sha256: files.sha256,
        departmentId: files.departmentId,
        uploadedBy: files.uploadedBy,
      })
      .from(files)
      .where(eq(files.id, input.fileId));
    if (!f || f.departmentId !== p.departmentId || f.uploadedBy !== actor.userId)
      throw invalid('fileId', '文件', '文件不存在或不是本人上传的文件');
    const [dup] = await tx
      .select({ id: penaltyFiles.id })
      .from(penaltyFiles)
      .where(and(eq(penaltyFiles.penaltyId, p.id), eq(penaltyFiles.fileId, f.id)));
    if (dup) throw new AppError('CONFLICT', '文件：该文件已附入本案记录');
    const rowId = newId();
    const seq = await audit(
      tx,
      ctx,
      actor,
      'penalty.attachFile',
      { type: 'penaltyCase', id: p.id },
      {
        fileId: f.id,
        name: f.name,
        size: f.size,
        sha256: f.sha256,
        kind: input.kind,
        eventSeq: input.eventSeq,
        act: ev.type,
      },
    );
    await tx.insert(penaltyFiles).values({
      id: rowId,
      penaltyId: p.id,
      eventSeq: input.eventSeq,
      act: ev.type,
      kind: input.kind,
      fileId: f.id,
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      addedBy: actor.userId,
      auditSeq: seq,
      createdAt: ctx.clock.now(),
    });
    return { id: rowId, sha256: f.sha256 };
  });
}

/** A stored file is readable when it is attached to a case the actor may read (the case page's rule). */
export async function penaltyFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: penaltyFiles.penaltyId })
    .from(penaltyFiles)
    .where(eq(penaltyFiles.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadPenalty(db, actor, id),
  );
}

/** The case archive (案卷): the acts in order with their audit proofs, and every file with its hash. */
export async function archiveView(ctx: Ctx, actor: Actor, id: string) {
  const p = await loadPenalty(ctx.db, actor, id);
  const events = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, p.caseId))
    .orderBy(asc(caseEvents.seq));
  const attached = await ctx.db
    .select()
    .from(penaltyFiles)
    .where(eq(penaltyFiles.penaltyId, p.id))
    .orderBy(asc(penaltyFiles.eventSeq), asc(penaltyFiles.createdAt));
  const proofs = await ctx.db
    .select({
      seq: auditEvents.seq,
      action: auditEvents.action,
      payload: auditEvents.payload,
      hash: auditEvents.hash,
      at: auditEvents.at,
    })
    .from(auditEvents)
    .where(inArray(auditEvents.entityId, [p.id, p.caseId]))
    .orderBy(asc(auditEvents.seq));
  const caseProof = new Map<number, (typeof proofs)[number]>();
  for (const a of proofs)
    if (a.action.startsWith('case.')) caseProof.set(Number((a.payload as { seq?: number }).seq), a);
  const bySeq = new Map(proofs.map((a) => [a.seq, a]));
  return {
    caseNo: p.caseNo,
    title: p.title,
    acts: events.map((e) => ({
      seq: e.seq,
      act: e.type,
      label: actLabel(e.type),
      on: e.on,
      at: e.at.toISOString(),
      auditSeq: caseProof.get(e.seq)?.seq ?? null,
      auditHash: caseProof.get(e.seq)?.hash ?? null,
    })),
    files: attached.map((f) => ({
      eventSeq: f.eventSeq,
      act: f.act,
      label: actLabel(f.act),
      kind: f.kind,
      kindLabel: FILE_KINDS[f.kind as FileKind],
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      fileId: f.fileId,
      auditSeq: f.auditSeq,
      auditHash: f.auditSeq ? (bySeq.get(f.auditSeq)?.hash ?? null) : null,
    })),
  };
}
