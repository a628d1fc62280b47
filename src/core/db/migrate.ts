import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

interface Journal { entries: { idx: number; tag: string }[] }

/**
 * Applies drizzle-kit's SQL migrations in order, each in its own transaction, under an advisory
 * lock so that several instances starting together on one PostgreSQL apply each migration once.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const journal: Journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'));
  await db.execute(sql`create table if not exists fazhi_migrations (tag text primary key, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
    const text = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7301001)`);
      const seen = await queryRows(tx, sql`select 1 from fazhi_migrations where tag = ${entry.tag}`);
      if (seen.length > 0) return false;
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into fazhi_migrations (tag) values (${entry.tag})`);
      return true;
    });
    if (done) applied.push(entry.tag);
  }
  return applied;
}
