// 主动公开 as a service (publish() in the caller's transaction): 索引号, rollback, 有效性, concurrency, facts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { auditEvents } from '../../../core/audit/schema.ts';
import { publish, updateValidity, getPublication } from './service.ts';
import { publications } from './schema.ts';
import { actorOf, publicationUsers, sampleInput } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session, advisor: Session, otherDept: Session;
let reviewerId = '';

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  ({ staff, reviewer, advisor, otherDept, reviewerId } = await publicationUsers(t));
});
after(() => t.close());

const count = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from publications`))[0].n;

test('publish (service, in the caller’s transaction): 索引号, 发布机构 = department, not late, audited', async () => {
  const actor = await actorOf(t.ctx, 'pub-staff');
  const before = await count();
  const r = await t.ctx.db.transaction((tx) => publish(tx, t.ctx, actor, sampleInput()));
  assert.match(r.indexNumber, /^11341600734987449Q\/202503-\d{5}$/);
  assert.equal(r.publishedOn, '2025-03-03');
  assert.equal(r.late, false);
  const p = await getPublication(t.ctx, actor, r.id);
  assert.equal(p.publisherName, '示范市科学技术局', 'the department, never the 科室');
  assert.equal(p.dueOn, '2025-03-20', '20 working days from 2025-02-20');
  assert.deepEqual(p.confidentialityReview, {
    reviewer: '李静',
    conclusion: 'public',
    on: '2025-02-28',
    note: null,
  });
  const [ev] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.id));
  assert.equal(ev.action, 'publication.publish');
  assert.equal(await count(), before + 1);
});

test('publish inside a failing transaction leaves nothing behind (no row, no number used)', async () => {
  const actor = await actorOf(t.ctx, 'pub-staff');
  const before = await count();
  let taken = '';
  await assert.rejects(
    t.ctx.db.transaction(async (tx) => {
      taken = (await publish(tx, t.ctx, actor, sampleInput({ title: '回滚测试' }))).indexNumber;
      throw new Error('the caller fails after publishing');
    }),
  );
  assert.equal(await count(), before);
  const again = await t.ctx.db.transaction((tx) =>
    publish(tx, t.ctx, actor, sampleInput({ title: '回滚之后' })),
  );
  assert.equal(again.indexNumber, taken, 'the rolled-back number is taken by the next publication');
});

// A review recorded by a module (its act names the review): the conclusion, and a date between formation and publication.
test('a recorded 保密审查: must conclude 可以公开, on a date not after publication nor before formation', async () => {
  const actor = await actorOf(t.ctx, 'pub-staff');
  const before = await count();
  const cases: [Parameters<typeof sampleInput>[0], RegExp][] = [
    [
      {
        confidentialityReview: {
          reviewer: '李静',
          conclusion: 'secret' as 'public',
          on: '2025-03-01',
        },
      },
      /发布前须完成保密审查并确认可以公开/,
    ],
    [{ publishedOn: '2025-02-25', publishedVia: '政府公报' }, /保密审查日期：不能晚于发布日期/],
    [
      { confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-02-01' } },
      /不能早于生成日期/,
    ],
  ];
  for (const [patch, message] of cases)
    await assert.rejects(
      t.ctx.db.transaction((tx) => publish(tx, t.ctx, actor, sampleInput(patch))),
      message,
    );
  assert.equal(await count(), before);
});

test('有效性 follows the normative document (updateValidity), audited', async () => {
  const actor = await actorOf(t.ctx, 'pub-staff');
  const r = await t.ctx.db.transaction((tx) =>
    publish(
      tx,
      t.ctx,
      actor,
      sampleInput({
        category: 'normativeDocument',
        docNumber: '科规〔2025〕1号',
        validity: 'inForce',
        source: { module: 'documents', entityId: 'doc-1' },
      }),
    ),
  );
  await t.ctx.db.transaction((tx) => updateValidity(tx, t.ctx, actor, r.id, 'abolished'));
  const [row] = await t.ctx.db.select().from(publications).where(eq(publications.id, r.id));
  assert.equal(row.validity, 'abolished');
  assert.equal(row.docNumber, '科规〔2025〕1号');
  const other = await actorOf(t.ctx, 'pub-justice');
  await assert.rejects(
    t.ctx.db.transaction((tx) => updateValidity(tx, t.ctx, other, r.id, 'inForce')),
    /不存在或无权访问/,
  );
});

test('20 parallel publishes get 20 distinct consecutive 索引号', async () => {
  const actor = await actorOf(t.ctx, 'pub-staff');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      t.ctx.db.transaction((tx) =>
        publish(tx, t.ctx, actor, sampleInput({ title: `并发发布 ${i}` })),
      ),
    ),
  );
  const numbers = results.map((r) => r.indexNumber);
  assert.equal(new Set(numbers).size, 20);
  const seqs = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
  assert.equal(seqs[19] - seqs[0], 19, 'no gaps, no duplicates');
});

test('facts: publications this year and late ones, with how they were counted', async () => {
  const { publicationFacts } = await import('./facts.ts');
  const actor = await actorOf(t.ctx, 'pub-staff');
  const facts = await publicationFacts(t.ctx, actor.departmentId, 2025);
  const total = facts.find((f) => f.key === 'disclosure.publications.total')!;
  const late = facts.find((f) => f.key === 'disclosure.publications.late')!;
  const counted = async (year: number) =>
    (
      await queryRows<{ total: number; late: number }>(
        t.ctx.db,
        sql`select count(*)::int as total, count(*) filter (where late)::int as late from publications where status = 'published' and department_id = ${actor.departmentId} and extract(year from published_on) = ${year}`,
      )
    )[0];
  const row = await counted(2025);
  assert.equal(total.value, row.total);
  assert.equal(late.value, row.late);
  assert.ok(late.value >= 1);
  assert.match(total.sentence, new RegExp(`2025年主动公开政府信息${row.total}条`));
  assert.match(late.method, /第二十六条/);
  const listed = await t.app.inject({
    url: '/api/publications?year=2025&status=published&late=true',
    headers: staff.headers,
  });
  assert.equal(
    listed.json().total,
    late.value,
    'the records query lists exactly the counted records',
  );
  assert.equal(
    (await publicationFacts(t.ctx, actor.departmentId, 2024))[0].value,
    (await counted(2024)).total,
    "another year counts its own (the demo's 决策目录 may be published in late December)",
  );
});
