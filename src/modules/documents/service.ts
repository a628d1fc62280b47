/**
 * 行政规范性文件 as cases: drafting, reading and amending (new versions); the list is in listing.ts.
 * Each use case is one transaction with its audit event; the procedure engine (procedure.ts) checks
 * every step.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { openCase } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { documentFilings, normativeDocuments } from './schema.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import type { DocType, Trial } from './labels.ts';

export type DocumentRow = typeof normativeDocuments.$inferSelect;

export interface DraftInput {
  title: string;
  docType: DocType;
  trial?: Trial;
  concernsMarket: boolean;
  touchesPublicInterest: boolean;
  draftingExplanation?: string;
  legalBases?: string;
  bodyText?: string;
  topic?: string;
  keywords?: string;
  sourceFileId?: string | null;
  /** The issuing body; must be the department (RULES §2.2), defaults to it. */
  issuerId?: string | null;
}

export const scopeOfDoc = (d: DocumentRow) => ({
  departmentId: d.departmentId,
  draftingOrgId: d.draftingOrgId,
  published: !!d.publishedOn,
});

/** RULES §2.2 (37号): 严禁以部门内设机构名义制发行政规范性文件 — the issuer is always the department. */
async function checkIssuer(tx: Tx, actor: Actor, issuerId?: string | null): Promise<string> {
  if (!issuerId) return actor.departmentId;
  const org = await getOrg(tx, issuerId);
  if (org.kind === 'division') {
    throw new AppError(
      'VALIDATION',
      '制发机关：严禁以部门内设机构名义制发行政规范性文件（国办发〔2018〕37号），制发机关应为本部门',
      { fields: [{ path: 'issuerId', message: '内设机构不能作为制发机关' }] },
    );
  }
  if (org.id !== actor.departmentId)
    throw new AppError('VALIDATION', '制发机关：只能以本部门名义制发', {
      fields: [{ path: 'issuerId', message: '只能以本部门名义制发' }],
    });
  return org.id;
}

