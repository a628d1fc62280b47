// Table 二 row 行政规范性文件 counted as at 12月31日 of each report year, on a real database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestContext } from '../../../server/testing.ts';
import { documentEvents, normativeDocuments } from '../../documents/schema.ts';
import { tableTwoRow } from '../../documents/facts.ts';

const normativeDocumentsRow = async (...a: Parameters<typeof tableTwoRow>) => {
  const { issued, abolished, inForce } = await tableTwoRow(...a);
  return { issued, abolished, inForce };
};
import { computeTables, EMPTY_MANUAL } from './service.ts';

const DEPT = randomUUID();
const OTHER_DEPT = randomUUID();

interface Doc {
  title: string;
  published: string;
  effective?: string;
  validUntil?: string;
  events?: Array<[kind: string, on: string]>;
  dept?: string;
  status: string;
}

// `status` is the cached column as it would be today (2026-06-01); the report must not read it.
const DOCS: Doc[] = [
  { title: 'A 2023年发布，一直有效', published: '2023-06-01', status: 'inForce' },
  {
    title: 'B 2024年发布，2025年废止',
    published: '2024-03-01',
    events: [['abolished', '2025-05-10']],
    status: 'abolished',
  },
  {
    title: 'C 2024年发布，有效期至2025-01-31',
    published: '2024-02-01',
    validUntil: '2025-01-31',
    events: [['expired', '2025-02-01']],
    status: 'expired',
  },
  {
    title: 'D 2024-12-20发布，2025-01-01施行',
    published: '2024-12-20',
    effective: '2025-01-01',
    status: 'inForce',
  },
  { title: 'E 2025年发布', published: '2025-04-01', status: 'inForce' },
  {
    title: 'F 有效期至2024-12-31（失效事件尚未记录）',
    published: '2024-05-01',
    validUntil: '2024-12-31',
    status: 'inForce',
  },
  {
    title: 'G1 2024年发布，2025-03-01被修改',
    published: '2024-01-10',
    events: [['amended', '2025-03-01']],
    status: 'amended',
  },
  { title: 'G2 修改后的新版本', published: '2025-03-01', status: 'inForce' },
  {
    title: 'H 2024年发布并废止',
    published: '2024-01-05',
    events: [['abolished', '2024-11-01']],
    status: 'abolished',
  },
  {
    title: 'I 宣布失效',
    published: '2023-01-01',
    events: [['declaredInvalid', '2025-08-01']],
    status: 'expired',
  },
  { title: 'J 2026年发布', published: '2026-01-10', status: 'inForce' },
  { title: 'K 其他部门的文件', published: '2024-01-01', dept: OTHER_DEPT, status: 'inForce' },
];

test('table 二 行政规范性文件: 本年制发, 本年废止 and 现行有效 as at 12月31日 of the report year', async (t) => {
  const { ctx, close } = await createTestContext('2026-06-01T02:00:00.000Z');
  t.after(close);
  const now = ctx.clock.now();
  for (const d of DOCS) {
    const id = randomUUID();
    await ctx.db.insert(normativeDocuments).values({
      id,
      lineageId: id,
      caseId: randomUUID(),
      departmentId: d.dept ?? DEPT,
      draftingOrgId: d.dept ?? DEPT,
      title: d.title,
      docType: 'measures',
      concernsMarket: false,
      touchesPublicInterest: true,
      publishedOn: d.published,
      effectiveOn: d.effective ?? null,
      validUntil: d.validUntil ?? null,
      legalStatus: d.status,
      createdAt: now,
      updatedAt: now,
    });
    for (const [kind, on] of [
      ['published', d.published] as [string, string],
      ...(d.events ?? []),
    ]) {
      await ctx.db
        .insert(documentEvents)
        .values({ id: randomUUID(), documentId: id, kind, on, createdAt: now });
    }
  }
  // 2024-12-31: A, B, C, D (published, not yet in effect), F (its last valid day), G1, I — not H (abolished in 2024).
  assert.deepEqual(await normativeDocumentsRow(ctx.db, DEPT, 2024), {
    issued: 6,
    abolished: 1,
    inForce: 7,
  });
  // 2025-12-31: A, D, E, G2 — B abolished, C and F expired, G1 amended, I declared invalid; J not yet published.
  assert.deepEqual(await normativeDocumentsRow(ctx.db, DEPT, 2025), {
    issued: 2,
    abolished: 1,
    inForce: 4,
  });
  assert.deepEqual(await normativeDocumentsRow(ctx.db, DEPT, 2023), {
    issued: 2,
    abolished: 0,
    inForce: 2,
  });
  // The report's table 二 reads the same figures, year by year (the cached status, as of today, would say 6).
  for (const [year, values] of [
    [2024, [6, 1, 7]],
    [2025, [2, 1, 4]],
  ] as const) {
    const row = (await computeTables(ctx.db, DEPT, year, EMPTY_MANUAL)).table2.find(
      (r) => r.key === 'normativeDocuments',
    )!;
    assert.deepEqual(row.values, values, String(year));
    assert.equal(row.source, 'module');
  }
});
