// Shapes of the Fazhi staff API (see the API contract). Dates are 'YYYY-MM-DD' strings.

import type { abilities as coreAbilities } from '../../core/auth/policy.ts';
import type { documentAbilities } from '../../modules/documents/policy.ts';
import type { decisionAbilities } from '../../modules/decisions/policy.ts';
import type { meetingAbilities } from '../../modules/meetings/policy.ts';
import type { reviewAbilities } from '../../modules/reviews/policy.ts';
import type { disclosureAbilities } from '../../modules/disclosure/policy.ts';
import type { litigationAbilities } from '../../modules/litigation/policy.ts';
import type { studyAbilities } from '../../modules/study/policy.ts';
import type { powersAbilities } from '../../modules/powers/policy.ts';
import type { enforcementAbilities } from '../../modules/enforcement/policy.ts';
import type { penaltyAbilities } from '../../modules/penalties/policy.ts';
import type { petitionAbilities } from '../../modules/petitions/policy.ts';
import type { proposalAbilities } from '../../modules/proposals/policy.ts';
import type { supervisionAbilities } from '../../modules/supervision/policy.ts';
import type { hotlineAbilities } from '../../modules/hotline/policy.ts';
import type { reportAbilities } from '../../modules/reports/policy.ts';

export type Unit = 'workday' | 'day';

/**
 * The session's `abilities`: core's (administration, the calendar, 我的待办) and each module's, as the
 * manifests' `abilities` functions grant them (type imports only: the keys come from the server). A
 * module's keys are optional here, so a screen copes with a build without that module.
 */
export type Abilities = ReturnType<typeof coreAbilities> &
  Partial<
    ReturnType<typeof documentAbilities> &
      ReturnType<typeof decisionAbilities> &
      ReturnType<typeof meetingAbilities> &
      ReturnType<typeof reviewAbilities> &
      ReturnType<typeof disclosureAbilities> &
      ReturnType<typeof litigationAbilities> &
      ReturnType<typeof studyAbilities> &
      ReturnType<typeof powersAbilities> &
      ReturnType<typeof enforcementAbilities> &
      ReturnType<typeof penaltyAbilities> &
      ReturnType<typeof petitionAbilities> &
      ReturnType<typeof proposalAbilities> &
      ReturnType<typeof supervisionAbilities> &
      ReturnType<typeof hotlineAbilities> &
      ReturnType<typeof reportAbilities>
  >;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  abilities: Abilities;
}

export interface Meta {
  roles: { code: string; label: string }[];
  orgKinds: { code: string; label: string }[];
}

// 我的待办 as the server defines it (type-only import: nothing of the server reaches the bundle).
export type { WorkItem } from '../../core/cases/worklist.ts';
import type { WorkItem } from '../../core/cases/worklist.ts';

export interface Worklist {
  today: string;
  items: WorkItem[];
  total: number;
  counts: { all: number; dueSoon: number; overdue: number };
}

export interface Notification {
  id: string;
  kind: 'dueSoon' | 'overdue' | 'evaluationDue';
  message: string;
  caseId: string;
  stepId: string;
  createdAt: string;
  readAt: string | null;
}

export interface Notifications {
  unread: number;
  items: Notification[];
}

export interface CaseStep {
  id: string;
  stepCode: string;
  label: string;
  /** 'paused': the engine reports the step's clock paused; `explanation` says why and since when. */
  status: 'open' | 'paused' | 'done' | 'cancelled';
  dueDate: string | null;
  unit: Unit;
  provisional: boolean;
  explanation: string;
  overdue: boolean;
  daysLeft: number | null;
  openedOn: string | null;
  doneOn: string | null;
}

export interface CaseEvent {
  seq: number;
  type: string;
  label: string;
  on: string;
  at: string;
  actorName: string;
  data: Record<string, unknown> | null;
  /** The data in the words of the action's form (labels, option labels). */
  details?: { label: string; value: string }[];
}

export interface ActionField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'boolean';
  required: boolean;
  options?: { value: string; label: string }[];
  /** Bounds of a number; length bounds of a text. */
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  help?: string;
}

export interface CaseAction {
  action: string;
  label: string;
  fields: ActionField[];
}

export interface CasePayload {
  case: {
    id: string;
    title: string;
    module: string;
    moduleLabel: string;
    procedureLabel: string;
    status: string;
    statusLabel: string;
    orgName: string;
    /** The module's own page for this case, where its acts are done (null: the generic page is the place). */
    page: string | null;
    createdAt: string;
  };
  steps: CaseStep[];
  events: CaseEvent[];
  actions: CaseAction[];
  blocked: { action: string; label: string; reason: string }[];
  /** Not in the contract: the server's working "today", used as the default action date when present. */
  today?: string;
}

export interface Org {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  parentId: string | null;
  creditCode: string | null;
  docPrefix: string | null;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  orgName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  payload: unknown;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerify {
  intact: boolean;
  checked: number;
  brokenAt?: number;
  message: string;
}

export interface CalendarYear {
  year: number;
  official: boolean;
  source: 'builtin' | 'notice' | 'none';
  noticeTitle: string | null;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** statutory: assumed from the 全国年节及纪念日放假办法 until the year's notice is entered. */
  source: 'builtin' | 'override' | 'statutory';
}

export interface DueResult {
  due: string;
  provisional: boolean;
  explanation: string;
}
