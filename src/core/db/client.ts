import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { lockDataDir, type DirLock } from './lock.ts';

export type Schema = typeof schema;
/** One type for both drivers: everything above this layer is driver-agnostic. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services take `Db | Tx` where they can join a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… → node-postgres; otherwise embedded PGlite. */
  url?: string;
  /** PGlite: the Fazhi data dir (the database lives in <dir>/pgdata); omitted → in memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data dir (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** PGlite: PostgreSQL shared_buffers (default 32MB: one embedded user set; 128MB costs ~100 MB more RSS). */
  sharedBuffers?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // idle client errors surface on the next query; do not crash the process
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let lock: DirLock | undefined;
  let dataDir: string | undefined;
  if (opts.dataDir) {
    lock = lockDataDir(opts.dataDir);
    dataDir = path.join(path.resolve(opts.dataDir), 'pgdata');
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = new PGlite({ dataDir, loadDataDir: opts.loadDataDir, postgresqlconf: [`shared_buffers = ${opts.sharedBuffers ?? '32MB'}`] });
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Affected-row count of a raw SQL statement (node-postgres: rowCount; PGlite: affectedRows). */
export async function execCount(db: DbOrTx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}
