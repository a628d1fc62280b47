/**
 * PGlite durability cost: committed writes per second with fsync (the default on a data dir) and
 * without (FAZHI_PGLITE_RELAXED=1, tests only). Target: durable ≥ 100 single-row commits/s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/core/db/client.ts';

const COMMITS = 300;

async function measure(relaxedDurability: boolean) {
  // On the repository's disk (where a data dir lives), not /tmp (often tmpfs, where fsync is free).
  const dir = fs.mkdtempSync(path.join(process.cwd(), '.tmp', 'bench-durability-'));
  const database = await openDatabase({ dataDir: dir, relaxedDurability });
  try {
    const { db } = database;
    await db.execute(sql`create table w (id serial primary key, body text not null)`);
    let t0 = performance.now();
    for (let i = 0; i < COMMITS; i++)
      await db.execute(sql`insert into w (body) values (${`row ${i}`})`);
    const single = COMMITS / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    for (let i = 0; i < COMMITS / 10; i++) {
      await db.transaction(async (tx) => {
        for (let j = 0; j < 10; j++)
          await tx.execute(sql`insert into w (body) values (${`batch ${i}.${j}`})`);
      });
    }
    const batched = COMMITS / ((performance.now() - t0) / 1000);
    return { single, batched };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  fs.mkdirSync(path.join(process.cwd(), '.tmp'), { recursive: true });
  await measure(true); // warm-up (wasm compile, page cache)
  const relaxed = await measure(true);
  const durable = await measure(false);
  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log('PGlite committed writes per second (data dir on the repository disk):');
  console.log(
    `  single-row commits   durable ${f(durable.single)}/s   relaxed ${f(relaxed.single)}/s   cost ×${(relaxed.single / durable.single).toFixed(1)}`,
  );
  console.log(
    `  10 rows per commit   durable ${f(durable.batched)}/s   relaxed ${f(relaxed.batched)}/s   cost ×${(relaxed.batched / durable.batched).toFixed(1)}`,
  );
  console.log(
    `  target: durable single-row ≥ 100/s → ${durable.single >= 100 ? 'met' : 'NOT met'} (${(durable.single / 100).toFixed(2)}× target)`,
  );
}
