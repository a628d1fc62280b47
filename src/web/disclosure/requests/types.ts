// Shapes of the 依申请公开 API (src/modules/disclosure/requests/routes.ts).
import type { CasePayload } from '../../lib/types.ts';
import type { approvalView } from '../../../modules/disclosure/requests/approvals.ts';
import type { RequestForm } from '../../../modules/disclosure/requests/forms.ts';
import type { FormField } from '../../lib/ActForm.tsx';

export interface RequestItem {
  id: string;
  caseId: string;
  applicant: string;
  applicantType: string | null;
  description: string;
  channel: string | null;
  receivedOn: string;
  closed: boolean;
  closedOn: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  dueDate: string | null;
  overdue: boolean;
  incomplete: boolean;
}

export interface RequestList {
  total: number;
  items: RequestItem[];
}

export interface RequestRecord {
  id: string;
  caseId: string;
  trackingCode: string;
  applicantKind: string;
  reportColumnLabel: string | null;
  name: string | null;
  idTypeLabel: string | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  description: string | null;
  formLabel: string | null;
  deliveryLabel: string | null;
  channelLabel: string | null;
  receivedOn: string;
  /** 条例 Art 31(2): how a request by post was received. */
  receipt: {
    signedOn?: string;
    mailNumber?: string;
    arrivedOn?: string;
    confirmedOn?: string;
    confirmation?: string;
    lateReason?: string;
  };
  deliveredOn: string | null;
  deliveryMethod: string | null;
  deliveryNote: string | null;
  missing: string[];
  monthlyOrdinal: number;
  /** The actor does not handle the request: name, ID number, phone, e-mail, address masked; tracking code empty. */
  personalDataMasked: boolean;
}

export type RequestDetail = CasePayload & {
  request: RequestRecord;
  answer: null | {
    on: string;
    outcome: string;
    outcomeLabel: string | null;
    reasons?: string;
    legalBasis?: string;
    replyLetterNo?: string;
    delivery?: string;
  };
  files: Array<{ id: string; name: string; size: number }>;
  /** What waits for approval (延长答复期限 or 答复审签), whether this account may decide it, and which role approves. */
  approval: ApprovalView;
  /** The page's forms as the server declares them (modules/disclosure/requests/forms.ts). */
  forms: Record<RequestForm, FormField[]>;
};

export type ApprovalView = Awaited<ReturnType<typeof approvalView>>;
