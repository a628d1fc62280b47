import { AppError } from '../core/errors.ts';
import { shiftedClock, systemClock, type Clock } from '../core/clock.ts';
import path from 'node:path';

/** Everything configurable from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  sweepIntervalMs: number;
  logLevel: string;
  /** PGlite's shared_buffers (PostgreSQL setting syntax, e.g. 32MB). */
  pgliteSharedBuffers?: string;
  /** FAZHI_NOW: the server's clock starts at this date or instant (a demo and test aid; unset in production). */
  now?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.FAZHI_DATA_DIR ?? 'data'),
    databaseUrl,
    // Embedded runs are demos by default; a PostgreSQL deployment loads demo data only when asked.
    demo: env.FAZHI_DEMO ? env.FAZHI_DEMO === '1' : !databaseUrl,
    secureCookies: env.FAZHI_SECURE_COOKIES === '1',
    trustProxy: env.FAZHI_TRUST_PROXY === '1',
    sweepIntervalMs: Number(env.FAZHI_SWEEP_INTERVAL_MS ?? 60_000),
    logLevel: env.LOG_LEVEL ?? 'info',
    pgliteSharedBuffers: env.FAZHI_PGLITE_SHARED_BUFFERS || undefined,
    now: readNow(env.FAZHI_NOW),
  };
}

function readNow(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v));
  if (!ok) throw new AppError('VALIDATION', `FAZHI_NOW 应为日期（如 2027-02-06）或带时区的时刻（如 2027-02-06T09:30:00+08:00）/ FAZHI_NOW must be a date or an ISO instant with a zone: ${v}`);
  return v;
}

/** The system clock, or one running from FAZHI_NOW. */
export const clockOf = (config: Pick<Config, 'now'>): Clock => (config.now ? shiftedClock(config.now) : systemClock);
