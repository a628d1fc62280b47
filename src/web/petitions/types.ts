import type { FormField } from '../lib/ActForm.tsx';
import type { CaseStateLite } from './CaseSteps.tsx';

export interface Petition {
  id: string;
  caseId: string;
  number: string;
  channel: string;
  source: string;
  transferredBy: string;
  receivedOn: string;
  petitionerName: string;
  petitionerPhone: string;
  petitionerIdNumber: string;
  petitionerAddress: string;
  content: string;
  category: string | null;
  status: string;
  noticeOn: string | null;
  decision: string | null;
  answeredOn: string | null;
  opinionText: string | null;
  redirectRoute: string | null;
  personalDataMasked: boolean;
  trackingCode: string;
}
export interface PetitionPayload {
  petition: Petition | null;
  state: CaseStateLite | null;
  /** Each act's form as the server declares it (modules/petitions/forms.ts). */
  forms?: Record<string, FormField[]>;
  today?: string;
}

export const CHANNELS = [
  { value: 'letter', label: '来信' },
  { value: 'visit', label: '来访' },
  { value: 'phone', label: '来电' },
  { value: 'online', label: '网上信访' },
  { value: 'hotline', label: '12345热线转办' },
  { value: 'other', label: '其他' },
];
export const CATEGORIES = [
  { value: 'suggestion', label: '建议意见类' },
  { value: 'accusation', label: '检举控告类' },
  { value: 'appeal', label: '申诉求决类' },
];
export const label = (list: ReadonlyArray<{ value: string; label: string }>, v: string | null) =>
  list.find((o) => o.value === v)?.label ?? v ?? '—';
