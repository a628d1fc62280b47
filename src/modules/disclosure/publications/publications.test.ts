import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { auditEvents } from '../../../core/audit/schema.ts';
import { publish, updateValidity, getPublication } from './service.ts';
import { publications } from './schema.ts';
import { actorOf, sampleInput, withReviewer } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, advisor: Session, otherDept: Session;
let reviewerId = '';

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  await addUser(t.ctx, { username: 'pub-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  reviewerId = await addUser(t.ctx, {
    username: 'pub-reviewer',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'pub-advisor',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'pub-justice',
    password: 'Justice-pass-2025',
    roles: ['staff'],
    orgName: '示范市司法局',
  });
  staff = await signIn(t.app, 'pub-staff', 'Staff-pass-2025');
  advisor = await signIn(t.app, 'pub-advisor', 'Advisor-pass-2025');
  otherDept = await signIn(t.app, 'pub-justice', 'Justice-pass-2025');
});
after(() => t.close());

const publishApi = (s: Session, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/publications',
    headers: s.headers,
    payload: withReviewer(body, reviewerId),
  });
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

test('late flag: published after the 20th working day from formation (条例 Art 26)', async () => {
  const res = await publishApi(staff, {
    ...sampleInput({ formedOn: '2025-01-02', title: '2025年科技工作要点', category: 'plan' }),
    confidentialityReview: { reviewer: '王晓明', conclusion: 'public', on: '2025-03-03' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.late, true);
  assert.ok(p.dueOn < '2025-03-03');
  const due = await t.app.inject({
    url: '/api/publications/due?formedOn=2025-01-02',
    headers: staff.headers,
  });
  assert.equal(due.json().due, p.dueOn);
  assert.match(due.json().explanation, /工作日/);
  const late = await t.app.inject({ url: '/api/publications?late=true', headers: staff.headers });
  assert.ok(late.json().items.some((i: { id: string }) => i.id === p.id));
  assert.ok(late.json().items.every((i: { late: boolean }) => i.late));
});

test('发布日期: an item first published elsewhere is recorded with its own date; lateness and 索引号 follow that date', async () => {
  // Formed 2025-01-02 (due 2025-02-07 after 春节), published in the 政府公报 on 2025-01-20: on time, even though entered today.
  const res = await publishApi(
    staff,
    sampleInput({
      title: '2025年科技工作要点（公报版）',
      formedOn: '2025-01-02',
      publishedOn: '2025-01-20',
      publishedVia: '示范市人民政府公报2025年第2期',
      confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-01-15' },
    }),
  );
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.publishedOn, '2025-01-20');
  assert.equal(p.publishedVia, '示范市人民政府公报2025年第2期');
  assert.equal(p.late, false);
  assert.match(
    p.indexNumber,
    /^11341600734987449Q\/202501-\d{5}$/,
    'YYYYMM of the publication date',
  );
  // The same item published in the 公报 on 2025-02-10: late (after 2025-02-07).
  const late = await publishApi(
    staff,
    sampleInput({
      title: '2025年科技工作要点（迟发）',
      formedOn: '2025-01-02',
      publishedOn: '2025-02-10',
      publishedVia: '原门户网站',
      confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-02-10' },
    }),
  );
  assert.equal(late.json().late, true);
  const due = await t.app.inject({
    url: '/api/publications/due?formedOn=2025-01-02&publishedOn=2025-01-20',
    headers: staff.headers,
  });
  assert.equal(due.json().late, false);
  assert.equal(
    (
      await t.app.inject({
        url: '/api/publications/due?formedOn=2025-01-02',
        headers: staff.headers,
      })
    ).json().late,
    true,
    'published today: late',
  );
  const page = await t.app.inject({ url: `/xxgk/p/${p.indexNumber}` });
  assert.ok(page.body.includes('<td>2025-01-20</td>'), 'the portal shows the real 发布日期');
});

test('发布日期 bad input: future, before formation, before the review, earlier without a channel', async () => {
  const before = await count();
  const cases: [Partial<Parameters<typeof sampleInput>[0]>, RegExp][] = [
    [{ publishedOn: '2025-03-04' }, /发布日期：不能晚于今天/],
    [{ publishedOn: '2025-02-25' }, /首次发布渠道：发布日期早于今天时必填/],
    [{ publishedOn: '2025-02-19', publishedVia: '政府公报' }, /生成日期：不能晚于发布日期/],
    [{ publishedOn: '2025-02-25', publishedVia: '政府公报' }, /保密审查日期：不能晚于发布日期/],
  ];
  for (const [patch, message] of cases) {
    const res = await publishApi(staff, sampleInput(patch));
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, message);
  }
  assert.equal(await count(), before);
});

