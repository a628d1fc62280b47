/**
 * The reports module's public reader for other modules: the items of part (四) (下一年度主要安排) of a
 * department's 法治政府建设年度报告 — the next year's 法治政府建设工作要点 — as plain text, from the
 * published version, else the approved one, else the current draft.
 */
import type { DbOrTx } from '../../core/db/client.ts';
import { blockText } from './document.ts';
import { contentOf, figuresOf, findReport, versionById } from './store.ts';

// The "as at" rule of every module's yearly figures (12月31日 of the year, or today while it runs) and the
// report's part order (the 述法 records follow it).
export { asOfText, periodEnd, stepOverdueAt, type PeriodEnd } from './facts.ts';
export { reportTemplateSetting } from './template.ts';

export interface PlanItem {
  blockId: string;
  section: string;
  text: string;
}

export async function reportPlanItems(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<PlanItem[] | undefined> {
  const r = await findReport(db, departmentId, year);
  if (!r) return undefined;
  const v = await versionById(
    db,
    r.publishedVersionId ?? r.approvedVersionId ?? r.currentVersionId,
  );
  const figures = figuresOf(v);
  const plans = contentOf(v).parts.find((p) => p.code === 'plans');
  const items: PlanItem[] = [];
  let section = '';
  for (const b of plans?.blocks ?? []) {
    const text = blockText(b, (k) => figures[k]).trim();
    if (b.kind === 'h2') section = text;
    else if (text) items.push({ blockId: b.id, section, text });
  }
  return items;
}
