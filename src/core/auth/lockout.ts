/**
 * 登录失败处理 (GB/T 22239-2019 三级 8.1.4.1 b: 应具有登录失败处理功能，应配置并启用结束会话、
 * 限制非法登录次数和当登录连接超时自动退出等相关措施). Here:
 * - 限制非法登录次数: failures are counted per (username as typed, source address). After each
 *   failure the pair waits progressively longer (0, 1, 2, 4 s) before its next attempt, and after
 *   `maxFailedLogins` failures that pair is locked for `lockoutMinutes`, a correct password included.
 *   Only that pair: an attacker elsewhere cannot lock an administrator out of their own desk.
 * - A ceiling per username over all sources (CEILING_FACTOR × maxFailedLogins failures within the
 *   lockout window) only slows down: one attempt per SLOT_SECONDS for that name, never a lockout.
 * - Unknown and known usernames are counted and answered alike (keyed by the typed name).
 * - 结束会话 and 登录连接超时自动退出: the idle timeout and the absolute lifetime (service.ts).
 * Every step is one atomic statement (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING), so a
 * burst of simultaneous guesses is counted one by one: only the first two get through the delays.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { loginFailures } from './schema.ts';

export const ALL_SOURCES = '*';
export const CEILING_FACTOR = 4;
export const SLOT_SECONDS = 2;
/**
 * Wait before the next attempt of a pair after `failures` failures: none after the first (a retyped
 * password), then 1, 2, 4 … s (at most 60). Mirrored in SQL in takeAttempt.
 */
export const delaySeconds = (failures: number) =>
  failures <= 1 ? 0 : Math.min(2 ** (failures - 2), 60);

export interface Limits {
  maxFailures: number;
  lockoutMinutes: number;
}
export type Refusal = { kind: 'locked'; until: Date } | { kind: 'wait'; seconds: number };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Counts an attempt of (username, source) before its password is checked, or refuses it (locked, or
 * inside its delay). Returns the pair's failures including this attempt.
 */
export async function takeAttempt(
  db: DbOrTx,
  username: string,
  source: string,
  now: Date,
  limits: Limits,
): Promise<{ failures: number } | Refusal> {
  const windowStart = new Date(now.getTime() - limits.lockoutMinutes * 60_000);
  const rows = await queryRows<{ failures: number }>(
    db,
    sql`
    insert into login_failures (username, source, failures, last_attempt_at) values (${username}, ${source}, 1, ${ts(now)})
    on conflict (username, source) do update set
      failures = case when login_failures.last_attempt_at <= ${ts(windowStart)} then 1 else login_failures.failures + 1 end,
      last_attempt_at = ${ts(now)}
    where login_failures.last_attempt_at <= ${ts(windowStart)}
       or (login_failures.failures < ${limits.maxFailures}
           and login_failures.last_attempt_at
               + (case when login_failures.failures <= 1 then 0 else least(power(2, login_failures.failures - 2), 60) end) * interval '1 second'
               <= ${ts(now)})
    returning failures`,
  );
  if (rows.length) return { failures: Number(rows[0].failures) };
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.source, source)));
  if (!row) return { kind: 'wait', seconds: 1 };
  if (row.failures >= limits.maxFailures)
    return { kind: 'locked', until: lockEnd(row.lastAttemptAt, limits) };
  const seconds = Math.ceil(
    (row.lastAttemptAt.getTime() + delaySeconds(row.failures) * 1000 - now.getTime()) / 1000,
  );
  return { kind: 'wait', seconds: Math.max(1, seconds) };
}

export const lockEnd = (lastAttempt: Date, limits: Limits) =>
  new Date(lastAttempt.getTime() + limits.lockoutMinutes * 60_000);

/** A successful sign-in forgets the failures of its own pair only (an attacker's pairs stay counted). */
export async function forgetPair(db: DbOrTx, username: string, source: string): Promise<void> {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.source, source)));
}

/**
 * The per-username ceiling: over it, one attempt per SLOT_SECONDS is let through (atomically) and the
 * others are refused with a wait; below it, nothing happens. Returns the refusal or null.
 */
export async function takeSlot(
  db: DbOrTx,
  username: string,
  now: Date,
  limits: Limits,
): Promise<Refusal | null> {
  const windowStart = new Date(now.getTime() - limits.lockoutMinutes * 60_000);
  const slotStart = new Date(now.getTime() - SLOT_SECONDS * 1000);
  const rows = await queryRows<{ hot: number; taken: number }>(
    db,
    sql`
    with hot as (
      select 1 from login_failures
      where username = ${username} and source = ${ALL_SOURCES}
        and failures >= ${limits.maxFailures * CEILING_FACTOR} and last_attempt_at > ${ts(windowStart)})
    , taken as (
      update login_failures set slot_at = ${ts(now)}
      where username = ${username} and source = ${ALL_SOURCES} and exists (select 1 from hot)
        and (slot_at is null or slot_at <= ${ts(slotStart)})
      returning 1)
    select (select count(*) from hot)::int as hot, (select count(*) from taken)::int as taken`,
  );
  const r = rows[0];
  return Number(r.hot) > 0 && Number(r.taken) === 0
    ? { kind: 'wait', seconds: SLOT_SECONDS }
    : null;
}

/** Counts a failure towards the username's ceiling (all sources). */
export async function countFailure(
  db: DbOrTx,
  username: string,
  now: Date,
  limits: Limits,
): Promise<void> {
  const windowStart = new Date(now.getTime() - limits.lockoutMinutes * 60_000);
  await db.execute(sql`
    insert into login_failures (username, source, failures, last_attempt_at) values (${username}, ${ALL_SOURCES}, 1, ${ts(now)})
    on conflict (username, source) do update set
      failures = case when login_failures.last_attempt_at <= ${ts(windowStart)} then 1 else login_failures.failures + 1 end,
      last_attempt_at = ${ts(now)}`);
}

/** Forgets counts whose window has closed (run by the sweep with the idle sessions). */
export async function purgeLoginFailures(db: DbOrTx, now: Date, limits: Limits): Promise<void> {
  await db
    .delete(loginFailures)
    .where(
      lt(loginFailures.lastAttemptAt, new Date(now.getTime() - limits.lockoutMinutes * 60_000)),
    );
}
