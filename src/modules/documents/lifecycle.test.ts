// A 行政规范性文件 after its collective deliberation: 文号, the 保密审查 and 公开发布, 备案 with its 纠错, validity
// (abolition, expiry, post-evaluation) and the facts it gives the reports. The file drafts its own document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, orgIdByName, signIn } from '../../server/testing.ts';
import {
  decideAtHeldMeeting,
  DOCUMENT_DRAFT,
  documentAccounts,
  passSecrecyReview,
} from '../../server/testDocuments.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { users } from '../../core/auth/schema.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import { submitComment } from '../consultation/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, otherDivision: Session, legal: Session, leader: Session, oversight: Session;
const { call, ok, refused, day } = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents'],
);
const draft = DOCUMENT_DRAFT;
let docId = '';
let caseId = '';

/** The draft through two public comments, the legality review and the 局长办公会, on 2025-03-27. */
before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, otherDivision, legal, leader, oversight } = await documentAccounts(t));
  const view = await ok(staff, 'POST', '/api/documents', draft);
  docId = view.document.id;
  caseId = view.document.caseId;
  const opened = await ok(staff, 'POST', `/api/documents/${docId}/comment/open`, {
    startOn: '2025-03-03',
    endOn: '2025-03-12',
  });
  await submitComment(t.ctx, opened.consultation.id, { body: '建议第二条明确创新券面额' });
  await submitComment(t.ctx, opened.consultation.id, { body: '建议延长有效期' });
  await day('2025-03-13');
  await ok(staff, 'POST', `/api/documents/${docId}/comment/close`, {});
  await ok(staff, 'POST', `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-13',
    data: {},
  });
  await day('2025-03-27');
  await ok(legal, 'POST', `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-27',
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => ok(leader, 'POST', url, body), docId, '2025-03-27');
});
after(() => t.close());

const idOf = async (username: string) =>
  (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;

test('文号: wrong forms are refused; the allocator gives one sequence per 机关代字 per year', async () => {
  for (const bad of [
    '科规[2025]3号',
    '科规〔2025〕第3号',
    '科规〔25〕3号',
    '科规〔2025〕03号',
    '教规〔2025〕3号',
    '科规〔2024〕3号',
  ]) {
    await refused(staff, 'POST', `/api/documents/${docId}/number`, { docNumber: bad }, 400, /文号/);
  }
  const view = await ok(staff, 'POST', `/api/documents/${docId}/number`, {
    registrationNumber: 'SFGS-2025-001',
  });
  assert.equal(view.document.docNumber, '科规〔2025〕1号');
});

test('保密审查 (条例第十七条): publishing is refused until the named reviewer passes it in their own session', async () => {
  const interpretation = '本办法的主要内容和适用范围解读如下，请各单位遵照执行。';
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation },
    409,
    /须经保密审查通过后方可公开/,
  );
  const review = `/api/cases/${caseId}/secrecy-review`;
  const offered = await ok(staff, 'GET', review);
  assert.ok(offered.reviewers.some((r: { name: string }) => r.name === 'dl'));
  assert.ok(
    !offered.reviewers.some((r: { name: string }) => r.name === 'ds2'),
    'another 科室 cannot read the draft, so it is not offered',
  );
  await refused(staff, 'POST', review, { reviewerId: await idOf('ds') }, 400, /不能由起草人本人/);
  await refused(staff, 'POST', review, { reviewerId: await idOf('ds2') }, 400, /无权查看该事项/);
  const asked = await ok(staff, 'POST', review, { reviewerId: await idOf('dl') });
  assert.equal(asked.review.status, 'pending');
  const todo = await ok(legal, 'GET', '/api/worklist');
  assert.ok(
    todo.items.some(
      (i: { caseId: string; stepLabel: string }) =>
        i.caseId === caseId && i.stepLabel === '保密审查',
    ),
    'the step waits in the reviewer’s 我的待办',
  );
  const decision = `${review}/decision`;
  await refused(staff, 'POST', decision, { approve: true }, 409, /不能由起草人本人进行保密审查/);
  await refused(leader, 'POST', decision, { approve: true }, 403, /保密审查人为dl，须由其本人审查/);
  await refused(otherDivision, 'POST', decision, { approve: true }, 404, /不存在或无权访问/);
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation },
    409,
    /须经保密审查/,
  );
  const passed = await ok(legal, 'POST', decision, { approve: true, opinion: '不涉及国家秘密' });
  assert.equal(passed.review.status, 'passed');
});

