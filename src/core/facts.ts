/**
 * The contract by which modules hand figures to reports and dashboards (DESIGN: "facts, not prose,
 * cross module borders"): a number, its unit, a sentence, how it is counted, and where the records
 * behind it are listed.
 */
export interface Fact {
  key: string;
  label: string;
  value: number;
  unit: string;
  /** A sentence for the report, in Chinese. */
  sentence: string;
  /** How it was counted, in Chinese. */
  method: string;
  /** Where the records behind the figure are listed (staff API, scoped to the department). */
  records: { path: string; query: Record<string, string | number | boolean> };
}

/** A share in per cent with one decimal (0 when there is nothing to divide by). */
export const pct = (n: number, d: number): number => (d ? Math.round((n / d) * 1000) / 10 : 0);

/**
 * The areas of part (一) of the 法治政府建设年度报告 (RULES §11), in the regulation's order. A
 * module's facts belong to one area; the report groups paragraphs by area.
 */
export const REPORT_AREAS = ['decisions', 'documents', 'enforcement', 'disclosure', 'reconsideration', 'legalEducation', 'other'] as const;
export type ReportArea = (typeof REPORT_AREAS)[number];
export const REPORT_AREA_LABELS: Record<ReportArea, string> = {
  decisions: '依法科学民主决策',
  documents: '行政规范性文件管理',
  enforcement: '严格规范公正文明执法',
  disclosure: '政务公开',
  reconsideration: '行政复议和行政应诉',
  legalEducation: '普法宣传',
  other: '其他工作',
};

/**
 * What a module hands the annual report: its facts for one department and year. Modules register a
 * provider in src/server/modules.ts (factProviders); the report code never names a module.
 */
export interface FactProvider {
  module: string;
  area: ReportArea;
  facts: (ctx: import('./context.ts').Ctx, departmentId: string, year: number) => Promise<Fact[]>;
}
