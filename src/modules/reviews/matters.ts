/**
 * Reading a matter. Its status is its own case's (procedure legalReview, procedure.ts): the engine is
 * the only state machine, so a matter row keeps no status of its own and every read joins the case.
 */
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { cases } from '../../core/cases/schema.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import { reviewAssignments, reviewMaterials, reviewMatters } from './schema.ts';

/** A matter with the status of its case: submitted | reviewing | concluded | withdrawn. */
export type MatterRow = typeof reviewMatters.$inferSelect & { status: string };

/** The columns of a matter row (select them from `mattersWithStatus`). */
export const matterColumns = { ...getTableColumns(reviewMatters), status: cases.status };

/** The statuses in which the legal office still reviews (the procedure's non-final statuses after submission). */
export const OPEN_STATUSES = ['submitted', 'reviewing'];

export const isOpen = (m: Pick<MatterRow, 'status'>) => OPEN_STATUSES.includes(m.status);

/** `select matterColumns from review_matters join cases`: the base of every matter read. */
export const mattersWithStatus = (db: DbOrTx) =>
  db.select(matterColumns).from(reviewMatters).innerJoin(cases, eq(cases.id, reviewMatters.caseId));

/** Whether the actor is one of the matter's assigned reviewers (in person, or as the advisor's account). */
export async function isAssigned(db: DbOrTx, actor: Actor, matterId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(eq(reviewAssignments.matterId, matterId), eq(reviewAssignments.userId, actor.userId)),
    )
    .limit(1);
  return !!row;
}

export const scopeOfMatter = (m: MatterRow, assigned: boolean) => ({
  departmentId: m.departmentId,
  orgId: m.orgId,
  assigned,
});

/** A matter the actor may read (404 otherwise: an advisor never learns of matters not assigned to them). */
export async function loadMatter(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ matter: MatterRow; assigned: boolean }> {
  const q = mattersWithStatus(db).where(eq(reviewMatters.id, id));
  // The matter row is the lock a use case takes; its case is locked by the act recorded on it.
  const [m] = forUpdate ? await q.for('update', { of: reviewMatters }) : await q;
  if (!m) throw notFound('审查事项');
  const assigned = await isAssigned(db, actor, m.id);
  authorize(actor, 'reviewMatter', 'read', scopeOfMatter(m, assigned));
  return { matter: m, assigned };
}

/** The matters a subject case (a document, a decision …) submitted, oldest first. */
export async function mattersOfSubject(db: DbOrTx, subjectCaseId: string): Promise<MatterRow[]> {
  return mattersWithStatus(db)
    .where(eq(reviewMatters.subjectCaseId, subjectCaseId))
    .orderBy(reviewMatters.submittedOn, reviewMatters.createdAt);
}

/** The subject's matters still under review, locked (the subject's transaction concludes or withdraws them). */
export async function openMattersOf(tx: Tx, subjectCaseId: string): Promise<MatterRow[]> {
  return mattersWithStatus(tx)
    .where(
      and(eq(reviewMatters.subjectCaseId, subjectCaseId), inArray(cases.status, OPEN_STATUSES)),
    )
    .for('update', { of: reviewMatters });
}

/** A file is readable as a material of a matter the actor may read (GET /api/reviews/:id's rule). */
export async function materialFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: reviewMaterials.matterId })
    .from(reviewMaterials)
    .where(eq(reviewMaterials.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadMatter(db, actor, id),
  );
}
