import type { CaseStateLite } from '../petitions/CaseSteps.tsx';
import type { Acts } from '../../core/cases/acts.ts';
import type { TASK_ACTS } from '../../modules/supervision/view.ts';
import type { ActForm as ActFormName } from '../../modules/supervision/forms.ts';
import type { FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';

export interface Task {
  id: string;
  title: string;
  description: string;
  sourceKind: string;
  assignedBy: string;
  assignedOn: string;
  dueOn: string;
  ownerName: string;
  status: string;
  progress: number;
  escalatedOn: string | null;
  closedOn: string | null;
  result: string | null;
  overdue?: boolean;
}
export interface TaskPayload {
  task: Task;
  progress: Array<{ id: string; on: string; text: string; percent: number }>;
  state: CaseStateLite;
  /** The acts' forms, as the server declares them (modules/supervision/forms.ts). */
  forms: Record<ActFormName, FormField[]>;
  /** What this actor may do now (the engine's acts and the policy), and what a rule holds back. */
  acts: Acts<keyof typeof TASK_ACTS>['acts'];
  blocked: Acts<keyof typeof TASK_ACTS>['blocked'];
  today?: string;
}
/** A source's name, from the options of the declared 督办来源 field (GET /api/supervision/forms). */
export function useSourceLabel() {
  const { fields } = useForms('supervision');
  const options = fields('create').find((f) => f.name === 'sourceKind')?.options ?? [];
  return (v: string) => options.find((o) => o.value === v)?.label ?? v;
}
