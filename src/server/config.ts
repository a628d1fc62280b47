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
  };
}
