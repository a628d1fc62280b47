/**
 * Test support: a real database per test file (PGlite from a pre-migrated dump, or a scratch
 * PostgreSQL database when TEST_DATABASE_URL is set), a fixed clock, and a real server.
 * No mocks: tests talk to the same code and SQL as production.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { fixedClock, type Clock } from '../core/clock.ts';
import type { Ctx } from '../core/context.ts';
import { openDatabase } from '../core/db/client.ts';
import { boot } from './boot.ts';
import { lendDatabase } from './testReuse.ts';
import { buildApp } from './app.ts';
import { loadDemo, type DemoAccount } from './demo.ts';
import { createUser } from '../core/users/service.ts';
import { organisations } from '../core/orgs/schema.ts';
import type { Role } from '../core/auth/roles.ts';

export const TEST_NOW = '2025-03-03T02:00:00.000Z'; // 2025-03-03 10:00 in Beijing, a Monday

export interface TestContext {
  ctx: Ctx;
  clock: Clock & { set(iso: string): void };
  close(): Promise<void>;
}

export const testDbKind = (): 'postgres' | 'pglite' =>
  process.env.FAZHI_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A test database's sessions commit without waiting for the WAL flush (a crash could lose the last
 * commits of a scratch database, which nobody keeps): the PostgreSQL pass's counterpart of PGlite's
 * relaxed durability in tests. Production connections keep the server's setting.
 */
const RELAXED_COMMIT = '-c synchronous_commit=off';

