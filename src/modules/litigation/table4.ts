/**
 * Table 四 of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): 行政复议, 行政诉讼 未经复议直接起诉
 * and 复议后起诉 of the cases about the bureau's 政府信息公开 answers (the challenged act is a
 * disclosureRequest record), each 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计. A case counts in the year
 * it was received, with its result as at 12月31日 (or today while the year runs): decided later, it is
 * 尚未审结 in that year's report.
 */
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { asOfFor, categoryAsOf, presentRow, rowsReceivedIn } from './records.ts';
import type { LitigationRow } from './service.ts';

const COLUMNS = ['maintained', 'corrected', 'other', 'pending'] as const;

/** The group (0 复议, 1 未经复议直接起诉, 2 复议后起诉) of a disclosure case. */
const groupOf = (r: LitigationRow) =>
  r.kind === 'reconsideration' ? 0 : r.afterReconsideration ? 2 : 1;

/** The 15 cells from the cases (pure). */
export function tableFourFrom(rows: LitigationRow[], asOf: string): number[] {
  const cells = Array(15).fill(0) as number[];
  for (const r of rows) {
    if (r.actModule !== 'disclosureRequest') continue;
    const g = groupOf(r);
    cells[g * 5 + COLUMNS.indexOf(categoryAsOf(r, asOf))] += 1;
    cells[g * 5 + 4] += 1;
  }
  return cells;
}

/** Table 四 of a department's year, counted from its cases (called by the disclosure report). */
export async function tableFour(db: DbOrTx, departmentId: string, year: number): Promise<number[]> {
  // No act is dated after today, so "as at 12月31日" is also right while the year runs.
  return tableFourFrom(await rowsReceivedIn(db, departmentId, year), `${year}-12-31`);
}

/** The cases behind one cell (group 0–2, column 0–4; 4 = 总计). */
export async function tableFourCell(
  ctx: Ctx,
  actor: Actor,
  year: number,
  group: number,
  column: number,
) {
  authorize(actor, 'litigationCase', 'list');
  const today = ctx.clock.today();
  const asOf = asOfFor(year, today);
  const rows = (await rowsReceivedIn(ctx.db, actor.departmentId, year)).filter(
    (r) =>
      r.actModule === 'disclosureRequest' &&
      groupOf(r) === group &&
      (column === 4 || COLUMNS.indexOf(categoryAsOf(r, asOf)) === column),
  );
  return rows.map((r) => presentRow(r, asOf));
}
