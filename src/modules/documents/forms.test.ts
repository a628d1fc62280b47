// The 规范性文件 forms are declared once (forms.ts, issue 11 item 2): the document page, the filing
// queue and GET /api/documents/forms are sent the declared fields, and each route refuses a body by the
// same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import {
  decideAtHeldMeeting,
  passSecrecyReview,
  DOCUMENT_DRAFT,
  documentAccounts,
} from '../../server/testDocuments.ts';
import { CLEANUP_FORMS, DOCUMENT_FORMS, DRAFT_FORM, FILING_FORMS } from './forms.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session, oversight: Session;
const api = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents', 'document_filings', 'cleanup_campaigns'],
);

const { ok, refused } = api;

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, legal, leader, oversight } = await documentAccounts(t));
});
after(() => t.close());

/** A document made (comment exempted for secrecy), published and filed on 2025-03-03. */
async function filedDocument(): Promise<{ id: string; filingId: string }> {
  const id = (await ok(staff, 'POST', '/api/documents', DOCUMENT_DRAFT)).document.id;
  const act = (s: Session, action: string, data: object) =>
    ok(s, 'POST', `/api/documents/${id}/act`, { action, on: '2025-03-03', data });
  await act(leader, 'exemptComment', { reason: '依法需要保密' });
  await act(staff, 'submitLegalReview', {});
  await act(legal, 'concludeLegalReview', { conclusion: 'lawful', opinion: '合法' });
  await decideAtHeldMeeting((url, body) => ok(leader, 'POST', url, body), id, '2025-03-03');
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
  const filed = await ok(staff, 'POST', `/api/documents/${id}/filing`, {});
  return { id, filingId: filed.filing.id };
}

test('document forms: the page gets the declared fields; each route refuses by the labels the form shows', async () => {
  const id = (await ok(staff, 'POST', '/api/documents', DOCUMENT_DRAFT)).document.id;
  const view = await ok(staff, 'GET', `/api/documents/${id}`);
  // An empty body: 400, naming the first required field in the form's own words; nothing changed.
  const ROUTE_OF = {
    act: '/act',
    openComment: '/comment/open',
    disposition: `/comments/${crypto.randomUUID()}/disposition`,
    decide: '/decide',
    publish: '/publish',
    evaluation: '/evaluation',
    end: '/end',
  } as const;
  await formsContract({
    ...api,
    as: staff,
    served: view.forms,
    declared: { ...DOCUMENT_FORMS, ...FILING_FORMS },
    routes: Object.fromEntries(
      Object.entries(ROUTE_OF).map(([form, path]) => [form, `/api/documents/${id}${path}`]),
    ),
  });
  // The forms without a required field: a text over its declared limit.
  await refused(
    staff,
    'POST',
    `/api/documents/${id}/number`,
    { docNumber: '文'.repeat(51) },
    400,
    /文号/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${id}/filing`,
    { filingNo: '号'.repeat(51) },
    400,
    /备案登记号/,
  );
  // An option outside the declared ones.
  await refused(
    staff,
    'POST',
    `/api/documents/${id}/end`,
    { kind: 'expired', on: '2025-03-03', act: '局长办公会' },
    400,
    /决定类型/,
  );
  // The 集体审议 meeting is a declared select of the meetings the view offers.
  const meeting = view.forms.decide.find((f: { name: string }) => f.name === 'meetingId');
  assert.equal(meeting.type, 'select');
  assert.ok(Array.isArray(meeting.options));
});

test('filing and 清理 forms: the queue and GET /api/documents/forms send them; the routes refuse by their labels', async () => {
  const { id, filingId } = await filedDocument();
  const queue = await ok(oversight, 'GET', '/api/filings');
  await refused(oversight, 'POST', `/api/filings/${filingId}/review`, {}, 400, /审查结论/);
  await formsContract({
    ...api,
    as: oversight,
    served: queue.forms,
    declared: { accept: FILING_FORMS.accept, return: FILING_FORMS.return },
    routes: { return: { url: `/api/filings/${filingId}/review`, body: { decision: 'return' } } },
  });
  await formsContract({
    ...api,
    as: staff,
    served: { answer: (await ok(staff, 'GET', `/api/documents/${id}`)).forms.answer },
    declared: { answer: FILING_FORMS.answer },
    routes: { answer: `/api/filings/${filingId}/answer` },
  });

  const forms = await ok(legal, 'GET', '/api/documents/forms');
  await formsContract({
    ...api,
    as: legal,
    served: forms,
    declared: CLEANUP_FORMS,
    routes: {
      openCleanup: '/api/document-cleanups',
      cleanupDecision: `/api/document-cleanups/${crypto.randomUUID()}/items/${crypto.randomUUID()}`,
    },
  });
});

test('起草: GET /api/documents/forms sends the declared form; 起草 and 修改草稿 refuse by its labels', async () => {
  const forms = await ok(staff, 'GET', '/api/documents/forms');
  await formsContract({
    ...api,
    as: staff,
    served: forms,
    declared: { draft: DRAFT_FORM },
    routes: { draft: '/api/documents' },
  });
  // An option outside the declared ones; a text over its declared limit.
  await refused(
    staff,
    'POST',
    '/api/documents',
    { ...DOCUMENT_DRAFT, docType: 'law' },
    400,
    /文件类型/,
  );
  await refused(
    staff,
    'POST',
    '/api/documents',
    { ...DOCUMENT_DRAFT, keywords: '词'.repeat(201) },
    400,
    /关键词/,
  );
  const id = (await ok(staff, 'POST', '/api/documents', DOCUMENT_DRAFT)).document.id;
  await refused(
    staff,
    'PUT',
    `/api/documents/${id}`,
    { ...DOCUMENT_DRAFT, concernsMarket: undefined },
    400,
    /是否涉及市场主体生产经营活动/,
  );
});
