// 行政处罚 through the staff API and the portal: officers' certificates (Art 42), limitation (Art 36),
// 告知 → 决定 gates (Arts 44, 45, 62), 法制审核 through the review queue (Art 58), remedy and 文号 in the
// decision (Art 59), publication with the party masked and its withdrawal (Art 48), the feed, 简易程序
// limits (Art 51), 全过程记录 files, and who sees what.
// Each test builds its own app and takes its own case to the stage it is about (testkit.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { newId } from '../../core/clock.ts';
import { decided, decideBody, filed, noticeBody, party, penaltyApp, published } from './testkit.ts';

test('立案: the limitation period and officers with valid certificates (Art 36, 42); nothing changes when refused', async (c) => {
  const p = await penaltyApp(c);
  const { ok, refused, off1, officer } = p;
  await refused(
    off1,
    'POST',
    '/api/penalties',
    { ...party, actOn: '2023-03-01', officerIds: [officer.a, officer.b] },
    400,
    /二年内未被发现.*第三十六条/,
  );
  await refused(
    off1,
    'POST',
    '/api/penalties',
    { ...party, officerIds: [officer.a] },
    400,
    /不得少于两人/,
  );
  await refused(
    off1,
    'POST',
    '/api/penalties',
    { ...party, officerIds: [officer.a, officer.expired] },
    400,
    /孙过期/,
  );
  await refused(
    off1,
    'POST',
    '/api/penalties/from-inspection',
    { inspectionRecordId: newId() },
    400,
    /本部门没有该检查记录/,
  );
  const v = await filed(p);
  assert.match(v.penalty.caseNo, /^科规罚立〔2025〕1号$/);
  assert.deepEqual(v.penalty.officerNames, ['赵执法（ZF001）', '钱执法（ZF002）']);
  assert.ok(v.state.openSteps.some((s: { step: string }) => s.step === 'serveNotice'));
});

test('who sees the case: the assigned officer, the legal office and leaders; not another officer nor another department', async (c) => {
  const p = await penaltyApp(c);
  const { ok, refused, call, off1, off2, leader, legal, other } = p;
  const id = (await filed(p)).penalty.id;
  await ok(off1, 'GET', `/api/penalties/${id}`);
  await ok(leader, 'GET', `/api/penalties/${id}`);
  await ok(legal, 'GET', `/api/penalties/${id}`);
  assert.equal((await call(off2, 'GET', `/api/penalties/${id}`)).statusCode, 404);
  assert.equal((await call(other, 'GET', `/api/penalties/${id}`)).statusCode, 404);
  const caseId = (await ok(off1, 'GET', `/api/penalties/${id}`)).penalty.caseId;
  assert.equal(
    (await call(off2, 'GET', `/api/cases/${caseId}`)).statusCode,
    404,
    'the generic case API applies the same rule',
  );
  assert.equal((await ok(off2, 'GET', '/api/penalties')).total, 0);
  assert.equal((await ok(off1, 'GET', '/api/penalties')).total, 1);
  await refused(
    off2,
    'POST',
    `/api/penalties/${id}/notice`,
    {
      types: ['fine'],
      fineAmount: 5000,
      facts: '擅自开展生产',
      reasons: '违反规定',
      basis: '某条例',
    },
    404,
    /不存在/,
  );
});

test('告知 before 决定; no decision in the 陈述申辩 window; none heavier than notified (Arts 44, 45, 62)', async (c) => {
  const p = await penaltyApp(c);
  const { ok, refused, day, off1, leader } = p;
  const id = (await filed(p)).penalty.id;
  await refused(
    leader,
    'POST',
    `/api/penalties/${id}/decide`,
    decideBody,
    409,
    /不能作出行政处罚决定|当前状态/,
  );
  const n = await ok(off1, 'POST', `/api/penalties/${id}/notice`, noticeBody);
  assert.equal(n.penalty.notice.statementUntil, '2025-03-10');
  assert.equal(
    n.penalty.notice.hearingEligible,
    false,
    '5,000元 for a natural person is below the 较大数额 default',
  );
  await day('2025-03-07');
  await refused(
    leader,
    'POST',
    `/api/penalties/${id}/decide`,
    decideBody,
    409,
    /陈述、申辩期限届满前/,
  );
  await day('2025-03-11');
  await refused(
    leader,
    'POST',
    `/api/penalties/${id}/decide`,
    { ...decideBody, fineAmount: 6000 },
    409,
    /不得重于事先告知.*第四十五条/,
  );
  await refused(off1, 'POST', `/api/penalties/${id}/decide`, decideBody, 409, /行政机关负责人/);
  await refused(
    leader,
    'POST',
    `/api/penalties/${id}/decide`,
    { ...decideBody, discretionCode: 'light', fineAmount: 500 },
    400,
    /裁量基准.*应当说明理由/,
  );
  const d = await ok(leader, 'POST', `/api/penalties/${id}/decide`, decideBody);
  assert.equal(d.penalty.decisionNo, '科规罚决〔2025〕1号');
  assert.match(d.penalty.decision.remedy, /六十日内向示范市人民政府申请行政复议.*六个月内/);
  assert.equal(d.penalty.publicationDueOn, '2025-03-20');
});

