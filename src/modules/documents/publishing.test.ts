// Publishing rules that outlive the first version: amendment (a new version supersedes the old one)
// and the 备案 period and validity limits as 业务设置 (moved from documents.test.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import {
  decideAtHeldMeeting,
  DOCUMENT_DRAFT,
  documentAccounts,
  passSecrecyReview,
} from '../../server/testDocuments.ts';
import { testApi } from '../../server/testApi.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session;
const { ok, refused, day } = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents'],
);

before(async () => {
  t = await createTestApp();
  ({ staff, legal, leader } = await documentAccounts(t));
});
after(() => t.close());

const draft = DOCUMENT_DRAFT;

test('amending publishes a new version that supersedes the old one (已修改); the old text stays as it was', async () => {
  await day('2027-04-01');
  const walk = async (id: string, on: string) => {
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
    return ok(staff, 'POST', `/api/documents/${id}/publish`, {
      interpretation: '本次修改的主要内容：调整申报条件，简化审批流程。',
    });
  };
  const v1 = await ok(staff, 'POST', '/api/documents', {
    ...draft,
    title: '示范市技术合同认定登记管理办法',
  });
  await walk(v1.document.id, '2027-04-01');
  const v2 = await ok(staff, 'POST', `/api/documents/${v1.document.id}/amend`, {});
  assert.equal(v2.document.version, 2);
  assert.notEqual(v2.document.id, v1.document.id);
  await refused(
    staff,
    'POST',
    `/api/documents/${v1.document.id}/amend`,
    {},
    409,
    /已有正在起草的修改稿/,
  );
  await ok(staff, 'PUT', `/api/documents/${v2.document.id}`, {
    ...draft,
    title: '示范市技术合同认定登记管理办法',
    bodyText: '第一条 修改后的条文。',
  });
  const published = await walk(v2.document.id, '2027-04-01');
  assert.equal(published.document.legalStatusLabel, '有效');
  const old = await ok(staff, 'GET', `/api/documents/${v1.document.id}`);
  assert.equal(old.document.legalStatusLabel, '已修改');
  assert.equal(
    old.document.bodyText,
    draft.bodyText,
    'the published text of version 1 never changed',
  );
  const page = await t.app.inject({ url: `/gfxwj/${v1.document.id}` });
  assert.match(page.body, /本文件已修改/);
  assert.match(page.body, /第2版/);
});

test('the 备案 period and validity limits are 业务设置 of the 系统管理员; a new period applies to documents published after it', async () => {
  await day('2027-04-01');
  await addUser(t.ctx, {
    username: 'dsys',
    password: 'Sys-pass-2025!',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  const sys = await signIn(t.app, 'dsys', 'Sys-pass-2025!');
  const current = await ok(sys, 'GET', '/api/settings/documents');
  assert.deepEqual(current, {
    validityYears: 5,
    trialValidityYears: 2,
    reminderMonths: 6,
    filingDays: 30,
    filingUnit: 'day',
  });
  await refused(
    staff,
    'PUT',
    '/api/settings/documents',
    { ...current, filingDays: 3 },
    403,
    /无权/,
  );
  await refused(
    sys,
    'PUT',
    '/api/settings/documents',
    { ...current, filingDays: 0 },
    400,
    /备案期限/,
  );
  await ok(sys, 'PUT', '/api/settings/documents', {
    ...current,
    filingDays: 3,
    filingUnit: 'workday',
  });
  const v = await ok(staff, 'POST', '/api/documents', {
    ...draft,
    title: '示范市科技成果转化奖励办法',
  });
  const id = v.document.id;
  await ok(leader, 'POST', `/api/documents/${id}/act`, {
    action: 'exemptComment',
    on: '2027-04-01',
    data: { reason: '依法需要保密' },
  });
  await ok(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on: '2027-04-01',
    data: {},
  });
  await ok(legal, 'POST', `/api/documents/${id}/act`, {
    action: 'concludeLegalReview',
    on: '2027-04-01',
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => ok(leader, 'POST', url, body), id, '2027-04-01');
  await ok(staff, 'POST', `/api/documents/${id}/number`, {});
  await passSecrecyReview(
    t,
    (url, body) => ok(staff, 'POST', url, body),
    (url, body) => ok(legal, 'POST', url, body),
    id,
  );
  const published = await ok(staff, 'POST', `/api/documents/${id}/publish`, {
    interpretation: '本办法规范科技成果转化奖励的条件、程序和标准。',
  });
  // Three working days from 2027-04-01 (a Thursday), not thirty days.
  const due = t.ctx.calendar.current().addWorkdays('2027-04-01', 3);
  assert.ok(due >= '2027-04-06' && due < '2027-05-01', due);
  const step = published.procedure.steps.find(
    (s: { stepCode: string; status: string }) => s.stepCode === 'file' && s.status === 'open',
  );
  assert.equal(step.dueDate, due);
  const filing = await ok(staff, 'POST', `/api/documents/${id}/filing`, {});
  assert.equal(filing.filing.dueOn, due);
  await ok(sys, 'PUT', '/api/settings/documents', current);
});
