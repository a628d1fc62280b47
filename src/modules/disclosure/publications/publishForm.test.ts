// The 主动公开 form over HTTP: asked by the clerk, passed by the named reviewer (publishViaReview), then checked
// for lateness (条例 Art 26), 发布日期, field-named refusals, scope, the portal and the due date.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { publicationUsers, publishViaReview, sampleInput, withReviewer } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, reviewer: Session, advisor: Session, otherDept: Session;
let reviewerId = '';

before(async () => {
  t = await createTestApp(); // today: 2025-03-03 (Monday)
  ({ staff, reviewer, advisor, otherDept, reviewerId } = await publicationUsers(t));
});
after(() => t.close());

const publishApi = (s: Session, body: object) =>
  publishViaReview(t.app, s, reviewer, withReviewer(body, reviewerId));
const count = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from publications`))[0].n;

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

// The review's own date is the reviewer's act now; a recorded review's dates: publications.test.ts.
test('发布日期 bad input: future, before formation, earlier without a channel', async () => {
  const before = await count();
  const cases: [Partial<Parameters<typeof sampleInput>[0]>, RegExp][] = [
    [{ publishedOn: '2025-03-04' }, /发布日期：不能晚于今天/],
    [{ publishedOn: '2025-02-25' }, /首次发布渠道：发布日期早于今天时必填/],
    [{ publishedOn: '2025-02-19', publishedVia: '政府公报' }, /生成日期：不能晚于发布日期/],
  ];
  for (const [patch, message] of cases) {
    const res = await publishApi(staff, sampleInput(patch));
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, message);
  }
  assert.equal(await count(), before);
});

// The 保密审查's conclusion is the reviewer's (review.test.ts); a recorded one's: publications.test.ts.
test('bad input: Chinese messages, nothing stored', async () => {
  const before = await count();
  const cases: [Record<string, unknown>, number, RegExp][] = [
    [{ ...sampleInput(), category: 'nope' }, 400, /组配分类/],
    [{ ...sampleInput(), docNumber: '科规[2025]3号' }, 400, /文号：年份应使用六角括号/],
    [{ ...sampleInput(), docNumber: '科规〔2025〕03号' }, 400, /不编虚位/],
    [{ ...sampleInput(), formedOn: '2025-03-04' }, 400, /生成日期/],
    [{ ...sampleInput(), confidentialityReview: undefined }, 400, /保密审查：必填/],
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
