// Who sees a draft 行政规范性文件, and that only its own page acts on it (moved from documents.test.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, signIn } from '../../server/testing.ts';
import { DOCUMENT_DRAFT, documentAccounts } from '../../server/testDocuments.ts';
import { testApi } from '../../server/testApi.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, otherDivision: Session, legal: Session, oversight: Session, office: Session;
const { call, ok, refused } = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents'],
);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, otherDivision, legal, oversight, office } = await documentAccounts(t));
});
after(() => t.close());

test('RBAC: another division does not see the draft; the oversight body neither; the generic case page cannot publish', async () => {
  const view = await ok(staff, 'POST', '/api/documents', DOCUMENT_DRAFT);
  const docId: string = view.document.id;
  const caseId: string = view.document.caseId;
  assert.equal((await call(otherDivision, 'GET', `/api/documents/${docId}`)).statusCode, 404);
  assert.equal((await call(oversight, 'GET', `/api/documents/${docId}`)).statusCode, 404);
  const list = await ok(otherDivision, 'GET', '/api/documents');
  assert.ok(!list.items.some((d: { id: string }) => d.id === docId));
  assert.ok(
    (await ok(legal, 'GET', '/api/documents')).items.some((d: { id: string }) => d.id === docId),
    'the legal office sees the drafts of the bureau',
  );
  assert.ok(
    !(await ok(office, 'GET', '/api/documents')).items.some((d: { id: string }) => d.id === docId),
    'the 办公室 is a division too',
  );
  await refused(
    staff,
    'POST',
    `/api/cases/${caseId}/actions`,
    {
      action: 'openComment',
      on: '2025-03-03',
      data: { startOn: '2025-03-03', endOn: '2025-03-20' },
    },
    409,
    /所属业务页面/,
  );
  // The generic case API answers what the document's own endpoint answers: another 科室 gets 404 for
  // the draft's case, and cannot act on it (the 安全 review found 200 and an accepted exemptComment).
  assert.equal((await call(otherDivision, 'GET', `/api/cases/${caseId}`)).statusCode, 404);
  await refused(
    otherDivision,
    'POST',
    `/api/cases/${caseId}/actions`,
    { action: 'exemptComment', on: '2025-03-03', data: { reason: '依法需要保密' } },
    404,
    /不存在/,
  );
  assert.equal(
    (await call(staff, 'GET', `/api/cases/${caseId}`)).statusCode,
    200,
    'the drafting 科室 still sees it',
  );
});
