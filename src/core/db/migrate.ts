import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

interface Journal {
  entries: { idx: number; tag: string }[];
}

const journalTags = (dir: string): string[] => {
  const journal: Journal = JSON.parse(
    fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'),
  );
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
};

/**
 * The migrations not yet applied, read without creating anything: an application role that does
 * not own the schema (no CREATE on it, README "Database roles") can check that the owner migrated.
 */
export async function pendingMigrations(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const tags = journalTags(dir);
  const [{ present }] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('fazhi_migrations') is not null as present`,
  );
  if (!present) return tags;
  const done = new Set(
    (await queryRows<{ tag: string }>(db, sql`select tag from fazhi_migrations`)).map((r) => r.tag),
  );
  return tags.filter((t) => !done.has(t));
}

/**
 * Applies drizzle-kit's SQL migrations in order, each in its own transaction, under an advisory
 * lock so that several instances starting together on one PostgreSQL apply each migration once.
 * Nothing pending → nothing is written (the application role may lack the rights to migrate).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  if ((await pendingMigrations(db, dir)).length === 0) return [];
  try {
    await db.execute(
      sql`create table if not exists fazhi_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
  } catch (e) {
    throw new Error(
      '数据库有未应用的迁移，但当前数据库账号无权建表：请以表的所有者运行迁移（DATABASE_MIGRATION_URL，或 npm run migrate）/ pending migrations, and this database role may not create tables: migrate as the owner (DATABASE_MIGRATION_URL)',
      { cause: e },
    );
  }
  const applied: string[] = [];
  for (const tag of journalTags(dir)) {
    const text = fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7301001)`);
      const seen = await queryRows(tx, sql`select 1 from fazhi_migrations where tag = ${tag}`);
      if (seen.length > 0) return false;
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into fazhi_migrations (tag) values (${tag})`);
      return true;
    });
    if (done) applied.push(tag);
  }
  return applied;
}
