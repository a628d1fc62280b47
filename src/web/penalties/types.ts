/** The shapes the penalties API returns (src/modules/penalties/view.ts). */
import type { FormField } from '../lib/ActForm.tsx';

export interface PenaltyItem {
  id: string;
  caseId: string;
  caseNo: string;
  title: string;
  mode: string;
  modeLabel: string;
  partyName: string;
  partyKindLabel: string;
  openedOn: string;
  status: string;
  statusLabel: string;
  decisionNo: string | null;
  decidedOn: string | null;
  typesLabel: string;
  fineAmount: number | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
}
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'longText' | 'date' | 'number' | 'boolean' | 'select';
  required?: boolean;
  options?: Array<{ value: string; label: string }>;
}
export interface OpenStep {
  step: string;
  label: string;
  due?: { date: string; explanation: string };
  overdue: boolean;
}
export interface PenaltyPayload {
  penalty: PenaltyItem & {
    summary: string;
    officerNames: string[];
    decision: Record<string, unknown> | null;
    notice: Record<string, unknown> | null;
    publicationDueOn: string | null;
  };
  state: {
    status: string;
    statusLabel: string;
    openSteps: OpenStep[];
    allowed: Array<{ action: string; label: string; fields?: FieldSpec[] }>;
    blocked: Array<{ action: string; label: string; reason: string }>;
    clocks: Array<{ clock: string; label: string; due?: string; state: string; overdue: boolean }>;
  };
  events: Array<{ seq: number; type: string; label: string; on: string }>;
  files: Array<{
    id: string;
    fileId: string;
    eventSeq: number;
    actLabel: string;
    kindLabel: string;
    name: string;
    size: number;
    sha256: string;
  }>;
  payment: { dueOn: string | null; surcharge: number; daysLate: number };
  officers: Array<{ id: string; name: string; certificateNo: string }>;
  /** The acts' forms as the server declares them (modules/penalties/forms.ts). */
  forms: Record<string, FormField[]>;
  mayAct: boolean;
}
export const PARTY_KINDS = [
  { value: 'individual', label: '自然人' },
  { value: 'organisation', label: '法人或者其他组织' },
];
export const DOCUMENTS = [
  { kind: 'filing', label: '立案审批表' },
  { kind: 'notice', label: '行政处罚事先告知书' },
  { kind: 'hearingNotice', label: '听证通知书' },
  { kind: 'decision', label: '行政处罚决定书' },
  { kind: 'serviceReceipt', label: '送达回证' },
];
