import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir, type DirLock } from './lock.ts';

/**
 * One type for both drivers: everything above this layer is driver-agnostic. Queries name their
 * tables (no relational `db.query`), so the client needs no schema and core imports no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
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
  /**
   * PGlite on a data dir: skip fsync (PGlite's own default). Only for tests and benches — a power
   * loss may then lose acknowledged writes or corrupt the dir. Default: FAZHI_PGLITE_RELAXED=1.
   */
  relaxedDurability?: boolean;
}

/** True when PGlite data dirs run without fsync (tests: scripts/test.mjs sets FAZHI_PGLITE_RELAXED=1). */
export const relaxedByEnv = () => process.env.FAZHI_PGLITE_RELAXED === '1';

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // idle client errors surface on the next query; do not crash the process
  const db = drizzle(pool) as unknown as Db;
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

/**
 * Durable PGlite. Out of the box it starts PostgreSQL with `-F` (fsync off), its wasm fdatasync is a
 * no-op and Emscripten's NODEFS has no fsync: a commit is acknowledged once it reaches the OS page
 * cache. Here `-F` is dropped, WAL is flushed with fsync (wal_sync_method = fsync reaches
 * Emscripten's fd_sync) and NODEFS's fsync calls the real fs.fsyncSync — files and directories.
 */
const DURABLE = {
  relaxedDurability: false,
  postgresqlconf: ['fsync = on', 'synchronous_commit = on', 'wal_sync_method = fsync', 'full_page_writes = on'],
  get startParams() {
    return DURABLE_START_PARAMS;
  },
};
let DURABLE_START_PARAMS: string[] = [];

interface NodeFsStream { nfd?: number; node: unknown }
interface NodeFsModule { NODEFS: { stream_ops: Record<string, unknown>; realPath(node: unknown): string } }

async function durableNodeFs(dataDir: string) {
  const [{ PGlite }, { NodeFS }, nodeFs] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/nodefs'), import('node:fs')]);
  DURABLE_START_PARAMS = PGlite.defaultStartParams.filter((p) => p !== '-F');
  const fsync = (mod: NodeFsModule) => (stream: NodeFsStream) => {
    if (stream.nfd !== undefined) return void nodeFs.fsyncSync(stream.nfd);
    const fd = nodeFs.openSync(mod.NODEFS.realPath(stream.node), 'r'); // a directory (fsync_fname)
    try {
      nodeFs.fsyncSync(fd);
    } finally {
      nodeFs.closeSync(fd);
    }
  };
  const fsImpl = new NodeFS(dataDir);
  const init = fsImpl.init.bind(fsImpl);
  fsImpl.init = async (pg, opts) => {
    const out = await init(pg, opts);
    const preRun = [out.emscriptenOpts.preRun ?? []].flat() as Array<(m: unknown) => void>;
    out.emscriptenOpts.preRun = [...preRun, (m: unknown) => void ((m as NodeFsModule).NODEFS.stream_ops.fsync = fsync(m as NodeFsModule))];
    return out;
  };
  return fsImpl;
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
    const conf = [`shared_buffers = ${opts.sharedBuffers ?? '32MB'}`];
    const durable = !(opts.relaxedDurability ?? relaxedByEnv());
    client = dataDir && durable
      ? new PGlite({ dataDir, fs: await durableNodeFs(dataDir), loadDataDir: opts.loadDataDir, ...DURABLE, postgresqlconf: [...conf, ...DURABLE.postgresqlconf] })
      : new PGlite({ dataDir, loadDataDir: opts.loadDataDir, postgresqlconf: conf });
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzle(client) as unknown as Db;
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
