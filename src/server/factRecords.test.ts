// A figure and its records never disagree: for every fact of every module, over the demo's years of
// use, the count a report prints is the number of records its drill-down lists (issue 13 item 3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser, createTestContext, orgIdByName, signIn } from './testing.ts';
import { loadDemo } from './demo.ts';
import { buildApp } from './app.ts';
import { factProviders } from './modules.ts';

/** Units that count records (a share, hours or money are not counts). */
const COUNT_UNITS = new Set([
  '件',
  '份',
  '次',
  '项',
  '人',
  '宗',
  '条',
  '个',
  '场',
  '名',
  '家',
  '期',
  '批',
]);

function rowsOf(data: unknown, tab?: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (Array.isArray(o.items)) return o.items;
  if (typeof tab === 'string' && Array.isArray(o[tab])) return o[tab] as unknown[];
  return (Object.values(o).find(Array.isArray) as unknown[] | undefined) ?? null;
}

test(
  'every counted fact equals the number of records its drill-down lists',
  { timeout: 600_000 },
  async (t) => {
    const tc = await createTestContext('2025-06-16T02:00:00.000Z');
    t.after(() => tc.close());
    await loadDemo(tc.ctx, { history: true });
    const app = await buildApp({ ctx: tc.ctx });
    t.after(() => app.close());
    await addUser(tc.ctx, {
      username: 'fact-reader',
      password: 'Fact-reader-2025',
      roles: ['staff', 'leader', 'legalOfficer'],
      orgName: '示范市科学技术局',
    });
    const reader = await signIn(app, 'fact-reader', 'Fact-reader-2025');
    const deptId = await orgIdByName(tc.ctx, '示范市科学技术局');
    const problems: string[] = [];
    let checked = 0;
    for (const year of [2024, 2025]) {
      for (const provider of factProviders) {
        for (const fact of await provider.facts(tc.ctx, deptId, year)) {
          if (!COUNT_UNITS.has(fact.unit)) continue;
          const query = new URLSearchParams(
            Object.entries(fact.records.query).map(([k, v]) => [k, String(v)]),
          ).toString();
          const res = await app.inject({
            url: `${fact.records.path}${query ? `?${query}` : ''}`,
            headers: reader.headers,
          });
          if (res.statusCode !== 200) {
            problems.push(
              `${year} ${provider.module}/${fact.key}: ${fact.records.path} answered ${res.statusCode}`,
            );
            continue;
          }
          const data = res.json();
          const rows = rowsOf(data, fact.records.query.tab);
          const { sum } = fact.records;
          checked++;
          if (sum) {
            // A sum over the records (e.g. comments over the documents that received them): every record listed, the field adds up.
            const total =
              data && typeof data === 'object' && 'total' in data
                ? Number(data.total)
                : rows?.length;
            const added = rows?.reduce(
              (a: number, r) => a + Number((r as Record<string, unknown>)[sum]),
              0,
            );
            if (rows?.length !== total || added !== fact.value)
              problems.push(
                `${year} ${provider.module}/${fact.key}「${fact.label}」: ${fact.value}${fact.unit}, ${sum} adds up to ${added} over ${rows?.length} of ${total} records`,
              );
            continue;
          }
          const total =
            data && typeof data === 'object' && 'total' in data ? Number(data.total) : rows?.length;
          if (total !== fact.value)
            problems.push(
              `${year} ${provider.module}/${fact.key}「${fact.label}」: ${fact.value}${fact.unit}, records ${total}`,
            );
        }
      }
    }
    assert.ok(checked > 20, `only ${checked} counted facts checked`);
    assert.deepEqual(problems, []);
  },
);
