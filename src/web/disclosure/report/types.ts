// Shapes of the annual report API (src/modules/disclosure/report/routes.ts).
export interface Table3Row {
  key: string;
  section: string;
  group: string;
  label: string;
  cells: number[];
}
export interface Table2Row {
  key: string;
  block: string;
  label: string;
  columns: string[];
  values: number[];
  source: string;
}
export interface Prose {
  overview: string;
  problems: string;
  other: string;
}
/** Staff-entered rows of table 二 (table 四 is computed from the litigation cases, never typed). */
export interface Manual {
  table2: Record<string, number[]>;
}
export interface ReportPayload {
  year: number;
  exists: boolean;
  /** The report's deadline case (it carries the 保密审查 before publication). */
  caseId: string | null;
  frozen: boolean;
  status: string | null;
  canEdit: boolean;
  canListRequests: boolean;
  prose: Prose;
  manual: Manual;
  tables: {
    table2: Table2Row[];
    table3: Table3Row[];
    table4: number[];
    fees: { count: number; amount: number };
  };
  lastYear: { cells: number[]; source: 'report' | 'computed' };
  violations: Array<{ rule: string; message: string }>;
  deadline: { dueDate: string | null; explanation: string; overdue: boolean } | null;
}
export interface CellRequest {
  id: string;
  receivedOn: string;
  closedOn: string | null;
  description: string;
  applicant: string;
}
