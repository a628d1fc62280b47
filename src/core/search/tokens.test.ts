import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext } from '../../server/testing.ts';
import { queryRows } from '../db/client.ts';
import { toQuery, toSearchText, tokenize } from './tokens.ts';

test('bigrams cover what ICU mis-splits: 落实习近平 → 习近 近平', () => {
  const tokens = tokenize('落实习近平新时代');
  assert.deepEqual(tokens.slice(0, 6), ['落实', '实习', '习近', '近平', '平新', '新时']);
  assert.equal(toQuery('习近平'), "('习近' <-> '近平')");
});

test('queries: two characters, one character, Latin and digits, AND across words, hostile input', () => {
  assert.equal(toQuery('科技'), "'科技'");
  assert.equal(toQuery('科'), "'科':*");
  assert.equal(toQuery('ChatGPT 应用'), "'chatgpt':* & '应用'");
  assert.equal(toQuery("x' | !y"), "'x':* & 'y':*");
  assert.equal(toQuery('！？ —— '), '');
  assert.equal(toSearchText('ＡＩ芯片 2025年'), 'ai 芯片 2025 年');
});

let t: Awaited<ReturnType<typeof createTestContext>>;
before(async () => {
  t = await createTestContext();
  await t.ctx.db.execute(sql`create temporary table docs (id int, search tsvector)`);
  const texts = [
    '坚持以习近平新时代中国特色社会主义思想为指导',
    '落实习近平法治思想',
    '科技型中小企业 ChatGPT 应用指南 2025年',
    '实习生招聘公告',
  ];
  for (const [i, text] of texts.entries()) {
    await t.ctx.db.execute(
      sql`insert into docs values (${i}, to_tsvector('simple', ${toSearchText(text)}))`,
    );
  }
});
after(() => t.close());

const find = async (q: string) =>
  (
    await queryRows<{ id: number }>(
      t.ctx.db,
      sql`select id from docs where search @@ to_tsquery('simple', ${toQuery(q)}) order by id`,
    )
  ).map((r) => r.id);

test('the database finds by bigram phrases (to_tsvector/to_tsquery simple)', async () => {
  assert.deepEqual(await find('习近平'), [0, 1], '落实习近平 is found by 习近平');
  assert.deepEqual(await find('法治思想'), [1]);
  assert.deepEqual(await find('实习'), [1, 3]);
  assert.deepEqual(await find('实习生'), [3], 'a phrase: 实习 <-> 习生 only where adjacent');
  assert.deepEqual(await find('思想 指导'), [0], 'AND across words');
  assert.deepEqual(await find('chatgpt'), [2]);
  assert.deepEqual(await find('CHAT 中小企业'), [2], 'Latin prefix, upper case');
  assert.deepEqual(await find('2025'), [2]);
  assert.deepEqual(await find('平新时'), [0], 'a phrase across ICU word boundaries');
  assert.deepEqual(await find('社会主义法治'), []);
});