test('送达, documents, 全过程记录 files, publication with the name masked, the feed', async (c) => {
  const p = await penaltyApp(c);
  const { t, ok, refused, call, off1, off2, leader } = p;
  const id = await decided(p); // on 2025-03-11
  await ok(off1, 'POST', `/api/penalties/${id}/deliver`, { method: '直接送达', recipient: '张三' });
  for (const kind of ['filing', 'notice', 'decision', 'serviceReceipt']) {
    const res = await call(off1, 'GET', `/api/penalties/${id}/documents/${kind}`);
    assert.equal(res.statusCode, 200, kind);
    assert.match(String(res.headers['content-type']), /wordprocessingml/);
  }
  assert.equal(
    (await call(off1, 'GET', `/api/penalties/${id}/documents/hearingNotice`)).statusCode,
    409,
  );
  // A photo taken at 调查取证: uploaded through core files, attached to the act that produced it.
  const boundary = '----pen';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场照片.jpg"\r\nContent-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--${boundary}--\r\n`;
  const up = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...off1.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  assert.equal(up.statusCode, 200, up.body);
  const file = up.json();
  await refused(
    off1,
    'POST',
    `/api/penalties/${id}/files`,
    { fileId: file.id, kind: 'photo', eventSeq: 99 },
    400,
    /所属办理环节/,
  );
  await ok(off1, 'POST', `/api/penalties/${id}/files`, {
    fileId: file.id,
    kind: 'photo',
    eventSeq: 2,
  });
  const archive = await ok(leader, 'GET', `/api/penalties/${id}/archive`);
  assert.equal(archive.files[0].sha256, file.sha256);
  assert.ok(
    archive.files[0].auditHash &&
      archive.acts.every((a: { auditHash: string | null }) => a.auditHash),
  );
  assert.equal((await call(leader, 'GET', `/api/files/${file.id}`)).statusCode, 200);
  assert.equal((await call(off2, 'GET', `/api/files/${file.id}`)).statusCode, 404);
  // 事后公开.
  await ok(off1, 'POST', `/api/penalties/${id}/publish`, {});
  const list = await t.app.inject({ url: '/xzcf' });
  assert.match(list.body, /张某/);
  assert.ok(!list.body.includes('张三'), "a natural person's name is masked");
  const page = await t.app.inject({ url: `/xzcf/${id}` });
  assert.match(page.body, /科规罚决〔2025〕1号/);
  // The feed: JSON and CSV, for the legal office and leaders only.
  const feed = await ok(leader, 'GET', '/api/penalties/export?year=2025');
  assert.equal(feed.records.length, 1);
  assert.equal(feed.records[0].partyName, '张某');
  const csv = await call(leader, 'GET', '/api/penalties/export?year=2025&format=csv');
  assert.match(csv.body, /^\ufeffcaseNo,decisionNo/);
  assert.equal((await call(off1, 'GET', '/api/penalties/export?year=2025')).statusCode, 403);
});

test('执行 with the surcharge (Art 72), 结案, then revocation and withdrawal from the portal (Art 48)', async (c) => {
  const p = await penaltyApp(c);
  const { t, ok, refused, day, off1, leader } = p;
  const id = await published(p); // delivered on 2025-03-11
  await day('2025-03-31');
  // Delivered 3月11日: due 3月26日; 5 days late → 3 % × 5 of 5,000 = 750.
  await refused(
    off1,
    'POST',
    `/api/penalties/${id}/execute`,
    { paidAmount: 5000, note: '已缴纳' },
    400,
    /加处罚款750元/,
  );
  await ok(off1, 'POST', `/api/penalties/${id}/execute`, {
    paidAmount: 5750,
    note: '已缴纳罚款及加处罚款',
  });
  await ok(off1, 'POST', `/api/penalties/${id}/close`, {});
  await ok(leader, 'POST', `/api/penalties/${id}/revoke`, {
    reason: '复议机关决定撤销',
    by: '示范市人民政府',
  });
  const v = await ok(leader, 'GET', `/api/penalties/${id}`);
  assert.ok(
    v.state.openSteps.some(
      (s: { step: string; due?: { date: string } }) =>
        s.step === 'withdrawPublication' && s.due?.date === '2025-04-03',
    ),
  );
  await ok(leader, 'POST', `/api/penalties/${id}/withdraw`, { reason: '该决定已被复议机关撤销' });
  const page = await t.app.inject({ url: `/xzcf/${id}` });
  assert.match(page.body, /撤回公开.*该决定已被复议机关撤销/s);
});

