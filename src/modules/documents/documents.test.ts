import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, orgIdByName, signIn } from '../../server/testing.ts';
import {
  decideAtHeldMeeting,
  DOCUMENT_DRAFT,
  documentAccounts,
} from '../../server/testDocuments.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import { submitComment } from '../consultation/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, otherDivision: Session, legal: Session, leader: Session, oversight: Session;
const { count, call, ok, refused, day } = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents'],
);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, otherDivision, legal, leader, oversight } = await documentAccounts(t));
});
after(() => t.close());

const draft = DOCUMENT_DRAFT;

let docId = '';
let caseId = '';

test('drafting: the issuer is the bureau, never a 内设机构 (RULES §2.2)', async () => {
  const division = await orgIdByName(t.ctx, '高新技术科');
  await refused(
    staff,
    'POST',
    '/api/documents',
    { ...draft, issuerId: division },
    400,
    /严禁以部门内设机构名义制发/,
  );
  const view = await ok(staff, 'POST', '/api/documents', draft);
  docId = view.document.id;
  caseId = view.document.caseId;
  assert.equal(view.document.issuerName, '示范市科学技术局');
  assert.equal(view.document.draftingOrgName, '高新技术科');
  assert.equal(view.document.legalStatusLabel, '未发布');
  assert.ok(view.abilities.edit && view.abilities.openComment);
});

test('comment window: below 7 working days is refused; comments only inside the window; hostile text is stored as text', async () => {
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comment/open`,
    { startOn: '2025-03-03', endOn: '2025-03-11' },
    409,
    /不少于7个工作日/,
  );
  const view = await ok(staff, 'POST', `/api/documents/${docId}/comment/open`, {
    startOn: '2025-03-03',
    endOn: '2025-03-12',
  });
  const cid = view.consultation.id;
  assert.deepEqual(view.consultation.articles, [1, 2, 3]);
  await submitComment(t.ctx, cid, {
    body: '<script>alert(1)</script>建议第二条明确创新券面额',
    articleNo: 2,
    authorName: '某企业',
    contact: '13800000000',
  });
  await submitComment(t.ctx, cid, { body: '建议延长有效期' });
  await assert.rejects(submitComment(t.ctx, cid, { body: 'x'.repeat(5001) }), /不能超过5000字/);
  await assert.rejects(submitComment(t.ctx, cid, { body: '第九条', articleNo: 9 }), /没有该条/);
  await refused(staff, 'POST', `/api/documents/${docId}/comment/close`, {}, 409, /届满前不能结束/);
  await day('2025-03-13');
  await assert.rejects(submitComment(t.ctx, cid, { body: '迟到的意见' }), /已于2025-03-12届满/);
  const closed = await ok(staff, 'POST', `/api/documents/${docId}/comment/close`, {});
  assert.equal(closed.consultation.comments.length, 2);
  assert.equal(
    closed.consultation.comments[0].body,
    '<script>alert(1)</script>建议第二条明确创新券面额',
  );
});

test('dispositions: a reason is required unless adopted; the feedback needs every comment handled', async () => {
  const view = await ok(staff, 'GET', `/api/documents/${docId}`);
  const [c1, c2] = view.consultation.comments;
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comment/feedback`,
    {},
    409,
    /还有2条意见未处理/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comments/${c1.id}/disposition`,
    { disposition: 'notAdopted' },
    400,
    /应当说明理由/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/comments/${c1.id}/disposition`, {
    disposition: 'partlyAdopted',
    reason: '面额由年度通知确定',
  });
  await ok(staff, 'POST', `/api/documents/${docId}/comments/${c2.id}/disposition`, {
    disposition: 'adopted',
  });
  const done = await ok(staff, 'POST', `/api/documents/${docId}/comment/feedback`, {});
  assert.match(
    done.consultation.report.summary,
    /共收到意见建议2条，其中采纳1条，部分采纳1条，不采纳0条/,
  );
  assert.equal(done.consultation.reportPublishedOn, '2025-03-13');
});

