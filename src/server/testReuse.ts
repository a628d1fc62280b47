/**
 * Test support: a database that one test has finished with, set back to how it was opened, for the
 * next test of the same process (scripts/test-worker.mjs runs many files in one process). Opening PGlite from a dump costs about 0.7 s of CPU (unpacking the
 * data dir, starting PostgreSQL); setting 100 tables back costs a small part of that.
 *
 * When a database is opened, a copy of every table that holds rows is kept in its own schema
 * (SNAPSHOT), with the sequences' positions. Restoring empties every table of `public` and copies
 * the kept rows back, with triggers off (session_replication_role = replica): the append-only
 * audit triggers and the foreign-key checks are triggers, and the rows were consistent when kept.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Ctx } from '../core/context.ts';
import { queryRows, type Database } from '../core/db/client.ts';
import { boot } from './boot.ts';

const SNAPSHOT = 'fazhi_test_snapshot';

/**
 * Keeps the database's rows and sequence positions as they are now, in place of any kept before. The
 * test run's prepared databases (scripts/prepare-test-db.ts) carry theirs, so that a test's first
 * database does not pay for it.
 */
export async function keepSnapshot(database: Database): Promise<void> {
  await database.db.execute(
    sql.raw(`do $$
declare r record; has_rows boolean;
begin
  drop schema if exists ${SNAPSHOT} cascade;
  create schema ${SNAPSHOT};
  create table ${SNAPSHOT}."$sequences" as
    select format('%I.%I', schemaname, sequencename) as name, last_value from pg_sequences where schemaname = 'public';
  create table ${SNAPSHOT}."$tables" (name text primary key, columns text not null);
  for r in select c.relname as name,
      string_agg(quote_ident(a.attname), ', ' order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    group by c.relname
  loop
    execute format('select exists (select 1 from public.%I)', r.name) into has_rows;
    if has_rows then
      execute format('create table ${SNAPSHOT}.%I as select %s from public.%I', r.name, r.columns, r.name);
    end if;
    insert into ${SNAPSHOT}."$tables" values (r.name, case when has_rows then r.columns else '' end);
  end loop;
end $$`),
  );
}

/** Keeps a snapshot unless the database has one. */
export async function ensureSnapshot(database: Database): Promise<void> {
  const [{ kept }] = await queryRows<{ kept: boolean }>(
    database.db,
    sql.raw(`select to_regnamespace('${SNAPSHOT}') is not null as kept`),
  );
  if (!kept) await keepSnapshot(database);
}

/**
 * Sets the database back to its snapshot: the rows of every table, the sequences, the session's
 * settings. Throws when the snapshot is missing or the database cannot be reset (the caller then
 * opens a fresh one).
 */
export async function restoreSnapshot(database: Database): Promise<void> {
  // Not `discard all`: node-postgres keeps track of the statements it has prepared on a connection.
  await database.db.execute(sql.raw('reset all'));
  await database.db.execute(
    sql.raw(`do $$
declare r record; tables text;
begin
  set local session_replication_role = replica;
  select string_agg(format('public.%I', name), ', ') into tables from ${SNAPSHOT}."$tables";
  execute 'truncate ' || tables;
  for r in select name, columns from ${SNAPSHOT}."$tables" where columns <> '' loop
    execute format('insert into public.%I (%s) overriding system value select %s from ${SNAPSHOT}.%I',
      r.name, r.columns, r.columns, r.name);
  end loop;
  for r in select name, last_value from ${SNAPSHOT}."$sequences" loop
    if r.last_value is null then
      execute format('alter sequence %s restart', r.name);
    else
      perform setval(r.name, r.last_value, true);
    end if;
  end loop;
end $$`),
  );
}

/** A database opened for tests; `drop` removes what it lives in (a scratch PostgreSQL database). */
export interface TestDatabase {
  database: Database;
  drop?(): Promise<void>;
}

/**
 * Databases that a test has closed, by where they were opened from: the next test of the process
 * that starts from the same place gets one back, set back to its snapshot. A database that the test
 * closed itself, or that cannot be set back, is not reused. A spare that nobody takes within
 * SPARE_MS is closed: an open PGlite keeps its process alive (PostgreSQL's timers).
 */
const spares = new Map<string, TestDatabase[]>();
const SPARE_MS = 1500;

async function dispose(t: TestDatabase): Promise<void> {
  await t.database.close().catch(() => undefined);
  await t.drop?.();
}

function keepSpare(key: string, t: TestDatabase) {
  spares.set(key, [...(spares.get(key) ?? []), t]);
  setTimeout(() => {
    const list = spares.get(key) ?? [];
    if (!list.includes(t)) return;
    spares.set(
      key,
      list.filter((s) => s !== t),
    );
    void dispose(t).catch(() => undefined);
  }, SPARE_MS).unref();
}

/** Boots a spare set back to its snapshot, or one that `open` opens (kept as its own snapshot). */
async function take(key: string, clock: Clock, open: () => Promise<TestDatabase>) {
  for (let spare; (spare = spares.get(key)?.pop());) {
    try {
      await restoreSnapshot(spare.database);
      return { t: spare, ctx: await boot({ database: spare.database, clock }) };
    } catch {
      await dispose(spare).catch(() => undefined);
    }
  }
  const t = await open();
  try {
    const ctx = await boot({ database: t.database, clock }); // migrated before the snapshot is kept
    await ensureSnapshot(t.database);
    return { t, ctx };
  } catch (e) {
    await dispose(t).catch(() => undefined);
    throw e;
  }
}

/**
 * A test's database and context. The context's `database.close()` really closes it (tests of what
 * happens then); `close()` hands it to the next test.
 */
export async function lendDatabase(
  key: string,
  clock: Clock,
  open: () => Promise<TestDatabase>,
): Promise<{ ctx: Ctx; close(): Promise<void> }> {
  const { t, ctx } = await take(key, clock, open);
  let closed = false;
  const database: Database = {
    ...t.database,
    close: async () => {
      closed = true;
      await t.database.close();
    },
  };
  return {
    ctx: { ...ctx, database },
    async close() {
      if (closed) return void (await t.drop?.());
      closed = true;
      keepSpare(key, t);
    },
  };
}
