// Shapes of the Fazhi staff API (see the API contract). Dates are 'YYYY-MM-DD' strings.

export type Unit = 'workday' | 'day';

export interface Abilities {
  manageOrgs: boolean;
  manageUsers: boolean;
  assignRoles: boolean;
  securitySettings: boolean;
  readAudit: boolean;
  editCalendar: boolean;
  businessSettings?: boolean;
  viewWorklist: boolean;
  publish?: boolean;
  editDisclosureGuide?: boolean;
  disclosureRequests?: boolean;
  disclosureReport?: boolean;
  viewDocuments?: boolean;
  draftDocument?: boolean;
  documentCleanup?: boolean;
  filingQueue?: boolean;
  ruleOfLawReport?: boolean;
  reportOversight?: boolean;
  reviewQueue?: boolean;
  submitReview?: boolean;
  manageReviews?: boolean;
  legalAdvisors?: boolean;
  viewDecisions?: boolean;
  startDecision?: boolean;
  manageCatalogue?: boolean;
  viewMeetings?: boolean;
  manageMeetings?: boolean;
  reportImports?: boolean;
  /** Each module's own abilities (its manifest's `abilities`), by the names its screens use. */
  [moduleAbility: string]: boolean | undefined;
}

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
  type: 'date' | 'text' | 'textarea' | 'number' | 'select';
  required: boolean;
  options?: { value: string; label: string }[];
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

export interface SecuritySettings {
  passwordMinLength: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
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
