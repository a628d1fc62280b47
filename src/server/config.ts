import { AppError } from '../core/errors.ts';
import { shiftedClock, systemClock, type Clock } from '../core/clock.ts';
import path from 'node:path';
import net from 'node:net';

/** Everything configurable from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * DATABASE_MIGRATION_URL: the owner of the tables, who runs the migrations and then grants the
   * application role (DATABASE_URL, not the owner) its privileges. Unset: DATABASE_URL migrates.
   */
  migrationUrl?: string;
  demo: boolean;
  secureCookies: boolean;
  /**
   * FAZHI_TRUST_PROXY: the reverse proxies allowed to say who the client is (X-Forwarded-For), as
   * addresses/CIDRs or proxy-addr's names (loopback, linklocal, uniquelocal); "1" = loopback (a proxy
   * on the same machine). false: the socket address is the client. Never "any proxy" nor a hop
   * count (Fastify ignores one: it cannot tell a proxy from a client connecting directly): a forged
   * header would choose the address every per-IP limit counts.
   */
  trustProxy: false | string[];
  /** FAZHI_SESSION_MAX_HOURS: a session ends this many hours after sign-in, however active (default 12). */
  sessionMaxHours: number;
  sweepIntervalMs: number;
  logLevel: string;
  /** PGlite's shared_buffers (PostgreSQL setting syntax, e.g. 32MB). */
  pgliteSharedBuffers?: string;
  /** FAZHI_NOW: the server's clock starts at this date or instant (a demo and test aid; unset in production). */
  now?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const migrationUrl = env.DATABASE_MIGRATION_URL || undefined;
  if (migrationUrl && !databaseUrl) {
    throw new AppError(
      'VALIDATION',
      'DATABASE_MIGRATION_URL 须与 DATABASE_URL（PostgreSQL）一起设置 / DATABASE_MIGRATION_URL needs DATABASE_URL (PostgreSQL)',
    );
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.FAZHI_DATA_DIR ?? 'data'),
    databaseUrl,
    migrationUrl: migrationUrl && migrationUrl !== databaseUrl ? migrationUrl : undefined,
    // Embedded runs are demos by default; a PostgreSQL deployment loads demo data only when asked.
    demo: env.FAZHI_DEMO ? env.FAZHI_DEMO === '1' : !databaseUrl,
    secureCookies: env.FAZHI_SECURE_COOKIES === '1',
    trustProxy: readTrustProxy(env.FAZHI_TRUST_PROXY),
    sessionMaxHours: readSessionMaxHours(env.FAZHI_SESSION_MAX_HOURS),
    sweepIntervalMs: Number(env.FAZHI_SWEEP_INTERVAL_MS ?? 60_000),
    logLevel: env.LOG_LEVEL ?? 'info',
    pgliteSharedBuffers: env.FAZHI_PGLITE_SHARED_BUFFERS || undefined,
    now: readNow(env.FAZHI_NOW),
  };
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function readTrustProxy(v: string | undefined): false | string[] {
  const value = v?.trim();
  if (!value || value === '0') return false;
  if (value === '1') return ['loopback'];
  const list = value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((x) => !PROXY_KEYWORDS.has(x) && !isAddressOrCidr(x));
  if (bad.length || !list.length) {
    throw new AppError(
      'VALIDATION',
      `FAZHI_TRUST_PROXY 应为反向代理的地址或网段列表（如 127.0.0.1 或 10.0.0.5,10.1.0.0/16；1 表示本机 loopback）：${bad.join(', ') || value} / FAZHI_TRUST_PROXY must list the reverse proxies' addresses or CIDRs (1 = loopback)`,
    );
  }
  return list;
}

function isAddressOrCidr(x: string): boolean {
  const [address, prefix, extra] = x.split('/');
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function readSessionMaxHours(v: string | undefined): number {
  if (!v) return 12;
  const hours = Number(v);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 72) {
    throw new AppError(
      'VALIDATION',
      `FAZHI_SESSION_MAX_HOURS 应为 0 到 72 之间的小时数（如 12）：${v} / FAZHI_SESSION_MAX_HOURS must be a number of hours, at most 72`,
    );
  }
  return hours;
}

function readNow(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const ok =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) &&
    !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v));
  if (!ok)
    throw new AppError(
      'VALIDATION',
      `FAZHI_NOW 应为日期（如 2027-02-06）或带时区的时刻（如 2027-02-06T09:30:00+08:00）/ FAZHI_NOW must be a date or an ISO instant with a zone: ${v}`,
    );
  return v;
}

/** The system clock, or one running from FAZHI_NOW. */
export const clockOf = (config: Pick<Config, 'now'>): Clock =>
  config.now ? shiftedClock(config.now) : systemClock;
