/**
 * The procedure engine: pure functions over (procedure definition, case history, calendar, date).
 * No database and no clock of its own: `today` is passed in (evaluate) or is the event's date (check).
 *
 * Clock semantics (shared by every module):
 * - start: anchored at the starting event's date (or a date field); the start day is not counted;
 * - pause: a pause recorded on P and resumed on R excludes the days in (P, R]; while a pause is
 *   open the clock has no due date (state 'paused'); see PauseDef for pauses that lapse;
 * - restart: re-anchored at the restart event's date; earlier pauses, extensions and override are discarded;
 * - extend: adds N units, the total capped by ExtendDef.cap (checked by check());
 * - override: a custom due date with a reason (e.g. 政府信息公开条例 Art 35);
 * - stop: the clock is satisfied; `late` tells whether that happened after the due date.
 */
import { daysLeft, isValidDate, type Calendar } from '../calendar/calendar.ts';
import { formatDateZh as formatDateZhSafe } from '../calendar/explain.ts';
import {
  compile,
  context,
  fold,
  holds,
  snapshot,
  type Compiled,
  type Ctx,
  type Run,
} from './run.ts';
import type {
  ActionDef,
  AllowedAction,
  BlockedAction,
  CaseEvent,
  CaseState,
  CheckIssue,
  CheckResult,
  ClockState,
  DateRef,
  DateRule,
  FieldSpec,
  NewCaseEvent,
  OpenStep,
  PausedStep,
  ProcedureDef,
} from './types.ts';

export * from './types.ts';
export { compile } from './run.ts';

/** The state of a case as of `today`: status, open steps with due dates, allowed / blocked actions, clocks. */
export function evaluate(
  proc: ProcedureDef,
  history: CaseEvent[],
  cal: Calendar,
  today: string,
): CaseState {
  const c = compile(proc);
  const run = fold(c, history, cal);
  const ctx = context(c, run, cal, today);
  const statusDef = c.statuses.get(run.status);
  const final = !!statusDef?.final;
  const clocks: ClockState[] = [];
  proc.clocks.forEach((def, i) => {
    const r = run.clocks[i];
    if (!r.anchor) return;
    const s = snapshot(ctx, i);
    clocks.push({
      clock: def.code,
      label: def.label,
      state: s.state,
      unit: def.unit,
      startedOn: r.anchor,
      due: s.due,
      provisional: s.provisional,
      explanation: s.explanation,
      legalBasis: def.legalBasis,
      overdue: s.overdue,
      // A passed window (def.window) is simply closed: no negative count.
      daysLeft:
        s.due && s.state === 'running' && !(def.window && today > s.due)
          ? daysLeft(cal, today, s.due, def.unit)
          : undefined,
      stoppedOn: r.stoppedOn,
      late: s.late,
      extended: r.extended,
      cap: def.extend?.cap,
      pauses: s.pauses,
      override: r.override,
    });
  });
  const openSteps: OpenStep[] = [];
  const pausedSteps: PausedStep[] = [];
  const allowed: AllowedAction[] = [];
  const blocked: BlockedAction[] = [];
  if (!final) {
    for (const step of proc.steps) {
      const i = step.clock ? c.clockIndex.get(step.clock) : undefined;
      if (!holds(ctx, step.open)) {
        // Not open, but its clock is only paused: the step waits (a view shows 已暂停 and why); it is not done.
        const pause = i === undefined ? undefined : openPause(snapshot(ctx, i));
        if (pause)
          pausedSteps.push({ step: step.code, label: step.label, roles: step.roles, ...pause });
        continue;
      }
      const open: OpenStep = {
        step: step.code,
        label: step.label,
        roles: step.roles,
        overdue: false,
        openedOn: run.lastOn,
      };
      if (step.heldBy) open.heldBy = step.heldBy;
      if (i !== undefined) {
        const def = proc.clocks[i];
        const s = snapshot(ctx, i);
        open.openedOn = run.clocks[i].anchor ?? run.lastOn;
        if (s.state === 'paused') open.paused = true;
        const pause = openPause(s);
        if (pause) open.pause = pause;
        if (s.due && s.state === 'running') {
          open.due = {
            date: s.due,
            unit: def.unit,
            provisional: !!s.provisional,
            explanation: s.explanation ?? '',
            legalBasis: def.legalBasis,
          };
          open.overdue = s.overdue;
          open.daysLeft = daysLeft(cal, today, s.due, def.unit);
        }
      }
      openSteps.push(open);
    }
    for (const def of proc.actions) {
      if (def.statuses && !def.statuses.includes(run.status)) continue;
      const issue = stateIssue(ctx, def) ?? dateRuleIssues(ctx, def, true).error;
      if (issue)
        blocked.push({
          action: def.code,
          label: def.label,
          roles: def.roles,
          code: issue.code,
          reason: issue.message,
        });
      else
        allowed.push({ action: def.code, label: def.label, roles: def.roles, fields: def.fields });
    }
  }
  const outcomeLabel = run.outcome
    ? proc.outcomes?.find((o) => o.code === run.outcome)?.label
    : undefined;
  return {
    status: run.status,
    statusLabel: statusDef?.label ?? run.status,
    outcome: run.outcome,
    outcomeLabel,
    openSteps,
    pausedSteps,
    allowed,
    blocked,
    clocks,
  };
}

