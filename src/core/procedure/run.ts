/**
 * Replaying a case history into a run state, clock snapshots and condition evaluation.
 * Internal to the engine (evaluate / check in engine.ts).
 */
import {
  computeDue,
  isValidDate,
  type Calendar,
  type ExcludedInterval,
} from '../calendar/calendar.ts';
import { formatDateZh } from '../calendar/explain.ts';
import { unknownNames } from './refs.ts';
import type {
  ActionDef,
  CaseEvent,
  ClockDef,
  ClockRunState,
  Cond,
  NewCaseEvent,
  PauseDef,
  ProcedureDef,
  Scalar,
  StatusDef,
  Trigger,
} from './types.ts';

type ClockOp =
  | { clock: number; kind: 'start' | 'restart'; trigger: Trigger }
  | { clock: number; kind: 'stop' | 'extend' | 'override' }
  | { clock: number; kind: 'pause' | 'resume'; pause: PauseDef };

export interface Compiled {
  proc: ProcedureDef;
  actions: Map<string, ActionDef>;
  clockIndex: Map<string, number>;
  statuses: Map<string, StatusDef>;
  ops: Map<string, ClockOp[]>;
  actionLabel: (code: string) => string;
}

const compiledCache = new WeakMap<ProcedureDef, Compiled>();

/** Indexes a procedure once (cached per definition object) and checks that its references resolve. */
export function compile(proc: ProcedureDef): Compiled {
  const hit = compiledCache.get(proc);
  if (hit) return hit;
  const problems = unknownNames(proc);
  if (problems.length) throw new Error(`procedure ${proc.code}: ${problems.join('; ')}`);
  const actions = new Map(proc.actions.map((a) => [a.code, a]));
  const clockIndex = new Map(proc.clocks.map((c, i) => [c.code, i]));
  const ops = new Map<string, ClockOp[]>();
  const add = (action: string, op: ClockOp) => {
    const list = ops.get(action) ?? [];
    list.push(op);
    ops.set(action, list);
  };
  proc.clocks.forEach((c, i) => {
    for (const t of c.start) add(t.action, { clock: i, kind: 'start', trigger: t });
    for (const t of c.restart ?? []) add(t.action, { clock: i, kind: 'restart', trigger: t });
    for (const p of c.pause ?? []) {
      add(p.action, { clock: i, kind: 'pause', pause: p });
      for (const r of p.resume) add(r, { clock: i, kind: 'resume', pause: p });
    }
    if (c.extend) add(c.extend.action, { clock: i, kind: 'extend' });
    if (c.override) add(c.override.action, { clock: i, kind: 'override' });
    for (const s of c.stop ?? []) add(s, { clock: i, kind: 'stop' });
  });
  const statuses = new Map(proc.statuses.map((s) => [s.code, s]));
  const compiled: Compiled = {
    proc,
    actions,
    clockIndex,
    statuses,
    ops,
    actionLabel: (code) => actions.get(code)?.label ?? code,
  };
  compiledCache.set(proc, compiled);
  return compiled;
}

export interface PauseRun {
  key: string;
  reason: string;
  from: string;
  to?: string;
  lapse?: string;
}

export interface ClockRun {
  anchor?: string;
  note?: string;
  startEvent?: CaseEvent;
  stoppedOn?: string;
  pauses: PauseRun[];
  extended: number;
  override?: { date: string; reason: string };
}

export interface Run {
  status: string;
  outcome?: string;
  lastOn?: string;
  lastSeq: number;
  acts: Map<string, { count: number; last: CaseEvent }>;
  clocks: ClockRun[];
}

export interface Snapshot {
  state: ClockRunState;
  due?: string;
  provisional?: boolean;
  explanation?: string;
  overdue: boolean;
  late: boolean;
  excluded: ExcludedInterval[];
  /** Every pause with its resolved end (undefined while still open). */
  pauses: Array<{ from: string; to?: string; reason: string }>;
}

/** Evaluation context: conditions and clocks are judged "as of" a date, optionally with the event being checked. */
export interface Ctx {
  c: Compiled;
  run: Run;
  cal: Calendar;
  asOf: string;
  event?: NewCaseEvent;
  snaps: Array<Snapshot | undefined>;
}

export function context(
  c: Compiled,
  run: Run,
  cal: Calendar,
  asOf: string,
  event?: NewCaseEvent,
): Ctx {
  return { c, run, cal, asOf, event, snaps: new Array(c.proc.clocks.length) };
}

