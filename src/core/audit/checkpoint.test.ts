import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../server/testing.ts';
import { appendAudit, verifyChain } from './chain.ts';
import { chainHash, type AuditContent } from './canonical.ts';
import {
  auditCheckpointTask,
  createCheckpoint,
  lastCheckpointInFile,
  readCheckpointFile,
} from './checkpoint.ts';
import { exportCheckpoints, verifyOnServer, verifyWithFile } from './export.ts';
import { auditFilesFromEnv, keyIdOf, signCheckpoint, type AuditFiles } from './keys.ts';
import { auditEvents } from './schema.ts';
import { runSweep } from '../cases/sweep.ts';

/** A fresh database with `n` events and the key and checkpoint file in a scratch directory. */
async function setup(n = 5): Promise<{
  t: TestContext;
  files: AuditFiles;
  dir: string;
  append(k: number): Promise<void>;
  done(): Promise<void>;
}> {
  const t = await createTestContext();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-'));
  const files = auditFilesFromEnv({}, dir);
  const append = async (k: number) => {
    for (let i = 0; i < k; i++) {
      await t.ctx.db.transaction((tx) =>
        appendAudit(
          tx,
          {
            actorId: null,
            orgId: null,
            action: 'test.event',
            entityType: 'test',
            entityId: String(i),
            payload: { i },
          },
          t.ctx.clock.now(),
        ),
      );
    }
  };
  await append(n);
  return {
    t,
    files,
    dir,
    append,
    done: async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a database superuser can do: switch the append-only triggers off around a statement. */
async function asSuperuser(
  t: TestContext,
  table: 'audit_events' | 'audit_checkpoints',
  statement: ReturnType<typeof sql>,
) {
  await t.ctx.db.execute(sql.raw(`alter table ${table} disable trigger user`));
  try {
    await t.ctx.db.execute(statement);
  } finally {
    await t.ctx.db.execute(sql.raw(`alter table ${table} enable trigger user`));
  }
}

/** Runs `fn` on a fresh chain of `n` events, then drops the database and the scratch directory. */
async function withChain(
  n: number,
  fn: (s: Awaited<ReturnType<typeof setup>>) => Promise<void>,
): Promise<void> {
  const s = await setup(n);
  try {
    await fn(s);
  } finally {
    await s.done();
  }
}

const kinds = (r: { problems: { kind: string }[] }) => r.problems.map((p) => p.kind);

test('a checkpoint signs the head with a key file made 0600 at first use; the file copy matches the table; verify reports intact', async () => {
  await withChain(5, async (s) => {
    const out = await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    assert.equal(out.kind, 'created');
    assert.equal(fs.statSync(s.files.keyFile).mode & 0o777, 0o600);
    assert.deepEqual(
      readCheckpointFile(s.files.checkpointFile).checkpoints,
      out.kind === 'created' ? [out.checkpoint] : [],
    );
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.equal(r.intact, true, r.message);
    assert.equal(r.checkpoints.valid, 1);
    assert.equal(r.unanchored.count, 0);
    assert.match(r.message, /审计链完整，共校验 5 条事件，1 个签名检查点有效/);
    // The checkpoint table is append-only like the chain.
    await assert.rejects(s.t.ctx.db.execute(sql`delete from audit_checkpoints`), (e: unknown) =>
      /append-only/.test(String((e as { cause?: unknown }).cause ?? e)),
    );
    await assert.rejects(
      s.t.ctx.db.execute(sql`update audit_checkpoints set seq = 1`),
      (e: unknown) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e)),
    );
  });
});

test('tampering 1: the tail cut after a checkpoint is reported as a missing tail (Chinese and English), and no new checkpoint is signed', async () => {
  await withChain(5, async (s) => {
    await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    await asSuperuser(s.t, 'audit_events', sql`delete from audit_events where seq > 3`);
    assert.equal(
      (await verifyChain(s.t.ctx.db)).intact,
      true,
      'the hash chain alone cannot see it',
    );
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.equal(r.intact, false);
    assert.deepEqual(kinds(r), ['tailMissing']);
    assert.match(
      r.message,
      /审计链尾部缺失：.*检查点记录审计链共 5 条，数据库中只剩 3 条（第 4–5 条被删除）/,
    );
    assert.match(r.message, /audit chain tail missing/);
    // The screen's headline and findings: Chinese only.
    assert.equal(r.summary, '审计记录被篡改：发现 1 处问题。');
    assert.match(r.lines[0], /^审计链尾部缺失：.*（第 4–5 条被删除）$/);
    const again = await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    assert.equal(again.kind, 'refused');
    // Cutting the tail and then letting the application append again is caught as a changed event.
    await s.append(3);
    assert.deepEqual(kinds(await verifyOnServer(s.t.ctx.db, s.files)), ['rewritten']);
  });
});