/** The pause that keeps a paused clock from running (its reason and first day), if any. */
function openPause(s: {
  state: string;
  pauses: Array<{ from: string; to?: string; reason: string }>;
}): { reason: string; since: string } | undefined {
  if (s.state !== 'paused') return undefined;
  const p = s.pauses.find((x) => x.to === undefined);
  return p ? { reason: p.reason, since: p.from } : undefined;
}

/** The allowed actions a user holding `roles` may take (allowed ∩ role). */
export function actionsFor(state: CaseState, roles: string[]): AllowedAction[] {
  return state.allowed.filter((a) => a.roles.some((r) => roles.includes(r)));
}

/** The open steps a user holding `roles` is responsible for. */
export function stepsFor(state: CaseState, roles: string[]): OpenStep[] {
  return state.openSteps.filter((s) => s.roles.some((r) => roles.includes(r)));
}

/** Validates a new event against the procedure and the history before it is recorded. */
export function check(
  proc: ProcedureDef,
  history: CaseEvent[],
  event: NewCaseEvent,
  cal: Calendar,
): CheckResult {
  const c = compile(proc);
  const def = c.actions.get(event.type);
  if (!def) return fail('unknown_action', `未知的操作：${event.type}`);
  if (!isValidDate(event.on))
    return fail(
      'invalid_date',
      `办理日期无效：${String(event.on)}（应为YYYY-MM-DD格式的有效日期）`,
    );
  const run = fold(c, history, cal);
  if (run.lastOn && event.on < run.lastOn)
    return fail(
      'date_order',
      `办理日期${formatDateZhSafe(event.on)}不能早于上一项记录的日期${formatDateZhSafe(run.lastOn)}`,
    );
  const ctx = context(c, run, cal, event.on, event);
  const status = c.statuses.get(run.status);
  if (status?.final) return fail('case_closed', `本案已${status.label}，不能再${def.label}`);
  if (def.statuses && !def.statuses.includes(run.status))
    return fail('wrong_status', `当前状态（${status?.label ?? run.status}）下不能${def.label}`);
  const issue = stateIssue(ctx, def);
  if (issue) return fail(issue.code, issue.message);
  const roles = event.actorRoles ?? [];
  if (!def.roles.some((r) => roles.includes(r))) {
    const names = def.roles.map((r) => proc.roleLabels?.[r] ?? r).join('或');
    return fail('role_forbidden', `「${def.label}」须由${names}办理`);
  }
  const fieldIssue = checkFields(ctx, def.fields ?? [], roles);
  if (fieldIssue) return fail(fieldIssue.code, fieldIssue.message);
  const { error, warnings } = dateRuleIssues(ctx, def, false);
  if (error) return fail(error.code, error.message);
  const capIssue = checkCaps(c, run, def, event);
  if (capIssue) return fail(capIssue.code, capIssue.message);
  return warnings.length ? { ok: true, warnings } : { ok: true };
}

/**
 * Coerces form input (strings from HTML forms) to the types the action's FieldSpecs declare:
 * 'true'/'false' → boolean, numeric strings → number, '' → dropped. Unknown fields are kept as is.
 * Call before check() when data comes from a generic form; JSON clients may send typed values.
 */
export function normalizeData(
  proc: ProcedureDef,
  action: string,
  data: Record<string, unknown> = {},
): Record<string, unknown> {
  const def = compile(proc).actions.get(action);
  const out: Record<string, unknown> = { ...data };
  for (const f of def?.fields ?? []) {
    const v = out[f.name];
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t === '') delete out[f.name];
    else if (f.type === 'boolean' && (t === 'true' || t === 'false')) out[f.name] = t === 'true';
    else if (f.type === 'number' && /^-?\d+(\.\d+)?$/.test(t)) out[f.name] = Number(t);
    else if (f.type === 'date' || f.type === 'select') out[f.name] = t;
  }
  return out;
}

const fail = (code: string, message: string): CheckResult => ({ ok: false, code, message });

