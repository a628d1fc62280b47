import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import fs from 'node:fs';
import {
  multipartBody,
  publishViaReview,
  sampleInput,
  withReviewer,
} from '../../modules/disclosure/publications/testkit.ts';
import { doc, para, RELS, TYPES, zip } from './docxTestkit.ts';

/** GET /api/files/:id: a file is readable exactly when a record owning it is (issue 12 item 2). */
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Session,
  sameDivision: Session,
  otherDivision: Session,
  legal: Session,
  advisor: Session,
  advisor2: Session,
  otherDept: Session,
  leader: Session;
let advisorUserId = '';
let colleagueUserId = '';
const { call, ok } = testApi(() => t, []);

before(async () => {
  t = await createTestApp();
  // username, roles, 科室 (default 高新技术科), password
  const accounts: Array<[string, Parameters<typeof addUser>[1]['roles'], string | undefined]> = [
    ['fa-staff', ['staff'], undefined],
    ['fa-same', ['staff'], undefined],
    ['fa-other', ['staff'], '成果转化与区域创新科'],
    ['fa-legal', ['legalOfficer'], '政策法规科'],
    ['fa-adv', ['legalAdvisor'], '政策法规科'],
    ['fa-adv2', ['legalAdvisor'], '政策法规科'],
    ['fa-justice', ['staff', 'leader', 'legalOfficer'], '示范市司法局'],
    ['fa-lead', ['leader'], '示范市科学技术局'],
  ];
  const sessions: Session[] = [];
  for (const [username, roles, orgName] of accounts) {
    const id = await addUser(t.ctx, { username, password: 'Files-pass-2025', roles, orgName });
    if (username === 'fa-adv') advisorUserId = id;
    if (username === 'fa-same') colleagueUserId = id;
    sessions.push(await signIn(t.app, username, 'Files-pass-2025'));
  }
  [staff, sameDivision, otherDivision, legal, advisor, advisor2, otherDept, leader] = sessions;
});
after(() => t.close());

async function upload(
  s: Session,
  name: string,
  content: Buffer = Buffer.from(`内容：${name}`),
  mime?: string,
): Promise<string> {
  const { payload, headers } = multipartBody(name, content, mime);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...s.headers, ...headers },
    payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().id;
}
const download = (s: Session | null, id: string) =>
  t.app.inject({ url: `/api/files/${id}`, headers: s?.headers ?? {} });
async function expect(id: string, readers: Array<[string, Session | null, number]>) {
  for (const [who, s, status] of readers)
    assert.equal((await download(s, id)).statusCode, status, who);
}

test("a file no record owns yet is its uploader's only", async () => {
  const id = await upload(staff, '草稿.pdf');
  const own = await download(staff, id);
  assert.equal(own.statusCode, 200);
  assert.equal(own.body, '内容：草稿.pdf');
  await expect(id, [
    ['a colleague of the same 科室', sameDivision, 404],
    ['another 科室', otherDivision, 404],
    ['a leader', leader, 404],
    ['another department', otherDept, 404],
    ['anonymous', null, 404],
  ]);
});

test('a review material is read exactly by those who read the matter (GET /api/reviews/:id)', async () => {
  const id = await upload(staff, '合作协议（送审稿）.pdf');
  const matter = (
    await ok(staff, 'POST', '/api/reviews', {
      type: 'contract',
      title: '共建研发机构合作协议',
      summary: '请审查协议条款',
      fileIds: [id],
    })
  ).matter.id as string;
  const registry = await ok(legal, 'POST', '/api/legal-advisors', {
    kind: 'external',
    name: '陈明',
    affiliation: '安徽示范律师事务所',
    licenceNumber: '13416201510999101',
    termStart: '2025-01-01',
    termEnd: '2025-12-31',
    userId: advisorUserId,
  });
  await ok(legal, 'POST', `/api/reviews/${matter}/assign`, { advisorIds: [registry.id] });
  // The matter's own endpoint and the file answer alike, for every reader.
  const readers: Array<[string, Session, number]> = [
    ['the submitter', staff, 200],
    ['the submitting 科室', sameDivision, 200],
    ['the legal office', legal, 200],
    ['a leader', leader, 200],
    ['the assigned advisor', advisor, 200],
    ['an advisor not assigned', advisor2, 404],
    ['another 科室', otherDivision, 404],
    ['another department', otherDept, 404],
  ];
  for (const [who, s, status] of readers) {
    assert.equal(
      (await call(s, 'GET', `/api/reviews/${matter}`)).statusCode,
      status,
      `matter: ${who}`,
    );
    assert.equal((await download(s, id)).statusCode, status, `file: ${who}`);
  }
  assert.equal((await download(advisor, id)).body, '内容：合作协议（送审稿）.pdf');
  assert.equal((await download(null, id)).statusCode, 404, 'anonymous');
});

