// 12345 tickets through the API: the platform's import endpoint (token, bad records, idempotency), manual
// entry, masking, the acts (签收, 交办, 延期 approved by a leader, a late reply, 回访, 重新办理, 并单, 退单 window),
// conversion to 依申请公开, 好差评 once and only after closure, facts, the deadline table (publication and the
// Excel import: intake.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { recordRating } from './index.ts';
import { IMPORT_PATH } from './routes.ts';
import { useHotlineTest, type HotlineTest, type Session } from './testkit.ts';

const h = useHotlineTest(() => ({ t, office, division, other, leader, admin, legal } = h));
const { ok, refused, call, day } = h.api;
const { ticket, push, idOf } = h;
let t: HotlineTest['t'];
let office: Session,
  division: Session,
  other: Session,
  leader: Session,
  admin: Session,
  legal: Session;

test('the import endpoint: token from the 系统管理员, bad records reported, good ones land, nothing twice', async () => {
  await refused(office, 'POST', '/api/hotline/tokens', { label: '12345平台' }, 403, /无权/);
  const created = await ok(admin, 'POST', '/api/hotline/tokens', { label: '12345平台' });
  h.token = created.token;
  const [{ token_hash: stored }] = await queryRows<{ token_hash: string }>(
    t.ctx.db,
    sql`select token_hash from hotline_tokens`,
  );
  assert.notEqual(stored, h.token, 'only the hash is stored');
  assert.equal((await push([ticket('GD001')], '')).statusCode, 401);
  assert.equal(
    (await push([ticket('GD001')], 'Bearer fzh_not-a-real-token-at-all')).statusCode,
    401,
  );
  const batch = [
    ticket('GD001'),
    ticket('GD002', { kind: '咨询' }),
    { ...ticket('GD003'), kind: '闲聊' },
    { ticketNo: 'GD004' },
    ticket('GD005', { receivedAt: '2025-03-09T09:00:00+08:00' }),
    ticket('GD001'),
    ticket('GD006', { kind: 'help', citizen: null }),
  ];
  const res = await push(batch);
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.equal(r.created, 3);
  assert.deepEqual(r.duplicates, ['GD001']);
  assert.deepEqual(
    r.errors.map((e: { index: number }) => e.index),
    [2, 3, 4],
  );
  assert.match(r.errors[0].message, /诉求类型/);
  assert.match(r.errors[1].message, /受理时间|诉求内容/);
  assert.match(r.errors[2].message, /不能晚于今天/);
  const again = (await push(batch)).json();
  assert.equal(again.created, 0, 're-importing the same batch creates nothing');
  assert.equal((await h.api.count('hotline_tickets')) - 2, 3); // the demo's two
  const [{ due }] = await queryRows<{ due: string }>(
    t.ctx.db,
    sql`select due_on::text as due from hotline_tickets where ticket_no = 'GD002'`,
  );
  assert.equal(due, '2025-02-26', '咨询: 2 working days');
  await ok(admin, 'POST', `/api/hotline/tokens/${created.id}/revoke`, {});
  assert.equal((await push([ticket('GD010')])).statusCode, 401, 'a revoked token is refused');
  h.token = (await ok(admin, 'POST', '/api/hotline/tokens', { label: '新令牌' })).token;
});

test('personal data: full for the handlers, masked for other divisions; other roles see nothing', async () => {
  const id = await idOf('GD001');
  const full = await ok(office, 'GET', `/api/hotline/tickets/${id}`);
  assert.equal(full.ticket.citizenPhone, '13812345678');
  const masked = await ok(division, 'GET', `/api/hotline/tickets/${id}`);
  assert.equal(masked.ticket.citizenPhone, '138****5678');
  assert.equal(masked.ticket.citizenName, '张**');
  assert.equal(masked.ticket.trackingCode, '');
  const list = await ok(division, 'GET', '/api/hotline/tickets?year=2025&kind=complain');
  assert.ok(
    list.items.every(
      (i: { citizenPhone: string | null }) => !i.citizenPhone || i.citizenPhone.includes('*'),
    ),
  );
  assert.equal((await call(legal, 'GET', `/api/hotline/tickets/${id}`)).statusCode, 404);
  // The generic case page cannot bypass the module: every act is the module's own.
  const [{ case_id: caseId }] = await queryRows<{ case_id: string }>(
    t.ctx.db,
    sql`select case_id from hotline_tickets where id = ${id}`,
  );
  const generic = await call(office, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'sign',
    on: '2025-03-03',
  });
  assert.notEqual(generic.statusCode, 200, generic.body);
  assert.equal((await call(legal, 'GET', '/api/hotline/tickets')).statusCode, 403);
});

