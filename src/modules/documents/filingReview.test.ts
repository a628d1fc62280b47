// 备案审查 (RULES §2.3 step 9, 37号 有备必审、有错必纠) on the procedure engine: the status follows the
// oversight body's decision; its review and the department's 纠错 are steps with clocks in each side's 我的待办.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import {
  decideAtHeldMeeting,
  passSecrecyReview,
  DOCUMENT_DRAFT,
  documentAccounts,
} from '../../server/testDocuments.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session, oversight: Session;
const { call, ok, day } = testApi(() => t, ['audit_events', 'case_events', 'normative_documents']);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, legal, leader, oversight } = await documentAccounts(t));
});
after(() => t.close());

const draft = DOCUMENT_DRAFT;

/** A document of this department made (comment exempted for secrecy) and published on `on`. */
async function publishedDocument(title: string, on: string): Promise<string> {
  const id = (await ok(staff, 'POST', '/api/documents', { ...draft, title })).document.id;
  await ok(leader, 'POST', `/api/documents/${id}/act`, {
    action: 'exemptComment',
    on,
    data: { reason: '依法需要保密' },
  });
  await ok(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on,
    data: {},
  });
  await ok(legal, 'POST', `/api/documents/${id}/act`, {
    action: 'concludeLegalReview',
    on,
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => ok(leader, 'POST', url, body), id, on);
  await ok(staff, 'POST', `/api/documents/${id}/number`, {});
  await passSecrecyReview(
    t,
    (url, body) => ok(staff, 'POST', url, body),
    (url, body) => ok(legal, 'POST', url, body),
    id,
  );
  await ok(staff, 'POST', `/api/documents/${id}/publish`, {
    interpretation: '本办法的主要内容和适用范围解读如下，请各单位遵照执行。',
  });
  return id;
}

