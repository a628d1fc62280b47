// 决策档案: the exported .zip holds the 公文格式 index, the manifest with the audit hashes and every
// piece of evidence in order, byte for byte (SHA-256), each proven by an audit event; a major
// adjustment repeats the procedure as a new decision that replaces the old one when published.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { storeFile } from '../../core/files/service.ts';
import { inTx } from '../../core/context.ts';
import { auditEvents } from '../../core/audit/schema.ts';
import { verifyChain } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { majorDecisions } from './schema.ts';
import { addEvidence } from './workflow.ts';
import { driveDecision } from './testkit.ts';
import { mattersOfSubject } from '../reviews/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
let leader: Awaited<ReturnType<typeof signIn>>;
let madeId = '';

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'as', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'alead',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  staff = await signIn(t.app, 'as', 'Staff-pass-2025');
  leader = await signIn(t.app, 'alead', 'Leader-pass-2025');
  const [d] = await t.ctx.db
    .select()
    .from(majorDecisions)
    .where(eq(majorDecisions.title, '示范市科技创新券实施方案'));
  madeId = d.id;
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: staff.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res;
};

test('the demo decision was made through every applicable step', async () => {
  const v = (await get(`/api/decisions/${madeId}`)).json();
  assert.equal(v.procedure.case.status, 'implementing');
  for (const code of [
    'start',
    'draftPlan',
    'participation',
    'expertReview',
    'legalReview',
    'collectiveDecision',
    'partyReport',
    'publish',
  ]) {
    assert.equal(v.flow.find((n: { code: string }) => n.code === code).state, 'done', code);
  }
  assert.equal(
    v.flow.find((n: { code: string }) => n.code === 'riskAssessment').state,
    'notApplicable',
  );
});

test('the zip holds the index, the manifest and every piece of evidence, byte for byte, with its audit proof', async () => {
  const [u] = await queryRows<{ id: string; org_id: string }>(
    t.ctx.db,
    sql`select id, org_id from users where username = 'as'`,
  );
  const actor: Actor = {
    userId: u.id,
    username: 'as',
    displayName: 'as',
    orgId: u.org_id,
    orgName: '高新技术科',
    departmentId: (
      await queryRows<{ parent_id: string }>(
        t.ctx.db,
        sql`select parent_id from organisations where id = ${u.org_id}`,
      )
    )[0].parent_id,
    roles: ['staff'],
    mustChangePassword: false,
  };
  const contents = [Buffer.from('%PDF-1.4 执行情况报告'), Buffer.from([0, 1, 2, 3, 250, 251])];
  const stored = await inTx(t.ctx, async (tx) =>
    Promise.all(
      contents.map((c, i) =>
        storeFile(tx, t.ctx, actor, {
          name: `执行情况附件${i + 1}.${i ? 'bin' : 'pdf'}`,
          mime: i ? 'application/octet-stream' : 'application/pdf',
          content: c,
        }),
      ),
    ),
  );
  await addEvidence(t.ctx, actor, madeId, {
    kind: 'executionReport',
    title: '一季度执行情况报告',
    body: '已发放创新券1200万元',
    fileIds: stored.map((s) => s.id),
    note: '执行情况报告归档',
  });

  const view = (await get(`/api/decisions/${madeId}/archive`)).json();
  assert.deepEqual(view.completeness.missingProof, []);
  const res = await get(`/api/decisions/${madeId}/archive.zip`);
  assert.equal(res.headers['content-type'], 'application/zip');
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const names = Object.keys(zip.files);
  assert.equal(names[0], '00_决策档案目录.docx');
  const docx = await JSZip.loadAsync(await zip.file('00_决策档案目录.docx')!.async('nodebuffer'));
  const xml = await docx.file('word/document.xml')!.async('string');
  for (const s of ['决策档案', '决策运行流程', '集体讨论决定', '材料目录', '仿宋_GB2312'])
    assert.ok(xml.includes(s), `index mentions ${s}`);
  const manifest = JSON.parse(await zip.file('01_决策档案清单.json')!.async('string'));
  assert.equal(manifest.evidence.length, view.evidence.length);
  assert.equal(manifest.events.length, view.events.length);
  // Every piece of evidence, in the order it was added, with its bytes intact.
  const evidencePaths = names.filter((n) => n.startsWith('材料/'));
  assert.deepEqual(
    evidencePaths,
    manifest.evidence.map((e: { path: string }) => e.path),
  );
  for (const e of manifest.evidence.filter((x: { fileId: string | null }) => x.fileId)) {
    const bytes = await zip.file(e.path)!.async('nodebuffer');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), e.fileSha256, e.path);
  }
  // Each proof is a real event of the verified chain.
  const audited = new Map(
    (await t.ctx.db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents)).map(
      (a) => [a.seq, a.hash],
    ),
  );
  for (const e of manifest.events)
    assert.equal(audited.get(e.auditSeq), e.auditHash, `act ${e.seq}`);
  for (const e of manifest.evidence)
    assert.equal(audited.get(e.auditSeq), e.auditHash, `evidence ${e.seq}`);
  assert.equal((await verifyChain(t.ctx.db)).intact, true);
  const csv = await zip.file('02_审计记录.csv')!.async('string');
  assert.equal(csv.trim().split('\r\n').length, manifest.audit.length + 1);
});

