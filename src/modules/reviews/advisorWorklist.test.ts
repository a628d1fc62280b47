// The outside 法律顾问's 我的待办: a matter assigned to them is there with its due date, and its case
// opens for them through the review module's own rule; nothing else of the department does (issue 13 item 12).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account, advisorA, CONTRACT, registered, reviewsKit, submitted } from './testkit.ts';

const k = reviewsKit();
const { call, ok } = k;

test('an assigned advisor finds the matter in 我的待办; an unassigned one finds nothing and gets 404', async () => {
  const { staff, legal, advisor2: other } = k;
  const { id: advisorUser, session: advisor } = await account(k, 'legalAdvisor');

  // Before any assignment the advisor's 我的待办 opens and is empty (not refused).
  assert.equal((await ok(advisor, 'GET', '/api/worklist')).total, 0);

  const registeredId = await registered(k, advisorA, advisorUser);
  const matter = await submitted(k, { type: 'contract', title: CONTRACT });
  await ok(legal, 'POST', `/api/reviews/${matter.id}/assign`, { advisorIds: [registeredId] });

  const work = await ok(advisor, 'GET', '/api/worklist');
  assert.ok(work.items.length >= 1);
  assert.ok(
    work.items.every((i: { caseTitle: string }) => i.caseTitle === CONTRACT),
    'only the assigned matter',
  );
  assert.equal(work.items[0].dueDate, matter.dueOn);
  // The case opens for them (the review module's rule: assigned), with the link to the matter's page.
  const kase = await ok(advisor, 'GET', `/api/cases/${work.items[0].caseId}`);
  assert.equal(kase.case.page, `/reviews/${matter.id}`);
  // The other advisor: nothing in 我的待办, 404 on the case.
  assert.equal((await ok(other, 'GET', '/api/worklist')).total, 0);
  assert.equal((await call(other, 'GET', `/api/cases/${work.items[0].caseId}`)).statusCode, 404);
  // The assigned advisor still sees no other case of the department, and acts on none through the generic API.
  const staffWork = (await ok(staff, 'GET', '/api/worklist')).items.find(
    (i: { caseTitle: string }) => i.caseTitle !== CONTRACT,
  );
  assert.equal((await call(advisor, 'GET', `/api/cases/${staffWork.caseId}`)).statusCode, 404);
  const act = await call(advisor, 'POST', `/api/cases/${work.items[0].caseId}/actions`, {
    action: 'conclude',
    on: '2025-03-03',
    data: {},
  });
  assert.ok([403, 404, 409].includes(act.statusCode), act.body);
});
