/** The case page: the module's record, the engine's clocks and steps, the history, and what this actor may do now. */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { cases } from '../../core/cases/schema.ts';
import { caseState, loadHistory } from '../../core/cases/service.ts';
import { actionsFor } from '../../core/procedure/engine.ts';
import { can } from './policy.ts';
import { loadLitigation } from './service.ts';
import { presentRow } from './records.ts';
import { BODY_CLOCKS } from './procedure.ts';
import { actForm } from './forms.ts';

type Clock = Awaited<ReturnType<typeof caseState>>['clocks'][number];

/**
 * The 复议机关's decision period (行政复议法 Art 62) as information: never overdue for the bureau, marked
 * when it has passed with no decision recorded. Without a 受理日期 it runs from the copy's receipt, a
 * later day than the true one (Arts 48, 54: the copy is sent after 受理), and says so.
 */
function bodyClock(k: Clock, acceptedOn: string | null) {
  const passed = k.overdue;
  const watch =
    k.state === 'stopped'
      ? k.late
        ? '复议机关逾期作出决定'
        : '复议机关已在期限内作出决定'
      : k.state === 'paused'
        ? '复议中止，期限暂停'
        : passed
          ? '期限已过，尚未登记复议决定'
          : '复议机关审理中';
  const explanation = acceptedOn
    ? k.explanation
    : `未登记受理日期，暂自收到复议申请书副本之日起算（实际受理在此之前）；${k.explanation ?? ''}`;
  return { ...k, overdue: false, explanation, body: true, passed, watch };
}

export async function litigationView(ctx: Ctx, actor: Actor, id: string) {
  const row = await loadLitigation(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, row.caseId));
  const def = ctx.procedures.get(c.procedure).def;
  const history = await loadHistory(ctx.db, c.id);
  const state = await caseState(ctx, c, history);
  const labels = new Map(def.actions.map((a) => [a.code, a]));
  const accepted = history.find((e) => e.type === 'receive' || e.type === 'receiveSimple')?.data
    ?.acceptedOn;
  const acceptedOn = typeof accepted === 'string' ? accepted : null;
  const mayAct = can(actor, 'litigationCase', 'act', row);
  // The register acts happen at registration; the page offers the rest.
  // Each with its whole form (forms.ts): the date, the engine act's fields, an answer's evidence.
  const actions = mayAct
    ? actionsFor(state, actor.roles)
        .filter((a) => !['receive', 'receiveSimple'].includes(a.action))
        .map((a) => ({ ...a, fields: actForm(a.action, a.fields) }))
    : [];
  return {
    record: { ...presentRow(row, ctx.clock.today()), acceptedOn },
    status: state.status,
    statusLabel: state.statusLabel,
    outcomeLabel: state.outcomeLabel ?? null,
    clocks: state.clocks
      .filter((k) => k.state !== 'notStarted')
      .map((k) => (BODY_CLOCKS.includes(k.clock) ? bodyClock(k, acceptedOn) : k)),
    openSteps: state.openSteps,
    actions,
    blocked: mayAct
      ? state.blocked.filter((b) => b.roles.some((r) => actor.roles.includes(r as never)))
      : [],
    history: history.map((e) => {
      const a = labels.get(e.type);
      const fields = (a?.fields ?? []).flatMap((f) => {
        const v = e.data?.[f.name];
        if (v === undefined || v === '') return [];
        const shown =
          f.type === 'boolean'
            ? v
              ? '是'
              : '否'
            : f.type === 'select'
              ? (f.options?.find((o) => o.value === v)?.label ?? String(v))
              : String(v);
        return [{ label: f.label, value: shown }];
      });
      return { seq: e.seq, type: e.type, label: a?.label ?? e.type, on: e.on, fields };
    }),
    canAct: mayAct,
    // The server's working day: the default date of an act (the browser's clock is not the server's).
    today: ctx.clock.today(),
  };
}