/** A document version the actor may read (404 otherwise); locked for update when asked. */
export async function loadDocument(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<DocumentRow> {
  const q = db.select().from(normativeDocuments).where(eq(normativeDocuments.id, id));
  const [d] = forUpdate ? await q.for('update') : await q;
  if (!d) throw notFound('规范性文件');
  if (hasRole(actor, 'oversight') && d.departmentId !== actor.departmentId) {
    if (!(await filedWith(db, d, actor.departmentId))) throw notFound('规范性文件');
    return d;
  }
  authorize(actor, 'normativeDocument', 'read', scopeOfDoc(d));
  return d;
}

/**
 * The oversight body reads what was filed with it (有备必审), as its filing queue is scoped: the filed
 * version, and the version the department answered a 纠错 with (recorded with the answer on the case).
 */
async function filedWith(db: DbOrTx, d: DocumentRow, oversightOrgId: string): Promise<boolean> {
  const [filed] = await db
    .select({ id: documentFilings.id })
    .from(documentFilings)
    .where(
      and(eq(documentFilings.documentId, d.id), eq(documentFilings.oversightOrgId, oversightOrgId)),
    );
  if (filed || !d.supersedesId) return !!filed;
  const [answered] = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from document_filings f join normative_documents p on p.id = f.document_id join case_events e on e.case_id = p.case_id
        where f.document_id = ${d.supersedesId} and f.oversight_org_id = ${oversightOrgId} and e.type = 'answerCorrection' and e.data->>'correctedVersionId' = ${d.id}`,
  );
  return !!answered;
}

/** A file is readable as the imported 正文 (.docx) of a document version the actor may read. */
export async function sourceFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: normativeDocuments.id })
    .from(normativeDocuments)
    .where(eq(normativeDocuments.sourceFileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadDocument(db, actor, id),
  );
}

export async function loadForEdit(tx: Tx, actor: Actor, id: string): Promise<DocumentRow> {
  const d = await loadDocument(tx, actor, id, true);
  authorize(actor, 'normativeDocument', 'edit', scopeOfDoc(d));
  return d;
}

function fieldsOf(input: DraftInput) {
  return {
    title: input.title.trim(),
    docType: input.docType,
    trial: input.trial ?? 'none',
    concernsMarket: input.concernsMarket,
    touchesPublicInterest: input.touchesPublicInterest,
    draftingExplanation: input.draftingExplanation?.trim() ?? '',
    legalBases: input.legalBases?.trim() ?? '',
    bodyText: input.bodyText?.trim() ?? '',
    topic: input.topic ?? 'science',
    keywords: input.keywords?.trim() ?? '',
    sourceFileId: input.sourceFileId ?? null,
  };
}

async function insertVersion(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: DraftInput,
  lineage?: { lineageId: string; version: number; supersedesId: string },
): Promise<DocumentRow> {
  const departmentId = await checkIssuer(tx, actor, input.issuerId);
  const id = newId();
  const f = fieldsOf(input);
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'normativeDocument',
      title: f.title,
      orgId: actor.orgId,
      first: {
        action: 'draft',
        on: ctx.clock.today(),
        data: {
          title: f.title,
          concernsMarket: f.concernsMarket,
          assessment: f.draftingExplanation,
        },
      },
    },
    tx,
  );
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(normativeDocuments)
    .values({
      id,
      lineageId: lineage?.lineageId ?? id,
      version: lineage?.version ?? 1,
      supersedesId: lineage?.supersedesId ?? null,
      caseId: c.id,
      departmentId,
      draftingOrgId: actor.orgId,
      ...f,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}

/** A 科室 starts a document (the issuer is the bureau; the drafting 科室 is recorded separately). */
export async function createDraft(ctx: Ctx, actor: Actor, input: DraftInput): Promise<DocumentRow> {
  authorize(actor, 'normativeDocument', 'draft');
  return inTx(ctx, async (tx) => {
    const row = await insertVersion(tx, ctx, actor, input);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.draft',
        entityType: 'normativeDocument',
        entityId: row.id,
        payload: { title: row.title, caseId: row.caseId },
      },
      ctx.clock.now(),
    );
    return row;
  });
}

/** Edits a draft. A published text never changes: amending creates a new version (startAmendment). */
export async function updateDraft(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: DraftInput,
): Promise<DocumentRow> {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    if (d.publishedOn)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '已发布的文件文本不得修改；如需修改，请启动修改程序生成新版本',
      );
    const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, d.caseId));
    if (c.status !== 'drafting' && c.status !== 'new')
      throw new AppError('ACTION_NOT_ALLOWED', '制定程序已经结束，不能再修改文本');
    if (d.docNumber) throw new AppError('ACTION_NOT_ALLOWED', '已统一登记编号的文件不得修改文本');
    const f = fieldsOf(input);
    await checkIssuer(tx, actor, input.issuerId);
    if (f.concernsMarket !== d.concernsMarket)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '是否涉及市场主体在起草时已确定，不能在起草后更改（影响征求意见期限和公平竞争审查）',
      );
    const [row] = await tx
      .update(normativeDocuments)
      .set({ ...f, updatedAt: ctx.clock.now() })
      .where(eq(normativeDocuments.id, d.id))
      .returning();
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.edit',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: { title: row.title },
      },
      ctx.clock.now(),
    );
    return row;
  });
}

/** 修改: a new draft version of a published document; when it is published, it supersedes this one. */
export async function startAmendment(ctx: Ctx, actor: Actor, id: string): Promise<DocumentRow> {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    if (d.legalStatus !== 'inForce' && d.legalStatus !== 'notYetInForce' && d.publishedOn)
      throw new AppError('ACTION_NOT_ALLOWED', '只能修改现行有效的文件');
    return newVersion(tx, ctx, actor, d, {});
  });
}

/**
 * A new draft version of a published document (the caller's transaction, document loaded for edit):
 * the published text never changes. `changes` carries e.g. the text corrected after a 纠错 request.
 */
export async function newVersion(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  d: DocumentRow,
  changes: { bodyText?: string; draftingExplanation?: string },
): Promise<DocumentRow> {
  if (!d.publishedOn) throw new AppError('ACTION_NOT_ALLOWED', '文件尚未发布，可直接修改草案');
  const [pending] = await tx
    .select({ id: normativeDocuments.id })
    .from(normativeDocuments)
    .where(
      and(
        eq(normativeDocuments.supersedesId, d.id),
        sql`${normativeDocuments.publishedOn} is null`,
      ),
    );
  if (pending) throw new AppError('CONFLICT', '该文件已有正在起草的修改稿');
  const input: DraftInput = {
    title: d.title,
    docType: d.docType as DocType,
    trial: d.trial as Trial,
    concernsMarket: d.concernsMarket,
    touchesPublicInterest: d.touchesPublicInterest,
    draftingExplanation: changes.draftingExplanation ?? '',
    legalBases: d.legalBases,
    bodyText: changes.bodyText ?? d.bodyText,
    topic: d.topic,
    keywords: d.keywords,
  };
  const row = await insertVersion(tx, ctx, actor, input, {
    lineageId: d.lineageId,
    version: d.version + 1,
    supersedesId: d.id,
  });
  await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: 'document.amend',
      entityType: 'normativeDocument',
      entityId: row.id,
      payload: { supersedes: d.id, version: row.version },
    },
    ctx.clock.now(),
  );
  return row;
}

export async function versionsOf(db: DbOrTx, lineageId: string) {
  return db
    .select()
    .from(normativeDocuments)
    .where(eq(normativeDocuments.lineageId, lineageId))
    .orderBy(normativeDocuments.version);
}

export async function documentsByIds(db: DbOrTx, ids: string[]) {
  return ids.length
    ? db.select().from(normativeDocuments).where(inArray(normativeDocuments.id, ids))
    : [];
}