test("a decision's evidence follows the decision: the department's business users, not an outside advisor", async () => {
  const id = await upload(staff, '决策建议.pdf');
  const d = await ok(staff, 'POST', '/api/decisions', {
    title: '示范市重点实验室建设扶持办法',
    proposer: '局长',
    proposerKind: 'leader',
    undertakingUnit: '高新技术科',
    problem: '重点实验室布局分散、投入不足',
    reasonsAndBasis: '《示范市科技创新促进条例》',
    initialPlan: '分三年支持二十家重点实验室',
    necessity: '确有必要',
    technical: false,
    riskRelevant: false,
    concernsMarket: false,
    outsideCatalogueReason: '市政府临时交办',
    startApprovedBy: '局党组会',
    fileIds: [id],
  });
  assert.equal(
    (await call(otherDivision, 'GET', `/api/decisions/${d.decision.id}`)).statusCode,
    200,
  );
  await expect(id, [
    ['the starter', staff, 200],
    ['another 科室 of the department', otherDivision, 200],
    ['an outside advisor', advisor, 404],
    ['another department', otherDept, 404],
    ['anonymous', null, 404],
  ]);
});

test("a published attachment stays public; withdrawn, it is the department's publishers' again", async () => {
  const id = await upload(staff, '公开附件.pdf');
  // 保密审查 by a colleague's account (条例 Art 17: not the drafter's own).
  const passed = await publishViaReview(
    t.app,
    staff,
    sameDivision,
    withReviewer(
      sampleInput({ title: '示范市科学技术局关于文件访问测试的通知', attachmentIds: [id] }),
      colleagueUserId,
    ),
  );
  assert.equal(passed.statusCode, 200, passed.body);
  const pub = passed.json();
  await expect(id, [
    ['anonymous', null, 200],
    ['another department', otherDept, 200],
  ]);
  await ok(staff, 'POST', `/api/publications/${pub.id}/withdraw`, { reason: '附件有误需撤回' });
  await expect(id, [
    ['anonymous', null, 404],
    ['another department', otherDept, 404],
    ['an outside advisor', advisor, 404],
    ['another 科室 of the department', otherDivision, 200],
  ]);
});

test("a draft's imported 正文 follows the draft: the drafting 科室, the legal office, leaders; not another 科室", async () => {
  const docx = await zip([
    ['[Content_Types].xml', Buffer.from(TYPES)],
    ['_rels/.rels', Buffer.from(RELS)],
    ['word/document.xml', Buffer.from(doc(para('第一条 为规范科技计划项目管理，制定本办法。')))],
  ]);
  const id = await upload(
    staff,
    '管理办法（草案）.docx',
    docx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  const draft = await ok(staff, 'POST', '/api/documents', {
    title: '示范市科技计划项目管理办法',
    docType: 'measures',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 原文。',
  });
  await ok(staff, 'POST', `/api/documents/${draft.document.id}/source`, { fileId: id });
  assert.equal(
    (await call(otherDivision, 'GET', `/api/documents/${draft.document.id}`)).statusCode,
    404,
  );
  await expect(id, [
    ['the drafting 科室', sameDivision, 200],
    ['the legal office', legal, 200],
    ['a leader', leader, 200],
    ['another 科室', otherDivision, 404],
    ['an outside advisor', advisor, 404],
    ['anonymous', null, 404],
  ]);
});

test('a file released to an applicant follows the request: the disclosure office only', async () => {
  const id = await upload(staff, '经费拨付明细.pdf');
  const request = await ok(staff, 'POST', '/api/disclosure/requests', {
    applicantKind: 'legalPerson',
    orgType: 'research',
    name: '示范市光电研究所',
    creditCode: '12341600MB7654321X',
    address: '示范市光谷路8号',
    description: '2024年度重点实验室经费拨付明细',
    channel: 'registeredPost',
    signedOn: '2025-03-03',
  });
  await ok(staff, 'POST', `/api/disclosure/requests/${request.id}/files`, { fileIds: [id] });
  assert.equal(
    (await call(legal, 'GET', `/api/disclosure/requests/${request.id}`)).statusCode,
    404,
  );
  await expect(id, [
    ['the disclosure office', sameDivision, 200],
    ['a leader', leader, 200],
    ['the legal office', legal, 404],
    ['an outside advisor', advisor, 404],
    ['another department', otherDept, 404],
    ['anonymous', null, 404],
  ]);
});

test('the original of an imported report follows the import', async () => {
  const { payload, headers } = multipartBody(
    '江门.txt',
    fs.readFileSync(
      new URL('../../modules/reports/analyser/fixtures/000-big5.txt', import.meta.url),
    ),
    'text/plain',
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/report-imports',
    headers: { ...staff.headers, ...headers },
    payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  const { fileId } = await ok(staff, 'GET', `/api/report-imports/${res.json().id}`);
  await expect(fileId, [
    ['the department', otherDivision, 200],
    ['the legal office', legal, 200],
    ['an outside advisor', advisor, 404],
    ['another department', otherDept, 404],
    ['anonymous', null, 404],
  ]);
});