test('tampering 2: an event forged after the last checkpoint (correct SM3 hash) is reported as not yet anchored', async () => {
  await withChain(5, async (s) => {
    await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    const [head] = await s.t.ctx.db
      .select()
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const content: AuditContent = {
      seq: head.seq + 1,
      at: s.t.ctx.clock.now().toISOString(),
      actorId: null,
      orgId: null,
      action: 'user.grant',
      entityType: 'user',
      entityId: 'x',
      payload: {},
    };
    // INSERT is all it takes: the application's own role may insert.
    await s.t.ctx.db.insert(auditEvents).values({
      ...content,
      at: new Date(content.at),
      payload: {},
      prevHash: head.hash,
      hash: chainHash(head.hash, content),
    });
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.equal(r.intact, true, 'a hash chain cannot tell who appended');
    assert.deepEqual(r.unanchored, { count: 1, from: 6, to: 6 });
    assert.match(r.message, /第 6 条事件在最近的检查点之后，尚未锚定.*not yet anchored/);
  });
});

test('tampering 3: an event rewritten and the rest re-hashed is reported against the checkpoint', async () => {
  await withChain(5, async (s) => {
    await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    await asSuperuser(
      s.t,
      'audit_events',
      sql`update audit_events set payload = '{"i": 99}'::jsonb where seq = 2`,
    );
    // Re-hash from event 2 on, exactly as the application would have.
    const rows = await s.t.ctx.db.select().from(auditEvents).orderBy(auditEvents.seq);
    let prev = rows[0].hash;
    for (const row of rows.slice(1)) {
      const hash = chainHash(prev, {
        seq: row.seq,
        at: row.at.toISOString(),
        actorId: row.actorId,
        orgId: row.orgId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        payload: row.payload,
      });
      await asSuperuser(
        s.t,
        'audit_events',
        sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`,
      );
      prev = hash;
    }
    assert.equal(
      (await verifyChain(s.t.ctx.db)).intact,
      true,
      'the hash chain alone cannot see it',
    );
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.deepEqual(kinds(r), ['rewritten']);
    assert.match(
      r.message,
      /第 5 条事件与 .* 签署的检查点不符：该条或更早的记录被改写并重新计算了哈希/,
    );
    assert.equal(
      (await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now())).kind,
      'refused',
    );
  });
});

test('tampering 4: a checkpoint row deleted from the table is reported from the file copy and from an exported file', async () => {
  await withChain(5, async (s) => {
    await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    const exported = JSON.stringify(
      await exportCheckpoints(s.t.ctx.db, s.files, s.t.ctx.clock.now()),
    );
    // Delete the checkpoint and cut the tail it anchored: the table alone now looks clean.
    await asSuperuser(s.t, 'audit_checkpoints', sql`delete from audit_checkpoints`);
    await asSuperuser(s.t, 'audit_events', sql`delete from audit_events where seq > 4`);
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.deepEqual(kinds(r).sort(), ['checkpointDeleted', 'tailMissing']);
    assert.match(
      r.message,
      /检查点（第 5 条，.*）在检查点文件副本中存在，数据库中却没有：检查点记录被删除/,
    );
    // Offline, with the file the 审计管理员 downloaded: the public key inside it suffices (no private key).
    fs.rmSync(s.files.keyFile);
    const offline = await verifyWithFile(s.t.ctx.db, exported);
    assert.deepEqual(kinds(offline).sort(), ['checkpointDeleted', 'tailMissing']);
    assert.match(offline.message, /所提供的检查点文件中存在/);
  });
});

test('tampering 5: a checkpoint row forged without the key is reported as an invalid signature', async () => {
  await withChain(5, async (s) => {
    await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    await s.append(2);
    const head = (await verifyChain(s.t.ctx.db)).head!;
    // A forger signs with a key of their own, claiming the real key's id.
    const other = generateKeyPairSync('ed25519');
    const realKeyId = readCheckpointFile(s.files.checkpointFile).checkpoints[0].keyId;
    const forged = signCheckpoint(
      { ...other, keyId: realKeyId },
      { seq: head.seq, hash: head.hash, at: s.t.ctx.clock.now().toISOString() },
    );
    await s.t.ctx.db.execute(
      sql`insert into audit_checkpoints (seq, hash, at, key_id, signature) values (${forged.seq}, ${forged.hash}, ${forged.at}, ${forged.keyId}, ${forged.signature})`,
    );
    const r = await verifyOnServer(s.t.ctx.db, s.files);
    assert.deepEqual(kinds(r), ['badSignature']);
    assert.match(
      r.message,
      /数据库中的检查点（第 7 条，.*）签名无效：该检查点不是用本系统密钥签署的，系伪造或被改动/,
    );
    assert.equal(r.unanchored.count, 2, 'the forged row anchors nothing');
    // An export whose embedded key was swapped is caught by the key the 审计管理员 kept.
    const exported = await exportCheckpoints(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    const swapped = JSON.stringify({
      ...exported,
      publicKey: other.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      keyId: keyIdOf(other.publicKey),
    });
    assert.equal(
      (await verifyWithFile(s.t.ctx.db, swapped, exported.publicKey)).problems.filter(
        (p) => p.kind === 'badSignature',
      ).length,
      1,
    );
  });
});

test('the sweep task creates the key at first start, anchors a moved head at most every five minutes, and refuses a tampered chain', async () => {
  await withChain(2, async (s) => {
    const task = auditCheckpointTask(s.files);
    assert.equal((await runSweep(s.t.ctx, [task])).results.auditCheckpoints, 1);
    assert.ok(fs.existsSync(s.files.keyFile));
    await s.append(1);
    assert.equal(
      (await runSweep(s.t.ctx, [task])).results.auditCheckpoints,
      0,
      'within five minutes',
    );
    s.t.clock.set(new Date(s.t.ctx.clock.now().getTime() + 5 * 60_000).toISOString());
    assert.equal((await runSweep(s.t.ctx, [task])).results.auditCheckpoints, 1);
    assert.equal((await runSweep(s.t.ctx, [task])).results.auditCheckpoints, 0, 'head unchanged');
    assert.equal(readCheckpointFile(s.files.checkpointFile).checkpoints.length, 2);
    await asSuperuser(s.t, 'audit_events', sql`delete from audit_events where seq = 3`);
    await s.append(1);
    s.t.clock.set(new Date(s.t.ctx.clock.now().getTime() + 5 * 60_000).toISOString());
    assert.deepEqual((await runSweep(s.t.ctx, [task])).results, {
      auditCheckpoints: 0,
      auditCheckpointRefused: 1,
    });
    // A lost key file is not silently replaced: that would make every earlier checkpoint look forged.
    fs.rmSync(s.files.keyFile);
    const lost = await createCheckpoint(s.t.ctx.db, s.files, s.t.ctx.clock.now());
    assert.equal(lost.kind, 'refused');
    assert.match(
      lost.kind === 'refused' ? lost.message : '',
      /审计签名密钥文件缺失.*请从备份恢复该文件/,
    );
    assert.equal(fs.existsSync(s.files.keyFile), false);
  });
});

test('the sweep reads only the tail of a long checkpoint file; a torn last line is skipped', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-file-'));
  try {
    const file = path.join(dir, 'cp.jsonl');
    const line = (seq: number) =>
      JSON.stringify({
        seq,
        hash: 'a'.repeat(64),
        at: '2025-03-03T02:00:00.000Z',
        keyId: 'k',
        signature: 's'.repeat(88) + seq,
      });
    fs.writeFileSync(
      file,
      `${Array.from({ length: 600 }, (_, i) => line(i + 1)).join('\n')}\n{"seq": 601, "ha`,
    );
    assert.ok(fs.statSync(file).size > 64 * 1024);
    assert.equal(lastCheckpointInFile(file)?.seq, 600);
    assert.deepEqual(readCheckpointFile(file).unreadable, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
