/**
 * The city platform's API tokens: created by the 系统管理员, shown once, stored as SHA-256; a request
 * carries `Authorization: Bearer <token>` and acts for the token's department.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { inTx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { queryRows } from '../../core/db/client.ts';
import { hotlineTokens } from './schema.ts';
import { authorize } from './policy.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createToken(
  ctx: Ctx,
  actor: Actor,
  label: string,
): Promise<{ id: string; token: string }> {
  authorize(actor, 'hotlineToken', 'manage');
  const token = `fzh_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await inTx(ctx, async (tx) => {
    const now = ctx.clock.now();
    await tx.insert(hotlineTokens).values({
      id,
      departmentId: actor.departmentId,
      label,
      tokenHash: hash(token),
      createdBy: actor.userId,
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'hotline.token.create',
        entityType: 'hotlineToken',
        entityId: id,
        payload: { label },
      },
      now,
    );
  });
  return { id, token };
}

export async function revokeToken(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'hotlineToken', 'manage');
  await inTx(ctx, async (tx) => {
    const now = ctx.clock.now();
    const done = await tx
      .update(hotlineTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(hotlineTokens.id, id),
          eq(hotlineTokens.departmentId, actor.departmentId),
          isNull(hotlineTokens.revokedAt),
        ),
      )
      .returning();
    if (!done.length) throw new AppError('NOT_FOUND', '令牌不存在或已停用');
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'hotline.token.revoke',
        entityType: 'hotlineToken',
        entityId: id,
        payload: {},
      },
      now,
    );
  });
}

export async function listTokens(ctx: Ctx, actor: Actor) {
  authorize(actor, 'hotlineToken', 'manage');
  return queryRows<{ id: string; label: string; createdAt: string; revokedAt: string | null }>(
    ctx.db,
    sql`select id, label, created_at as "createdAt", revoked_at as "revokedAt" from hotline_tokens where department_id = ${actor.departmentId} order by created_at desc`,
  );
}

/** The department a bearer token acts for, or 401. */
export async function departmentOfToken(ctx: Ctx, header: string | undefined): Promise<string> {
  const m = /^Bearer\s+(\S{10,200})$/i.exec(header ?? '');
  if (!m) throw new AppError('UNAUTHENTICATED', '缺少有效的接口令牌');
  const h = hash(m[1]);
  const [row] = await ctx.db
    .select()
    .from(hotlineTokens)
    .where(and(eq(hotlineTokens.tokenHash, h), isNull(hotlineTokens.revokedAt)));
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(h)))
    throw new AppError('UNAUTHENTICATED', '接口令牌无效或已停用');
  return row.departmentId;
}
