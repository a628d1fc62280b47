/** The totals of a 清理 campaign (pure: facts.ts counts the year's, cleanup.ts each campaign's). */
import type { CleanupDecision } from './labels.ts';

export interface CleanupTotals {
  total: number;
  keep: number;
  amend: number;
  abolish: number;
  declareInvalid: number;
  pending: number;
  sentence: string;
}

/**
 * A campaign's totals in the form departments report them ("清理规范性文件10份，失效文件2份，废止文件3份，
 * 有效文件5份"): 保留 and 修改 stay in force (a 修改 goes through the amendment procedure).
 */
export function cleanupTotals(items: Array<{ decision: string | null }>): CleanupTotals {
  const n = (d: CleanupDecision) => items.filter((i) => i.decision === d).length;
  const t = {
    total: items.length,
    keep: n('keep'),
    amend: n('amend'),
    abolish: n('abolish'),
    declareInvalid: n('declareInvalid'),
    pending: items.filter((i) => !i.decision).length,
  };
  const sentence =
    `清理规范性文件${t.total}份，失效文件${t.declareInvalid}份，废止文件${t.abolish}份，有效文件${t.keep + t.amend}份` +
    `${t.amend ? `（其中需要修改${t.amend}份）` : ''}${t.pending ? `，尚有${t.pending}份未提出清理意见` : ''}。`;
  return { ...t, sentence };
}
