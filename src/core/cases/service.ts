import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../clock.ts';
import { inTx, type Ctx } from '../context.ts';
import { queryRows, type Tx } from '../db/client.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize, can } from '../auth/policy.ts';
import { scopeOf } from '../orgs/service.ts';
import {
  check,
  evaluate,
  normalizeData,
  type CaseEvent,
  type CaseState,
} from '../procedure/engine.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { caseAssignees, caseEvents, cases } from './schema.ts';
import { syncSteps, type StepChange } from './steps.ts';

export type CaseRow = typeof cases.$inferSelect;
export interface ActInput {
  action: string;
  on: string;
  data?: Record<string, unknown>;
}

export async function loadHistory(tx: Tx | Ctx['db'], caseId: string): Promise<CaseEvent[]> {
  const rows = await tx
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
  return rows.map((r) => ({
    type: r.type,
    on: r.on,
    seq: r.seq,
    actorRoles: r.actorRoles,
    data: r.data as Record<string, unknown>,
  }));
}

function refuse(code: string, message: string): never {
  throw new AppError('ACTION_NOT_ALLOWED', message, { details: { reason: code } });
}

/** Applies one act: engine check → event row → steps → case status → audit, in the caller's transaction. */
async function applyAct(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  c: CaseRow,
  history: CaseEvent[],
  input: ActInput,
  now: Date,
): Promise<CaseState> {
  const { def } = ctx.procedures.get(c.procedure);
  const cal = ctx.calendar.current();
  // Form values arrive as strings ('true', '20'); the engine checks typed data.
  const data = normalizeData(def, input.action, input.data ?? {});
  const event = { type: input.action, on: input.on, actorRoles: actor.roles, data };
  if (input.on > ctx.clock.today()) refuse('future_date', '办理日期不能晚于今天');
  const verdict = check(def, history, event, cal);
  if (!verdict.ok) refuse(verdict.code, verdict.message);
  const seq = history.length + 1;
  await tx.insert(caseEvents).values({
    id: newId(),
    caseId: c.id,
    seq,
    type: event.type,
    on: event.on,
    at: now,
    actorId: actor.userId,
    actorRoles: actor.roles,
    data: event.data,
  });
  const state = evaluate(def, [...history, { ...event, seq }], cal, ctx.clock.today());
  await syncSteps(tx, c, state, input.on);
  const final = def.statuses.find((s) => s.code === state.status)?.final;
  await tx
    .update(cases)
    .set({
      status: state.status,
      outcome: state.outcome ?? null,
      closedOn: final ? input.on : null,
    })
    .where(eq(cases.id, c.id));
  await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `case.${event.type}`,
      entityType: 'case',
      entityId: c.id,
      payload: {
        procedure: c.procedure,
        seq,
        on: event.on,
        data: event.data,
        status: state.status,
        warnings: verdict.warnings,
      },
    },
    now,
  );
  return state;
}

