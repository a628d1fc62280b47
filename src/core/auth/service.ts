import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { inTx, type Ctx } from '../context.ts';
import { appendAudit } from '../audit/chain.ts';
import { organisations } from '../orgs/schema.ts';
import { getSetting, securitySettings } from '../settings/service.ts';
import { sessions, users } from './schema.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');
// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const chinaTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d);

export interface SessionInfo { actor: Actor; csrfToken: string; sessionId: string }
export interface LoginResult extends SessionInfo { token: string }

export async function login(ctx: Ctx, input: { username: string; password: string }): Promise<LoginResult> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  if (!user || !user.active) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${chinaTime(user.lockedUntil)}`);
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.maxFailedLogins;
    await inTx(ctx, async (tx) => {
      await tx
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) } : { failedLogins: failures })
        .where(eq(users.id, user.id));
      const base = { actorId: user.id, orgId: user.orgId, entityType: 'user', entityId: user.id };
      await appendAudit(tx, { ...base, action: lock ? 'auth.locked' : 'auth.loginFailed', payload: { failures } }, now);
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `连续 ${policy.maxFailedLogins} 次登录失败，账号已锁定 ${policy.lockoutMinutes} 分钟`);
    throw new AppError('INVALID_CREDENTIALS', `用户名或密码错误，再失败 ${policy.maxFailedLogins - failures} 次将锁定账号`);
  }
  const raw = token();
  const csrfToken = token();
  const sessionId = sha256(raw);
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: sessionId, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now });
    await appendAudit(tx, { actorId: user.id, orgId: user.orgId, action: 'auth.login', entityType: 'user', entityId: user.id }, now);
  });
  const info = await resolveSession(ctx, raw);
  return { ...info, token: raw };
}

// Every request resolves its session: one prepared join per database handle.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
function prepareLookup(db: Db) {
  return db
    .select({ session: sessions, user: users, orgName: organisations.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('fazhi_session_lookup');
}
function sessionLookup(db: Db) {
  let q = lookups.get(db);
  if (!q) lookups.set(db, (q = prepareLookup(db)));
  return q;
}

/** Resolves a session cookie into an actor; enforces the idle timeout and slides it (at most once a minute). */
export async function resolveSession(ctx: Ctx, raw: string): Promise<SessionInfo> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const sessionId = sha256(raw);
  const [row] = await sessionLookup(ctx.db).execute({ id: sessionId });
  if (!row || !row.user.active) throw new AppError('UNAUTHENTICATED', '请先登录');
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > policy.idleTimeoutMinutes * 60_000) {
    await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
    throw new AppError('SESSION_EXPIRED', `超过 ${policy.idleTimeoutMinutes} 分钟未操作，请重新登录`);
  }
  if (idleMs > 60_000) await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  const u = row.user;
  return {
    sessionId,
    csrfToken: row.session.csrfToken,
    actor: {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      orgId: u.orgId,
      orgName: row.orgName,
      departmentId: u.departmentId,
      roles: u.roles as Role[],
      mustChangePassword: u.mustChangePassword,
    },
  };
}

export async function logout(ctx: Ctx, actor: Actor, sessionId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'auth.logout', entityType: 'user', entityId: actor.userId }, ctx.clock.now());
  });
}

export async function changePassword(
  ctx: Ctx,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION', '当前密码：不正确', { fields: [{ path: 'currentPassword', message: '当前密码不正确' }] });
  }
  const problem = passwordProblem(input.newPassword, policy.passwordMinLength);
  if (problem) throw new AppError('WEAK_PASSWORD', `新密码：${problem}`, { fields: [{ path: 'newPassword', message: problem }] });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', '新密码：不能与当前密码相同', { fields: [{ path: 'newPassword', message: '不能与当前密码相同' }] });
  }
  const hash = await hashPassword(input.newPassword);
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, actor.userId));
    // Other sessions of this user end: a changed password must lock out whoever else held the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), ne(sessions.id, sessionId)));
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'auth.passwordChanged', entityType: 'user', entityId: actor.userId }, now);
  });
}

/** Removes sessions idle for longer than the timeout (run by the sweep). */
export async function purgeIdleSessions(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const cutoff = new Date(now.getTime() - policy.idleTimeoutMinutes * 60_000);
  const res = await ctx.db.delete(sessions).where(lt(sessions.lastSeenAt, cutoff)).returning({ id: sessions.id });
  return res.length;
}