test('bad input: Chinese messages, nothing stored', async () => {
  const before = await count();
  const cases: [Record<string, unknown>, number, RegExp][] = [
    [{ ...sampleInput(), category: 'nope' }, 400, /组配分类/],
    [{ ...sampleInput(), docNumber: '科规[2025]3号' }, 400, /文号：年份应使用六角括号/],
    [{ ...sampleInput(), docNumber: '科规〔2025〕03号' }, 400, /不编虚位/],
    [{ ...sampleInput(), formedOn: '2025-03-04' }, 400, /生成日期/],
    [
      {
        ...sampleInput(),
        confidentialityReview: { reviewer: '李静', conclusion: 'secret', on: '2025-03-01' },
      },
      400,
      /保密审查结论/,
    ],
    [{ ...sampleInput(), confidentialityReview: undefined }, 400, /保密审查：必填/],
    [
      {
        ...sampleInput(),
        confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-02-01' },
      },
      400,
      /不能早于生成日期/,
    ],
    [{ ...sampleInput(), title: '' }, 400, /名称/],
  ];
  for (const [body, status, message] of cases) {
    const res = await publishApi(staff, body);
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.json().error.message, message);
  }
  assert.equal(await count(), before);
});

test('who may publish and see: an outside 法律顾问 may not; another department sees nothing (404)', async () => {
  assert.equal((await publishApi(advisor, sampleInput())).statusCode, 403);
  const res = await publishApi(staff, sampleInput({ title: '本部门信息' }));
  const id = res.json().id;
  assert.equal(
    (await t.app.inject({ url: `/api/publications/${id}`, headers: otherDept.headers })).statusCode,
    404,
  );
  const list = await t.app.inject({ url: '/api/publications', headers: otherDept.headers });
  assert.equal(list.json().total, 0);
  const withdraw = await t.app.inject({
    method: 'POST',
    url: `/api/publications/${id}/withdraw`,
    headers: otherDept.headers,
    payload: { reason: '误发布需撤回' },
  });
  assert.equal(withdraw.statusCode, 404);
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

test('portal: published items are in the catalogue, found by search, with the metadata block; withdrawn ones disappear', async () => {
  const res = await publishApi(
    staff,
    sampleInput({
      title: '关于落实习近平法治思想的工作方案',
      category: 'policy',
      docNumber: '科办〔2025〕7号',
      keywords: ['法治', '方案'],
    }),
  );
  const p = res.json();
  const catalog = await t.app.inject({ url: '/xxgk/catalog?q=习近平' });
  assert.equal(catalog.statusCode, 200);
  assert.ok(catalog.body.includes('关于落实习近平法治思想的工作方案'));
  assert.ok(catalog.body.includes(p.indexNumber));
  const none = await t.app.inject({ url: '/xxgk/catalog?q=不存在的关键字组合' });
  assert.ok(!none.body.includes('关于落实习近平法治思想的工作方案'));
  const byCategory = await t.app.inject({ url: '/xxgk/catalog?category=policy&year=2025' });
  assert.ok(byCategory.body.includes('关于落实习近平法治思想的工作方案'));
  const otherYear = await t.app.inject({ url: '/xxgk/catalog?category=policy&year=2024' });
  assert.ok(!otherYear.body.includes('关于落实习近平法治思想的工作方案'));

  const page = await t.app.inject({ url: `/xxgk/p/${p.indexNumber}` });
  assert.equal(page.statusCode, 200);
  for (const label of [
    '索引号',
    '组配分类',
    '发布机构',
    '主题分类',
    '有效性',
    '关键词',
    '名称',
    '文号',
    '发文日期',
    '发布日期',
  ]) {
    assert.ok(page.body.includes(`<th scope="row">${label}</th>`), label);
  }
  assert.ok(page.body.includes('<td>科办〔2025〕7号</td>'));
  assert.ok(page.body.includes('<td>示范市科学技术局</td>'));
  assert.equal((await t.app.inject({ url: `/xxgk/p/${p.id}` })).statusCode, 200, 'by id too');

  const w = await t.app.inject({
    method: 'POST',
    url: `/api/publications/${p.id}/withdraw`,
    headers: staff.headers,
    payload: { reason: '内容有误，更正后重新发布' },
  });
  assert.equal(w.json().status, 'withdrawn');
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: `/api/publications/${p.id}/withdraw`,
        headers: staff.headers,
        payload: { reason: '再次撤回' },
      })
    ).statusCode,
    409,
  );
  assert.equal((await t.app.inject({ url: `/xxgk/p/${p.indexNumber}` })).statusCode, 404);
  assert.ok(
    !(await t.app.inject({ url: '/xxgk/catalog?q=习近平' })).body.includes(
      '关于落实习近平法治思想的工作方案',
    ),
  );
  const staffList = await t.app.inject({
    url: '/api/publications?status=withdrawn',
    headers: staff.headers,
  });
  assert.ok(
    staffList.json().items.some((i: { id: string }) => i.id === p.id),
    'staff still see it, marked withdrawn',
  );
});