/** Starts a tracked case with its first act (e.g. 收到申请). Modules call this inside their own use case. */
export async function openCase(
  ctx: Ctx,
  actor: Actor,
  input: { procedure: string; title: string; orgId: string; first: ActInput },
  tx?: Tx,
): Promise<CaseRow> {
  const entry = ctx.procedures.get(input.procedure);
  const run = async (t: Tx) => {
    const departmentId = await scopeOf(t, input.orgId);
    authorize(actor, 'case', 'act', { departmentId });
    const now = ctx.clock.now();
    const [c] = await t
      .insert(cases)
      .values({
        id: newId(),
        module: entry.module,
        procedure: entry.def.code,
        title: input.title,
        departmentId,
        orgId: input.orgId,
        status: entry.def.initialStatus,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await applyAct(t, ctx, actor, c, [], input.first, now);
    const [fresh] = await t.select().from(cases).where(eq(cases.id, c.id));
    return fresh;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

async function lockedCase(tx: Tx, id: string): Promise<CaseRow> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  if (!c) throw notFound('案件');
  return c;
}

/** Loads a case the actor may see, or 404. */
export async function getCase(
  ctx: Ctx,
  actor: Actor,
  id: string,
  tx?: Tx,
  forUpdate = false,
  viaModuleLoader = false,
): Promise<CaseRow> {
  const db = tx ?? ctx.db;
  const q = db.select().from(cases).where(eq(cases.id, id));
  const [c] = forUpdate ? await q.for('update') : await q;
  if (!c) throw notFound('案件');
  // A procedure's extra readers pass here only when the module's own loader decides next (getCaseInScope).
  const entry = viaModuleLoader ? ctx.procedures.get(c.procedure) : undefined;
  const sameDepartmentReader =
    !!entry?.readers?.some((r) => actor.roles.includes(r as never)) &&
    c.departmentId === actor.departmentId;
  // The oversight body reaches a case of a department it oversees only where the module's loader lets it (e.g. a filed document).
  const oversightReader = !!entry?.oversightReads && actor.roles.includes('oversight');
  const reader = !!entry?.read && !!entry.page && (sameDepartmentReader || oversightReader);
  if (!reader) authorize(actor, 'case', 'read', c);
  return c;
}

/** Names people on a case (inside the caller's transaction): its open steps join their 我的待办. */
export async function assignToCase(
  tx: Tx,
  caseId: string,
  userIds: string[],
  now: Date,
): Promise<void> {
  for (const userId of new Set(userIds))
    await tx.insert(caseAssignees).values({ caseId, userId, createdAt: now }).onConflictDoNothing();
}

/**
 * A case through the generic case API: the case rules, then the owning module's own loader on the
 * record its page shows (found by case id in the registry's table; the name never comes from a request).
 */
export async function getCaseInScope(
  ctx: Ctx,
  actor: Actor,
  id: string,
  tx?: Tx,
  forUpdate = false,
): Promise<{ c: CaseRow; recordId: string | null }> {
  const db = tx ?? ctx.db;
  const c = await getCase(ctx, actor, id, tx, forUpdate, true);
  const entry = ctx.procedures.get(c.procedure);
  if (!entry.page) return { c, recordId: null };
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from ${sql.identifier(entry.page.table)} where case_id = ${c.id}`,
  );
  if (row) await entry.read?.(db, actor, row.id);
  else if (!can(actor, 'case', 'read', c)) throw notFound('案件');
  // Locked for an act: the module's own rule for acting applies too.
  if (row && forUpdate) await entry.act?.(db, actor, row.id);
  return { c, recordId: row?.id ?? null };
}

/**
 * Records an act on a case; the row lock serialises concurrent acts on one case. A module passes
 * its own transaction (`tx`) to record the act together with its records; acts the module declares
 * as its own (ProcedureEntry.moduleActions) are refused without it, so the generic case page cannot
 * bypass the module (e.g. publishing a normative document without its 主动公开 record).
 */
export async function recordAction(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: ActInput,
  tx?: Tx,
  authorisedByModule = false,
): Promise<CaseState> {
  const run = async (t: Tx) => {
    // A module's own call (tx) has applied its rules; the generic API applies the module's read rule.
    // `authorisedByModule`: the module has authorised an actor from outside the department on its own
    // record (the oversight body deciding a filing addressed to it); the engine still checks the role.
    const c =
      tx && authorisedByModule
        ? await lockedCase(t, caseId)
        : tx
          ? await getCase(ctx, actor, caseId, t, true)
          : (await getCaseInScope(ctx, actor, caseId, t, true)).c;
    if (!(tx && authorisedByModule)) authorize(actor, 'case', 'act', c);
    const history = await loadHistory(t, c.id);
    if (!tx && ctx.procedures.get(c.procedure).moduleActions?.includes(input.action)) {
      // The law's reason first (why not now), else where the act is done.
      const { def } = ctx.procedures.get(c.procedure);
      const verdict = check(
        def,
        history,
        {
          type: input.action,
          on: input.on,
          actorRoles: actor.roles,
          data: normalizeData(def, input.action, input.data ?? {}),
        },
        ctx.calendar.current(),
      );
      if (!verdict.ok && verdict.code !== 'field_required' && verdict.code !== 'field_invalid')
        refuse(verdict.code, verdict.message);
      refuse('module_action', '此项办理须在所属业务页面进行，不能在通用办件页面直接办理');
    }
    return applyAct(t, ctx, actor, c, history, input, ctx.clock.now());
  };
  return tx ? run(tx) : inTx(ctx, run);
}

export async function caseState(ctx: Ctx, c: CaseRow, history?: CaseEvent[]): Promise<CaseState> {
  const { def } = ctx.procedures.get(c.procedure);
  return evaluate(
    def,
    history ?? (await loadHistory(ctx.db, c.id)),
    ctx.calendar.current(),
    ctx.clock.today(),
  );
}

/**
 * After the calendar changed (a State Council notice was entered), every open case is re-evaluated
 * and its steps' due dates updated; each case whose deadlines moved gets an audit event.
 */
export async function recomputeOpenDeadlines(
  tx: Tx,
  ctx: Ctx,
  cal: Calendar,
  actorId: string | null,
  reason: string,
): Promise<number> {
  const open = await tx
    .select()
    .from(cases)
    .where(sql`${cases.closedOn} is null`);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  let changed = 0;
  const ids = open.map((c) => c.id);
  const all = ids.length
    ? await tx
        .select()
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, ids))
        .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq))
    : [];
  const byCase = new Map<string, CaseEvent[]>();
  for (const r of all) {
    const list = byCase.get(r.caseId) ?? [];
    list.push({
      type: r.type,
      on: r.on,
      seq: r.seq,
      actorRoles: r.actorRoles,
      data: r.data as Record<string, unknown>,
    });
    byCase.set(r.caseId, list);
  }
  for (const c of open) {
    const { def } = ctx.procedures.get(c.procedure);
    const state = evaluate(def, byCase.get(c.id) ?? [], cal, today);
    const changes: StepChange[] = await syncSteps(tx, c, state, today);
    if (changes.length === 0) continue;
    changed += changes.length;
    await appendAudit(
      tx,
      {
        actorId,
        orgId: c.orgId,
        action: 'case.deadlinesRecomputed',
        entityType: 'case',
        entityId: c.id,
        payload: { reason, changes },
      },
      now,
    );
  }
  return changed;
}