/** Why the action cannot happen now because of the case state (once, gates, within a deadline). */
function stateIssue(ctx: Ctx, def: ActionDef): CheckIssue | undefined {
  if (def.once && ctx.run.acts.has(def.code))
    return { code: def.once.code ?? 'already_done', message: def.once.message };
  for (const g of def.requires ?? [])
    if (!holds(ctx, g.when)) return { code: g.code, message: g.message };
  if (def.within) {
    const i = ctx.c.clockIndex.get(def.within.clock);
    const s = i === undefined ? undefined : snapshot(ctx, i);
    if (s?.due && ctx.asOf > s.due)
      return {
        code: def.within.code ?? 'deadline_passed',
        message: `${def.within.message}（期限已于${formatDateZhSafe(s.due)}届满）`,
      };
  }
  return undefined;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function checkFields(ctx: Ctx, fields: FieldSpec[], roles: string[]): CheckIssue | undefined {
  const data = ctx.event?.data ?? {};
  for (const f of fields) {
    const v = data[f.name];
    const required =
      !!f.required ||
      (!!f.requiredUnlessRole && !f.requiredUnlessRole.some((r) => roles.includes(r))) ||
      (!!f.requiredWhen && holds(ctx, f.requiredWhen));
    if (isEmpty(v)) {
      if (required) return { code: 'field_required', message: `请填写「${f.label}」` };
      continue;
    }
    const bad = (why: string): CheckIssue => ({
      code: 'field_invalid',
      message: `「${f.label}」${why}`,
    });
    switch (f.type) {
      case 'date':
        if (typeof v !== 'string' || !isValidDate(v)) return bad('不是有效日期（YYYY-MM-DD）');
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) return bad('应为数字');
        if (f.min !== undefined && v < f.min) return bad(`不得小于${f.min}`);
        if (f.max !== undefined && v > f.max) return bad(`不得大于${f.max}`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') return bad('应为“是”或“否”');
        break;
      case 'select':
        if (!f.options?.some((o) => o.value === v)) return bad('的取值不在可选范围内');
        break;
      default:
        if (typeof v !== 'string') return bad('应为文字');
        if (f.minLength !== undefined && v.trim().length < f.minLength)
          return bad(`不得少于${f.minLength}个字`);
        if (f.maxLength !== undefined && v.trim().length > f.maxLength)
          return bad(`不得超过${f.maxLength}个字`);
    }
  }
  return undefined;
}

function resolveDate(ctx: Ctx, ref: DateRef): string | undefined {
  let v: unknown;
  if (ref === 'event') v = ctx.asOf;
  else if ('action' in ref) {
    const rec = ctx.run.acts.get(ref.action);
    if (!rec) return undefined;
    v = ref.field ? rec.last.data?.[ref.field] : rec.last.on;
  } else v = ctx.event?.data?.[ref.field];
  return typeof v === 'string' && isValidDate(v) ? v : undefined;
}

const refsEventData = (r: DateRef) => r !== 'event' && !('action' in r);

/** Minimum / maximum durations. `preview`: evaluate() judging as of today, skipping rules on event fields. */
function dateRuleIssues(
  ctx: Ctx,
  def: ActionDef,
  preview: boolean,
): { error?: CheckIssue; warnings: CheckIssue[] } {
  const warnings: CheckIssue[] = [];
  for (const rule of def.dateRules ?? []) {
    if (preview && (refsEventData(rule.from) || refsEventData(rule.to) || rule.severity === 'warn'))
      continue;
    const issue = ruleIssue(ctx, rule);
    if (!issue) continue;
    if (rule.severity === 'warn') warnings.push(issue);
    else return { error: issue, warnings };
  }
  return { warnings };
}

function ruleIssue(ctx: Ctx, rule: DateRule): CheckIssue | undefined {
  if (rule.when && !holds(ctx, rule.when)) return undefined;
  const from = resolveDate(ctx, rule.from);
  const to = resolveDate(ctx, rule.to);
  if (!from || !to) return undefined;
  const shift = (n: number, unit: 'workday' | 'day') =>
    unit === 'workday' ? ctx.cal.addWorkdays(from, n) : ctx.cal.addDays(from, n);
  if (rule.min) {
    const bound = shift(rule.min.count, rule.min.unit);
    if (to < bound)
      return { code: rule.code, message: `${rule.message}（应不早于${formatDateZhSafe(bound)}）` };
  }
  if (rule.max) {
    const bound = shift(rule.max.count, rule.max.unit);
    if (to > bound)
      return { code: rule.code, message: `${rule.message}（应不晚于${formatDateZhSafe(bound)}）` };
  }
  return undefined;
}

function checkCaps(
  c: Compiled,
  run: Run,
  def: ActionDef,
  event: NewCaseEvent,
): CheckIssue | undefined {
  for (const [i, clock] of c.proc.clocks.entries()) {
    const ext = clock.extend;
    if (!ext || ext.action !== def.code) continue;
    const n = Number(event.data?.[ext.field] ?? 0);
    const already = run.clocks[i].extended;
    if (already + n > ext.cap) {
      const u = clock.unit === 'workday' ? '个工作日' : '日';
      return {
        code: 'cap_exceeded',
        message: `${clock.label}延长合计不得超过${ext.cap}${u}（已延长${already}${u}，本次${n}${u}）`,
      };
    }
  }
  return undefined;
}
