/**
 * Registering a 信访事项 from any channel (信访工作条例 Art 21–23): the record, its number and its case.
 * A matter converted from a 12345 ticket (RULES §7.2, 2025 意见 12345与信访数据共享) keeps the ticket's
 * reference; converting the same ticket again returns the matter already registered.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { openCase } from '../../core/cases/service.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { parse } from '../../core/http/validate.ts';
import { fieldsSchema, type FieldsInput } from '../../core/procedure/fieldSchema.ts';
import { CHANNELS, type Channel } from './labels.ts';
import { MATTER, PETITIONER } from './forms.ts';
import { petitionPolicy } from './policy.ts';
import { petitions } from './schema.ts';
import { newTrackingCode } from '../disclosure/index.ts';

export type PetitionRow = typeof petitions.$inferSelect;

// The body of the registration form (forms.ts): the petitioner's fields nested, and the source
// reference of a converted 12345 ticket (not a form field).
export const registerSchema = fieldsSchema(MATTER).extend({
  petitioner: fieldsSchema(PETITIONER).describe('信访人'),
  sourceRef: z.string().trim().max(100).describe('来源编号').optional(),
});
export type RegisterInput = FieldsInput<typeof MATTER> & {
  petitioner: FieldsInput<typeof PETITIONER>;
  sourceRef?: string;
};

/** The matter registered from the same source reference (a 12345 ticket number), if any. */
async function bySourceRef(
  tx: Tx,
  departmentId: string,
  sourceRef: string,
): Promise<PetitionRow | undefined> {
  if (!sourceRef) return undefined;
  const [row] = await tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.departmentId, departmentId), eq(petitions.sourceRef, sourceRef)));
  return row;
}

/** Registers a matter in the caller's transaction, or its own. */
export async function registerPetition(
  ctx: Ctx,
  actor: Actor,
  input: RegisterInput,
  tx?: Tx,
): Promise<{ id: string; caseId: string; number: string; existing: boolean }> {
  petitionPolicy.authorize(actor, 'petition', 'register');
  const p = parse(registerSchema, input);
  if (p.receivedOn > ctx.clock.today())
    throw new AppError('VALIDATION', '收到日期：不能晚于今天', {
      fields: [{ path: 'receivedOn', message: '不能晚于今天' }],
    });
  if (p.source === 'transferred' && !p.transferredBy)
    throw new AppError('VALIDATION', '转送、交办机关：转送、交办的信访事项应填写转送、交办机关', {
      fields: [{ path: 'transferredBy', message: '应填写转送、交办机关' }],
    });
  const run = async (t: Tx) => {
    const existing = await bySourceRef(t, actor.departmentId, p.sourceRef ?? '');
    if (existing)
      return { id: existing.id, caseId: existing.caseId, number: existing.number, existing: true };
    const year = Number(p.receivedOn.slice(0, 4));
    const seq = await takeNext(t, { kind: 'petition', departmentId: actor.departmentId, year });
    const number = `信〔${year}〕${seq}号`;
    // The case title is seen in 我的待办 and notifications: the number only, never the content or the petitioner.
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'petition',
        title: `信访事项${number}`,
        orgId: actor.orgId,
        first: {
          action: 'register',
          on: p.receivedOn,
          data: { channel: p.channel, source: p.source },
        },
      },
      t,
    );
    const id = newId();
    await t.insert(petitions).values({
      id,
      caseId: c.id,
      departmentId: actor.departmentId,
      orgId: actor.orgId,
      number,
      trackingCode: newTrackingCode(),
      channel: p.channel,
      source: p.source,
      transferredBy: p.transferredBy ?? '',
      sourceRef: p.sourceRef ?? '',
      receivedOn: p.receivedOn,
      petitionerName: p.petitioner.name,
      petitionerPhone: p.petitioner.phone ?? '',
      petitionerIdNumber: p.petitioner.idNumber ?? '',
      petitionerAddress: p.petitioner.address ?? '',
      content: p.content,
      status: c.status,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await appendAudit(
      t,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'petition.register',
        entityType: 'petition',
        entityId: id,
        payload: {
          number,
          caseId: c.id,
          channel: p.channel,
          source: p.source,
          receivedOn: p.receivedOn,
          sourceRef: p.sourceRef ?? '',
        },
      },
      ctx.clock.now(),
    );
    return { id, caseId: c.id, number, existing: false };
  };
  return tx ? run(tx) : inTx(ctx, run);
}

/** A ticket channel name ('12345', 'phone', '网上留言' …) as one of ours. */
export function channelOf(channel: string): Channel {
  return (CHANNELS as string[]).includes(channel) ? (channel as Channel) : 'hotline';
}
