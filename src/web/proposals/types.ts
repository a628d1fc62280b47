import type { CaseStateLite } from '../petitions/CaseSteps.tsx';

export interface Proposal {
  id: string;
  kind: string;
  number: string;
  title: string;
  proposer: string;
  proposerContact: string;
  content: string;
  assignedBy: string;
  assignedOn: string;
  dueOn: string;
  difficult: boolean;
  difficultReason: string | null;
  coDueOn: string | null;
  contactMethod: string | null;
  contactedOn: string | null;
  resultCode: string | null;
  replyText: string | null;
  repliedOn: string | null;
  feedback: string | null;
  publishedOn: string | null;
  publishedText: string | null;
  status: string;
}
export interface ProposalPayload {
  proposal: Proposal;
  opinions: Array<{ id: string; opinion: string; submittedOn: string }>;
  state: CaseStateLite;
  canAct: boolean;
  canCoOpinion: boolean;
  today?: string;
}
export const KINDS = [
  { value: 'deputy', label: '人大代表建议' },
  { value: 'cppcc', label: '政协提案' },
];
export const kindLabel = (k: string) => KINDS.find((o) => o.value === k)?.label ?? k;
export const RESULTS = [
  { value: 'A', label: 'A类（已经解决或基本解决）' },
  { value: 'B', label: 'B类（正在解决或列入计划解决）' },
  { value: 'C', label: 'C类（因条件限制留作参考或以后解决）' },
  { value: 'D', label: 'D类（留作参考）' },
];
export const CONTACTS = [
  { value: 'faceToFace', label: '当面沟通（面商）' },
  { value: 'phone', label: '电话沟通' },
  { value: 'letter', label: '书面沟通' },
  { value: 'visit', label: '走访调研' },
];
export const FEEDBACKS = [
  { value: 'satisfied', label: '满意' },
  { value: 'basicallySatisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
];
