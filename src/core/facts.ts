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