const freshClock = (): ClockRun => ({ pauses: [], extended: 0 });

/** Replays the history (ordered by seq) into a run state. */
export function fold(c: Compiled, history: CaseEvent[], cal: Calendar): Run {
  const run: Run = {
    status: c.proc.initialStatus,
    lastSeq: 0,
    acts: new Map(),
    clocks: c.proc.clocks.map(freshClock),
  };
  let sorted = history;
  for (let i = 1; i < history.length; i++) {
    if (history[i].seq < history[i - 1].seq) {
      sorted = [...history].sort((a, b) => a.seq - b.seq);
      break;
    }
  }
  for (const e of sorted) apply(c, run, cal, e);
  return run;
}

export function apply(c: Compiled, run: Run, cal: Calendar, e: CaseEvent): void {
  const rec = run.acts.get(e.type);
  if (rec) {
    rec.count++;
    rec.last = e;
  } else run.acts.set(e.type, { count: 1, last: e });
  for (const op of c.ops.get(e.type) ?? []) applyOp(c, run, cal, e, op);
  const def = c.actions.get(e.type);
  if (def?.effects) {
    const ctx = context(c, run, cal, e.on, e);
    for (const eff of def.effects) {
      if (eff.when && !holds(ctx, eff.when)) continue;
      if (eff.status) run.status = eff.status;
      if (eff.outcome !== undefined)
        run.outcome =
          typeof eff.outcome === 'string'
            ? eff.outcome
            : String(e.data?.[eff.outcome.field] ?? '') || undefined;
    }
  }
  if (!run.lastOn || e.on > run.lastOn) run.lastOn = e.on;
  run.lastSeq = Math.max(run.lastSeq, e.seq);
}

function applyOp(c: Compiled, run: Run, cal: Calendar, e: CaseEvent, op: ClockOp): void {
  const def = c.proc.clocks[op.clock];
  const r = run.clocks[op.clock];
  const running = !!r.anchor && !r.stoppedOn;
  switch (op.kind) {
    case 'start':
    case 'restart': {
      // (Re)anchoring discards earlier pauses, extensions and override (restart semantics, 条例 Art 30).
      const d = op.trigger.dateField ? e.data?.[op.trigger.dateField] : undefined;
      run.clocks[op.clock] = {
        ...freshClock(),
        anchor: typeof d === 'string' && isValidDate(d) ? d : e.on,
        note: op.trigger.note,
        startEvent: e,
      };
      return;
    }
    case 'stop':
      if (running) r.stoppedOn = e.on;
      return;
    case 'pause':
      if (running && !r.pauses.some((p) => p.key === op.pause.action && p.to === undefined))
        r.pauses.push({
          key: op.pause.action,
          reason: op.pause.reason,
          from: e.on,
          lapse: op.pause.lapse,
        });
      return;
    case 'resume': {
      const p = r.pauses.find((x) => x.key === op.pause.action && x.to === undefined);
      if (!p) return;
      let to = e.on;
      if (p.lapse) {
        // A late reply cannot lengthen the pause beyond the lapsed reply window.
        const lapseDue = snapshot(context(c, run, cal, e.on), c.clockIndex.get(p.lapse)!).due;
        if (lapseDue && lapseDue < to) to = lapseDue;
      }
      p.to = to < p.from ? p.from : to;
      return;
    }
    case 'extend':
      if (def.extend) r.extended += Number(e.data?.[def.extend.field] ?? 0) || 0;
      return;
    case 'override': {
      const o = def.override!;
      const d = e.data?.[o.dateField];
      if (typeof d === 'string' && isValidDate(d))
        r.override = { date: d, reason: String(e.data?.[o.reasonField] ?? '') };
      return;
    }
  }
}

const UNIT_TEXT = { workday: '个工作日', day: '日' } as const;

