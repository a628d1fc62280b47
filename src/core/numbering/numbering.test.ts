import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext } from '../../server/testing.ts';
import type { Actor } from '../auth/actor.ts';
import { createOrg } from '../orgs/service.ts';
import { queryRows } from '../db/client.ts';
import { putSetting } from '../settings/service.ts';
import { getOrg } from '../orgs/service.ts';
import { checkDocNumber, formatDocNumber, nextDocNumber, parseDocNumber } from './docNumber.ts';
import {
  checkIndexPattern,
  formatIndexNumber,
  indexNumberSettings,
  nextIndexNumber,
} from './indexNumber.ts';

let t: Awaited<ReturnType<typeof createTestContext>>;
let bureauId: string, justiceId: string, divisionId: string;
before(async () => {
  t = await createTestContext();
  const system = { userId: null, orgId: null } as unknown as Actor;
  bureauId = (
    await createOrg(t.ctx, system, {
      name: '示范市科学技术局',
      kind: 'department',
      creditCode: '11341600734987449Q',
    })
  ).id;
  justiceId = (
    await createOrg(t.ctx, system, {
      name: '示范市司法局',
      kind: 'oversight',
      creditCode: '11341600003046210W',
    })
  ).id;
  divisionId = (
    await createOrg(t.ctx, system, { name: '办公室', kind: 'division', parentId: bureauId })
  ).id;
});
after(() => t.close());

const ANHUI = /^[0-9A-HJ-NPQRTUWXY]{18}\/\d{6}-\d{5}$/; // RULES §6.1

test('索引号: the Anhui default matches seed 001 and the §6.1 regex', () => {
  const n = formatIndexNumber('{creditCode}/{YYYYMM}-{seq:5}', {
    creditCode: '11341600734987449Q',
    on: '2024-02-04',
    seq: 1,
  });
  assert.equal(n, '11341600734987449Q/202402-00001');
  assert.match(n, ANHUI);
  assert.equal(
    formatIndexNumber('{orgCode}/{YYYY}-{seq:5}', {
      creditCode: '11341600734987449Q',
      on: '2018-05-01',
      seq: 79,
    }),
    '734987449/2018-00079',
  );
  assert.throws(
    () =>
      formatIndexNumber('{creditCode}/{YYYY}-{seq:2}', {
        creditCode: '11341600734987449Q',
        on: '2018-05-01',
        seq: 100,
      }),
    /超过 2 位/,
  );
});

test('索引号 patterns: unknown tokens, missing sequence, year or organisation are refused', () => {
  assert.equal(checkIndexPattern('{creditCode}/{YYYYMM}-{seq:5}'), null);
  assert.equal(checkIndexPattern('{orgCode}-{YYYY}-{seq:6}'), null);
  assert.match(checkIndexPattern('{creditCode}/{YYYYMM}-{n}')!, /不支持的占位符/);
  assert.match(checkIndexPattern('{creditCode}/{YYYYMM}')!, /顺序号/);
  assert.match(checkIndexPattern('{creditCode}/{seq:5}')!, /年份/);
  assert.match(checkIndexPattern('{YYYY}-{seq:5}')!, /机构代码/);
});

test('索引号 sequence: yearly per department, month from the date, never reused across years', async () => {
  const dept = await getOrg(t.ctx.db, bureauId);
  const take = (on: string) =>
    t.ctx.db.transaction((tx) => nextIndexNumber(tx, { department: dept, on, nowMs: 0 }));
  assert.equal(await take('2024-02-04'), '11341600734987449Q/202402-00001');
  assert.equal(await take('2024-11-30'), '11341600734987449Q/202411-00002');
  assert.equal(
    await take('2025-01-02'),
    '11341600734987449Q/202501-00001',
    'a new year restarts the sequence',
  );
  // A rolled-back transaction gives its number back with everything else it did.
  await assert.rejects(
    t.ctx.db.transaction(async (tx) => {
      await nextIndexNumber(tx, { department: dept, on: '2025-01-03', nowMs: 0 });
      throw new Error('rollback');
    }),
  );
  assert.equal(await take('2025-01-03'), '11341600734987449Q/202501-00002');
  const other = await getOrg(t.ctx.db, justiceId);
  assert.equal(
    await t.ctx.db.transaction((tx) =>
      nextIndexNumber(tx, { department: other, on: '2025-01-03', nowMs: 0 }),
    ),
    '11341600003046210W/202501-00001',
  );
});

