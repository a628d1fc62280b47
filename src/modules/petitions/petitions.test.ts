// 信访 through the staff API: registration, the acceptance notice gate, classification, the 意见书 as
// .docx, 检举控告 visible only to named handlers (never the accused division), bad input, scope, facts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { registerPetitionFromTicket } from './index.ts';
import { systemActor } from '../../core/auth/actor.ts';

const PW = 'Petition-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, colleague: Session, accused: Session, leader: Session, other: Session;
let colleagueId = '',
  accusedOrgId = '',
  staffId = '';

before(async () => {
  t = await createTestApp();
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  staffId = await addUser(t.ctx, {
    username: 'ps',
    password: PW,
    roles: ['staff'],
    orgName: '办公室',
  });
  colleagueId = await addUser(t.ctx, {
    username: 'pc',
    password: PW,
    roles: ['staff'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, { username: 'pa', password: PW, roles: ['staff'], orgName: '高新技术科' });
  await addUser(t.ctx, {
    username: 'pl',
    password: PW,
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, { username: 'po', password: PW, roles: ['staff'], orgName: '综合科' });
  [staff, colleague, accused, leader, other] = await Promise.all(
    ['ps', 'pc', 'pa', 'pl', 'po'].map((u) => signIn(t.app, u, PW)),
  );
  accusedOrgId = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '高新技术科'`,
    )
  )[0].id;
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });
const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const audits = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_events`))[0].n;
const refused = async (
  s: Session,
  url: string,
  payload: object,
  status: number,
  message: RegExp,
) => {
  const n = await audits();
  const res = await call(s, 'POST', url, payload);
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.json().error.message, message);
  assert.equal(await audits(), n, 'nothing changed');
};
const petitioner = {
  name: '李四',
  phone: '13712345678',
  idNumber: '110101199001011234',
  address: '示范市示范区人民路8号',
};

test('a 信访 from registration to the 处理意见书 (.docx); no 意见书 without the acceptance notice', async () => {
  const v = await ok(staff, 'POST', '/api/petitions', {
    channel: 'letter',
    source: 'direct',
    receivedOn: '2025-02-20',
    petitioner,
    content: '请求对企业研发费用补助政策作出解释。',
  });
  const id = v.petition.id;
  assert.match(v.petition.number, /^信〔2025〕\d+号$/);
  const notice = v.state.openSteps.find((s: { step: string }) => s.step === 'notice');
  assert.equal(notice.due.date, '2025-03-07');
  await refused(
    staff,
    `/api/petitions/${id}/act`,
    {
      action: 'answer',
      on: '2025-03-03',
      decision: 'explain',
      facts: '事实',
      opinion: '意见',
      basis: '依据',
      servedOn: '2025-03-03',
    },
    409,
    /尚未书面告知信访人受理/,
  );
  await ok(staff, 'POST', `/api/petitions/${id}/act`, {
    action: 'accept',
    on: '2025-02-25',
    noticeText: '已受理，60日内答复。',
  });
  await ok(staff, 'POST', `/api/petitions/${id}/act`, {
    action: 'classify',
    on: '2025-02-25',
    category: 'suggestion',
  });
  await refused(
    staff,
    `/api/petitions/${id}/act`,
    {
      action: 'extend',
      on: '2025-03-03',
      days: 31,
      reason: '复杂',
      approvedBy: '张局长',
      toldOn: '2025-03-03',
    },
    400,
    /延长天数/,
  );
  const done = await ok(staff, 'POST', `/api/petitions/${id}/act`, {
    action: 'answer',
    on: '2025-03-03',
    decision: 'explain',
    facts: '经核实，相关政策已公开。',
    opinion: '现将政策解释如下。',
    basis: '《信访工作条例》第三十二条',
    servedOn: '2025-03-03',
  });
  assert.equal(done.petition.status, 'answered');
  const docx = await call(staff, 'GET', `/api/petitions/${id}/opinion.docx`);
  assert.equal(docx.statusCode, 200);
  assert.match(docx.headers['content-type'] as string, /wordprocessingml/);
  const { default: JSZip } = await import('jszip');
  const xml = await (
    await JSZip.loadAsync(docx.rawPayload)
  )
    .file('word/document.xml')!
    .async('string');
  assert.match(xml, /信访事项处理意见书/);
  assert.match(xml, /2025年3月3日/);
  // Scope: another department's staff does not learn it exists.
  assert.equal((await call(other, 'GET', `/api/petitions/${id}`)).statusCode, 404);
  assert.equal(
    (
      await call(other, 'POST', `/api/petitions/${id}/act`, {
        action: 'requestReview',
        on: '2025-03-03',
        request: '请求复查',
      })
    ).statusCode,
    404,
  );
});

test('检举控告: only the named handlers read it, never the accused division nor other staff', async () => {
  const v = await ok(staff, 'POST', '/api/petitions', {
    channel: 'online',
    source: 'direct',
    receivedOn: '2025-03-01',
    petitioner,
    content: '检举高新技术科某工作人员违规收受礼品。',
  });
  const id = v.petition.id;
  await ok(staff, 'POST', `/api/petitions/${id}/act`, {
    action: 'accept',
    on: '2025-03-03',
    noticeText: '已受理',
  });
  const accusedUser = (
    await queryRows<{ id: string }>(t.ctx.db, sql`select id from users where username = 'pa'`)
  )[0].id;
  await refused(
    staff,
    `/api/petitions/${id}/act`,
    {
      action: 'classify',
      on: '2025-03-03',
      category: 'accusation',
      handlerIds: [accusedUser],
      accusedOrgId,
    },
    400,
    /被检举控告科室/,
  );
  await refused(
    staff,
    `/api/petitions/${id}/act`,
    { action: 'classify', on: '2025-03-03', category: 'accusation', handlerIds: [], accusedOrgId },
    400,
    /应指定承办人/,
  );
  await ok(staff, 'POST', `/api/petitions/${id}/act`, {
    action: 'classify',
    on: '2025-03-03',
    category: 'accusation',
    handlerIds: [colleagueId, staffId],
    accusedOrgId,
  });
  assert.match((await ok(colleague, 'GET', `/api/petitions/${id}`)).petition.content, /检举/);
  for (const s of [accused, leader]) {
    assert.equal((await call(s, 'GET', `/api/petitions/${id}`)).statusCode, 404);
    const list = await ok(s, 'GET', '/api/petitions?year=2025');
    assert.ok(!list.items.some((p: { id: string }) => p.id === id), 'not listed');
    const cid = (
      await queryRows<{ case_id: string }>(
        t.ctx.db,
        sql`select case_id from petitions where id = ${id}`,
      )
    )[0].case_id;
    assert.equal(
      (await call(s, 'GET', `/api/cases/${cid}`)).statusCode,
      404,
      'nor through the generic case page',
    );
  }
});

test('a ticket converted twice registers one matter; personal data masked outside the handling 科室', async () => {
  const actor = {
    ...systemActor({
      departmentId: (
        await queryRows<{ id: string }>(
          t.ctx.db,
          sql`select id from organisations where name = '示范市科学技术局'`,
        )
      )[0].id,
      roles: ['staff'],
    }),
  };
  const input = {
    channel: '12345',
    receivedOn: '2025-03-03',
    petitioner,
    content: '反复反映的问题，转为信访办理。',
    sourceRef: 'GD12345-0001',
  };
  const a = await registerPetitionFromTicket(t.ctx, actor, input);
  const b = await registerPetitionFromTicket(t.ctx, actor, input);
  assert.equal(a.id, b.id);
  assert.equal(
    (await ok(leader, 'GET', `/api/petitions/${a.id}`)).petition.personalDataMasked,
    false,
    'leaders see the petitioner',
  );
  assert.equal(
    (await ok(colleague, 'GET', `/api/petitions/${a.id}`)).petition.personalDataMasked,
    true,
    'another 科室 does not',
  );
  const mine = await ok(staff, 'POST', '/api/petitions', {
    channel: 'visit',
    source: 'direct',
    receivedOn: '2025-03-03',
    petitioner,
    content: '来访反映问题。',
  });
  const seen = await ok(colleague, 'GET', `/api/petitions/${mine.petition.id}`);
  assert.equal(seen.petition.petitionerPhone, '137****5678');
  assert.equal(seen.petition.personalDataMasked, true);
  await refused(
    staff,
    '/api/petitions',
    {
      channel: 'fax',
      source: 'direct',
      receivedOn: '2025-13-01',
      petitioner: { name: '' },
      content: '',
    },
    400,
    /信访渠道.*收到日期|收到日期.*信访渠道/,
  );
  await refused(
    staff,
    '/api/petitions',
    {
      channel: 'letter',
      source: 'transferred',
      receivedOn: '2025-03-01',
      petitioner,
      content: '转送事项',
    },
    400,
    /转送、交办机关/,
  );
});

test('facts: received, accepted in time, handled in time, each with its records', async () => {
  await moveToDay(t, '2025-12-31');
  const { facts } = await ok(staff, 'GET', '/api/petitions/facts?year=2025');
  const f = Object.fromEntries(facts.map((x: { key: string; value: number }) => [x.key, x]));
  assert.ok(f['petitions.received'].value >= 4);
  const onTime = await ok(staff, 'GET', `/api/petitions?year=2025&fact=handledOnTime`);
  assert.equal(onTime.total, f['petitions.handledOnTime'].value);
  assert.ok(f['petitions.handledOnTime'].value >= 1);
});
