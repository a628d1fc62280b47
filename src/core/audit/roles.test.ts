import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { boot } from '../../server/boot.ts';
import { loadDemo } from '../../server/demo.ts';
import { appendOnlyTables } from '../../server/modules.ts';
import { testDbKind, TEST_NOW } from '../../server/testing.ts';
import { fixedClock } from '../clock.ts';
import { queryRows } from '../db/client.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { appendAudit } from './chain.ts';
import { createCheckpoint } from './checkpoint.ts';
import { verifyOnServer } from './export.ts';
import { auditFilesFromEnv } from './keys.ts';
import { CORE_APPEND_ONLY_TABLES, migrateAsOwner } from './roles.ts';

async function asAdmin<T>(run: (q: (text: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    return await run((text) => admin.query(text));
  } finally {
    await admin.end();
  }
}

// Roles exist only on a PostgreSQL server (PGlite has one superuser): this test runs in the PostgreSQL pass.
if (testDbKind() === 'postgres')
  test('DATABASE_MIGRATION_URL: the owner migrates and grants; the application role serves but cannot TRUNCATE, UPDATE, DELETE or DISABLE TRIGGER on the audit tables', async () => {
    // Unique names per run, dropped afterwards; a fresh database (no template): every migration runs as the owner.
    const suffix = `${process.env.FAZHI_TEST_RUN ?? 'x'}_${randomBytes(4).toString('hex')}`;
    const ownerRole = `fazhi_owner_${suffix}`;
    const appRole = `fazhi_app_${suffix}`;
    const dbName = `fazhi_t_${suffix}_roles`;
    const password = randomBytes(12).toString('hex');
    const urlAs = (role: string) => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      url.password = password;
      url.pathname = `/${dbName}`;
      return url.toString();
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-role-'));
    const clock = fixedClock(TEST_NOW);
    await asAdmin(async (q) => {
      await q(`create role ${ownerRole} login password '${password}'`);
      await q(`create role ${appRole} login password '${password}'`);
      await q(`create database ${dbName} owner ${ownerRole}`);
    });
    let app: Awaited<ReturnType<typeof boot>> | undefined;
    try {
      const journal = JSON.parse(
        fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
      ).entries.length;
      const done = await migrateAsOwner(urlAs(ownerRole), urlAs(appRole), appendOnlyTables);
      assert.deepEqual(
        { owner: done.owner, app: done.app, applied: done.applied.length },
        { owner: ownerRole, app: appRole, applied: journal },
      );
      // A second start applies nothing and grants again (idempotent).
      assert.equal(
        (await migrateAsOwner(urlAs(ownerRole), urlAs(appRole), appendOnlyTables)).applied.length,
        0,
      );

      // The server starts with the restricted role: boot only checks that nothing is pending.
      app = await boot({ url: urlAs(appRole), clock, poolSize: 2 });
      const [who] = await queryRows<{ me: string; tableOwner: string; canCreate: boolean }>(
        app.db,
        sql`select current_user as me, (select tableowner from pg_tables where tablename = 'audit_events') as "tableOwner", has_schema_privilege('public', 'CREATE') as "canCreate"`,
      );
      assert.deepEqual(who, { me: appRole, tableOwner: ownerRole, canCreate: false });

      // It reads and writes cases and appends audit events: the demo department through the services.
      assert.ok(await loadDemo(app));
      const [counts] = await queryRows<{ cases: number; events: number }>(
        app.db,
        sql`select (select count(*)::int from cases) as cases, (select count(*)::int from audit_events) as events`,
      );
      assert.ok(counts.cases > 10 && counts.events > 10, JSON.stringify(counts));
      await app.db.execute(
        sql`update cases set title = title where id = (select id from cases limit 1)`,
      );
      const files = auditFilesFromEnv({}, dir);
      await app.db.transaction((tx) =>
        appendAudit(
          tx,
          { actorId: null, orgId: null, action: 'test.event', entityType: 'test', payload: {} },
          clock.now(),
        ),
      );
      assert.equal((await createCheckpoint(app.db, files, clock.now())).kind, 'created');
      assert.equal((await verifyOnServer(app.db, files)).intact, true);

      const refused = async (statement: string, why: RegExp) =>
        assert.rejects(
          app!.db.execute(sql.raw(statement)),
          (e: unknown) => why.test(String((e as { cause?: unknown }).cause ?? e)),
          statement,
        );
      // Core's tables and the ones the modules' manifests declare (decisions: decision_evidence).
      assert.ok(appendOnlyTables.includes('decision_evidence'), 'a manifest declares its table');
      for (const table of [...CORE_APPEND_ONLY_TABLES, ...appendOnlyTables]) {
        const [{ column }] = await queryRows<{ column: string }>(
          app.db,
          sql`select column_name as column from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position limit 1`,
        );
        await refused(`update ${table} set ${column} = ${column}`, /permission denied/);
        await refused(`delete from ${table}`, /permission denied/);
        await refused(`truncate ${table}`, /permission denied/);
        await refused(`alter table ${table} disable trigger user`, /must be owner/);
        await refused(`alter table ${table} owner to ${appRole}`, /must be owner/);
        await refused(`drop table ${table}`, /must be owner/);
      }
      await refused(`set session_replication_role = replica`, /permission denied/);
      await refused(`create table fazhi_mine (x int)`, /permission denied/);
      assert.equal((await verifyOnServer(app.db, files)).intact, true);
    } finally {
      await app?.database.close();
      await asAdmin(async (q) => {
        await q(`drop database if exists ${dbName} with (force)`);
        await q(`drop role if exists ${appRole}`);
        await q(`drop role if exists ${ownerRole}`);
      });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

if (testDbKind() === 'postgres')
  test('DATABASE_MIGRATION_URL refuses an application role that is a member of the owner (it could disable the audit trigger)', async () => {
    const suffix = `${process.env.FAZHI_TEST_RUN ?? 'x'}_${randomBytes(4).toString('hex')}`;
    const ownerRole = `fazhi_owner_${suffix}`;
    const appRole = `fazhi_app_${suffix}`;
    const password = randomBytes(12).toString('hex');
    const urlAs = (role: string) => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      url.password = password;
      return url.toString();
    };
    await asAdmin(async (q) => {
      await q(`create role ${ownerRole} login password '${password}'`);
      await q(`create role ${appRole} login password '${password}' in role ${ownerRole}`);
    });
    try {
      await assert.rejects(
        migrateAsOwner(urlAs(ownerRole), urlAs(appRole), appendOnlyTables),
        /属于表的所有者/,
      );
    } finally {
      await asAdmin(async (q) => {
        await q(`drop role if exists ${appRole}`);
        await q(`drop role if exists ${ownerRole}`);
      });
    }
  });