test('reviews and deliberation: refused before review and after 不合法, with the reason', async () => {
  const meeting = {
    meeting: 'directorsOffice',
    meetingName: '2025年第3次局长办公会',
    meetingOn: '2025-03-20',
    attendees: '张建国、李静',
    minutes: '会议同意印发。',
    decision: 'adopted',
  };
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-13', data: meeting },
    409,
    /未经合法性审核，不得提交集体审议/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-13',
    data: { materials: '送审稿' },
  });
  const queue = await ok(legal, 'GET', '/api/reviews?type=normativeDocument');
  const item = queue.items.find((i: { title: string }) => i.title === draft.title);
  assert.equal(item.dueOn, '2025-04-03', '15 working days');
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/act`,
    {
      action: 'concludeLegalReview',
      on: '2025-03-13',
      data: { conclusion: 'lawful', opinion: '合法' },
    },
    409,
    /法制审核人员/,
  );
  await day('2025-03-20');
  await ok(legal, 'POST', `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-20',
    data: { conclusion: 'unlawful', opinion: '第二条增设了许可条件' },
  });
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-20', data: meeting },
    409,
    /经合法性审核不合法，不得提交集体审议/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation: '本办法解读'.repeat(5), confidentialityReviewer: '王晓明' },
    409,
    /未统一登记编号/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-20',
    data: {},
  });
  await day('2025-03-27');
  await ok(legal, 'POST', `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-27',
    data: { conclusion: 'lawfulAfterRevision', opinion: '删除第二条许可条件后合法' },
  });
  // Gates passed, the meeting is still required: no typed meeting name.
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-27', data: meeting },
    400,
    /会议：请选择审议该文件的会议/,
  );
  const { meetingId, view } = await decideAtHeldMeeting(
    (url, body) => ok(leader, 'POST', url, body),
    docId,
    '2025-03-27',
  );
  const ev = view.procedure.events.find((e: { type: string }) => e.type === 'collectiveDecision');
  assert.match(
    ev.data.meetingName,
    /^2025年第\d+次局长办公会$/,
    'the name comes from the meeting record',
  );
  assert.equal(ev.data.meetingId, meetingId);
  const agenda = (await ok(leader, 'GET', `/api/meetings/${meetingId}`)).agenda;
  assert.deepEqual(
    agenda.map((i: { subjectId: string; outcome: string }) => [i.subjectId, i.outcome]),
    [[docId, '审议通过']],
    'the meeting learns its result',
  );
  assert.equal(ev.data.minutes, '会议审议该文件，同意按程序印发。');
});

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

test('publishing: document and 解读 together, a 主动公开 record, validity ≤ 5 years; the published text is frozen', async () => {
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation: '太短', confidentialityReviewer: '王晓明' },
    400,
    /政策解读/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    {
      interpretation: '本办法的主要内容和适用范围解读如下，请各单位遵照执行。',
      confidentialityReviewer: '王晓明',
      validUntil: '2030-04-01',
    },
    400,
    /不得超过5年/,
  );
  const view = await ok(staff, 'POST', `/api/documents/${docId}/publish`, {
    interpretation: '本办法的主要内容和适用范围解读如下，请各单位遵照执行。',
    confidentialityReviewer: '王晓明',
    topic: 'science',
  });
  assert.equal(view.document.legalStatusLabel, '有效');
  assert.equal(view.document.validUntil, '2030-03-26');
  const [pub] = await queryRows<{
    validity: string;
    index_number: string;
    doc_number: string;
    category: string;
  }>(
    t.ctx.db,
    sql`select validity, index_number, doc_number, category from publications where id = ${view.document.publicationId}`,
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
  await refused(
    staff,
    'POST',
    `/api/documents/${id2}/publish`,
    {
      interpretation: '暂行办法解读：适用于全市科技特派员的选派和管理工作。',
      confidentialityReviewer: '王晓明',
      validUntil: '2027-03-27',
    },
    400,
    /试行、暂行文件有效期不得超过2年/,
  );
  const pub = await ok(staff, 'POST', `/api/documents/${id2}/publish`, {
    interpretation: '暂行办法解读：适用于全市科技特派员的选派和管理工作。',
    confidentialityReviewer: '王晓明',
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
