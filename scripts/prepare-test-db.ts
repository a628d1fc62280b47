// Builds the databases the test files start from (see scripts/test.mjs): a migrated PGlite data-dir
// dump (initdb once, not per file) and, with TEST_DATABASE_URL, a migrated PostgreSQL template; then the
// demo as loaded at TEST_NOW, from either, with its accounts (src/server/testing.ts: createDemoContext),
// and the same for the demo's organisations and accounts without its records (createBaseContext). Each
// carries its snapshot (src/server/testReuse.ts), which a test's database is set back to for the next.
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/core/db/client.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { boot } from '../src/server/boot.ts';
import { loadDemo } from '../src/server/demo.ts';
import { TEST_NOW } from '../src/server/testing.ts';
import { keepSnapshot } from '../src/server/testReuse.ts';

// pglite|postgres, the migrated dump or template, the demo's, its accounts, and the same without records.
const [, , target, out, demoOut, accountsOut, baseOut, baseAccountsOut] = process.argv;

/**
 * Loads the demo at TEST_NOW into a migrated database (`records: false`: its organisations and accounts
 * only) and writes its accounts (with passwords) to `file`.
 */
async function demo(opts: Omit<Parameters<typeof boot>[0], 'clock'>, file: string, records = true) {
  const ctx = await boot({ ...opts, clock: fixedClock(TEST_NOW) });
  const accounts = await loadDemo(ctx, { records });
  if (!accounts) throw new Error('the demo snapshot needs an empty database');
  fs.writeFileSync(file, JSON.stringify(accounts));
  await keepSnapshot(ctx.database);
  return ctx;
}
if (target === 'pglite') {
  const database = await openDatabase({});
  await migrate(database.db);
  const client = (
    database.db as unknown as {
      $client: { dumpDataDir(c: 'none'): Promise<Blob>; query(q: string): Promise<unknown> };
    }
  ).$client;
  // The test files open this dump hundreds of times and never create a database: without the two
  // template databases (600 of its 1,400 files) PGlite starts from it with a third less CPU.
  for (const db of ['template0', 'template1']) {
    await client.query(`alter database ${db} is_template false`);
    await client.query(`drop database ${db}`);
  }
  await keepSnapshot(database);
  await client.query('checkpoint');
  const blob = await client.dumpDataDir('none');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  const snapshots = [
    { file: demoOut, accounts: accountsOut, records: true },
    { file: baseOut, accounts: baseAccountsOut, records: false },
  ];
  for (const snap of demoOut ? snapshots : []) {
    const ctx = await demo(
      { database: await openDatabase({ loadDataDir: blob }) },
      snap.accounts,
      snap.records,
    );
    const demoClient = (ctx.database.db as unknown as { $client: typeof client }).$client;
    const demoBlob = await demoClient.dumpDataDir('none');
    fs.writeFileSync(snap.file, Buffer.from(await demoBlob.arrayBuffer()));
    await ctx.database.close();
  }
} else if (target === 'postgres') {
  const { default: pg } = await import('pg');
  const admin = process.env.TEST_DATABASE_URL!;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`drop database if exists "${out}" with (force)`);
  await run(`create database "${out}"`);
  const url = new URL(admin);
  url.pathname = `/${out}`;
  const database = await openDatabase({ url: url.toString() });
  await migrate(database.db);
  await keepSnapshot(database);
  await database.close();
  const snapshots = [
    { name: demoOut, accounts: accountsOut, records: true },
    { name: baseOut, accounts: baseAccountsOut, records: false },
  ];
  for (const snap of demoOut ? snapshots : []) {
    await run(`drop database if exists "${snap.name}" with (force)`);
    await run(`create database "${snap.name}" template "${out}"`);
    url.pathname = `/${snap.name}`;
    const ctx = await demo({ url: url.toString(), poolSize: 2 }, snap.accounts, snap.records);
    await ctx.database.close();
  }
} else if (target === 'drop-postgres') {
  // Drops the template and every scratch database of this test run (`out` = the template's name).
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await c.connect();
  const run = process.env.FAZHI_TEST_RUN;
  const names = run
    ? (
        await c.query(`select datname from pg_database where datname like $1`, [`fazhi_t_${run}_%`])
      ).rows.map((r) => r.datname as string)
    : [];
  for (const name of [out, `${out}_demo`, `${out}_base`, ...names])
    await c.query(`drop database if exists "${name}" with (force)`);
  await c.end();
}
