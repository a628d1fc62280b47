import type { CaseStateLite } from '../petitions/CaseSteps.tsx';
import type { Acts } from '../../core/cases/acts.ts';
import type { TASK_ACTS } from '../../modules/supervision/view.ts';

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
  /** What this actor may do now (the engine's acts and the policy), and what a rule holds back. */
  acts: Acts<keyof typeof TASK_ACTS>['acts'];
  blocked: Acts<keyof typeof TASK_ACTS>['blocked'];
  today?: string;
}
export const SOURCES = [
  { value: 'workPlan', label: '年度工作要点' },
  { value: 'instruction', label: '领导批示' },
  { value: 'inspection', label: '巡察反馈问题' },
  { value: 'superior', label: '上级交办' },
];
export const sourceLabel = (v: string) => SOURCES.find((s) => s.value === v)?.label ?? v;
