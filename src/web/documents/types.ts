import type { CasePayload } from '../lib/types.ts';
import type { FormField } from '../lib/ActForm.tsx';

export interface DocComment {
  id: string;
  seq: number;
  articleNo: number | null;
  articleLabel: string;
  body: string;
  authorName: string | null;
  contact: string | null;
  disposition: string | null;
  reason: string | null;
}

export interface DocumentPayload {
  document: {
    id: string;
    title: string;
    docType: string;
    docTypeLabel: string;
    trial: string;
    trialLabel: string;
    concernsMarket: boolean;
    touchesPublicInterest: boolean;
    keywords: string;
    sourceFile: { id: string; name: string; size: number } | null;
    draftingExplanation: string;
    legalBases: string;
    bodyText: string;
    draftingOrgName: string;
    issuerName: string;
    docNumber: string | null;
    registrationNumber: string | null;
    publishedOn: string | null;
    effectiveOn: string | null;
    validUntil: string | null;
    interpretation: string;
    legalStatus: string;
    legalStatusLabel: string;
    version: number;
    ending: { label: string; on?: string; act?: string | null } | null;
  };
  procedure: CasePayload & { today: string };
  consultation: null | {
    id: string;
    startOn: string;
    endOn: string;
    closedOn: string | null;
    reportPublishedOn: string | null;
    articles: number[];
    comments: DocComment[];
    report: { summary: string; pending: number };
    /** The server's 处理意见 choices (consultation DISPOSITION_OPTIONS). */
    dispositions: { value: string; label: string }[];
  };
  events: {
    kind: string;
    on: string;
    act: string | null;
    note: string | null;
    data?: Record<string, unknown>;
  }[];
  filing: null | {
    id: string;
    status: string;
    statusLabel: string;
    submittedOn: string;
    dueOn: string;
    correctionRequest: string | null;
    answer: string | null;
    reviewOpinion: string | null;
    acceptedOn: string | null;
  };
  versions: {
    id: string;
    version: number;
    docNumber: string | null;
    publishedOn: string | null;
    legalStatus: string;
    legalStatusLabel: string;
  }[];
  abilities: Record<
    | 'edit'
    | 'openComment'
    | 'closeComment'
    | 'dispose'
    | 'publishFeedback'
    | 'assignNumber'
    | 'publish'
    | 'file'
    | 'answerFiling'
    | 'reviewFiling'
    | 'amend'
    | 'end'
    | 'evaluate',
    boolean
  > & {
    engineActions: CasePayload['actions'];
    /** 集体审议 is possible now: the held meetings whose agenda lists the document (null: not now). */
    decideAt: { id: string; name: string; meetingOn: string }[] | null;
  };
  /** The forms' fields as the server declares them (documents/forms.ts), by form. */
  forms: Record<string, FormField[]>;
}

export interface CleanupTotals {
  total: number;
  keep: number;
  amend: number;
  abolish: number;
  declareInvalid: number;
  pending: number;
  sentence: string;
}
export interface CleanupCampaign {
  id: string;
  title: string;
  basis: string;
  openedOn: string;
  publishedOn: string | null;
  totals: CleanupTotals;
}
export interface CleanupItem {
  documentId: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  legalStatus: string;
  legalStatusLabel: string;
  decision: string | null;
  decisionLabel: string;
  note: string | null;
}
export interface CleanupDetail {
  campaign: Omit<CleanupCampaign, 'totals'>;
  totals: CleanupTotals;
  items: CleanupItem[];
}