test('publishing: document and 解读 together, a 主动公开 record naming the reviewer’s account, validity ≤ 5 years; the published text is frozen', async () => {
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation: '太短' },
    400,
    /政策解读/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    {
      interpretation: '本办法的主要内容和适用范围解读如下，请各单位遵照执行。',
      validUntil: '2030-04-01',
    },
    400,
    /不得超过5年/,
  );
  const view = await ok(staff, 'POST', `/api/documents/${docId}/publish`, {
    interpretation: '本办法的主要内容和适用范围解读如下，请各单位遵照执行。',
    topic: 'science',
  });
  assert.equal(view.document.legalStatusLabel, '有效');
  assert.equal(view.document.validUntil, '2030-03-26');
  const [pub] = await queryRows<{
    validity: string;
    index_number: string;
    doc_number: string;
    category: string;
    review: { reviewer: string; reviewerId: string; on: string; note: string };
  }>(
    t.ctx.db,
    sql`select validity, index_number, doc_number, category, confidentiality_review as review from publications where id = ${view.document.publicationId}`,
  );
  assert.deepEqual(
    { ...pub.review },
    {
      reviewer: 'dl',
      reviewerId: await idOf('dl'),
      conclusion: 'public',
      on: '2025-03-27',
      note: '不涉及国家秘密',
    },
  );
  assert.equal(pub.validity, 'inForce');
  assert.equal(pub.doc_number, '科规〔2025〕1号');
  assert.match(pub.index_number, /^11341600734987449Q\/202503-\d{5}$/);
  await refused(staff, 'PUT', `/api/documents/${docId}`, draft, 409, /已发布的文件文本不得修改/);
  assert.equal(
    (await call(otherDivision, 'GET', `/api/documents/${docId}`)).statusCode,
    200,
    'published: the whole department sees it',
  );
});

test('filing: once; the oversight body sees it across departments, returns it for 纠错, the department answers, then it is accepted', async () => {
  const view = await ok(staff, 'POST', `/api/documents/${docId}/filing`, { filingNo: '' });
  assert.equal(view.filing.status, 'submitted');
  assert.equal(view.filing.dueOn, '2025-04-26');
  await refused(staff, 'POST', `/api/documents/${docId}/filing`, {}, 409, /不能重复报送/);
  await refused(staff, 'GET', '/api/filings', undefined, 403, /无权/);
  const queue = await ok(oversight, 'GET', '/api/filings');
  const f = queue.items.find((i: { documentId: string }) => i.documentId === docId);
  assert.equal(f.department, '示范市科学技术局');
  assert.equal(f.statusLabel, '已报送待审查', 'the label comes from the server');
  assert.equal(
    (await call(oversight, 'PUT', `/api/documents/${docId}`, draft)).statusCode,
    404,
    'oversight cannot edit',
  );
  await refused(
    oversight,
    'POST',
    `/api/filings/${f.filing.id}/review`,
    { decision: 'return' },
    400,
    /纠错意见/,
  );
  await ok(oversight, 'POST', `/api/filings/${f.filing.id}/review`, {
    decision: 'return',
    correctionRequest: '第三条施行日期应明确',
  });
  assert.equal(
    (await ok(staff, 'GET', `/api/documents/${docId}`)).filing.statusLabel,
    '已退回纠错',
  );
  // Reviewing is the oversight body's capability: the department's staff get 403 before the body is read (issue 12 item 7).
  await refused(
    staff,
    'POST',
    `/api/filings/${f.filing.id}/review`,
    { decision: 'accept' },
    403,
    /无权/,
  );
  await refused(
    staff,
    'POST',
    `/api/filings/${f.filing.id}/answer`,
    { answer: '已发文明确施行日期' },
    400,
    /纠正后的文本/,
  );
  await ok(staff, 'POST', `/api/filings/${f.filing.id}/answer`, {
    answer: '已发文明确施行日期',
    correctedText: `${draft.bodyText.replace('自发布之日起施行', '自2025年5月1日起施行')}`,
  });
  await ok(oversight, 'POST', `/api/filings/${f.filing.id}/review`, { decision: 'accept' });
  assert.equal((await ok(staff, 'GET', `/api/documents/${docId}`)).filing.status, 'accepted');
});

