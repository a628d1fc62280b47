/**
 * Opening many cases at once for a ticket batch: the same rows openCase writes (cases, the receiving
 * act as case_events, the engine's open steps as case_steps), computed by the pure engine and inserted
 * a few hundred per statement. A 10,000-ticket push through openCase (one act = ~8 round trips and an
 * audit hash each) would take minutes; the batch's one audit event is written by the caller.
 * The ticket lands at department level (the 办公室 dispatches it), so every step is the department's.
 */
import type { Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { check, evaluate, normalizeData } from '../../core/procedure/engine.ts';
import { caseEvents, caseSteps, cases } from '../../core/cases/schema.ts';
import { HOTLINE_TICKET } from './procedure.ts';

export interface Opening {
  title: string;
  on: string;
  data: Record<string, unknown>;
}

export async function insertOpenedCases(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  list: Opening[],
  now: Date,
): Promise<Array<{ caseId: string; data: Record<string, unknown> }>> {
  const def = HOTLINE_TICKET;
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  const caseRows: Array<typeof cases.$inferInsert> = [];
  const eventRows: Array<typeof caseEvents.$inferInsert> = [];
  const stepRows: Array<typeof caseSteps.$inferInsert> = [];
  const out: Array<{ caseId: string; data: Record<string, unknown> }> = [];
  for (const o of list) {
    const data = normalizeData(def, 'receive', o.data);
    const event = { type: 'receive', on: o.on, actorRoles: actor.roles, data };
    const verdict = check(def, [], event, cal);
    if (!verdict.ok) throw new AppError('ACTION_NOT_ALLOWED', verdict.message);
    const state = evaluate(def, [{ ...event, seq: 1 }], cal, today);
    const caseId = newId();
    caseRows.push({
      id: caseId,
      module: 'hotline',
      procedure: def.code,
      title: o.title,
      departmentId: actor.departmentId,
      orgId: actor.departmentId,
      status: state.status,
      outcome: state.outcome ?? null,
      createdBy: actor.userId ?? null,
      createdAt: now,
    });
    eventRows.push({
      id: newId(),
      caseId,
      seq: 1,
      type: 'receive',
      on: o.on,
      at: now,
      actorId: actor.userId ?? null,
      actorRoles: actor.roles,
      data,
    });
    for (const s of state.openSteps) {
      stepRows.push({
        id: newId(),
        caseId,
        step: s.step,
        label: s.label,
        roles: s.roles,
        departmentId: actor.departmentId,
        orgId: actor.departmentId,
        status: 'open',
        dueDate: s.due?.date ?? null,
        unit: s.due?.unit ?? null,
        provisional: s.due?.provisional ?? false,
        explanation: s.due?.explanation ?? '',
        legalBasis: s.due?.legalBasis ?? null,
        overdue: s.overdue,
        openedOn: s.openedOn ?? o.on,
      });
    }
    out.push({ caseId, data });
  }
  if (caseRows.length) {
    await tx.insert(cases).values(caseRows);
    await tx.insert(caseEvents).values(eventRows);
  }
  for (let i = 0; i < stepRows.length; i += 1000)
    await tx.insert(caseSteps).values(stepRows.slice(i, i + 1000));
  return out;
}
