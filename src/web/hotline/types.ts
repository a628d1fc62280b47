import type { FormField } from '../lib/ActForm.tsx';

export interface TicketItem {
  id: string;
  ticketNo: string;
  title: string;
  kindLabel: string;
  channelLabel: string;
  receivedOn: string;
  dueOn: string;
  repliedOn: string | null;
  late: boolean;
  satisfactionLabel: string;
  citizenName: string | null;
  citizenPhone: string | null;
  status: string;
  statusLabel: string;
  orgName: string | null;
}

export interface ClockInfo {
  clock: string;
  label: string;
  state: string;
  due?: string;
  explanation?: string;
  overdue: boolean;
  late?: boolean;
}

export interface TicketPayload {
  ticket: {
    id: string;
    ticketNo: string;
    title: string;
    content: string;
    location: string | null;
    kindLabel: string;
    channelLabel: string;
    sourceLabel: string;
    receivedOn: string;
    dueOn: string;
    citizenName: string | null;
    citizenPhone: string | null;
    citizenIdNumber: string | null;
    personalDataMasked: boolean;
    trackingCode: string;
    publishConsent: boolean;
    replyText: string | null;
    repliedOn: string | null;
    late: boolean;
    satisfactionLabel: string;
    publishedReply: string | null;
    publishedOn: string | null;
    orgName: string;
    coOrgNames: string[];
    convertedTo: string | null;
    convertedId: string | null;
    caseId: string;
  };
  today: string;
  status: string;
  statusLabel: string;
  clocks: ClockInfo[];
  history: Array<{ seq: number; label: string; on: string; data: Record<string, unknown> }>;
  divisions: Array<{ id: string; name: string }>;
  /** Each act's form, its fields as the server declares them. */
  forms: Record<string, FormField[]>;
  rating: { score: string; scoreLabel: string; comment: string | null; ratedOn: string } | null;
  abilities: Record<
    | 'sign'
    | 'dispute'
    | 'assign'
    | 'requestExtension'
    | 'approveExtension'
    | 'reply'
    | 'visit'
    | 'reopen'
    | 'merge'
    | 'convert'
    | 'publish',
    boolean
  >;
}

export interface ImportResult {
  received: number;
  created: number;
  duplicates: string[];
  errors: Array<{ index: number; ticketNo: string | null; message: string }>;
}
