/**
 * A ticket that is really a 政府信息公开 request or a 信访 matter goes into that procedure in one step,
 * keeping the link (条例 Art 39; RULES §7.2, 2025 意见: redirect to the legal route, 12345 与信访 data
 * sharing): the other module's intake runs inside this transaction (its own becomes a savepoint).
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { Db } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { recordAction } from '../../core/cases/service.ts';
import { AppError } from '../../core/errors.ts';
import { receiveRequest } from '../disclosure/requests/index.ts';
import { hotlineTickets } from './schema.ts';
import { authorize } from './policy.ts';
import { loadTicket } from './service.ts';

type PetitionEntry = (ctx: Ctx, actor: Actor, input: Record<string, unknown>) => Promise<{ id: string } | { petition: { id: string } } | unknown>;

/** The petitions module's entry point, when that module is present in this build. */
async function petitionEntry(): Promise<PetitionEntry | null> {
  try {
    const path = '../petitions/index.ts';
    const m = (await import(/* @vite-ignore */ path)) as { registerPetitionFromTicket?: PetitionEntry };
    return m.registerPetitionFromTicket ?? null;
  } catch {
    return null;
  }
}

const idOf = (r: unknown): string | null => {
  const o = r as { id?: string; petition?: { id?: string }; request?: { id?: string } } | null;
  return o?.id ?? o?.petition?.id ?? o?.request?.id ?? null;
};

export async function convertTicket(ctx: Ctx, actor: Actor, id: string, input: { target: 'disclosure' | 'petition'; on: string }): Promise<{ target: string; id: string; trackingCode?: string }> {
  return inTx(ctx, async (tx) => {
    const t = await loadTicket(tx, actor, id, true);
    authorize(actor, 'hotlineTicket', 'act', t);
    if (t.convertedTo) throw new AppError('ACTION_NOT_ALLOWED', '该工单已转入其他程序办理');
    // The other module's services join this transaction: its inTx becomes a savepoint.
    const inner: Ctx = { ...ctx, db: tx as unknown as Db };
    let targetId: string;
    let trackingCode: string | undefined;
    if (input.target === 'disclosure') {
      const r = await receiveRequest(inner, actor, {
        applicant: { applicantKind: 'naturalPerson', name: t.citizenName ?? undefined, idNumber: t.citizenIdNumber ?? undefined, phone: t.citizenPhone ?? undefined, description: t.content, idType: t.citizenIdNumber ? 'idCard' : undefined },
        receipt: { channel: 'online', receivedOn: input.on },
        orgId: t.orgId,
      });
      targetId = r.request.id;
      trackingCode = r.trackingCode;
    } else {
      const register = await petitionEntry();
      if (!register) throw new AppError('UNAVAILABLE', '信访模块尚未启用，暂不能转为信访事项');
      const r = await register(inner, actor, { ticketId: t.id, ticketNo: t.ticketNo, caseId: t.caseId, receivedOn: input.on, content: t.content, title: t.title, location: t.location, citizen: { name: t.citizenName, phone: t.citizenPhone, idNumber: t.citizenIdNumber }, orgId: t.orgId, channel: '12345' });
      const pid = idOf(r);
      if (!pid) throw new AppError('INTERNAL', '信访模块未返回信访事项编号');
      targetId = pid;
    }
    await recordAction(ctx, actor, t.caseId, { action: 'convert', on: input.on, data: { target: input.target, targetId } }, tx);
    await tx.update(hotlineTickets).set({ convertedTo: input.target, convertedId: targetId, closedOn: input.on }).where(eq(hotlineTickets.id, t.id));
    await appendAudit(tx, { actorId: actor.userId ?? null, orgId: actor.orgId, action: 'hotline.ticket.convert', entityType: 'hotlineTicket', entityId: t.id, payload: { caseId: t.caseId, target: input.target, targetId } }, ctx.clock.now());
    return { target: input.target, id: targetId, trackingCode };
  });
}

