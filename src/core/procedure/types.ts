/**
 * Procedures are data (DESIGN.md). A module declares its statutory procedure with these types and
 * the engine (evaluate / check) enforces it; when the law changes, one declaration changes.
 *
 * Vocabulary:
 * - an ACTION is what a user does (receive, answer, extend …); each recorded action is a CaseEvent;
 * - a STEP is pending work shown in 待办 (open while its `open` condition holds), optionally driven by a CLOCK;
 * - a CLOCK is a statutory period: started/restarted/paused/resumed/extended/overridden/stopped by actions;
 * - a GATE is a prerequisite with the Chinese reason shown when it blocks an action.
 */
import type { Unit } from '../calendar/calendar.ts';

export type { Unit };

/** One recorded act in the case history. `on` is the legal date the act happened (YYYY-MM-DD). */
export interface CaseEvent {
  type: string; // action code
  on: string;
  seq: number;
  actorRoles?: string[];
  data?: Record<string, unknown>;
}

export type NewCaseEvent = Omit<CaseEvent, 'seq'>;

// ---------- conditions (data, evaluated by the engine) ----------

export type Scalar = string | number | boolean | null;

/**
 * A condition on the case so far. "As of" is `today` in evaluate() and the new event's date in check().
 * - done / notDone: whether any of the actions has happened;
 * - status: the case status is one of these;
 * - last: the latest occurrence of `action` has data[field] equal to `eq` / one of `in` (false if never happened);
 * - data: the event being checked has data[field] equal to `eq` / one of `in` (evaluate(): no event, value undefined);
 * - latest: among the listed actions, the one that happened last is `is` (e.g. a review concluded after its submission);
 * - clock: the clock's state is one of `state`, and/or it is (not) overdue as of the date.
 */
export type Cond =
  | { done: string | string[] }
  | { notDone: string | string[] }
  | { status: string | string[] }
  | { last: string; field: string; eq?: Scalar; in?: Scalar[] }
  | { data: string; eq?: Scalar; in?: Scalar[] }
  | { latest: string[]; is: string }
  | { clock: string; state?: ClockRunState | ClockRunState[]; overdue?: boolean }
  | { all: Cond[] }
  | { any: Cond[] }
  | { not: Cond };

/** A prerequisite: when `when` does not hold, the action is blocked with `code` and the Chinese `message`. */
export interface Gate {
  when: Cond;
  code: string;
  message: string;
}

// ---------- fields (what data an action needs; a generic UI renders a form from them) ----------

export type FieldType =
  | 'text'
  | 'longText'
  | 'date'
  | 'number'
  | 'boolean'
  | 'select'
  /** A secret: never trimmed, drawn as a password input, never echoed. */
  | 'password'
  /** Free tags: a list of short texts (e.g. 关键词), `maxItems` of them, each up to `maxLength`. */
  | 'tags'
  /** One control for two dates, posted as its two `ends` (e.g. from and to in a row). */
  | 'dateRange'
  /** Repeating rows: a list whose every row is the `rows` fields, `minItems` to `maxItems` rows. */
  | 'list';

export interface FieldSpec {
  name: string;
  label: string; // Chinese
  type: FieldType;
  required?: boolean;
  /** Required unless the actor has one of these roles (e.g. a recorded approver unless the actor is the leader). */
  requiredUnlessRole?: string[];
  /** Required only when this condition holds (conditions may look at the event's own data). */
  requiredWhen?: Cond;
  options?: Array<{ value: string; label: string }>;
  /** A select of records the page offers at the time (e.g. the meetings to come): the value is a record's id. */
  ref?: boolean;
  /** Bounds for numbers (in the body's unit). */
  min?: number;
  max?: number;
  /** number: whole numbers only. */
  integer?: boolean;
  /** number: the unit drawn after the control (位, 分钟, 年); the body's label names it (锁定时长（分钟）). */
  unit?: string;
  /** number: the body counts a smaller unit than the form shows (字节 of MB): body = shown × factor. */
  scale?: { factor: number; unit: string; decimals: number };
  /** number: the bounds as the body's messages name them when its figure would not say it (1 KB, 200 MB). */
  boundsText?: { min: string; max: string };
  /** text: the form a text must have (a regular expression's source), and what is said when it has not. */
  pattern?: { source: string; message: string };
  /** Length bounds for texts (characters, after trimming). */
  minLength?: number;
  maxLength?: number;
  help?: string; // Chinese hint
  /** An example shown in the empty control (e.g. 如：春节). */
  placeholder?: string;
  /** An optional field's value when it is left out of the body (e.g. 调休上班, 否); the form leaves it empty. */
  default?: string | boolean;
  /** An optional field the API also takes as null, as left empty (what its older callers send). */
  nullable?: boolean;
  /** password: what the browser may fill in (its saved password, or a new one). */
  autocomplete?: 'current-password' | 'new-password';
  /** A repeat of the named field (确认新密码): the form checks that both agree; it is not posted. */
  confirms?: string;
  /** select: options given by the server at request time (e.g. from the settings); any code is taken and the service checks it. */
  offered?: boolean;
  /** dateRange: its start and end, each a date field of the body. */
  ends?: readonly [FieldSpec, FieldSpec];
  /** list: the fields of each row (plain fields, no lists within). */
  rows?: readonly FieldSpec[];
  /** list and tags: bounds on the number of rows or tags. */
  minItems?: number;
  maxItems?: number;
  /** list: how a row is called before its first field and in its remove button, {n} its number (第{n}项). */
  rowLabel?: string;
  /** list: the remove button's accessible name when not 删除 + rowLabel + label (删除第{n}个调休上班日). */
  removeLabel?: string;
}

