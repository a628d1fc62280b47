/**
 * 决策过程记录和材料 (条例 Art 33), append-only: every piece is a new row, numbered per decision, with
 * the audit event (SM3 chain) that proves when it was added. A correction after the decision is a
 * new entry superseding the earlier one, with its reason; nothing is ever overwritten (the table
 * refuses UPDATE and DELETE, migration decision_evidence_append_only).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { files } from '../../core/files/schema.ts';
import { decisionEvidence, type majorDecisions } from './schema.ts';

export type DecisionRow = typeof majorDecisions.$inferSelect;
export type EvidenceRow = typeof decisionEvidence.$inferSelect;

export interface EvidenceInput {
  kind: string;
  title: string;
  body?: string;
  fileIds?: string[];
  supersedesId?: string | null;
  note?: string | null;
}

/** Statuses after the collective decision: evidence added then is marked 决策后补充. */
export const AFTER_DECISION = [
  'decided',
  'implementing',
  'suspended',
  'readjusting',
  'superseded',
  'stopped',
  'rejected',
];

export const MAX_EVIDENCE_FILES = 20;

/** The files named by id, owned by the decision's department, in the given order (metadata only). */
async function filesOf(tx: Tx, departmentId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_EVIDENCE_FILES)
    throw new AppError('VALIDATION', `附件：一次最多上传${MAX_EVIDENCE_FILES}个文件`, {
      fields: [{ path: 'fileIds', message: `最多${MAX_EVIDENCE_FILES}个` }],
    });
  if (!unique.length) return [];
  const rows = await tx
    .select({
      id: files.id,
      name: files.name,
      size: files.size,
      sha256: files.sha256,
      mime: files.mime,
    })
    .from(files)
    .where(and(inArray(files.id, unique), eq(files.departmentId, departmentId)));
  if (rows.length !== unique.length)
    throw new AppError('VALIDATION', '附件：文件不存在或不属于本部门', {
      fields: [{ path: 'fileIds', message: '文件不存在或不属于本部门' }],
    });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

/**
 * Records the evidence of one act in the caller's transaction: a text entry (when `body` is given)
 * and one entry per file, then the audit event naming them (with each file's SHA-256), and returns
 * the audit sequence number. Call it last in the use case, like appendAudit.
 */
export async function recordEvidence(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  d: DecisionRow,
  input: EvidenceInput & { caseEventSeq?: number | null; afterDecision: boolean },
  audit: { action: string; payload?: Record<string, unknown> },
): Promise<number> {
  const attached = await filesOf(tx, d.departmentId, input.fileIds ?? []);
  if (input.supersedesId) {
    const [prev] = await tx
      .select({ id: decisionEvidence.id })
      .from(decisionEvidence)
      .where(
        and(eq(decisionEvidence.id, input.supersedesId), eq(decisionEvidence.decisionId, d.id)),
      );
    if (!prev) throw notFound('被更正的材料');
  }
  // Numbering per decision under the decision row's lock (the caller loaded it FOR UPDATE).
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(seq), 0)::int as n from decision_evidence where decision_id = ${d.id}`,
  );
  const now = ctx.clock.now();
  const base = {
    decisionId: d.id,
    kind: input.kind,
    caseEventSeq: input.caseEventSeq ?? null,
    supersedesId: input.supersedesId ?? null,
    afterDecision: input.afterDecision,
    note: input.note?.trim() || null,
    addedBy: actor.userId,
    addedAt: now,
  };
  const rows: Array<Omit<EvidenceRow, 'auditSeq'>> = [];
  let seq = n;
  if (input.body?.trim())
    rows.push({
      ...base,
      id: newId(),
      seq: ++seq,
      title: input.title,
      body: input.body.trim(),
      fileId: null,
      fileName: null,
      fileSize: null,
      fileSha256: null,
      mime: null,
    });
  for (const f of attached)
    rows.push({
      ...base,
      id: newId(),
      seq: ++seq,
      title: input.title,
      body: '',
      fileId: f.id,
      fileName: f.name,
      fileSize: f.size,
      fileSha256: f.sha256,
      mime: f.mime,
    });
  const auditSeq = await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `decision.${audit.action}`,
      entityType: 'majorDecision',
      entityId: d.id,
      payload: {
        ...audit.payload,
        caseEventSeq: input.caseEventSeq ?? null,
        evidence: rows.map((r) => ({
          id: r.id,
          seq: r.seq,
          kind: r.kind,
          title: r.title,
          fileName: r.fileName,
          sha256: r.fileSha256,
          supersedes: r.supersedesId,
        })),
      },
    },
    now,
  );
  if (rows.length) await tx.insert(decisionEvidence).values(rows.map((r) => ({ ...r, auditSeq })));
  return auditSeq;
}

export async function evidenceOf(db: DbOrTx, decisionId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(decisionEvidence)
    .where(eq(decisionEvidence.decisionId, decisionId))
    .orderBy(asc(decisionEvidence.seq));
}