test('validity: abolition with the deciding act; expiry by itself through the sweep; post-evaluation', async () => {
  const second = await ok(staff, 'POST', '/api/documents', {
    ...draft,
    title: '示范市科技特派员管理暂行办法',
    trial: 'interim',
  });
  const id2 = second.document.id;
  // Confidential drafts may skip the public comment with a recorded reason.
  await ok(leader, 'POST', `/api/documents/${id2}/act`, {
    action: 'exemptComment',
    on: '2025-03-27',
    data: { reason: '涉及国家秘密，依法需要保密' },
  });
  await ok(staff, 'POST', `/api/documents/${id2}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-27',
    data: {},
  });
  await ok(legal, 'POST', `/api/documents/${id2}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-27',
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => ok(leader, 'POST', url, body), id2, '2025-03-27');
  const numbered = await ok(staff, 'POST', `/api/documents/${id2}/number`, {});
  assert.equal(numbered.document.docNumber, '科规〔2025〕2号');
  await passSecrecyReview(
    t,
    (url, body) => ok(staff, 'POST', url, body),
    (url, body) => ok(legal, 'POST', url, body),
    id2,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${id2}/publish`,
    {
      interpretation: '暂行办法解读：适用于全市科技特派员的选派和管理工作。',
      validUntil: '2027-03-27',
    },
    400,
    /试行、暂行文件有效期不得超过2年/,
  );
  const pub = await ok(staff, 'POST', `/api/documents/${id2}/publish`, {
    interpretation: '暂行办法解读：适用于全市科技特派员的选派和管理工作。',
  });
  assert.equal(pub.document.validUntil, '2027-03-26');
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/end`,
    { kind: 'abolished', on: '2025-03-27', act: '' },
    400,
    /决定依据/,
  );
  const ended = await ok(staff, 'POST', `/api/documents/${docId}/end`, {
    kind: 'abolished',
    on: '2025-03-27',
    act: '科规〔2025〕9号',
  });
  assert.equal(ended.document.legalStatusLabel, '废止');
  assert.equal(ended.document.ending.act, '科规〔2025〕9号');
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/end`,
    { kind: 'declaredInvalid', on: '2025-03-27', act: 'x' },
    409,
    /不是现行有效/,
  );
  // Six months before expiry: a reminder asks for the post-evaluation (once).
  await day('2026-10-01');
  const r1 = await runSweep(t.ctx, sweepTasks);
  assert.equal(r1.results.documentEvaluationReminders, 1);
  assert.equal((await runSweep(t.ctx, sweepTasks)).results.documentEvaluationReminders, 0);
  await ok(staff, 'POST', `/api/documents/${id2}/evaluation`, {
    on: '2026-10-01',
    conclusion: 'continue',
    evaluation: '实施效果良好，建议继续有效并转为正式文件。',
  });
  await day('2027-03-27');
  const r2 = await runSweep(t.ctx, sweepTasks);
  assert.equal(r2.results.documentsExpired, 1);
  const expired = await ok(staff, 'GET', `/api/documents/${id2}`);
  assert.equal(expired.document.legalStatusLabel, '失效');
  assert.ok(
    expired.events.some(
      (e: { kind: string; on: string }) => e.kind === 'expired' && e.on === '2027-03-27',
    ),
  );
  const [p] = await queryRows<{ validity: string }>(
    t.ctx.db,
    sql`select validity from publications where id = ${expired.document.publicationId}`,
  );
  assert.equal(p.validity, 'expired');
});

test('facts for the annual report and the 政务公开 table 二 row', async () => {
  const { documentFacts, tableTwoRow } = await import('./facts.ts');
  const dept = await orgIdByName(t.ctx, '示范市科学技术局');
  const row = await tableTwoRow(t.ctx.db, dept, 2025);
  // As at 2025-12-31: the 暂行 document that expired on 2027-03-27 was still in force then.
  assert.deepEqual(row, { label: '行政规范性文件', issued: 2, abolished: 1, inForce: 1 });
  const facts = await documentFacts(t.ctx, dept, 2025);
  const by = (k: string) => facts.find((f) => f.key === k)!;
  assert.equal(by('documents.reviewedShare').value, 100);
  // All reviewed: said once, in the sentence on the documents issued (no separate 100% sentence).
  assert.match(by('documents.issued').sentence, /^2025年制发行政规范性文件2件，均经合法性审核/);
  assert.equal(by('documents.reviewedShare').sentence, '');
  assert.equal(by('documents.filedOnTime').value, 1);
  assert.equal(by('documents.comments').value, 5, 'two on this draft, three on the demo document');
  assert.equal((await tableTwoRow(t.ctx.db, dept, 2027)).abolished, 0);
  assert.equal(
    (await documentFacts(t.ctx, dept, 2027)).find((f) => f.key === 'documents.expired')!.value,
    1,
  );
});
