/**
 * Acts on a ticket (RULES §7.2; 国办发〔2020〕53号 closed loop): each records the case act (engine check)
 * and the ticket's own columns in one transaction, with the module's audit event.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { recordAction } from '../../core/cases/service.ts';
import type { CaseState } from '../../core/procedure/engine.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hotlineTickets } from './schema.ts';
import { authorize } from './policy.ts';
import { loadDeadlines } from './settings.ts';
import type { Kind } from './labels.ts';
import type { TicketRow } from './intake.ts';

/** The ticket the actor may read, or 404. */
export async function loadTicket(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<TicketRow> {
  const q = db.select().from(hotlineTickets).where(eq(hotlineTickets.id, id));
  const [t] = forUpdate ? await q.for('update') : await q;
  if (!t) throw notFound('工单');
  authorize(actor, 'hotlineTicket', 'read', t);
  return t;
}

export type TicketAct =
  | { action: 'sign'; on: string }
  | { action: 'dispute'; on: string; reason: string }
  | { action: 'assign'; on: string; orgId: string; coOrgIds: string[] }
  | { action: 'requestExtension'; on: string; dueOn: string; reason: string }
  | {
      action: 'approveExtension';
      on: string;
      decision: 'approved' | 'rejected';
      dueOn?: string | null;
      reason?: string | null;
    }
  | { action: 'reply'; on: string; text: string }
  | {
      action: 'visit';
      on: string;
      satisfaction: 'satisfied' | 'basic' | 'unsatisfied';
      note?: string | null;
    }
  | { action: 'reopen'; on: string; reason: string }
  | { action: 'merge'; on: string; intoTicketNo: string };

async function divisionsOf(
  tx: Tx,
  departmentId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from organisations where parent_id = ${departmentId} and kind = 'division' and id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

const refuse = (message: string) => new AppError('ACTION_NOT_ALLOWED', message);

/** One act on a ticket, in one transaction. Returns the case state after it. */
export async function actOnTicket(
  ctx: Ctx,
  actor: Actor,
  id: string,
  act: TicketAct,
): Promise<CaseState> {
  return inTx(ctx, async (tx) => {
    const t = await loadTicket(tx, actor, id, true);
    authorize(
      actor,
      'hotlineTicket',
      act.action === 'approveExtension' ? 'approveExtension' : 'act',
      t,
    );
    const patch: Partial<typeof hotlineTickets.$inferInsert> = {};
    let data: Record<string, unknown> = {};
    switch (act.action) {
      case 'sign':
        break;
      case 'dispute':
        data = { reason: act.reason };
        patch.closedOn = act.on;
        break;
      case 'assign': {
        const coOrgIds = [...new Set(act.coOrgIds.filter((x) => x !== act.orgId))];
        const names = await divisionsOf(tx, t.departmentId, [act.orgId, ...coOrgIds]);
        if (!names.has(act.orgId) || coOrgIds.some((x) => !names.has(x)))
          throw new AppError('VALIDATION', '主办科室：应为本单位的科室', {
            fields: [{ path: 'orgId', message: '主办科室：应为本单位的科室' }],
          });
        data = {
          orgName: names.get(act.orgId),
          coOrgNames: coOrgIds.map((x) => names.get(x)).join('、'),
        };
        patch.orgId = act.orgId;
        patch.coOrgIds = coOrgIds;
        break;
      }
      case 'requestExtension':
        if (act.dueOn <= t.dueOn)
          throw new AppError('VALIDATION', '申请延长至：应晚于当前办理时限', {
            fields: [{ path: 'dueOn', message: '申请延长至：应晚于当前办理时限' }],
          });
        data = { dueOn: act.dueOn, reason: act.reason };
        break;
      case 'approveExtension': {
        const [req] = await queryRows<{ data: { dueOn: string; reason: string } }>(
          tx,
          sql`select data from case_events where case_id = ${t.caseId} and type = 'requestExtension' order by seq desc limit 1`,
        );
        const dueOn = act.decision === 'approved' ? (act.dueOn ?? req?.data.dueOn) : null;
        if (dueOn && dueOn <= t.dueOn)
          throw new AppError('VALIDATION', '延长至：应晚于当前办理时限');
        data = {
          decision: act.decision,
          ...(dueOn ? { dueOn } : {}),
          reason: act.reason ?? req?.data.reason ?? '',
        };
        if (dueOn) patch.dueOn = dueOn;
        break;
      }
      case 'reply':
        data = { summary: act.text.slice(0, 500) };
        patch.replyText = act.text;
        patch.repliedOn = act.on;
        break;
      case 'visit':
        data = { satisfaction: act.satisfaction, ...(act.note ? { note: act.note } : {}) };
        patch.satisfaction = act.satisfaction;
        patch.closedOn = act.on;
        break;
      case 'reopen': {
        const d = await loadDeadlines(tx, ctx.clock.now().getTime());
        const dueOn = ctx.calendar.current().addWorkdays(act.on, d[t.kind as Kind]);
        data = { reason: act.reason, dueOn };
        Object.assign(patch, {
          dueOn,
          replyText: null,
          repliedOn: null,
          late: false,
          satisfaction: null,
          closedOn: null,
          publishedReply: null,
          publishedOn: null,
        });
        break;
      }
      case 'merge': {
        const [into] = await tx
          .select()
          .from(hotlineTickets)
          .where(
            and(
              eq(hotlineTickets.departmentId, t.departmentId),
              eq(hotlineTickets.ticketNo, act.intoTicketNo.trim()),
            ),
          );
        if (!into)
          throw new AppError('VALIDATION', `并入工单编号：未找到工单${act.intoTicketNo}`, {
            fields: [{ path: 'intoTicketNo', message: '并入工单编号：未找到该工单' }],
          });
        if (into.id === t.id) throw refuse('不能将工单并入其自身');
        if (into.mergedInto || into.closedOn)
          throw refuse('并入的工单已办结或已被并单，请选择正在办理的工单');
        data = { intoTicketNo: into.ticketNo };
        patch.mergedInto = into.id;
        patch.closedOn = act.on;
        break;
      }
    }
    const state = await recordAction(
      ctx,
      actor,
      t.caseId,
      { action: act.action, on: act.on, data },
      tx,
    );
    if (act.action === 'reply') patch.late = !!state.clocks.find((c) => c.clock === 'handle')?.late;
    if (act.action === 'assign') {
      // The 主办 division now holds the ticket's division steps (我的待办 of its staff).
      await tx.execute(sql`update cases set org_id = ${act.orgId} where id = ${t.caseId}`);
      await tx.execute(
        sql`update case_steps set org_id = ${act.orgId} where case_id = ${t.caseId} and status = 'open' and roles && array['staff','officer']::text[]`,
      );
    }
    if (Object.keys(patch).length)
      await tx.update(hotlineTickets).set(patch).where(eq(hotlineTickets.id, t.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId ?? null,
        orgId: actor.userId ? actor.orgId : null,
        action: `hotline.ticket.${act.action}`,
        entityType: 'hotlineTicket',
        entityId: t.id,
        payload: { caseId: t.caseId, ticketNo: t.ticketNo, ...data },
      },
      ctx.clock.now(),
    );
    return state;
  });
}