test('acts: 签收, 交办 with 协办, extension approved by a leader only, a late reply counted, 回访, 重新办理', async () => {
  const id = await idOf('GD001');
  const [{ id: hightech }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '高新技术科'`,
  );
  const [{ id: transfer }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '成果转化与区域创新科'`,
  );
  await refused(
    division,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'sign', on: '2025-02-25' },
    404,
    /不存在|无权/,
  );
  await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, { action: 'sign', on: '2025-02-25' });
  let v = await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'assign',
    on: '2025-02-25',
    orgId: hightech,
    coOrgIds: [transfer],
  });
  assert.equal(v.ticket.orgName, '高新技术科');
  // The 协办 division now sees the citizen in full.
  assert.equal(
    (await ok(other, 'GET', `/api/hotline/tickets/${id}`)).ticket.citizenPhone,
    '13812345678',
  );
  await refused(
    division,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'dispute', on: '2025-03-03', reason: '不属于本单位职责' },
    409,
    /派单异议期限/,
  );
  await ok(division, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'requestExtension',
    on: '2025-03-03',
    dueOn: '2025-03-20',
    reason: '需要现场核查',
  });
  await refused(
    division,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'approveExtension', on: '2025-03-03', decision: 'approved' },
    404,
    /不存在|无权/,
  );
  v = await ok(leader, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'approveExtension',
    on: '2025-03-03',
    decision: 'approved',
  });
  assert.equal(v.ticket.dueOn, '2025-03-20');
  await day('2025-03-24');
  v = await ok(division, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'reply',
    on: '2025-03-24',
    text: '经核查，该孵化器已退还多收费用。',
  });
  assert.equal(v.ticket.late, true, 'a reply after the deadline is accepted and marked late');
  assert.equal(v.status, 'replied');
  await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'visit',
    on: '2025-03-24',
    satisfaction: 'unsatisfied',
    note: '认为处理不彻底',
  });
  v = await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'reopen',
    on: '2025-03-24',
    reason: '回访不满意',
  });
  assert.equal(v.status, 'handling');
  assert.equal(v.ticket.dueOn, '2025-04-15', '15 working days again (清明 4月4日)');
  v = await ok(division, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'reply',
    on: '2025-03-24',
    text: '已督促该孵化器整改并建立收费公示制度。',
  });
  assert.equal(v.ticket.late, false);
  v = await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'visit',
    on: '2025-03-24',
    satisfaction: 'basic',
  });
  assert.equal(v.status, 'closed');
});

test('并单 and conversion to 依申请公开 keep the link', async () => {
  await ok(office, 'POST', `/api/hotline/tickets/${await idOf('GD002')}/act`, {
    action: 'merge',
    on: '2025-03-24',
    intoTicketNo: 'GD006',
  });
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${await idOf('GD006')}/act`,
    { action: 'merge', on: '2025-03-24', intoTicketNo: 'GD002' },
    409,
    /已办结或已被并单/,
  );
  const id = await idOf('GD006');
  const r = await ok(office, 'POST', `/api/hotline/tickets/${id}/convert`, {
    target: 'disclosure',
    on: '2025-03-24',
  });
  assert.equal(r.converted.target, 'disclosure');
  assert.equal(r.view.status, 'converted');
  const [req] = await queryRows<{ description: string }>(
    t.ctx.db,
    sql`select description from disclosure_requests where id = ${r.converted.id}`,
  );
  assert.match(req.description, /孵化器/);
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${id}/convert`,
    { target: 'disclosure', on: '2025-03-24' },
    409,
    /已转入其他程序|不能/,
  );
});

test('好差评: refused before closure and a second time; rates per division and month; facts', async () => {
  const open = await idOf('GD005'.replace('5', '6')); // converted: never rated
  const [{ case_id: convertedCase }] = await queryRows<{ case_id: string }>(
    t.ctx.db,
    sql`select case_id from hotline_tickets where id = ${open}`,
  );
  await assert.rejects(recordRating(t.ctx, { caseId: convertedCase, score: '5' }), /尚未办结/);
  const [{ case_id: closed }] = await queryRows<{ case_id: string }>(
    t.ctx.db,
    sql`select case_id from hotline_tickets where ticket_no = 'GD001'`,
  );
  await recordRating(t.ctx, { caseId: closed, score: '2', comment: '太慢' });
  await assert.rejects(recordRating(t.ctx, { caseId: closed, score: '5' }), /只能评价一次/);
  const rates = await ok(office, 'GET', '/api/hotline/ratings?year=2025');
  assert.ok(
    rates.rows.some(
      (r: { orgName: string; bad: number; month: string }) =>
        r.orgName === '高新技术科' && r.bad === 1 && r.month === '2025-03',
    ),
  );
  const { facts } = await ok(office, 'GET', '/api/hotline/facts?year=2025');
  const f = Object.fromEntries(facts.map((x: { key: string }) => [x.key, x]));
  assert.match(f['hotline.tickets'].sentence, /办理网民留言（12345政务服务便民热线）\d+宗/);
  assert.match(f['hotline.onTime'].sentence, /按时办结率/);
  const onTime = await ok(
    office,
    'GET',
    `/api/hotline/tickets?${new URLSearchParams(Object.entries(f['hotline.onTime'].records.query).map(([k, v]) => [k, String(v)]))}`,
  );
  assert.equal(onTime.total, f['hotline.onTime'].value, 'the value is the count of its records');
  const sat = await ok(
    office,
    'GET',
    `/api/hotline/tickets?${new URLSearchParams(Object.entries(f['hotline.satisfaction'].records.query).map(([k, v]) => [k, String(v)]))}`,
  );
  assert.equal(sat.total, f['hotline.satisfaction'].value);
});

test('the deadline table is configuration: the 系统管理员 changes it, staff cannot', async () => {
  await refused(
    office,
    'PUT',
    '/api/hotline/settings',
    { consult: 3, help: 10, suggest: 10, complain: 15, report: 15, sign: 1, dispute: 1 },
    403,
    /无权/,
  );
  await ok(admin, 'PUT', '/api/hotline/settings', {
    consult: 3,
    help: 10,
    suggest: 10,
    complain: 15,
    report: 15,
    sign: 1,
    dispute: 1,
  });
  const r = (
    await push([ticket('GD020', { kind: 'consult', receivedAt: '2025-03-24T09:00:00+08:00' })])
  ).json();
  assert.equal(r.created, 1);
  const [{ due }] = await queryRows<{ due: string }>(
    t.ctx.db,
    sql`select due_on::text as due from hotline_tickets where ticket_no = 'GD020'`,
  );
  assert.equal(due, '2025-03-27', '咨询: now 3 working days');
});