test('a major case needs 法制审核 through the review queue, then 集体讨论 (Arts 57, 58)', async (c) => {
  const p = await penaltyApp(c);
  const { t, ok, refused, day, off1, leader, legal, staff, officer } = p;
  await filed(p); // another case opened this year: the facts count both
  await day('2025-04-01');
  const v = await ok(off1, 'POST', '/api/penalties', {
    ...party,
    partyKind: 'organisation',
    partyName: '某生物科技有限公司',
    partyIdNo: '91340100MA2N000000',
    actOn: '2025-03-20',
    discoveredOn: '2025-04-01',
    major: true,
    officerIds: [officer.a, officer.b],
  });
  const mid = v.penalty.id;
  await ok(off1, 'POST', `/api/penalties/${mid}/notice`, {
    types: ['fine'],
    fineAmount: 30000,
    facts: '擅自生产',
    reasons: '违反规定',
    basis: '《实验动物管理条例》第二十九条',
  });
  await day('2025-04-15');
  const body = {
    decisionType: 'penalty',
    types: ['fine'],
    fineAmount: 30000,
    facts: '经查属实',
    basis: '《实验动物管理条例》第二十九条',
  };
  await refused(leader, 'POST', `/api/penalties/${mid}/decide`, body, 409, /法制审核.*第五十八条/);
  await refused(off1, 'POST', `/api/penalties/${mid}/legal-check`, {}, 403, /提交法制审核/);
  await ok(staff, 'POST', `/api/penalties/${mid}/legal-check`, { summary: '拟罚款3万元' });
  const [m] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from review_matters where title like ${'%某生物科技有限公司%'}`,
  );
  assert.ok(m, "the matter is in the legal office's queue");
  await ok(legal, 'POST', `/api/reviews/${m.id}/conclude`, {
    conclusion: 'lawful',
    opinion: '事实清楚，证据确凿，适用依据正确',
  });
  await refused(leader, 'POST', `/api/penalties/${mid}/decide`, body, 409, /集体讨论/);
  await ok(leader, 'POST', `/api/penalties/${mid}/collective`, {
    meeting: '2025年第6次局长办公会',
    conclusion: '同意罚款3万元',
  });
  const d = await ok(leader, 'POST', `/api/penalties/${mid}/decide`, body);
  assert.equal(d.state.status, 'decided');
  const facts = (await ok(leader, 'GET', '/api/penalties/facts?year=2025')).facts as Array<{
    key: string;
    value: number;
  }>;
  assert.equal(facts.find((f) => f.key === 'penalties.opened')?.value, 2);
  assert.equal(facts.find((f) => f.key === 'penalties.legalChecks')?.value, 1);
});

test('简易程序 only within the Art 51 amounts, by two officers', async (c) => {
  const { ok, refused, off1, officer } = await penaltyApp(c);
  const body = {
    partyKind: 'individual',
    partyName: '李四',
    types: ['fine'],
    fineAmount: 300,
    facts: '现场违规',
    basis: '某规定',
    officerIds: [officer.a, officer.b],
  };
  await refused(off1, 'POST', '/api/penalties/summary', body, 400, /不得超过200元.*第五十一条/);
  await refused(
    off1,
    'POST',
    '/api/penalties/summary',
    { ...body, fineAmount: 100, types: ['suspendBusiness'] },
    400,
    /只能给予警告或者罚款/,
  );
  const v = await ok(off1, 'POST', '/api/penalties/summary', { ...body, fineAmount: 200 });
  assert.equal(v.penalty.mode, 'summary');
  await refused(off1, 'POST', `/api/penalties/${v.penalty.id}/close`, {}, 409, /备案.*第五十二条/);
  await ok(off1, 'POST', `/api/penalties/${v.penalty.id}/file-record`, {});
  await ok(off1, 'POST', `/api/penalties/${v.penalty.id}/close`, {});
});
