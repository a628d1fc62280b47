// Business settings through the API (系统管理员): 索引号 pattern, 组配分类/主题分类 lists, attachment size limit.
// Real database, real sessions; each refused change leaves the setting as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { auditEvents } from '../../../core/audit/schema.ts';
import { queryRows } from '../../../core/db/client.ts';
import { multipartBody, publishViaReview, sampleInput, withReviewer } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let sys: Session, sec: Session, staff: Session, leader: Session;
let reviewerId = '';

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await addUser(t.ctx, {
    username: 's-sys',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 's-sec',
    password: 'Sec-pass-2025',
    roles: ['secAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 's-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  reviewerId = await addUser(t.ctx, {
    username: 's-leader',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  sys = await signIn(t.app, 's-sys', 'Sys-pass-2025');
  sec = await signIn(t.app, 's-sec', 'Sec-pass-2025');
  staff = await signIn(t.app, 's-staff', 'Staff-pass-2025');
  leader = await signIn(t.app, 's-leader', 'Leader-pass-2025');
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, payload: payload as object });
// Asked by the clerk, passed by the leader named as 保密审查人 in their own session.
const publish = (patch = {}) =>
  publishViaReview(t.app, staff, leader, withReviewer(sampleInput(patch), reviewerId));
const audits = async (action: string) =>
  (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

test('only the 系统管理员 reads and changes business settings; the abilities say so', async () => {
  for (const url of [
    '/api/settings/index-number',
    '/api/settings/disclosure-classifications',
    '/api/settings/files',
  ]) {
    assert.equal((await call(sys, 'GET', url)).statusCode, 200, url);
    for (const s of [sec, staff, leader])
      assert.equal((await call(s, 'GET', url)).statusCode, 403, url);
  }
  assert.equal(
    (
      await call(staff, 'PUT', '/api/settings/index-number', {
        pattern: '{orgCode}-{YYYY}-{seq:6}',
        dateFrom: 'published',
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (await call(sys, 'GET', '/api/auth/session')).json().abilities.businessSettings,
    true,
  );
  assert.equal(
    (await call(staff, 'GET', '/api/auth/session')).json().abilities.businessSettings,
    false,
  );
});

test('索引号: patterns that could repeat numbers are refused in Chinese; a valid one is previewed, audited and used', async () => {
  const bad: [string, RegExp][] = [
    ['{creditCode}/{YYYYMM}', /必须且只能包含一个顺序号/],
    ['{creditCode}/{seq:5}', /年份/],
    ['{YYYY}-{seq:5}', /机构代码/],
    ['{creditCode}/{YYYY}-{YYYY}-{seq:5}', /只能包含一个年份/],
    ['{creditCode}/{YYYY}-{seq:2}', /顺序号至少3位/],
    ['{creditCode}/{YYYY}-{seq:5}-{seq:5}', /只能包含一个顺序号/],
    ['{creditCode}?{YYYY}-{seq:5}', /只能包含字母、数字和分隔符/],
    ['{creditCode}/{yyyy}-{seq:5}', /不支持的占位符/],
  ];
  for (const [pattern, message] of bad) {
    const preview = (
      await call(sys, 'POST', '/api/settings/index-number/preview', { pattern })
    ).json();
    assert.match(preview.problem, message, pattern);
    const res = await call(sys, 'PUT', '/api/settings/index-number', {
      pattern,
      dateFrom: 'published',
    });
    assert.equal(res.statusCode, 400, pattern);
    assert.match(res.json().error.message, /^索引号格式：/);
    assert.match(res.json().error.message, message);
  }
  assert.equal(
    (await call(sys, 'GET', '/api/settings/index-number')).json().value.pattern,
    '{creditCode}/{YYYYMM}-{seq:5}',
    'unchanged',
  );
  assert.equal(await audits('settings.indexNumber'), 0);

  const preview = (
    await call(sys, 'POST', '/api/settings/index-number/preview', {
      pattern: '{orgCode}-{YYYY}-{seq:6}',
    })
  ).json();
  assert.deepEqual(preview, { example: '734987449-2025-000001', problem: null });
  const ok = await call(sys, 'PUT', '/api/settings/index-number', {
    pattern: '{orgCode}-{YYYY}-{seq:6}',
    dateFrom: 'formed',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await audits('settings.indexNumber'), 1);
  // 年月 from the 生成日期 (2024-12-30): the 2024 sequence.
  // The next of the department's 2024 sequence (the demo may already have used it, e.g. a 决策目录 of late December).
  const [counter] = await queryRows<{ last: number }>(
    t.ctx.db,
    sql`select coalesce(max(last), 0)::int as last from number_counters where kind = 'indexNumber' and year = 2024`,
  );
  const p = await publish({
    formedOn: '2024-12-30',
    confidentialityReview: { reviewer: '李静', conclusion: 'public', on: '2025-02-28' },
  });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(p.json().indexNumber, `734987449-2024-${String(counter.last + 1).padStart(6, '0')}`);
  await call(sys, 'PUT', '/api/settings/index-number', {
    pattern: '{creditCode}/{YYYYMM}-{seq:5}',
    dateFrom: 'published',
  });
});

test('索引号: a number already issued (under an earlier pattern) is skipped, never reused', async () => {
  const first = (await publish({ title: '编号一' })).json().indexNumber as string;
  const seq = Number(first.slice(-5));
  const next = `${first.slice(0, -5)}${String(seq + 1).padStart(5, '0')}`;
  // An item numbered by hand elsewhere already carries the next number.
  await t.ctx.db.execute(
    sql`update publications set index_number = ${next} where index_number = ${first}`,
  );
  const second = (await publish({ title: '编号二' })).json().indexNumber as string;
  assert.equal(second, `${first.slice(0, -5)}${String(seq + 2).padStart(5, '0')}`);
});

test('组配分类 / 主题分类: rename, add, reorder; used or module codes cannot be removed; duplicates refused', async () => {
  const view = (await call(sys, 'GET', '/api/settings/disclosure-classifications')).json();
  const plan = view.categories.find((c: { code: string }) => c.code === 'plan');
  assert.ok(plan.used >= 1, 'the demo publishes 规划计划 items');
  assert.equal(
    view.categories.find((c: { code: string }) => c.code === 'normativeDocument').reservedFor,
    '行政规范性文件发布',
  );
  const strip = (l: { code: string; label: string }) => ({ code: l.code, label: l.label });
  const categories = view.categories.map(strip);
  const topics = view.topics.map(strip);
  const put = (body: unknown) => call(sys, 'PUT', '/api/settings/disclosure-classifications', body);

  const refusals: [unknown, RegExp][] = [
    [
      { categories: categories.filter((c: { code: string }) => c.code !== 'plan'), topics },
      /组配分类：“规划计划”已有\d+条公开信息使用，不能删除/,
    ],
    [
      { categories: categories.filter((c: { code: string }) => c.code !== 'annualReport'), topics },
      /“政府信息公开年报”用于政府信息公开工作年度报告发布，不能删除/,
    ],
    [
      { categories: [...categories, { label: '规划计划' }], topics },
      /组配分类：名称“规划计划”重复/,
    ],
    [{ categories, topics: [] }, /主题分类：至少保留一项/],
    [
      { categories: [...categories, { code: '1x', label: '新分类' }], topics },
      /代码“1x”只能由字母开头/,
    ],
  ];
  for (const [body, message] of refusals) {
    const res = await put(body);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, message);
  }
  assert.equal(await audits('settings.disclosureClassifications'), 0);

  const unused = categories.find(
    (c: { code: string }) =>
      !view.categories.find(
        (v: { code: string; used: number; reservedFor: string | null }) =>
          v.code === c.code && (v.used || v.reservedFor),
      ),
  );
  const next = [
    { code: 'plan', label: '规划计划（含年度计划）' },
    ...categories.filter((c: { code: string }) => c.code !== 'plan' && c.code !== unused.code),
    { label: '科普活动' },
  ];
  const ok = await put({ categories: next, topics });
  assert.equal(ok.statusCode, 200, ok.body);
  const saved = ok.json().categories as { code: string; label: string }[];
  assert.deepEqual(saved[0], {
    code: 'plan',
    label: '规划计划（含年度计划）',
    used: plan.used,
    reservedFor: null,
  });
  assert.equal(saved.at(-1)!.code, 'custom1');
  assert.ok(!saved.some((c) => c.code === unused.code), 'an unused class is removed');
  assert.equal(await audits('settings.disclosureClassifications'), 1);

  // Staff publish under the new class; the portal uses the new names.
  const meta = (await call(staff, 'GET', '/api/publications/meta')).json();
  assert.equal(meta.categories[0].label, '规划计划（含年度计划）');
  assert.equal((await publish({ title: '科普活动周安排', category: 'custom1' })).statusCode, 200);
  assert.equal(
    (await publish({ category: unused.code })).statusCode,
    400,
    'a removed class cannot be chosen',
  );
  assert.ok((await t.app.inject({ url: '/xxgk' })).body.includes('规划计划（含年度计划）'));
});

test('attachment size limit: set in MB-sized bytes, bounded, audited; staff forms read it; uploads obey it', async () => {
  assert.equal((await call(staff, 'GET', '/api/files/limits')).json().label, '20 MB');
  for (const maxBytes of [0, 500, 300 * 1024 * 1024, 1.5]) {
    const res = await call(sys, 'PUT', '/api/settings/files', { maxBytes });
    assert.equal(res.statusCode, 400, String(maxBytes));
    assert.match(res.json().error.message, /单个文件大小上限（字节）/);
  }
  assert.equal(
    (await call(leader, 'PUT', '/api/settings/files', { maxBytes: 1024 * 1024 })).statusCode,
    403,
  );
  const ok = await call(sys, 'PUT', '/api/settings/files', { maxBytes: 1024 * 1024 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await audits('settings.files'), 1);
  assert.equal((await call(staff, 'GET', '/api/files/limits')).json().label, '1 MB');
  const big = multipartBody('大文件.pdf', Buffer.alloc(1024 * 1024 + 1, 1));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...staff.headers, ...big.headers },
    payload: big.payload,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /大小超过上限 1 MB/);
  await call(sys, 'PUT', '/api/settings/files', { maxBytes: 20 * 1024 * 1024 });
});
