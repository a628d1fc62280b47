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

export async function litigationView(ctx: Ctx, actor: Actor, id: string) {
  const row = await loadLitigation(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, row.caseId));
  const def = ctx.procedures.get(c.procedure).def;
  const history = await loadHistory(ctx.db, c.id);
  const state = await caseState(ctx, c, history);
  const labels = new Map(def.actions.map((a) => [a.code, a]));
  const mayAct = can(actor, 'litigationCase', 'act', row);
  // The register acts happen at registration; the page offers the rest.
  const actions = mayAct ? actionsFor(state, actor.roles).filter((a) => !['receive', 'receiveSimple'].includes(a.action)) : [];
  return {
    record: presentRow(row, ctx.clock.today()),
    status: state.status,
    statusLabel: state.statusLabel,
    outcomeLabel: state.outcomeLabel ?? null,
    clocks: state.clocks.filter((k) => k.state !== 'notStarted'),
    openSteps: state.openSteps,
    actions,
    blocked: mayAct ? state.blocked.filter((b) => b.roles.some((r) => actor.roles.includes(r as never))) : [],
    history: history.map((e) => {
      const a = labels.get(e.type);
      const fields = (a?.fields ?? []).flatMap((f) => {
        const v = e.data?.[f.name];
        if (v === undefined || v === '') return [];
        const shown = f.type === 'boolean' ? (v ? '是' : '否') : f.type === 'select' ? (f.options?.find((o) => o.value === v)?.label ?? String(v)) : String(v);
        return [{ label: f.label, value: shown }];
      });
      return { seq: e.seq, type: e.type, label: a?.label ?? e.type, on: e.on, fields };
    }),
    canAct: mayAct,
    // The server's working day: the default date of an act (the browser's clock is not the server's).
    today: ctx.clock.today(),
  };
}
