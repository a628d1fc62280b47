import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { inTx, type Ctx } from '../context.ts';
import { appendAudit } from '../audit/chain.ts';
import { organisations } from '../orgs/schema.ts';
import { getSetting, securitySettings } from '../settings/service.ts';
import { sessions, users } from './schema.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import {
  countFailure,
  forgetPair,
  lockEnd,
  purgeLoginFailures,
  takeAttempt,
  takeSlot,
  type Refusal,
} from './lockout.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

const chinaTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}
export interface LoginResult extends SessionInfo {
  token: string;
}

/** Previous passwords kept besides the current one: a new password may be none of the last 5. */
export const PASSWORD_HISTORY = 4;
/** Default absolute session lifetime (FAZHI_SESSION_MAX_HOURS). */
export const DEFAULT_SESSION_MAX_HOURS = 12;

function refuse(r: Refusal): never {
  if (r.kind === 'locked')
    throw new AppError(
      'ACCOUNT_LOCKED',
      `登录失败次数过多，从本机登录该账号已暂停至 ${chinaTime(r.until)}`,
    );
  throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${r.seconds} 秒后再试`);
}

/**
 * Signs in. Unknown, inactive and known usernames go through the same counting and the same scrypt
 * (a dummy hash) and get the same answers; see lockout.ts for what is counted and why.
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; source: string },
): Promise<LoginResult> {
  const dummy = dummyHash(); // made once per process, on the first sign-in whoever it is for
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const limits = { maxFailures: policy.maxFailedLogins, lockoutMinutes: policy.lockoutMinutes };
  const slow = await takeSlot(ctx.db, input.username, now, limits);
  if (slow) refuse(slow);
  const attempt = await takeAttempt(ctx.db, input.username, input.source, now, limits);
  if ('kind' in attempt) refuse(attempt);
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  const known = user && user.active ? user : null;
  const ok = await verifyPassword(input.password, known ? known.passwordHash : await dummy);
  if (!known || !ok) {
    await countFailure(ctx.db, input.username, now, limits);
    const lock = attempt.failures >= limits.maxFailures;
    const until = lockEnd(now, limits);
    if (user) {
      await inTx(ctx, async (tx) => {
        // users.locked_until: some source is locked out of this account until then (the 安全管理员's
        // 解锁 clears it and, by trigger, every per-source count of the username).
        if (lock)
          await tx
            .update(users)
            .set({
              lockedUntil: sql`greatest(${users.lockedUntil}, ${until.toISOString()}::timestamptz)`,
            })
            .where(eq(users.id, user.id));
        const payload = {
          source: input.source,
          failures: attempt.failures,
          ...(lock ? { until: until.toISOString() } : {}),
        };
        await appendAudit(
          tx,
          {
            actorId: user.id,
            orgId: user.orgId,
            entityType: 'user',
            entityId: user.id,
            action: lock ? 'auth.locked' : 'auth.loginFailed',
            payload,
          },
          now,
        );
      });
    }
    if (lock)
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续 ${limits.maxFailures} 次登录失败，从本机登录该账号已暂停至 ${chinaTime(until)}`,
      );
    throw new AppError(
      'INVALID_CREDENTIALS',
      `用户名或密码错误，再失败 ${limits.maxFailures - attempt.failures} 次将暂停从本机登录 ${limits.lockoutMinutes} 分钟`,
    );
  }
  const raw = token();
  const csrfToken = token();
  const sessionId = sha256(raw);
  await inTx(ctx, async (tx) => {
    await forgetPair(tx, input.username, input.source);
    await tx
      .insert(sessions)
      .values({ id: sessionId, userId: known.id, csrfToken, createdAt: now, lastSeenAt: now });
    await appendAudit(
      tx,
      {
        actorId: known.id,
        orgId: known.orgId,
        action: 'auth.login',
        entityType: 'user',
        entityId: known.id,
        payload: { source: input.source },
      },
      now,
    );
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

export interface ResolveOptions {
  /** A background poll (x-fazhi-background: 1): checked like any request but not counted as activity. */
  background?: boolean;
  /** Absolute lifetime of a session in hours, however active (default DEFAULT_SESSION_MAX_HOURS). */
  maxHours?: number;
}

/**
 * Resolves a session cookie into an actor; enforces the absolute lifetime and the idle timeout, and
 * slides the latter (at most once a minute) unless the request is a background poll.
 */
export async function resolveSession(
  ctx: Ctx,
  raw: string,
  opts: ResolveOptions = {},
): Promise<SessionInfo> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const sessionId = sha256(raw);
  const [row] = await sessionLookup(ctx.db).execute({ id: sessionId });
  if (!row || !row.user.active) throw new AppError('UNAUTHENTICATED', '请先登录');
  const maxHours = opts.maxHours ?? DEFAULT_SESSION_MAX_HOURS;
  if (now.getTime() - row.session.createdAt.getTime() > maxHours * 3_600_000) {
    await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
    throw new AppError('SESSION_EXPIRED', `登录已超过 ${maxHours} 小时，请重新登录`);
  }
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > policy.idleTimeoutMinutes * 60_000) {
    await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
    throw new AppError(
      'SESSION_EXPIRED',
      `超过 ${policy.idleTimeoutMinutes} 分钟未操作，请重新登录`,
    );
  }
  if (idleMs > 60_000 && !opts.background)
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
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
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
      },
      ctx.clock.now(),
    );
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
    throw new AppError('VALIDATION', '当前密码：不正确', {
      fields: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
  }
  const problem = passwordProblem(input.newPassword, {
    minLength: policy.passwordMinLength,
    username: user.username,
  });
  if (problem)
    throw new AppError('WEAK_PASSWORD', `新密码：${problem}`, {
      fields: [{ path: 'newPassword', message: problem }],
    });
  const recent = [user.passwordHash, ...user.passwordHistory].slice(0, PASSWORD_HISTORY + 1);
  for (const old of recent) {
    if (await verifyPassword(input.newPassword, old)) {
      const message = `不能与最近 ${PASSWORD_HISTORY + 1} 次使用过的密码相同`;
      throw new AppError('WEAK_PASSWORD', `新密码：${message}`, {
        fields: [{ path: 'newPassword', message }],
      });
    }
  }
  const hash = await hashPassword(input.newPassword);
  await inTx(ctx, async (tx) => {
    const passwordHistory = recent.slice(0, PASSWORD_HISTORY);
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        passwordHistory,
        mustChangePassword: false,
        passwordChangedAt: now,
      })
      .where(eq(users.id, actor.userId));
    // Other sessions of this user end: a changed password must lock out whoever else held the old one.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, sessionId)));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'auth.passwordChanged',
        entityType: 'user',
        entityId: actor.userId,
      },
      now,
    );
  });
}

/** Removes sessions idle for longer than the timeout, and login failure counts whose window closed (run by the sweep). */
export async function purgeIdleSessions(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const policy = await getSetting(ctx.db, securitySettings, now.getTime());
  const cutoff = new Date(now.getTime() - policy.idleTimeoutMinutes * 60_000);
  const res = await ctx.db
    .delete(sessions)
    .where(lt(sessions.lastSeenAt, cutoff))
    .returning({ id: sessions.id });
  await purgeLoginFailures(ctx.db, now, {
    maxFailures: policy.maxFailedLogins,
    lockoutMinutes: policy.lockoutMinutes,
  });
  return res.length;
}