test('备案 follows the oversight decision: 报备审查中 until 准予备案; each side finds its step with its clock in 我的待办', async () => {
  const id = await publishedDocument('示范市科技成果登记办法', '2025-03-03');
  const worklist = async (s: Session) =>
    (await ok(s, 'GET', '/api/worklist')).items.filter(
      (i: { caseTitle: string }) => i.caseTitle === '示范市科技成果登记办法',
    );
  assert.deepEqual(
    (await worklist(oversight)).map((i: { stepLabel: string }) => i.stepLabel),
    [],
    'nothing filed yet',
  );
  const filed = await ok(staff, 'POST', `/api/documents/${id}/filing`, {});
  assert.equal(filed.procedure.case.statusLabel, '报备审查中', 'filing alone is not 已备案');
  const review = await worklist(oversight);
  assert.deepEqual(
    review.map((i: { stepLabel: string; dueDate: string; orgName: string }) => [
      i.stepLabel,
      i.dueDate,
      i.orgName,
    ]),
    [['备案审查', '2025-03-24', '高新技术科']],
    "15 working days, in the 司法局's 我的待办",
  );
  assert.deepEqual(await worklist(staff), [], "not the department's step");
  // The 司法局 reads the filed document and its materials (its case too), as its filings are scoped.
  const asOversight = await ok(oversight, 'GET', `/api/documents/${id}`);
  assert.equal(asOversight.document.bodyText, draft.bodyText);
  assert.ok(asOversight.abilities.reviewFiling && !asOversight.abilities.edit);
  assert.equal(
    (await call(oversight, 'GET', `/api/cases/${asOversight.document.caseId}`)).statusCode,
    200,
  );
  const material = (await ok(oversight, 'GET', '/api/filings')).items.find(
    (i: { documentId: string }) => i.documentId === id,
  );
  assert.equal(material.materials.legalReview.opinion, '合法');
  assert.equal(material.draftingExplanation, draft.draftingExplanation);
  // The decisions the queue offers are the engine's on the case (issue 11 item 3): both while filed.
  assert.deepEqual(material.acts, { accept: true, return: true });
  assert.equal(
    (await call(staff, 'GET', '/api/filings')).statusCode,
    403,
    'the queue is oversight',
  );
  const unfiled = await ok(staff, 'POST', '/api/documents', {
    ...draft,
    title: '示范市未报备文件',
  });
  assert.equal(
    (await call(oversight, 'GET', `/api/documents/${unfiled.document.id}`)).statusCode,
    404,
    'not filed with it: 404',
  );
  await ok(oversight, 'POST', `/api/filings/${material.filing.id}/review`, {
    decision: 'return',
    correctionRequest: '第二条应明确创新券的适用范围',
  });
  assert.deepEqual(await worklist(oversight), []);
  const returned = (await ok(oversight, 'GET', '/api/filings')).items.find(
    (i: { documentId: string }) => i.documentId === id,
  );
  assert.deepEqual(returned.acts, { accept: false, return: false }, 'waiting for the 纠错');
  const correction = await worklist(staff);
  assert.deepEqual(
    correction.map((i: { stepLabel: string; dueDate: string }) => [i.stepLabel, i.dueDate]),
    [['纠错并报告纠错情况', '2025-04-02']],
    "30 days, in the department's 我的待办",
  );
  assert.equal(
    (await ok(staff, 'GET', `/api/documents/${id}`)).procedure.case.statusLabel,
    '退回纠错中',
  );
  const answer = await ok(staff, 'POST', `/api/filings/${material.filing.id}/answer`, {
    answer: '已明确适用范围',
    correctedText: '第一条 为规范管理，制定本办法。\n第二条 创新券适用于本市登记的科技型中小企业。',
  });
  const v2 = await ok(staff, 'GET', `/api/documents/${answer.versionId}`);
  assert.equal(v2.document.version, 2);
  assert.match(v2.document.bodyText, /适用于本市登记的科技型中小企业/);
  assert.equal(v2.document.supersedesId, id);
  assert.equal(
    (await ok(oversight, 'GET', `/api/documents/${answer.versionId}`)).document.id,
    answer.versionId,
    'the corrected version is readable by the 司法局',
  );
  const again = (await ok(oversight, 'GET', '/api/filings')).items.find(
    (i: { documentId: string }) => i.documentId === id,
  );
  assert.equal(again.materials.correctedVersion.id, answer.versionId);
  assert.deepEqual(again.acts, { accept: true, return: true }, 'answered: reviewed afresh');
  assert.deepEqual(
    (await worklist(oversight)).map((i: { stepLabel: string }) => i.stepLabel),
    ['备案审查'],
  );
  await ok(oversight, 'POST', `/api/filings/${material.filing.id}/review`, {
    decision: 'accept',
    opinion: '经审查，准予备案。',
  });
  assert.equal(
    (await ok(staff, 'GET', `/api/documents/${id}`)).procedure.case.statusLabel,
    '已备案',
  );
  assert.deepEqual(await worklist(oversight), []);
  const accepted = (await ok(oversight, 'GET', '/api/filings')).items.find(
    (i: { documentId: string }) => i.documentId === id,
  );
  assert.deepEqual([accepted.acts, accepted.blocked], [{ accept: false, return: false }, []]);
});

test("the review and the 纠错 reach each side's notifications as their due dates near", async () => {
  const id = await publishedDocument('示范市科技奖励办法', '2025-03-03');
  await ok(staff, 'POST', `/api/documents/${id}/filing`, {});
  const notes = async (s: Session) =>
    (await ok(s, 'GET', '/api/notifications')).items.map((n: { message: string }) => n.message);
  await day('2025-03-20');
  await runSweep(t.ctx, sweepTasks);
  assert.ok(
    (await notes(oversight)).includes('「示范市科技奖励办法」备案审查即将到期（期限 2025-03-24）'),
  );
  const filing = (await ok(oversight, 'GET', '/api/filings')).items.find(
    (i: { documentId: string }) => i.documentId === id,
  );
  await ok(oversight, 'POST', `/api/filings/${filing.filing.id}/review`, {
    decision: 'return',
    correctionRequest: '第二条应明确奖励标准',
  });
  await day('2025-04-16');
  await runSweep(t.ctx, sweepTasks);
  assert.ok(
    (await notes(staff)).includes(
      '「示范市科技奖励办法」纠错并报告纠错情况即将到期（期限 2025-04-19）',
    ),
  );
});
