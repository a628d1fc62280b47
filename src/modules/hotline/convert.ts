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
import { receiveRequest } from '../disclosure/index.ts';
import { registerPetitionFromTicket } from '../petitions/index.ts';
import { hotlineTickets } from './schema.ts';
import { authorize } from './policy.ts';
import { loadTicket } from './service.ts';

export async function convertTicket(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { target: 'disclosure' | 'petition'; on: string },
): Promise<{ target: string; id: string; trackingCode?: string }> {
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
        applicant: {
          applicantKind: 'naturalPerson',
          name: t.citizenName ?? undefined,
          idNumber: t.citizenIdNumber ?? undefined,
          phone: t.citizenPhone ?? undefined,
          description: t.content,
          idType: t.citizenIdNumber ? 'idCard' : undefined,
        },
        receipt: { channel: 'online', receivedOn: input.on },
        orgId: t.orgId,
      });
      targetId = r.request.id;
      trackingCode = r.trackingCode;
    } else {
      const p = await registerPetitionFromTicket(
        inner,
        actor,
        {
          channel: 'hotline',
          receivedOn: input.on,
          petitioner: {
            name: t.citizenName ?? '（未留姓名）',
            phone: t.citizenPhone ?? undefined,
            idNumber: t.citizenIdNumber ?? undefined,
          },
          content: t.content,
          sourceRef: t.ticketNo,
        },
        tx,
      );
      targetId = p.id;
    }
    await recordAction(
      ctx,
      actor,
      t.caseId,
      { action: 'convert', on: input.on, data: { target: input.target, targetId } },
      tx,
    );
    await tx
      .update(hotlineTickets)
      .set({ convertedTo: input.target, convertedId: targetId, closedOn: input.on })
      .where(eq(hotlineTickets.id, t.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId ?? null,
        orgId: actor.orgId,
        action: 'hotline.ticket.convert',
        entityType: 'hotlineTicket',
        entityId: t.id,
        payload: { caseId: t.caseId, target: input.target, targetId },
      },
      ctx.clock.now(),
    );
    return { target: input.target, id: targetId, trackingCode };
  });
}
