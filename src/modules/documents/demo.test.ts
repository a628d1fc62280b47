// The demo history (npm start) is written through the services: check that what it leaves is what
// users would see — the portal registry with each status, the feedback on comments, the filings, the
// 清理 result, and the 后评估 reminder that opens the document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../server/app.ts';
import { createDemoContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { seedDemoDocumentHistory } from './demoHistory.ts';
import { documentFacts } from './facts.ts';

let t: Awaited<ReturnType<typeof createDemoContext>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let staff: Actor;

before(async () => {
  t = await createDemoContext(); // 2025-03-03
  const [u] = await queryRows<{ id: string; org_id: string; department_id: string }>(
    t.ctx.db,
    sql`select id, org_id, department_id from users where username = 'staff'`,
  );
  staff = {
    userId: u.id,
    username: 'staff',
    displayName: '王晓明',
    orgId: u.org_id,
    orgName: '高新技术科',
    departmentId: u.department_id,
    roles: ['staff'],
    mustChangePassword: false,
  };
  await seedDemoDocumentHistory(t.ctx, staff);
  app = await buildApp({ ctx: t.ctx });
});
after(async () => {
  await app.close();
  await t.close();
});

test('the portal registry shows the demo documents with their derived status', async () => {
  const page = (await app.inject({ url: '/gfxwj' })).body;
  for (const title of [
    '示范市科技创新券管理办法',
    '示范市科技计划项目管理办法',
    '示范市新型研发机构认定管理暂行办法',
    '示范市科技型中小企业评价办法',
  ])
    assert.match(page, new RegExp(title));
  const rows = await queryRows<{
    title: string;
    legal_status: string;
    doc_number: string;
    published_on: string;
  }>(
    t.ctx.db,
    sql`select title, legal_status, doc_number, published_on::text from normative_documents where published_on is not null order by published_on`,
  );
  assert.deepEqual(
    rows.map((r) => [r.title, r.legal_status]),
    [
      ['示范市科技计划项目管理办法', 'inForce'],
      ['示范市科技型中小企业评价办法', 'abolished'],
      ['示范市新型研发机构认定管理暂行办法', 'expired'],
      ['示范市科技创新券管理办法', 'inForce'],
    ],
  );
  assert.ok(
    rows.every((r) => /^科规〔20\d\d〕\d+号$/.test(r.doc_number) && r.published_on < '2024-03-03'),
    "numbered in earlier years (this year's sequence is untouched)",
  );
  const abolished = (await app.inject({ url: `/gfxwj?status=abolished` })).body;
  assert.match(abolished, /示范市科技型中小企业评价办法/);
});

test('the commented document shows its feedback; contact details stay private; filings were accepted', async () => {
  const [d] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from normative_documents where title = '示范市科技创新券管理办法'`,
  );
  const page = (await app.inject({ url: `/gfxwj/${d.id}` })).body;
  for (const s of ['意见采纳情况', '部分采纳', '不采纳', '政策解读', '索引号'])
    assert.ok(page.includes(s), s);
  assert.ok(!page.includes('0558-5100000'));
  const [f] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from document_filings where status = 'accepted' and submitted_on <= due_on`,
  );
  assert.equal(f.n, 4);
});

test('the 清理 result is published with its totals; the abolished document names the campaign', async () => {
  const list = (await app.inject({ url: '/gfxwj/qingli' })).body;
  const id = /href="\/gfxwj\/qingli\/([0-9a-f-]{36})"/.exec(list)![1];
  const result = (await app.inject({ url: `/gfxwj/qingli/${id}` })).body;
  assert.match(
    result,
    /清理规范性文件4份，失效文件0份，废止文件1份，有效文件3份（其中需要修改1份）。/,
  );
  const facts = await documentFacts(t.ctx, staff.departmentId, 2024);
  assert.equal(facts.find((f) => f.key === 'documents.cleanup')!.value, 4);
});

test('the document whose validity ends within six months asks for a 后评估 (a notification that points at the document)', async () => {
  const rows = await queryRows<{ step_id: string; title: string; username: string }>(
    t.ctx.db,
    sql`select n.step_id, d.title, u.username from notifications n join normative_documents d on d.id = n.step_id join users u on u.id = n.user_id where n.kind = 'evaluationDue' order by u.username`,
  );
  assert.deepEqual(
    rows.map((r) => [r.title, r.username]),
    [
      ['示范市科技计划项目管理办法', 'legal'],
      ['示范市科技计划项目管理办法', 'staff'],
    ],
  );
});
