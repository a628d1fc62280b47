// The outside 法律顾问's 我的待办: a matter assigned to them is there with its due date, and its case
// opens for them through the review module's own rule; nothing else of the department does (issue 13 item 12).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';

test('an assigned advisor finds the matter in 我的待办; an unassigned one finds nothing and gets 404', async (t) => {
  const app = await createTestApp(); // 2025-03-03
  t.after(() => app.close());
  await addUser(app.ctx, { username: 'aw-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(app.ctx, {
    username: 'aw-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  const advisorUser = await addUser(app.ctx, {
    username: 'aw-adv',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await addUser(app.ctx, {
    username: 'aw-adv2',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  const [staff, legal, advisor, other] = await Promise.all([
    signIn(app.app, 'aw-staff', 'Staff-pass-2025'),
    signIn(app.app, 'aw-legal', 'Legal-pass-2025'),
    signIn(app.app, 'aw-adv', 'Advisor-pass-2025'),
    signIn(app.app, 'aw-adv2', 'Advisor-pass-2025'),
  ]);
  const call = async (who: typeof staff, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.app.inject({ method, url, headers: who.headers, payload });

  // Before any assignment the advisor's 我的待办 opens and is empty (not refused).
  const empty = await call(advisor, 'GET', '/api/worklist');
  assert.equal(empty.statusCode, 200, empty.body);
  assert.equal(empty.json().total, 0);

  const registered = await call(legal, 'POST', '/api/legal-advisors', {
    kind: 'external',
    name: '陈明',
    affiliation: '安徽示范律师事务所',
    licenceNumber: '13416201510999001',
    termStart: '2025-01-01',
    termEnd: '2025-12-31',
    userId: advisorUser,
  });
  assert.equal(registered.statusCode, 200, registered.body);
  const matter = (
    await call(staff, 'POST', '/api/reviews', {
      type: 'contract',
      title: '与示范大学共建新型研发机构合作协议',
    })
  ).json().matter;
  assert.equal(
    (
      await call(legal, 'POST', `/api/reviews/${matter.id}/assign`, {
        advisorIds: [registered.json().id],
      })
    ).statusCode,
    200,
  );

  const work = (await call(advisor, 'GET', '/api/worklist')).json();
  assert.ok(work.items.length >= 1);
  assert.ok(
    work.items.every(
      (i: { caseTitle: string }) => i.caseTitle === '与示范大学共建新型研发机构合作协议',
    ),
    'only the assigned matter',
  );
  assert.equal(work.items[0].dueDate, matter.dueOn);
  // The case opens for them (the review module's rule: assigned), with the link to the matter's page.
  const kase = await call(advisor, 'GET', `/api/cases/${work.items[0].caseId}`);
  assert.equal(kase.statusCode, 200, kase.body);
  assert.equal(kase.json().case.page, `/reviews/${matter.id}`);
  // The other advisor: nothing in 我的待办, 404 on the case.
  assert.equal((await call(other, 'GET', '/api/worklist')).json().total, 0);
  assert.equal((await call(other, 'GET', `/api/cases/${work.items[0].caseId}`)).statusCode, 404);
  // The assigned advisor still sees no other case of the department, and acts on none through the generic API.
  const staffWork = (await call(staff, 'GET', '/api/worklist'))
    .json()
    .items.find((i: { caseTitle: string }) => i.caseTitle !== '与示范大学共建新型研发机构合作协议');
  assert.equal((await call(advisor, 'GET', `/api/cases/${staffWork.caseId}`)).statusCode, 404);
  const act = await call(advisor, 'POST', `/api/cases/${work.items[0].caseId}/actions`, {
    action: 'conclude',
    on: '2025-03-03',
    data: {},
  });
  assert.ok([403, 404, 409].includes(act.statusCode), act.body);
});
