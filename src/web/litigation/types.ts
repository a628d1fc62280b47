import type { Unit } from '../lib/types.ts';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'longText' | 'date' | 'number' | 'boolean' | 'select';
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
}

export interface CaseItem {
  id: string;
  caseId: string;
  kind: 'reconsideration' | 'lawsuit';
  kindLabel: string;
  caseNo: string;
  applicant: string;
  body: string;
  procedureType: string | null;
  act: { module: string; recordId: string; path: string } | null;
  actTitle: string;
  filedOn: string | null;
  receivedOn: string;
  /** 复议: the 复议机关's 受理日期 when registered (the case page only). */
  acceptedOn?: string | null;
  afterReconsideration: boolean;
  answeredOn: string | null;
  answerDue: string | null;
  answerLate: boolean | null;
  evidence: { title: string; gatheredOn: string }[];
  result: {
    code: string;
    label: string;
    on: string;
    category: string;
    categoryLabel: string;
  } | null;
  firstResult: { code: string; label: string; on: string } | null;
  appealedOn: string | null;
}

export interface ClockState {
  clock: string;
  label: string;
  state: string;
  unit: Unit;
  due?: string;
  provisional?: boolean;
  explanation?: string;
  legalBasis?: string;
  overdue: boolean;
  late?: boolean;
  stoppedOn?: string;
  pauses: { from: string; to?: string; reason: string }[];
  /** The 复议机关's own period (行政复议法 Art 62): information, never the bureau's overdue item. */
  body?: boolean;
  passed?: boolean;
  watch?: string;
}

export interface CaseView {
  record: CaseItem;
  status: string;
  statusLabel: string;
  outcomeLabel: string | null;
  clocks: ClockState[];
  openSteps: {
    step: string;
    label: string;
    due?: { date: string; explanation: string };
    overdue: boolean;
    paused?: boolean;
  }[];
  actions: { action: string; label: string; fields?: FieldSpec[] }[];
  blocked: { action: string; label: string; reason: string }[];
  history: {
    seq: number;
    type: string;
    label: string;
    on: string;
    fields: { label: string; value: string }[];
  }[];
  canAct: boolean;
  today: string;
}
