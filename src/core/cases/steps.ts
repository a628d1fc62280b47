import { and, eq, inArray } from 'drizzle-orm';
import { formatDateZh } from '../calendar/explain.ts';
import { newId } from '../clock.ts';
import type { Tx } from '../db/client.ts';
import type { CaseState } from '../procedure/engine.ts';
import { oversightBodyOf } from '../orgs/service.ts';
import { caseSteps } from './schema.ts';

// Roles whose steps belong to the handling division (科室); the others are department-wide
// (the legal office, the leaders) and are seen by everyone with the role in the department.
const DIVISION_ROLES = new Set(['staff', 'officer']);

export interface CaseScope {
  id: string;
  departmentId: string;
  orgId: string;
}

export interface StepChange {
  step: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** What a step's deadline column says while its clock is paused: why, and since when. */
export const pausedExplanation = (p: { reason: string; since: string }) =>
  `期限暂停计算（${p.reason}，自${formatDateZh(p.since)}起）`;

/**
 * Makes the case_steps rows match the engine's open steps: new ones are inserted, changed due
 * dates updated; a step the engine reports paused (PausedStep) keeps its row as 'paused' (out of
 * 我的待办, not done); vanished ones are marked done on `on`. Returns due-date changes (for the audit).
 */
export async function syncSteps(
  tx: Tx,
  c: CaseScope,
  state: CaseState,
  on: string,
): Promise<StepChange[]> {
  const rows = await tx
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.caseId, c.id), inArray(caseSteps.status, ['open', 'paused'])));
  const byStep = new Map(rows.map((r) => [r.step, r]));
  const changes: StepChange[] = [];
  for (const open of state.openSteps) {
    const due = open.due;
    const values = {
      dueDate: due?.date ?? null,
      unit: due?.unit ?? null,
      provisional: due?.provisional ?? false,
      explanation:
        due?.explanation ??
        (open.pause ? pausedExplanation(open.pause) : open.paused ? '期限暂停计算' : ''),
      legalBasis: due?.legalBasis ?? null,
      overdue: open.overdue,
    };
    const row = byStep.get(open.step);
    byStep.delete(open.step);
    if (!row) {
      const divisional =
        open.roles.some((r) => DIVISION_ROLES.has(r)) && c.orgId !== c.departmentId;
      // A step of the oversight body (e.g. 备案审查 by the 司法局) is in that body's 我的待办, not the department's.
      const holder =
        open.heldBy === 'oversight'
          ? ((await oversightBodyOf(tx, c.departmentId))?.id ?? c.departmentId)
          : null;
      await tx.insert(caseSteps).values({
        id: newId(),
        caseId: c.id,
        step: open.step,
        label: open.label,
        roles: open.roles,
        departmentId: holder ?? c.departmentId,
        orgId: holder ?? (divisional ? c.orgId : c.departmentId),
        status: 'open',
        openedOn: open.openedOn ?? on,
        ...values,
      });
      continue;
    }
    if (
      row.status !== 'open' ||
      row.dueDate !== values.dueDate ||
      row.explanation !== values.explanation ||
      row.provisional !== values.provisional ||
      row.overdue !== values.overdue
    ) {
      if (row.dueDate !== values.dueDate)
        changes.push({
          step: open.step,
          label: open.label,
          before: row.dueDate,
          after: values.dueDate,
        });
      await tx
        .update(caseSteps)
        .set({ ...values, status: 'open' })
        .where(eq(caseSteps.id, row.id));
    }
  }
  for (const paused of state.pausedSteps ?? []) {
    const row = byStep.get(paused.step);
    if (!row) continue; // never opened: nothing to show as waiting
    byStep.delete(paused.step);
    const explanation = pausedExplanation(paused);
    if (row.status === 'paused' && row.explanation === explanation) continue;
    if (row.dueDate !== null)
      changes.push({ step: paused.step, label: paused.label, before: row.dueDate, after: null });
    await tx
      .update(caseSteps)
      .set({ status: 'paused', dueDate: null, provisional: false, explanation, overdue: false })
      .where(eq(caseSteps.id, row.id));
  }
  const finished = [...byStep.values()].map((r) => r.id);
  if (finished.length) {
    await tx
      .update(caseSteps)
      .set({ status: 'done', doneOn: on })
      .where(inArray(caseSteps.id, finished));
  }
  return changes;
}
