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
  /**
   * Where the records behind the figure are listed (staff API, scoped to the department). The value
   * is the number of records listed or, when `sum` is set (e.g. comments received over the documents
   * that received them), the total of that numeric field over the records listed.
   */
  records: { path: string; query: Record<string, string | number | boolean>; sum?: string };
  /**
   * Optional: what the figure should be. When the value falls outside [min, max], part (二) of the
   * 法治政府建设年度报告 names it as a shortfall (`shortfall`, a Chinese phrase such as
   * "规范性文件未全部按期报送备案") with the improvement in `suggestion`.
   */
  expect?: { min?: number; max?: number; shortfall: string; suggestion?: string };
  /**
   * Optional: the report area of this fact when it is not its provider's (e.g. the count of
   * 党组会/局长办公会 belongs to the 第一责任人 part while a meetings provider's other facts are 决策).
   */
  area?: ReportArea;
}

/** A share in per cent with one decimal (0 when there is nothing to divide by). */
export const pct = (n: number, d: number): number => (d ? Math.round((n / d) * 1000) / 10 : 0);

/**
 * The areas of the 法治政府建设年度报告 (RULES §11), in the order part (一) presents them (after the
 * 法治政府建设实施纲要's chapters). A module's facts belong to one area; the report groups
 * paragraphs by area. `firstResponsible` is not part (一): its facts (meetings, 学法, 述法) feed part
 * (三), the 党政主要负责人 duties.
 */
export const REPORT_AREAS = [
  'functions',
  'decisions',
  'documents',
  'enforcement',
  'disputes',
  'disclosure',
  'reconsideration',
  'legalEducation',
  'other',
  'firstResponsible',
] as const;
export type ReportArea = (typeof REPORT_AREAS)[number];
export const REPORT_AREA_LABELS: Record<ReportArea, string> = {
  functions: '依法全面履行政府职能',
  decisions: '依法科学民主决策',
  documents: '行政规范性文件管理',
  enforcement: '严格规范公正文明执法',
  disclosure: '政务公开',
  disputes: '依法化解矛盾纠纷',
  reconsideration: '行政复议和行政应诉',
  legalEducation: '普法宣传',
  other: '其他工作',
  firstResponsible: '党政主要负责人履行推进法治建设第一责任人职责',
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
