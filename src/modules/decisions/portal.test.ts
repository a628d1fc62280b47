// 重大行政决策 on the portal: the published catalogue, the demo draft open for comment (CSRF,
// escaping, a shortened window's reason in the notice), the published decision with its 解读 and
// flow, nothing unpublished, and public agenda topics once the agenda is published.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { consultations } from '../consultation/schema.ts';
import { majorDecisions } from './schema.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'zs', password: 'Staff-pass-2025', roles: ['staff'] });
  staff = await signIn(t.app, 'zs', 'Staff-pass-2025');
});
after(() => t.close());

const page = async (url: string, status = 200) => {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  return res;
};

test('the section lists the catalogue, the draft open for comment and the published decision', async () => {
  const res = await page('/zdjc');
  assert.match(res.body, /年度重大行政决策事项目录/);
  assert.match(res.body, /示范市科技成果转化奖励办法（修订）（征求意见稿）/);
  assert.match(res.body, /决策公布与解读[\s\S]*示范市科技创新券实施方案/);
  assert.match((await page('/')).body, /href="\/zdjc"/, 'the home page links the section');
  const [cat] = /\/zdjc\/mulu\/[0-9a-f-]{36}/.exec(res.body)!;
  const list = await page(cat);
  assert.match(list.body, /经中共示范市委同意/);
  assert.match(list.body, /示范市科技创新券实施方案/);
});

test('a citizen comments on the draft; the form needs the CSRF token and text is escaped', async () => {
  const [c] = await t.ctx.db
    .select()
    .from(consultations)
    .where(eq(consultations.subjectType, 'majorDecision'));
  const open =
    (await t.ctx.db.select().from(consultations)).find(
      (x) => x.subjectType === 'majorDecision' && !x.closedOn,
    ) ?? c;
  const url = `/zdjc/zqyj/${open.id}`;
  const get = await page(url);
  assert.match(get.body, /提交意见建议/);
  const cookie = get.cookies.find((k) => k.name === 'fazhi_pcsrf')!;
  const token = /name="_csrf" value="([^"]+)"/.exec(get.body)![1];
  const post = (fields: Record<string, string>, withToken = true) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: '10.0.0.9',
      headers: {
        cookie: `fazhi_pcsrf=${cookie.value}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        ...(withToken ? { _csrf: token } : {}),
        ...fields,
      }).toString(),
    });
  assert.equal((await post({ body: '没有令牌' }, false)).statusCode, 403);
  const ok = await post({
    body: '<script>alert(1)</script>建议奖励资金按季度兑现',
    authorName: '某企业',
  });
  assert.equal(ok.statusCode, 303);
  const staffView = (
    await t.app.inject({ url: `/api/decisions/${open.subjectId}`, headers: staff.headers })
  ).json();
  assert.ok(
    staffView.consultation.comments.some((k: { body: string }) => k.body.startsWith('<script>')),
  );
  assert.ok(!(await page(url)).body.includes('<script>alert(1)</script>'));
});

test('a shortened window states its reason in the notice (Art 15)', async () => {
  const [c] = (await t.ctx.db.select().from(consultations)).filter(
    (x) => x.subjectType === 'majorDecision' && !x.closedOn,
  );
  await t.ctx.db
    .update(consultations)
    .set({ shortenedReason: '落实上级紧急部署' })
    .where(eq(consultations.id, c.id));
  assert.match(
    (await page(`/zdjc/zqyj/${c.id}`)).body,
    /因落实上级紧急部署，本次征求意见期限少于30日/,
  );
});

test('a published decision shows its adoption explanation, 解读 and flow; an unpublished one is 404', async () => {
  const [made] = await t.ctx.db
    .select()
    .from(majorDecisions)
    .where(eq(majorDecisions.title, '示范市科技创新券实施方案'));
  const res = await page(`/zdjc/${made.id}`);
  assert.match(res.body, /索引号/);
  assert.match(res.body, /政策解读/);
  assert.match(res.body, /公众意见、专家论证意见的采纳情况/);
  assert.match(res.body, /集体讨论决定：已完成/);
  const [draft] = await t.ctx.db
    .select()
    .from(majorDecisions)
    .where(eq(majorDecisions.title, '示范市科技成果转化奖励办法（修订）'));
  await page(`/zdjc/${draft.id}`, 404);
  await page('/zdjc/not-a-uuid', 404);
});

test('public agenda topics appear once the agenda is published', async () => {
  const res = await page('/hyyt');
  assert.match(
    res.body,
    /审议《示范市科技创新券实施方案》（重大行政决策）：研究示范市科技创新券实施方案/,
  );
  assert.match(res.body, /审议通过/);
});