/** A scratch database copied from `template` (the run's migrated one by default; `null`: none, empty). */
export async function scratchPostgres(
  template: string | null | undefined = process.env.FAZHI_TEST_PG_TEMPLATE,
): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const admin = process.env.TEST_DATABASE_URL!;
  // Named after the test run so the runner can drop whatever a crashed test file left behind.
  const name = `fazhi_t_${process.env.FAZHI_TEST_RUN ?? 'x'}_${randomBytes(6).toString('hex')}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin, options: RELAXED_COMMIT });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  url.searchParams.set('options', RELAXED_COMMIT);
  return { url: url.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}

// A dump read once per test process (a Blob is immutable: each PGlite copies it into its own memory).
const dumps = new Map<string, Blob>();
function dumpBlob(file: string): Blob {
  let blob = dumps.get(file);
  if (!blob) dumps.set(file, (blob = new Blob([fs.readFileSync(file)])));
  return blob;
}

/**
 * A migrated, empty database with a fixed clock (or, with `from`, a copy of a prepared database: the
 * demo snapshot below). The database may be one that an earlier test of the process closed, set back
 * to how it was opened (testReuse.ts).
 */
export async function createTestContext(
  now = TEST_NOW,
  from: { pgTemplate?: string; pgliteDump?: string } = {},
): Promise<TestContext> {
  const clock = fixedClock(now);
  if (testDbKind() === 'postgres') {
    const template = from.pgTemplate ?? process.env.FAZHI_TEST_PG_TEMPLATE;
    return {
      clock,
      ...(await lendDatabase(`postgres:${template}`, clock, async () => {
        const scratch = await scratchPostgres(template);
        const database = await openDatabase({ url: scratch.url, poolSize: 5 });
        return { database, drop: scratch.drop };
      })),
    };
  }
  const dump = from.pgliteDump ?? process.env.FAZHI_TEST_PGLITE_DUMP ?? '';
  return {
    clock,
    ...(await lendDatabase(`pglite:${dump}`, clock, async () => ({
      database: await openDatabase({
        loadDataDir: dump && fs.existsSync(dump) ? dumpBlob(dump) : undefined,
      }),
    }))),
  };
}

/**
 * What a test starts from: the demo department's organisations and one account per role, and either
 * every module's demo records (the default) or none (`records: false`: the test builds what it needs
 * through the services, with the factories in server/factories.ts).
 */
export interface Start {
  records?: boolean;
}

/**
 * The demo as loaded at TEST_NOW, with its records or without (`records: false`), prepared once per test
 * run (scripts/prepare-test-db.ts): a PGlite dump or a PostgreSQL template, and the accounts with their
 * initial passwords. Loading the demo through
 * the services is the same every time at one date; a file starting from the demo at TEST_NOW copies it
 * instead (the demo itself is tested at many dates by the modules' demo tests, which load it).
 */
const demoSnapshot = (records: boolean) => {
  const kind = records ? 'DEMO' : 'BASE';
  const accounts = process.env[`FAZHI_TEST_${kind}_ACCOUNTS`];
  if (!accounts || !fs.existsSync(accounts)) return undefined;
  const pgTemplate = process.env[`FAZHI_TEST_PG_${kind}_TEMPLATE`];
  const pgliteDump = process.env[`FAZHI_TEST_PGLITE_${kind}_DUMP`];
  if (testDbKind() === 'postgres' ? !pgTemplate : !pgliteDump || !fs.existsSync(pgliteDump))
    return undefined;
  return { pgTemplate, pgliteDump, accounts };
};

/** A test context with the demo department loaded; returns its accounts. */
export async function createDemoContext(
  now = TEST_NOW,
  start: Start = {},
): Promise<TestContext & { accounts: DemoAccount[] }> {
  const snapshot = now === TEST_NOW ? demoSnapshot(start.records !== false) : undefined;
  if (snapshot) {
    const t = await createTestContext(now, snapshot);
    const accounts = JSON.parse(fs.readFileSync(snapshot.accounts, 'utf8')) as DemoAccount[];
    return { ...t, accounts };
  }
  const t = await createTestContext(now);
  const accounts = (await loadDemo(t.ctx, { records: start.records }))!;
  return { ...t, accounts };
}

/** The factories' starting point: the demo department's organisations and accounts, no records. */
export const createBaseContext = (now = TEST_NOW) => createDemoContext(now, { records: false });

export async function orgIdByName(ctx: Ctx, name: string): Promise<string> {
  const [org] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (!org) throw new Error(`no org ${name}`);
  return org.id;
}

/** A user with a known password and no forced change, for signing in from tests. */
export async function addUser(
  ctx: Ctx,
  opts: { username: string; password: string; roles: Role[]; orgName?: string },
): Promise<string> {
  const orgId = await orgIdByName(ctx, opts.orgName ?? '高新技术科');
  const { id } = await createUser(ctx, null, {
    username: opts.username,
    displayName: opts.username,
    orgId,
    roles: opts.roles,
    password: opts.password,
    mustChangePassword: false,
  });
  return id;
}

/** Signs in through the API; returns headers that carry the session cookie and the CSRF token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'fazhi_sid')!;
  const cookie = `fazhi_sid=${setCookie.value}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/**
 * Moves the test clock to a day (10:00 Beijing time) and keeps every session alive: moving by days
 * would otherwise end them (30-minute idle timeout, absolute lifetime). Tests of the timeouts
 * themselves move the clock with `t.clock.set`.
 */
export async function moveToDay(t: Pick<TestContext, 'ctx' | 'clock'>, day: string): Promise<void> {
  const iso = `${day}T02:00:00.000Z`;
  t.clock.set(iso);
  await t.ctx.db.execute(
    sql`update sessions set last_seen_at = ${iso}::timestamptz, created_at = ${iso}::timestamptz`,
  );
}

export async function createTestApp(now = TEST_NOW, start: Start = {}) {
  const t = await createDemoContext(now, start);
  const app = await buildApp({ ctx: t.ctx });
  return {
    ...t,
    app,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

/** An app over the organisations and accounts only: the test builds its records (server/factories.ts). */
export const createBaseApp = (now = TEST_NOW) => createTestApp(now, { records: false });

/** A real server on a random port (browser tests): demo data, a fixed date (never the wall clock). */
export async function startTestServer(now = TEST_NOW, start: Start = {}) {
  const t = await createDemoContext(now, start);
  const app = await buildApp({ ctx: t.ctx });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    ctx: t.ctx,
    setDay: (day: string) => moveToDay(t, day),
    async close() {
      await app.close();
      await t.close();
    },
    async createUser(opts: {
      username: string;
      password: string;
      roles: string[];
      orgName?: string;
    }) {
      await addUser(t.ctx, { ...opts, roles: opts.roles as Role[] });
    },
  };
}
