import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import { users } from '../auth/schema.ts';
import { organisations } from '../orgs/schema.ts';
import { actionsFor, type FieldSpec } from '../procedure/engine.ts';
import { fieldView } from '../http/forms.ts';
import { caseEvents, caseSteps } from './schema.ts';
import { caseState, getCaseInScope, loadHistory } from './service.ts';

/** Everything the case page shows, with what this actor may do now (computed, never re-implemented by the UI). */
export async function caseView(ctx: Ctx, actor: Actor, id: string) {
  const { c, recordId } = await getCaseInScope(ctx, actor, id);
  const entry = ctx.procedures.get(c.procedure);
  const history = await loadHistory(ctx.db, c.id);
  const state = await caseState(ctx, c, history);
  const [org] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, c.orgId));
  const steps = await ctx.db
    .select()
    .from(caseSteps)
    .where(eq(caseSteps.caseId, c.id))
    .orderBy(asc(caseSteps.openedOn), asc(caseSteps.step));
  const eventRows = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, c.id))
    .orderBy(asc(caseEvents.seq));
  const actorIds = [...new Set(eventRows.map((e) => e.actorId).filter((x): x is string => !!x))];
  const names = actorIds.length
    ? await ctx.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, actorIds))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const actionLabel = new Map(entry.def.actions.map((a) => [a.code, a.label]));
  const fieldsOf = new Map(entry.def.actions.map((a) => [a.code, a.fields ?? []]));
  const today = ctx.clock.today();
  const openByStep = new Map(state.openSteps.map((s) => [s.step, s]));
  const mine = actionsFor(state, actor.roles);
  return {
    case: {
      id: c.id,
      title: c.title,
      module: c.module,
      moduleLabel: entry.moduleLabel,
      procedureLabel: entry.def.label,
      status: state.status,
      statusLabel: state.statusLabel,
      outcome: state.outcome ?? null,
      outcomeLabel: state.outcomeLabel ?? null,
      orgName: org?.name ?? '',
      /** The module's own page for this case (where its acts are done), if it has one. */
      page: recordId && entry.page ? `${entry.page.path}${recordId}` : null,
      createdAt: c.createdAt.toISOString(),
      today,
    },
    today,
    steps: steps.map((s) => ({
      id: s.id,
      stepCode: s.step,
      label: s.label,
      // 已暂停 when the engine says the step's clock is paused (the row stays 'open' in 我的待办, e.g. while a third party is consulted).
      status: s.status === 'open' && openByStep.get(s.step)?.pause ? 'paused' : s.status,
      dueDate: s.dueDate,
      unit: s.unit,
      provisional: s.provisional,
      explanation: s.explanation,
      overdue: s.status === 'open' && !!s.dueDate && s.dueDate < today,
      daysLeft: s.status === 'open' ? (openByStep.get(s.step)?.daysLeft ?? null) : null,
      openedOn: s.openedOn,
      doneOn: s.doneOn,
    })),
    clocks: state.clocks,
    events: eventRows.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: actionLabel.get(e.type) ?? e.type,
      on: e.on,
      at: e.at.toISOString(),
      actorName: e.actorId ? (nameOf.get(e.actorId) ?? '') : '系统',
      data: e.data,
      details: describe(fieldsOf.get(e.type) ?? [], e.data as Record<string, unknown>),
    })),
    actions: mine.map((a) => ({
      action: a.action,
      label: a.label,
      fields: (a.fields ?? []).map((f) => fieldView(f)),
    })),
    blocked: state.blocked
      .filter((b) => b.roles.some((r) => actor.roles.includes(r as never)))
      .map((b) => ({ action: b.action, label: b.label, reason: b.reason })),
  };
}

/** The recorded data of an act in the words of its form: field labels, option labels, 是/否. */
function describe(
  fields: FieldSpec[],
  data: Record<string, unknown>,
): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const f of fields) {
    const v = data?.[f.name];
    if (v === undefined || v === null || v === '') continue;
    const value =
      typeof v === 'boolean'
        ? v
          ? '是'
          : '否'
        : (f.options?.find((o) => o.value === v)?.label ?? String(v));
    out.push({ label: f.label, value });
  }
  return out;
}