test('hostile text is escaped on the portal', async () => {
  const res = await publishApi(
    staff,
    sampleInput({ title: '<script>alert(1)</script>标题', body: '<img src=x onerror=alert(1)>' }),
  );
  const page = await t.app.inject({ url: `/xxgk/p/${res.json().indexNumber}` });
  assert.ok(!page.body.includes('<script>alert(1)'));
  assert.ok(!page.body.includes('<img src=x'));
  assert.ok(page.body.includes('&lt;script&gt;'));
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

test('the 20-WD due date shown on the form uses the calendar (Spring Festival 2025)', async () => {
  const res = await t.app.inject({
    url: '/api/publications/due?formedOn=2025-01-20',
    headers: staff.headers,
  });
  assert.equal(res.statusCode, 200);
  // 2025-01-20 + 20 working days, skipping 春节 (01-28 … 02-04) and counting the 调休 Sunday 01-26 and Saturday 02-08.
  const cal = t.ctx.calendar.current();
  assert.equal(res.json().due, cal.addWorkdays('2025-01-20', 20));
  assert.ok(res.json().due > '2025-02-17');
  assert.equal(
    (
      await t.app.inject({
        url: '/api/publications/due?formedOn=2025-02-30',
        headers: staff.headers,
      })
    ).statusCode,
    400,
  );
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

// Issue 13 item 11: the 保密审查人 defaulted to the clerk's own name. The review is named by account, another one.
test('保密审查 by another account: the drafter is refused as their own reviewer; the form offers the colleagues', async () => {
  const meta = (
    await t.app.inject({ url: '/api/publications/meta', headers: staff.headers })
  ).json();
  const me = (await actorOf(t.ctx, 'pub-staff')).userId;
  assert.ok(meta.reviewers.some((r: { id: string }) => r.id === reviewerId));
  assert.ok(!meta.reviewers.some((r: { id: string }) => r.id === me), 'the drafter is not offered');
  const before = await count();
  const self = await t.app.inject({
    method: 'POST',
    url: '/api/publications',
    headers: staff.headers,
    payload: withReviewer(sampleInput({ title: '自审的信息' }), me),
  });
  assert.equal(self.statusCode, 400);
  assert.match(self.json().error.message, /保密审查人：不能由起草人本人进行保密审查/);
  assert.equal(self.json().error.fields[0].path, 'confidentialityReview.reviewerId');
  const outsider = (await actorOf(t.ctx, 'pub-justice')).userId;
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/publications',
        headers: staff.headers,
        payload: withReviewer(sampleInput({ title: '外单位审查的信息' }), outsider),
      })
    ).statusCode,
    400,
  );
  assert.equal(await count(), before, 'nothing published');
  const ok = await publishApi(staff, sampleInput({ title: '他人审查的信息' }));
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().confidentialityReview, {
    reviewer: 'pub-reviewer',
    reviewerId,
    conclusion: 'public',
    on: '2025-02-28',
    note: null,
  });
});
