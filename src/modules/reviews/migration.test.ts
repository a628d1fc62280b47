/**
 * Migration 0031 moves a matter's status onto its case (the engine's status is the only one): a
 * database at 0030 with matters whose column and case agree or differ keeps every matter's status.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../core/clock.ts';
import { openDatabase, queryRows, type Database } from '../../core/db/client.ts';
import { migrate, MIGRATIONS_DIR } from '../../core/db/migrate.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { boot } from '../../server/boot.ts';
import { scratchPostgres, testDbKind, TEST_NOW } from '../../server/testing.ts';
import { loadMatter, mattersOfSubject } from './index.ts';
import { listMatters } from './queue.ts';

/** The migrations directory as it was up to and including `last` (the journal cut there). */
function migrationsUpTo(last: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
  );
  const entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
  for (const e of entries)
    fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

/** An empty database (no migration applied): in-memory PGlite, or a fresh PostgreSQL database without the template. */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testDbKind() !== 'postgres')
    return { database: await openDatabase({}), drop: async () => {} };
  const scratch = await scratchPostgres(null); // the run's template is already migrated to the end
  return { database: await openDatabase({ url: scratch.url, poolSize: 2 }), drop: scratch.drop };
}

test('migration 0031: every matter keeps its status, now read from its case; the column is gone', async () => {
  const { database, drop } = await emptyDatabase();
  const dir = migrationsUpTo(30);
  let closed = false;
  try {
    const applied = await migrate(database.db, dir);
    assert.ok(applied.includes('0030_enforcement-statistics') && !applied.some((t) => t >= '0031'));
    const departmentId = randomUUID();
    const subjectCaseId = randomUUID();
    await database.db.execute(
      sql`insert into organisations (id, name, kind, created_at) values (${departmentId}, '示范市科学技术局', 'department', now())`,
    );
    // [matter status in the column, case status as stored]: agreeing, and two the case had not caught up with.
    const rows = [
      { title: '设备采购合同', column: 'submitted', kase: 'submitted', conclusion: null },
      { title: '共建研发机构协议', column: 'reviewing', kase: 'submitted', conclusion: null },
      {
        title: '科技计划项目管理办法',
        column: 'concluded',
        kase: 'reviewing',
        conclusion: 'lawful',
      },
      { title: '场地租赁合同', column: 'withdrawn', kase: 'submitted', conclusion: null },
    ].map((r) => ({ ...r, id: randomUUID(), caseId: randomUUID() }));
    for (const r of rows) {
      await database.db.execute(
        sql`insert into cases (id, module, procedure, title, department_id, org_id, status, created_at)
            values (${r.caseId}, 'reviews', 'legalReview', ${r.title}, ${departmentId}, ${departmentId}, ${r.kase}, now())`,
      );
      await database.db.execute(
        sql`insert into review_matters (id, case_id, subject_case_id, department_id, org_id, type, title, submitted_on, due_on, status, conclusion, concluded_on, created_at)
            values (${r.id}, ${r.caseId}, ${subjectCaseId}, ${departmentId}, ${departmentId}, 'contract', ${r.title}, '2025-03-03', '2025-03-10', ${r.column}, ${r.conclusion}, ${r.conclusion ? '2025-03-07' : null}, now())`,
      );
    }

    // Boot applies the rest (0031 and whatever follows), as a server start would.
    const ctx = await boot({ database, clock: fixedClock(TEST_NOW) });
    const actor = {
      ...systemActor({ departmentId, roles: ['legalOfficer'] }),
      userId: randomUUID(),
    };
    for (const r of rows) {
      const { matter } = await loadMatter(ctx.db, actor, r.id);
      assert.equal(matter.status, r.column, r.title);
    }
    assert.deepEqual(
      (await mattersOfSubject(ctx.db, subjectCaseId)).map((m) => [m.title, m.status]).sort(),
      rows.map((r) => [r.title, r.column]).sort(),
    );
    const concluded = await listMatters(ctx, actor, { status: 'concluded', page: 1, pageSize: 20 });
    assert.deepEqual(
      concluded.items.map((i) => [i.title, i.statusLabel, i.conclusionLabel]),
      [['科技计划项目管理办法', '已出具审查意见', '合法']],
    );
    // Open matters first (the queue's order reads the case's status too).
    const all = (await listMatters(ctx, actor, { page: 1, pageSize: 20 })).items;
    assert.deepEqual(
      [all.slice(0, 2), all.slice(2)].map((part) => part.map((i) => i.statusLabel).sort()),
      [['审查中', '待分派'].sort(), ['已出具审查意见', '已撤回'].sort()],
    );
    // The cases that had not caught up are closed as the column said, with its outcome.
    const cases = await queryRows<{
      title: string;
      status: string;
      outcome: string | null;
      closed_on: string | null;
    }>(
      ctx.db,
      sql`select title, status, outcome, closed_on::text from cases where department_id = ${departmentId}`,
    );
    const byTitle = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    assert.deepEqual(
      cases.map((c) => [c.title, c.status, c.outcome, c.closed_on]).sort(byTitle),
      [
        ['共建研发机构协议', 'reviewing', null, null],
        ['场地租赁合同', 'withdrawn', 'withdrawn', '2025-03-03'],
        ['科技计划项目管理办法', 'concluded', 'lawful', '2025-03-07'],
        ['设备采购合同', 'submitted', null, null],
      ].sort(byTitle),
    );
    const [column] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from information_schema.columns where table_name = 'review_matters' and column_name = 'status'`,
    );
    assert.equal(column.n, 0);
    await ctx.database.close();
    closed = true;
  } finally {
    if (!closed) await database.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
