import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { boot } from '../../server/boot.ts';
import { scratchPostgres, testDbKind, TEST_NOW } from '../../server/testing.ts';
import { fixedClock } from '../clock.ts';
import { queryRows } from '../db/client.ts';
import { appendAudit } from './chain.ts';
import { createCheckpoint } from './checkpoint.ts';
import { verifyOnServer } from './export.ts';
import { auditFilesFromEnv } from './keys.ts';
import { appRoleGrants } from './roles.ts';

// Roles exist only on a PostgreSQL server (PGlite has one superuser): this test runs in the PostgreSQL pass.
if (testDbKind() === 'postgres')
  test('the application role (not the owner) runs the application but cannot UPDATE, DELETE, TRUNCATE or DISABLE TRIGGER on the audit tables', async () => {
    const scratch = await scratchPostgres();
    const role = `fazhi_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-role-'));
    const clock = fixedClock(TEST_NOW);
    const owner = await boot({ url: scratch.url, clock, poolSize: 2 }); // migrations as the owner
    let app: Awaited<ReturnType<typeof boot>> | undefined;
    try {
      const [{ ownerRole }] = await queryRows<{ ownerRole: string }>(owner.db, sql`select current_user as "ownerRole"`);
      await owner.db.execute(sql.raw(`create role ${role} login password '${password}'`));
      for (const statement of appRoleGrants(role, ownerRole)) await owner.db.execute(sql.raw(statement));

      const url = new URL(scratch.url);
      url.username = role;
      url.password = password;
      app = await boot({ url: url.toString(), clock, poolSize: 2 }); // the server starts with the restricted role
      const files = auditFilesFromEnv({}, dir);
      await app.db.transaction((tx) => appendAudit(tx, { actorId: null, orgId: null, action: 'test.event', entityType: 'test', payload: {} }, clock.now()));
      assert.equal((await createCheckpoint(app.db, files, clock.now())).kind, 'created');
      assert.equal((await verifyOnServer(app.db, files)).intact, true);

      const refused = async (statement: string, why: RegExp) =>
        assert.rejects(app!.db.execute(sql.raw(statement)), (e: unknown) => why.test(String((e as { cause?: unknown }).cause ?? e)), statement);
      for (const table of ['audit_events', 'audit_checkpoints']) {
        await refused(`update ${table} set seq = seq`, /permission denied/);
        await refused(`delete from ${table}`, /permission denied/);
        await refused(`truncate ${table}`, /permission denied/);
        await refused(`alter table ${table} disable trigger user`, /must be owner/);
        await refused(`alter table ${table} owner to ${role}`, /must be owner/);
        await refused(`drop table ${table}`, /must be owner/);
      }
      await refused(`alter table decision_evidence disable trigger user`, /must be owner/);
      await refused(`set session_replication_role = replica`, /permission denied/);
    } finally {
      await app?.database.close();
      await owner.database.close();
      await scratch.drop();
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