// ---------- date rules (minimum durations, maximum spans) ----------

/** A date: this event's date, a field of this event, or (the date or a field of) the latest earlier `action`. */
export type DateRef = 'event' | { field: string } | { action: string; field?: string };

export interface Span {
  count: number;
  unit: Unit;
}

/**
 * `to` must be ≥ `from` + min and ≤ `from` + max (start day not counted). Skipped when a referenced
 * date is missing or `when` does not hold. severity 'warn' reports without refusing (e.g. "一般不少于").
 */
export interface DateRule {
  from: DateRef;
  to: DateRef;
  min?: Span;
  max?: Span;
  when?: Cond;
  code: string;
  message: string;
  severity?: 'error' | 'warn';
}

// ---------- actions ----------

export interface ActionEffect {
  when?: Cond; // may look at the event's own data
  status?: string;
  /** A fixed outcome code, or the value of one of the event's fields. */
  outcome?: string | { field: string };
}

/** `A`: the action codes a procedure declares, kept as a type by defineProcedure (default: any code). */
export interface ActionDef<A extends string = string> {
  code: A;
  label: string; // Chinese
  roles: string[];
  fields?: FieldSpec[];
  /** Statuses in which the action is offered at all; default: every non-final status. */
  statuses?: string[];
  /** May happen only once; the message explains why not again. */
  once?: { code?: string; message: string };
  requires?: Gate[];
  /** Must happen on or before this clock's due date (e.g. 补正告知 within 7 WD, 条例 Art 30). */
  within?: { clock: string; code?: string; message: string };
  dateRules?: DateRule[];
  effects?: ActionEffect[];
}

// ---------- clocks ----------

export type ClockRunState = 'notStarted' | 'running' | 'paused' | 'stopped';

/** An action that (re)anchors a clock. The anchor is the event's date, or the date in `dateField` when given. */
export interface Trigger {
  action: string;
  dateField?: string;
  /** Chinese note put before the explanation, e.g. "收到补正后的申请，重新起算（条例第30条）". */
  note?: string;
}

/**
 * Pause semantics: a pause recorded on date P and resumed on date R excludes the days in (P, R]
 * from the count. When `lapse` names another clock (e.g. the third party's 15-WD reply window) and
 * no resume was recorded, the pause ends on that clock's due date once it has passed; a late resume
 * cannot lengthen the pause beyond it either.
 */
export interface PauseDef {
  action: string;
  reason: string; // Chinese, used in explanations: "征求第三方意见"
  resume: string[];
  lapse?: string;
}

/** Extension: adds `field` units (a number in the event's data); the total over the clock's life is capped. */
export interface ExtendDef {
  action: string;
  field: string;
  cap: number;
}

/** A custom due date with a reason (条例 Art 35 合理期限). */
export interface OverrideDef {
  action: string;
  dateField: string;
  reasonField: string;
}

export interface ClockDef {
  code: string;
  label: string; // Chinese
  unit: Unit;
  /** Statutory length; omit when the due date is set by the starting action (`dueField`). */
  count?: number;
  /**
   * The due date is this field of the starting event (e.g. the 补正期限 given to the applicant); with
   * `count` too, the count applies when the starting event has no such date.
   */
  dueField?: string;
  /** Calendar-day periods ending on a 法定休假日 roll to the next working day (民诉法 Art 85). */
  rollForward?: boolean;
  legalBasis?: string;
  /**
   * A window for an optional act (e.g. the 7-WD window to ask for 补正): when it passes the window
   * just closes, it is never reported overdue. Use with ActionDef.within.
   */
  window?: boolean;
  start: Trigger[];
  /** Re-anchors the clock at the event's date and discards earlier pauses, extensions and override. */
  restart?: Trigger[];
  /** Actions that satisfy (stop) the clock. */
  stop?: string[];
  pause?: PauseDef[];
  extend?: ExtendDef;
  override?: OverrideDef;
}

