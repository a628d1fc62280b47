import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir, type DirLock } from './lock.ts';
import { AppError } from '../errors.ts';

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
  /** PGlite only: a consistent copy of the data dir (gzipped tar), after a checkpoint. */
  dumpDataDir?(): Promise<Blob>;
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
  postgresqlconf: [
    'fsync = on',
    'synchronous_commit = on',
    'wal_sync_method = fsync',
    'full_page_writes = on',
  ],
  get startParams() {
    return DURABLE_START_PARAMS;
  },
};
let DURABLE_START_PARAMS: string[] = [];

interface NodeFsStream {
  nfd?: number;
  node: unknown;
}
interface NodeFsModule {
  NODEFS: { stream_ops: Record<string, unknown>; realPath(node: unknown): string };
}

async function durableNodeFs(dataDir: string) {
  const [{ PGlite }, { NodeFS }, nodeFs] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/nodefs'),
    import('node:fs'),
  ]);
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
    out.emscriptenOpts.preRun = [
      ...preRun,
      (m: unknown) => void ((m as NodeFsModule).NODEFS.stream_ops.fsync = fsync(m as NodeFsModule)),
    ];
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
    client =
      dataDir && durable
        ? new PGlite({
            dataDir,
            fs: await durableNodeFs(dataDir),
            loadDataDir: opts.loadDataDir,
            ...DURABLE,
            postgresqlconf: [...conf, ...DURABLE.postgresqlconf],
          })
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
    async dumpDataDir() {
      await client.exec('CHECKPOINT');
      return client.dumpDataDir('gzip');
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

const pgdataOf = (dataDir: string) => path.join(path.resolve(dataDir), 'pgdata');

/**
 * Backs up a PGlite data dir to `file` (gzipped tar). Offline: the data dir's lock is taken, so a
 * running server makes this fail with DATA_DIR_LOCKED — PGlite is one process and only that process
 * may read its files consistently. The file is written beside its target, fsynced, then renamed.
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const fs = await import('node:fs');
  if (!fs.existsSync(pgdataOf(dataDir)))
    throw new AppError('NOT_FOUND', `数据目录 ${dataDir} 中没有数据库，无可备份`);
  const database = await openDatabase({ dataDir });
  try {
    const bytes = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
    const tmp = `${file}.${process.pid}.partial`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return { bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/**
 * Restores a backup into a PGlite data dir (offline, like the backup). An existing database is
 * never deleted: without `replace` the restore is refused; with it, the old pgdata is moved aside.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  opts: { replace?: boolean } = {},
): Promise<{ movedAside?: string }> {
  const fs = await import('node:fs');
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `备份文件 ${file} 不存在`);
  const blob = new Blob([fs.readFileSync(file)]);
  const pgdata = pgdataOf(dataDir);
  let movedAside: string | undefined;
  const lock = lockDataDir(dataDir);
  try {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length) {
      if (!opts.replace)
        throw new AppError(
          'CONFLICT',
          `数据目录 ${dataDir} 中已有数据库；如确需以备份替换，请加 --replace（原数据将移到同一目录下保留，不会删除）`,
        );
      movedAside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(pgdata, movedAside);
    }
  } finally {
    lock.release();
  }
  let database: Database;
  try {
    database = await openDatabase({ dataDir, loadDataDir: blob });
  } catch (e) {
    if (e instanceof AppError) throw e;
    fs.rmSync(pgdata, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, pgdata);
    throw new AppError(
      'VALIDATION',
      `备份文件 ${file} 无法读取（不是法治工作台的 PGlite 备份或已损坏），原数据未改动`,
    );
  }
  await database.close();
  return { movedAside };
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Affected-row count of a raw SQL statement (node-postgres: rowCount; PGlite: affectedRows). */
export async function execCount(db: DbOrTx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  return result.rowCount ?? result.affectedRows ?? 0;
}
