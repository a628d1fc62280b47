/**
 * Table 二, row 行政规范性文件, from the documents module's records: every figure belongs to the report
 * year, not to the day the report is opened (本年制发: versions published in the year; 本年废止: 废止
 * decisions dated in the year; 现行有效: as at 12月31日 of the year). The rule is the documents
 * module's own (documents/facts.ts inForceOn), so the table, the 法治年报 and the staff list agree.
 */
import type { DbOrTx } from '../../../core/db/client.ts';
import { tableTwoRow } from '../../documents/facts.ts';

export interface DocumentsRow { issued: number; abolished: number; inForce: number }

export async function normativeDocumentsRow(db: DbOrTx, departmentId: string, year: number): Promise<DocumentsRow> {
  const { issued, abolished, inForce } = await tableTwoRow(db, departmentId, year);
  return { issued, abolished, inForce };
}