// ---------- steps and the procedure ----------

export interface StepDef {
  code: string;
  label: string; // Chinese
  roles: string[];
  open: Cond;
  /** The clock whose due date is this step's deadline. */
  clock?: string;
  /**
   * Who holds the step when it is not the case's own department: 'oversight' is the department's
   * oversight body (e.g. the 司法局 reviewing a filing), whose 我的待办 then lists it.
   */
  heldBy?: 'oversight';
}

export interface StatusDef {
  code: string;
  label: string; // Chinese
  final?: boolean;
}

export interface ProcedureDef<A extends string = string> {
  code: string;
  label: string; // Chinese
  statuses: StatusDef[];
  initialStatus: string;
  /** Role code → Chinese label, for messages. */
  roleLabels?: Record<string, string>;
  steps: StepDef[];
  actions: ActionDef<A>[];
  clocks: ClockDef[];
  /** Outcome code → Chinese label. */
  outcomes?: Array<{ code: string; label: string }>;
}

/**
 * A procedure whose action codes stay a type (`ActionCode<typeof X>`): what a module records under
 * them (its audit codes, `penalty.${ActionCode<…>}`) is checked against the procedure as declared.
 */
export function defineProcedure<const A extends string>(def: ProcedureDef<A>): ProcedureDef<A> {
  return def;
}

/** A procedure's actions declared in a file of their own (assembled into one defineProcedure). */
export function defineActions<const A extends string>(actions: ActionDef<A>[]): ActionDef<A>[] {
  return actions;
}

/** The action codes of a procedure declared with defineProcedure (string for any other). */
export type ActionCode<P extends { actions: ReadonlyArray<{ code: string }> }> =
  P['actions'][number]['code'];

// ---------- results ----------

export interface DueInfo {
  date: string;
  unit: Unit;
  provisional: boolean;
  explanation: string;
  legalBasis?: string;
}

export interface OpenStep {
  step: string;
  label: string;
  roles: string[];
  /** When the step's clock was anchored, else the date of the latest event. */
  openedOn?: string;
  due?: DueInfo;
  overdue: boolean;
  daysLeft?: number;
  /** The step's clock is paused (no due date while paused). */
  paused?: boolean;
  /** StepDef.heldBy: held outside the case's department. */
  heldBy?: 'oversight';
  /** Why and since when, while paused (the clock's open pause, e.g. 征求第三方意见). */
  pause?: { reason: string; since: string };
}

/**
 * A step whose own clock is paused while its `open` condition does not hold (e.g. the answer to a
 * disclosure request while the applicant supplements it): not done, waiting for the pause to end.
 */
export interface PausedStep {
  step: string;
  label: string;
  roles: string[];
  reason: string;
  since: string;
}

export interface AllowedAction {
  action: string;
  label: string;
  roles: string[];
  fields?: FieldSpec[];
}

export interface BlockedAction {
  action: string;
  label: string;
  roles: string[];
  code: string;
  reason: string; // Chinese
}

export interface ClockState {
  clock: string;
  label: string;
  state: ClockRunState;
  unit: Unit;
  startedOn?: string;
  due?: string;
  provisional?: boolean;
  explanation?: string;
  legalBasis?: string;
  overdue: boolean;
  daysLeft?: number;
  stoppedOn?: string;
  /** Stopped after its due date (e.g. answered late). */
  late?: boolean;
  extended: number;
  cap?: number;
  pauses: Array<{ from: string; to?: string; reason: string }>;
  override?: { date: string; reason: string };
}

export interface CaseState {
  status: string;
  statusLabel: string;
  outcome?: string;
  outcomeLabel?: string;
  openSteps: OpenStep[];
  /** Steps not open now only because their clock is paused (see PausedStep); a view shows them as 已暂停. */
  pausedSteps?: PausedStep[];
  allowed: AllowedAction[];
  blocked: BlockedAction[];
  clocks: ClockState[];
}

export interface CheckIssue {
  code: string;
  message: string;
}

export type CheckResult =
  { ok: true; warnings?: CheckIssue[] } | { ok: false; code: string; message: string };
