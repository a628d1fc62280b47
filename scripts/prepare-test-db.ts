// Builds the migrated database templates the test files start from (see scripts/test.mjs):
// a PGlite data-dir dump (initdb once, not per file) and, with TEST_DATABASE_URL, a PostgreSQL template.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/core/db/client.ts';
import { migrate } from '../src/core/db/migrate.ts';

const [, , target, out] = process.argv;
if (target === 'pglite') {
  const database = await openDatabase({});
  await migrate(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } })
    .$client;
  const blob = await client.dumpDataDir('none');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.from(await blob.arrayBuffer()));
  await database.close();
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
  await database.close();
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
  for (const name of [out, ...names])
    await c.query(`drop database if exists "${name}" with (force)`);
  await c.end();
}