test('a major adjustment repeats the procedure; suspension needs the head; stopping is final', async () => {
  const adj = await t.app.inject({
    method: 'POST',
    url: `/api/decisions/${madeId}/adjust`,
    headers: staff.headers,
    payload: { kind: 'major', reason: '后评估建议调整额度', decidedAt: '局长办公会' },
  });
  assert.equal(adj.statusCode, 409, adj.body);
  assert.match(adj.json().error.message, /局领导/);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/decisions/${madeId}/adjust`,
    headers: leader.headers,
    payload: {
      kind: 'major',
      reason: '后评估建议调整额度',
      decidedAt: '局长办公会',
      revisionTitle: '示范市科技创新券实施方案（调整）',
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  const v = res.json();
  assert.equal(v.procedure.case.status, 'readjusting');
  assert.equal(v.decision.revisions.length, 1);
  const revision = (await get(`/api/decisions/${v.decision.revisions[0].id}`)).json();
  assert.equal(revision.decision.revisionOfTitle, '示范市科技创新券实施方案');
  assert.equal(revision.procedure.case.status, 'drafting');
  assert.equal(
    revision.flow.find((n: { code: string }) => n.code === 'draftPlan').state,
    'current',
    'the procedure starts again',
  );
  const withdraw = await t.app.inject({
    method: 'POST',
    url: `/api/decisions/${revision.decision.id}/act`,
    headers: leader.headers,
    payload: { action: 'withdraw', on: t.ctx.clock.today(), data: { reason: '调整方案暂缓' } },
  });
  assert.equal(withdraw.statusCode, 200, withdraw.body);
  const back = (await get(`/api/decisions/${madeId}`)).json();
  assert.equal(
    back.procedure.case.status,
    'implementing',
    'an abandoned adjustment leaves the decision in force',
  );
  const stop = await t.app.inject({
    method: 'POST',
    url: `/api/decisions/${madeId}/adjust`,
    headers: leader.headers,
    payload: { kind: 'stop', reason: '政策目标已实现', decidedAt: '2025年第9次局长办公会' },
  });
  assert.equal(stop.json().procedure.case.status, 'stopped');
});

test('ending the procedure withdraws the legality review still in the queue, in the same transaction', async () => {
  const who = async (username: string): Promise<Actor> => {
    const [u] = await queryRows<{
      id: string;
      org_id: string;
      department_id: string;
      roles: string[];
    }>(
      t.ctx.db,
      sql`select id, org_id, department_id, roles from users where username = ${username}`,
    );
    return {
      userId: u.id,
      username,
      displayName: username,
      orgId: u.org_id,
      orgName: '',
      departmentId: u.department_id,
      roles: u.roles as Actor['roles'],
      mustChangePassword: false,
    };
  };
  const d = await driveDecision(
    t.ctx,
    { staff: await who('as'), leader: await who('alead'), legal: await who('legal') },
    {
      startOn: '2025-01-06',
      input: { title: '示范市科研仪器共享补助办法' },
      draftText: '一、补助对象\n二、补助标准',
      until: 'underReview',
    },
  );
  const [before] = await mattersOfSubject(t.ctx.db, d.caseId);
  assert.equal(before.status, 'submitted');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/decisions/${d.id}/act`,
    headers: leader.headers,
    payload: {
      action: 'withdraw',
      on: t.ctx.clock.today(),
      data: { reason: '上级政策调整，终止决策' },
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().procedure.case.status, 'withdrawn');
  const [after] = await mattersOfSubject(t.ctx.db, d.caseId);
  assert.equal(after.status, 'withdrawn');
});
