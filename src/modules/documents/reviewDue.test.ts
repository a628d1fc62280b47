// One clock, one due date: a document sent for 合法性审核 gets the legal office's deadline (its limits
// for 规范性文件, a 业务设置) on the document's own case, in the review queue and in 我的待办 alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';

test('合法性审核: the document case, the review queue and 我的待办 show one due date', async (t) => {
  const app = await createTestApp(); // 2025-03-03, a Monday
  t.after(() => app.close());
  await addUser(app.ctx, { username: 'rd-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(app.ctx, {
    username: 'rd-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const staff = await signIn(app.app, 'rd-staff', 'Staff-pass-2025');
  const legal = await signIn(app.app, 'rd-legal', 'Legal-pass-2025');
  const call = async (
    who: typeof staff,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) => {
    const res = await app.app.inject({ method, url, headers: who.headers, payload });
    assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
    return res.json();
  };

  // The legal office of this department gives itself 10 working days by default (the cap stays 15).
  const limits = await call(legal, 'GET', '/api/reviews/settings');
  await call(legal, 'PUT', '/api/reviews/settings', {
    ...limits,
    normativeDocument: { minWorkdays: 5, maxWorkdays: 15, defaultWorkdays: 10 },
  });

  const doc = await call(staff, 'POST', '/api/documents', {
    title: '示范市科技企业孵化器认定办法',
    docType: 'measures',
    trial: 'none',
    concernsMarket: false,
    touchesPublicInterest: false,
    draftingExplanation: '规范孵化器认定。',
    legalBases: '《中华人民共和国科学技术进步法》',
    bodyText: '第一条 为规范孵化器认定，制定本办法。',
  });
  const id = doc.document.id as string;
  await call(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'exemptComment',
    on: '2025-03-03',
    data: { reason: '涉及依法需要保密的事项', approver: '张建国' },
  });
  await call(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-03',
    data: { materials: '送审稿' },
  });

  const matter = (await call(legal, 'GET', '/api/reviews?type=normativeDocument')).items.find(
    (i: { title: string }) => i.title === '示范市科技企业孵化器认定办法',
  );
  assert.equal(matter.dueOn, '2025-03-17', '10 working days from 2025-03-03');
  const kase = await call(staff, 'GET', `/api/cases/${doc.document.caseId}`);
  const step = kase.steps.find(
    (s: { stepCode: string; status: string }) =>
      s.stepCode === 'legalReview' && s.status === 'open',
  );
  assert.equal(step.dueDate, matter.dueOn, 'the document case counts to the same date');
  const work = await call(legal, 'GET', '/api/worklist');
  const items = work.items.filter((i: { caseTitle: string }) =>
    i.caseTitle.includes('孵化器认定办法'),
  );
  assert.ok(items.length >= 1, 'the review is in the legal office’s 我的待办');
  for (const item of items) assert.equal(item.dueDate, matter.dueOn, item.stepLabel);
});