test('索引号 pattern is a setting (another province)', async () => {
  const dept = await getOrg(t.ctx.db, bureauId);
  await putSetting(
    t.ctx.db,
    indexNumberSettings,
    { pattern: '{creditCode}/{YYYY}-{seq:7}', dateFrom: 'published' },
    t.ctx.clock.now(),
  );
  try {
    const n = await t.ctx.db.transaction((tx) =>
      nextIndexNumber(tx, { department: dept, on: '2026-06-01', nowMs: 1 }),
    );
    assert.equal(n, '11341600734987449Q/2026-0000001');
  } finally {
    await putSetting(
      t.ctx.db,
      indexNumberSettings,
      indexNumberSettings.defaults,
      t.ctx.clock.now(),
    );
  }
});

test('索引号 without a credit code: a clear Chinese error', async () => {
  const division = await getOrg(t.ctx.db, divisionId);
  await assert.rejects(
    t.ctx.db.transaction((tx) =>
      nextIndexNumber(tx, { department: division, on: '2025-01-03', nowMs: 0 }),
    ),
    /未设置有效的统一社会信用代码/,
  );
});

test('索引号: 20 parallel transactions never share a number', async () => {
  const dept = await getOrg(t.ctx.db, bureauId);
  const numbers = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.ctx.db.transaction(async (tx) => {
        const n = await nextIndexNumber(tx, { department: dept, on: '2027-03-01', nowMs: 0 });
        await tx.execute(sql`select pg_sleep(0.01)`);
        return n;
      }),
    ),
  );
  assert.equal(new Set(numbers).size, 20);
  const seqs = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
  assert.deepEqual(
    seqs,
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

const DOC_CASES: [string, RegExp | null][] = [
  ['科规〔2025〕3号', null],
  ['国办公开办函〔2021〕30号', null],
  ['科规〔2025〕103号', null],
  ['科规[2025]3号', /六角括号/],
  ['科规【2025】3号', /六角括号/],
  ['科规(2025)3号', /六角括号/],
  ['科规（2025）3号', /六角括号/],
  ['科规〔25〕3号', /4位数字/],
  ['科规〔2025〕03号', /不编虚位/],
  ['科规〔2025〕第3号', /不加“第”字/],
  ['科规〔2025〕3', /号/],
  ['〔2025〕3号', /机关代字/],
  ['', /不能为空/],
];

test('文号 validator table (GB/T 9704-2012 §7.2.5)', () => {
  for (const [value, expected] of DOC_CASES) {
    const problem = checkDocNumber(value);
    if (expected === null) assert.equal(problem, null, value);
    else assert.match(problem ?? '', expected, value);
  }
  assert.deepEqual(parseDocNumber('科规〔2025〕3号'), { prefix: '科规', year: 2025, seq: 3 });
  assert.equal(parseDocNumber('科规〔2025〕03号'), null);
  assert.equal(formatDocNumber({ prefix: '科规', year: 2025, seq: 12 }), '科规〔2025〕12号');
});

test('文号 allocator: one sequence per (department, 机关代字, year)', async () => {
  const take = (prefix: string, year: number) =>
    t.ctx.db.transaction((tx) => nextDocNumber(tx, bureauId, prefix, year));
  assert.equal(await take('科规', 2025), '科规〔2025〕1号');
  assert.equal(await take('科规', 2025), '科规〔2025〕2号');
  assert.equal(await take('科函', 2025), '科函〔2025〕1号');
  assert.equal(await take('科规', 2026), '科规〔2026〕1号');
  await assert.rejects(take('科规〔', 2026), /机关代字/);
  const rows = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from number_counters where kind = 'docNumber'`,
  );
  assert.equal(rows[0].n, 3);
});
