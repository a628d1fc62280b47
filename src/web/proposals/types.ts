import type { CaseStateLite } from '../petitions/CaseSteps.tsx';
import type { ProposalForm } from '../../modules/proposals/forms.ts';
import type { FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';

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
  /** The page's forms, as the server declares them (modules/proposals/forms.ts). */
  forms: Record<ProposalForm, FormField[]>;
  today?: string;
}
/** The label of a value among a declared field's options (the server's declaration, forms.ts). */
export const optionLabel = (fields: readonly FormField[] | undefined, name: string, v: string) =>
  fields?.find((f) => f.name === name)?.options?.find((o) => o.value === v)?.label;

/** A kind's name (人大代表建议, 政协提案), from the declared 类别 field (GET /api/proposals/forms). */
export function useKindLabel() {
  const { fields } = useForms('proposals');
  const create = fields('create');
  return (k: string) => optionLabel(create, 'kind', k) ?? k;
}
