/**
 * Publishing a reply on the portal (RULES §7.2; 个人信息保护法 Arts 6, 25): only when the citizen agreed,
 * only after the reply, and never with the citizen's phone number, ID number or name in the text.
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { AppError } from '../../core/errors.ts';
import { hotlineTickets } from './schema.ts';
import { authorize } from './policy.ts';
import { loadTicket } from './service.ts';

const digits = (s: string) => s.replace(/[\s\-－—()（）]/g, '').normalize('NFKC');

/** The personal data of the citizen found in `text` (Chinese names of what was found). */
export function personalDataIn(
  text: string,
  citizen: { name?: string | null; phone?: string | null; idNumber?: string | null },
): string[] {
  const flat = digits(text).toUpperCase();
  const found: string[] = [];
  const phone = citizen.phone ? digits(citizen.phone) : '';
  if (phone.length >= 7 && flat.includes(phone)) found.push('联系电话');
  const id = citizen.idNumber ? digits(citizen.idNumber).toUpperCase() : '';
  if (id.length >= 6 && flat.includes(id)) found.push('证件号码');
  const name = citizen.name?.trim();
  if (name && [...name].length >= 2 && text.normalize('NFKC').includes(name)) found.push('姓名');
  return found;
}

export async function publishReply(
  ctx: Ctx,
  actor: Actor,
  id: string,
  text: string,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const t = await loadTicket(tx, actor, id, true);
    authorize(actor, 'hotlineTicket', 'act', t);
    if (!t.repliedOn) throw new AppError('ACTION_NOT_ALLOWED', '尚未答复，不能公开答复');
    if (!t.publishConsent)
      throw new AppError('ACTION_NOT_ALLOWED', '诉求人未同意公开，不能在门户网站公开答复');
    const body = text.trim();
    if (body.length < 2)
      throw new AppError('VALIDATION', '公开的答复内容：至少2个字', {
        fields: [{ path: 'text', message: '公开的答复内容：至少2个字' }],
      });
    const found = personalDataIn(`${body}`, {
      name: t.citizenName,
      phone: t.citizenPhone,
      idNumber: t.citizenIdNumber,
    });
    if (found.length) {
      const message = `公开的答复内容：含有诉求人的${found.join('、')}，请删除个人信息后再公开`;
      throw new AppError('VALIDATION', message, { fields: [{ path: 'text', message }] });
    }
    const on = ctx.clock.today();
    await tx
      .update(hotlineTickets)
      .set({ publishedReply: body, publishedOn: on })
      .where(eq(hotlineTickets.id, t.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId ?? null,
        orgId: actor.orgId,
        action: 'hotline.ticket.publish',
        entityType: 'hotlineTicket',
        entityId: t.id,
        payload: { caseId: t.caseId, on },
      },
      ctx.clock.now(),
    );
  });
}
