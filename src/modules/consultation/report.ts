/**
 * 意见采纳情况 (优化营商环境条例 Art 62 feedback; 重大行政决策程序暂行条例 Art 18): generated from the
 * dispositions of the comments. Pure: the same report is shown on the portal and exported to .docx.
 */
import { articleLabel } from './text.ts';

export const DISPOSITION_LABELS = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不采纳',
} as const;
export type Disposition = keyof typeof DISPOSITION_LABELS;
export const DISPOSITIONS = Object.keys(DISPOSITION_LABELS) as Disposition[];
/** The 处理意见 choices as the workbench shows them (its select and each comment's label). */
export const DISPOSITION_OPTIONS = DISPOSITIONS.map((value) => ({
  value,
  label: DISPOSITION_LABELS[value],
}));

export interface ReportComment {
  seq: number;
  articleNo: number | null;
  body: string;
  disposition: string | null;
  reason: string | null;
}

export interface DispositionReport {
  total: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  pending: number;
  summary: string;
  items: Array<{ seq: number; article: string; body: string; disposition: string; reason: string }>;
}

export function dispositionReport(
  c: { title: string; startOn: string; endOn: string },
  comments: ReportComment[],
): DispositionReport {
  const n = (d: Disposition) => comments.filter((x) => x.disposition === d).length;
  const adopted = n('adopted');
  const partlyAdopted = n('partlyAdopted');
  const notAdopted = n('notAdopted');
  const pending = comments.length - adopted - partlyAdopted - notAdopted;
  const period = `${cnDate(c.startOn)}至${cnDate(c.endOn)}`;
  const summary =
    comments.length === 0
      ? `《${c.title}》于${period}向社会公开征求意见，征求意见期间未收到意见建议。`
      : `《${c.title}》于${period}向社会公开征求意见，共收到意见建议${comments.length}条，其中采纳${adopted}条，部分采纳${partlyAdopted}条，不采纳${notAdopted}条。对未予采纳和部分采纳的意见，说明理由如下。`;
  return {
    total: comments.length,
    adopted,
    partlyAdopted,
    notAdopted,
    pending,
    summary,
    items: comments.map((x) => ({
      seq: x.seq,
      article: x.articleNo ? articleLabel(x.articleNo) : '总体意见',
      body: x.body,
      disposition: x.disposition ? DISPOSITION_LABELS[x.disposition as Disposition] : '待处理',
      reason: x.reason ?? '',
    })),
  };
}

/** 2025-03-03 → 2025年3月3日 */
export function cnDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
