/**
 * The petitions module's public functions for other modules (the hotline converts a 12345 ticket that is
 * really a 信访 matter: RULES §7.2, 2025 意见; 信访工作条例 Art 23 ¶3 — a matter transferred by the
 * hotline is a 转送 matter: written notice within 15日, or an objection within 5个工作日).
 */
import type { Ctx } from '../../core/context.ts';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { channelOf, registerPetition } from './intake.ts';
import { petitions } from './schema.ts';

export interface TicketPetitionInput {
  channel: string;
  /** YYYY-MM-DD, the date the ticket reached the bureau. */
  receivedOn: string;
  petitioner: { name: string; phone?: string; idNumber?: string; address?: string };
  content: string;
  /** The ticket number: converting the same ticket twice returns the first matter. */
  sourceRef: string;
}

/**
 * Registers a 信访事项 from a ticket, inside the caller's transaction when `tx` is given (one use case),
 * else in its own. The actor must be the department's staff or leader (petition.register).
 */
export async function registerPetitionFromTicket(
  ctx: Ctx,
  actor: Actor,
  input: TicketPetitionInput,
  tx?: Tx,
): Promise<{ id: string; caseId: string }> {
  const r = await registerPetition(
    ctx,
    actor,
    {
      channel: channelOf(input.channel),
      source: 'transferred',
      transferredBy: '12345政务服务便民热线',
      receivedOn: input.receivedOn,
      petitioner: input.petitioner,
      content: input.content,
      sourceRef: input.sourceRef,
    },
    tx,
  );
  return { id: r.id, caseId: r.caseId };
}

/**
 * A matter by the tracking code printed on its 处理意见书, for 好差评 on the portal: ratable once the
 * opinion is given (条例 Art 32), whether or not a 复查 follows. Nothing of its content is returned.
 */
export async function petitionByTrackingCode(
  db: DbOrTx,
  code: string,
): Promise<{ caseId: string; number: string; receivedOn: string; closed: boolean } | null> {
  const [p] = await db
    .select({
      caseId: petitions.caseId,
      number: petitions.number,
      receivedOn: petitions.receivedOn,
      answeredOn: petitions.answeredOn,
    })
    .from(petitions)
    .where(eq(petitions.trackingCode, code));
  return p
    ? { caseId: p.caseId, number: p.number, receivedOn: p.receivedOn, closed: !!p.answeredOn }
    : null;
}
