// Loading the demo is all or nothing and access to its accounts can be recovered (demo.coherence.test.ts:
// it reads like a coherent year on any day it is loaded).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../core/db/client.ts';
import type { Clock } from '../core/clock.ts';
import { verifyPassword } from '../core/auth/password.ts';
import { resetPasswordByCommand } from '../core/users/service.ts';
import { loadDemo, reissueDemoAccounts } from './demo.ts';
import { createTestContext } from './testing.ts';

const counts = async (t: { ctx: { db: Parameters<typeof queryRows>[0] } }) =>
  (
    await queryRows<{ orgs: number; users: number; events: number; cases: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from organisations) as orgs, (select count(*)::int from users) as users, (select count(*)::int from audit_events) as events, (select count(*)::int from cases) as cases`,
    )
  )[0];

test(
  'a demo that fails half-way leaves nothing behind, and the next attempt loads it whole',
  { timeout: 120_000 },
  async () => {
    const t = await createTestContext();
    try {
      // A clock that breaks after the organisations, accounts and first cases were written.
      let calls = 0;
      const failing: Clock = {
        now: () =>
          ++calls > 40
            ? (() => {
                throw new Error('磁盘已满');
              })()
            : t.clock.now(),
        today: () => t.clock.today(),
      };
      await assert.rejects(loadDemo({ ...t.ctx, clock: failing }), /磁盘已满/);
      assert.ok(calls > 40, 'the failure came after some writes');
      assert.deepEqual(await counts(t), { orgs: 0, users: 0, events: 0, cases: 0 });

      const accounts = await loadDemo(t.ctx);
      assert.equal(accounts?.length, 9);
      const after = await counts(t);
      assert.ok(
        after.orgs >= 8 && after.users === 9 && after.events > 0 && after.cases > 0,
        JSON.stringify(after),
      );
      assert.equal(await loadDemo(t.ctx), null, 'loaded once');
    } finally {
      await t.close();
    }
  },
);

test(
  'fazhi demo on an existing demo lists the accounts: unused ones get a new initial password, used ones keep theirs',
  { timeout: 120_000 },
  async () => {
    const t = await createTestContext();
    try {
      assert.equal(await reissueDemoAccounts(t.ctx), null, 'no demo yet');
      const first = (await loadDemo(t.ctx))!;
      await t.ctx.db.execute(
        sql`update users set must_change_password = false where username = 'legal'`,
      );
      const again = (await reissueDemoAccounts(t.ctx))!;
      assert.deepEqual(
        again.map((a) => a.username),
        first.map((a) => a.username),
      );
      assert.equal(again.find((a) => a.username === 'legal')!.password, null);
      for (const a of again.filter((x) => x.username !== 'legal')) {
        const [u] = await queryRows<{ password_hash: string }>(
          t.ctx.db,
          sql`select password_hash from users where username = ${a.username}`,
        );
        assert.ok(await verifyPassword(a.password!, u.password_hash), a.username);
        assert.notEqual(a.password, first.find((f) => f.username === a.username)!.password);
      }
      const [{ n }] = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from audit_events where action = 'user.resetPassword' and actor_id is null`,
      );
      assert.equal(n, 8);
    } finally {
      await t.close();
    }
  },
);

test(
  'users reset-password: a new initial password, audited; administrators only when asked',
  { timeout: 120_000 },
  async () => {
    const t = await createTestContext();
    try {
      await loadDemo(t.ctx);
      await t.ctx.db.execute(
        sql`update users set must_change_password = false, failed_logins = 3 where username = 'staff'`,
      );
      const { initialPassword, user } = await resetPasswordByCommand(t.ctx, 'staff', {
        administrator: false,
        reason: 'cli',
      });
      assert.equal(user.username, 'staff');
      const [u] = await queryRows<{
        password_hash: string;
        must_change_password: boolean;
        failed_logins: number;
      }>(
        t.ctx.db,
        sql`select password_hash, must_change_password, failed_logins from users where username = 'staff'`,
      );
      assert.ok(await verifyPassword(initialPassword, u.password_hash));
      assert.equal(u.must_change_password, true);
      assert.equal(u.failed_logins, 0);
      const [audit] = await queryRows<{ payload: { via: string } }>(
        t.ctx.db,
        sql`select payload from audit_events where action = 'user.resetPassword' and entity_id = ${user.id}`,
      );
      assert.equal(audit.payload.via, 'commandLine');

      const before = await counts(t);
      for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
        await assert.rejects(
          resetPasswordByCommand(t.ctx, admin, { administrator: false, reason: 'cli' }),
          /三员分立.*--administrator/,
        );
      }
      await assert.rejects(
        resetPasswordByCommand(t.ctx, 'nobody', { administrator: false, reason: 'cli' }),
        /没有名为“nobody”的账号/,
      );
      assert.deepEqual(await counts(t), before, 'a refusal changes nothing');
      const admin = await resetPasswordByCommand(t.ctx, 'auditadmin', {
        administrator: true,
        reason: 'cli',
      });
      assert.ok(admin.initialPassword.length >= 8);
    } finally {
      await t.close();
    }
  },
);
