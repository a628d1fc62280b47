/**
 * The public surface of 行政执法 for other modules (行政处罚 cases in src/modules/penalties/): officer
 * eligibility (行政处罚法 Art 42: ≥ 2 officers with valid 执法资格) and the result of an inspection that
 * a case may start from. Officer ids are officer record ids (enforcement_officers.id), not user ids.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { assertOfficersEligible as assertEligible, eligibleOfficers } from './officers.ts';
import { inspections, officers } from './schema.ts';
import { RESULT_LABELS } from './labels.ts';

/**
 * Throws AppError (VALIDATION, Chinese reason naming the officer) when an id is unknown or of another
 * department, the certificate is expired or not yet valid on `on` (YYYY-MM-DD), or the status is not 在岗.
 */
export async function assertOfficersEligible(
  db: DbOrTx,
  departmentId: string,
  officerIds: string[],
  on: string,
): Promise<void> {
  return assertEligible(db, departmentId, officerIds, on);
}

/** The officers who may be drawn or assigned on a date (在岗, certificate valid), by certificate number. */
export async function listEligibleOfficers(
  db: DbOrTx,
  departmentId: string,
  on: string,
): Promise<Array<{ id: string; name: string; certificateNo: string }>> {
  const rows = await eligibleOfficers(db, departmentId, on);
  return rows.map((o) => ({ id: o.id, name: o.name, certificateNo: o.certificateNo }));
}

export interface InspectionResultView {
  id: string;
  targetName: string;
  creditCode: string;
  inspectedOn: string | null;
  findings: string;
  result: string | null;
  resultLabel: string | null;
  inspectorIds: string[];
}

/** An inspection record of the department with its finding and result, or undefined. */
export async function getInspectionResult(
  db: DbOrTx,
  departmentId: string,
  inspectionRecordId: string,
): Promise<InspectionResultView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(inspectionRecordId)) return undefined;
  const [r] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, inspectionRecordId), eq(inspections.departmentId, departmentId)));
  if (!r) return undefined;
  return {
    id: r.id,
    targetName: r.targetName,
    creditCode: r.creditCode,
    inspectedOn: r.inspectedOn,
    findings: r.findings,
    result: r.result,
    resultLabel: r.result ? RESULT_LABELS[r.result] : null,
    inspectorIds: r.inspectorIds,
  };
}

/** The departments that keep an officer registry (行政执法统计 opens a yearly case for each of them). */
export async function departmentsWithOfficers(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ id: officers.departmentId }).from(officers);
  return rows.map((r) => r.id);
}

export { redrawCommand } from './cli.ts';