/** A clock as of ctx.asOf: state, due date, explanation, overdue. Cached per context. */
export function snapshot(ctx: Ctx, i: number): Snapshot {
  const cached = ctx.snaps[i];
  if (cached) return cached;
  const def: ClockDef = ctx.c.proc.clocks[i];
  const r = ctx.run.clocks[i];
  const none: Snapshot = {
    state: 'notStarted',
    overdue: false,
    late: false,
    excluded: [],
    pauses: [],
  };
  if (!r.anchor) return (ctx.snaps[i] = none);
  ctx.snaps[i] = { ...none, state: 'running' }; // guards against lapse cycles
  const excluded: ExcludedInterval[] = [];
  const pauses: Snapshot['pauses'] = [];
  let paused = false;
  for (const p of r.pauses) {
    let to = p.to;
    if (to === undefined) {
      if (r.stoppedOn) to = r.stoppedOn;
      else if (p.lapse) {
        const lapseDue = snapshot(ctx, ctx.c.clockIndex.get(p.lapse)!).due;
        if (lapseDue && lapseDue < ctx.asOf) to = lapseDue;
      }
    }
    pauses.push({ from: p.from, to, reason: p.reason });
    if (to === undefined) paused = true;
    else if (to > p.from) excluded.push({ from: p.from, to, reason: p.reason });
  }
  const state: ClockRunState = r.stoppedOn ? 'stopped' : paused ? 'paused' : 'running';
  if (paused) return (ctx.snaps[i] = { state, overdue: false, late: false, excluded, pauses });
  let due: string | undefined;
  let provisional = false;
  let explanation: string;
  if (r.override) {
    due = r.override.date;
    explanation = `${def.label}：${r.override.reason ? `因${r.override.reason}，` : ''}另行确定合理期限至${formatDateZh(due)}`;
  } else if (
    def.dueField &&
    typeof r.startEvent?.data?.[def.dueField] === 'string' &&
    isValidDate(r.startEvent.data[def.dueField] as string)
  ) {
    // The due date fixed by the starting act (with `count`, the statutory length is the fallback for acts without one).
    due = r.startEvent.data[def.dueField] as string;
    explanation = `${def.label}至${formatDateZh(due)}届满（${ctx.c.actionLabel(r.startEvent!.type)}中确定）`;
  } else if (def.dueField && def.count === undefined) {
    explanation = `${def.label}未确定期限`;
  } else {
    const base = def.count ?? 0;
    const u = UNIT_TEXT[def.unit];
    const countText = r.extended
      ? `${base}${u}，经批准延长${r.extended}${u}（共${base + r.extended}${u}）`
      : undefined;
    const res = computeDue(ctx.cal, {
      from: r.anchor,
      count: base + r.extended,
      unit: def.unit,
      rollForward: def.rollForward,
      excluded,
      countText,
    });
    due = res.due;
    provisional = res.provisional;
    explanation = res.explanation;
  }
  if (r.note) explanation = `${r.note}，${explanation}`;
  const overdue = !!due && state === 'running' && !def.window && ctx.asOf > due;
  const late = !!due && state === 'stopped' && r.stoppedOn! > due;
  return (ctx.snaps[i] = { state, due, provisional, explanation, overdue, late, excluded, pauses });
}

function matches(v: unknown, eq: Scalar | undefined, list: Scalar[] | undefined): boolean {
  if (eq !== undefined) return v === eq;
  if (list) return list.includes(v as Scalar);
  return !!v;
}

const arr = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

export function holds(ctx: Ctx, cond: Cond): boolean {
  const { run } = ctx;
  if ('all' in cond) return cond.all.every((x) => holds(ctx, x));
  if ('any' in cond) return cond.any.some((x) => holds(ctx, x));
  if ('not' in cond) return !holds(ctx, cond.not);
  if ('done' in cond) return arr(cond.done).some((a) => run.acts.has(a));
  if ('notDone' in cond) return !arr(cond.notDone).some((a) => run.acts.has(a));
  if ('status' in cond) return arr(cond.status).includes(run.status);
  if ('last' in cond) {
    const rec = run.acts.get(cond.last);
    return !!rec && matches(rec.last.data?.[cond.field], cond.eq, cond.in);
  }
  if ('data' in cond) return matches(ctx.event?.data?.[cond.data], cond.eq, cond.in);
  if ('latest' in cond) {
    let best: string | undefined;
    let seq = -Infinity;
    for (const a of cond.latest) {
      const rec = run.acts.get(a);
      if (rec && rec.last.seq > seq) {
        seq = rec.last.seq;
        best = a;
      }
    }
    return best === cond.is;
  }
  if ('clock' in cond) {
    const i = ctx.c.clockIndex.get(cond.clock);
    if (i === undefined) throw new Error(`unknown clock ${cond.clock}`);
    const s = snapshot(ctx, i);
    if (cond.state !== undefined && !arr(cond.state).includes(s.state)) return false;
    if (cond.overdue !== undefined && s.overdue !== cond.overdue) return false;
    return true;
  }
  throw new Error(`unknown condition ${JSON.stringify(cond)}`);
}
