// The 建议提案 forms are declared once (forms.ts, issue 11 item 2): the list page is served the declared
// fields (GET /api/proposals/forms), the proposal page gets its forms with the proposal, and each route
// refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { LIST_FORMS, PROPOSAL_FORMS, type ProposalForm } from './forms.ts';

const PW = 'Proposal-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
let leadOrgId = '';
let coOrgId = '';
const api = testApi(() => t, ['proposals', 'proposal_opinions', 'case_events', 'audit_events']);
const ROUTE_OF: Record<ProposalForm, string> = {
  contact: '/act',
  markDifficult: '/act',
  reply: '/act',
  feedback: '/act',
  coOpinion: '/co-opinion',
  publish: '/publish',
};
const PROPOSAL = {
  kind: 'deputy',
  number: '2025101',
  title: '关于优化科研项目管理的建议',
  proposer: '刘代表',
  assignedBy: '市人大常委会代表工作室',
  assignedOn: '2025-01-20',
};

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'pf', password: PW, roles: ['staff'] });
  staff = await signIn(t.app, 'pf', PW);
  leadOrgId = await orgIdByName(t.ctx, '高新技术科');
  coOrgId = await orgIdByName(t.ctx, '政策法规科');
});
after(() => t.close());

test('the list page gets the declared form; the route refuses by its labels', async () => {
  const served = await api.ok(staff, 'GET', '/api/proposals/forms');
  assert.deepEqual(Object.keys(served), Object.keys(LIST_FORMS));
  await formsContract({
    ...api,
    as: staff,
    served,
    declared: LIST_FORMS,
    routes: { create: '/api/proposals' },
  });
  // An option outside the declared ones; a text over its declared limit.
  const body = { ...PROPOSAL, leadOrgId };
  await api.refused(staff, 'POST', '/api/proposals', { ...body, kind: 'mayor' }, 400, /类别/);
  await api.refused(
    staff,
    'POST',
    '/api/proposals',
    { ...body, proposerContact: '1'.repeat(101) },
    400,
    /代表委员联系方式/,
  );
  // The form's one 协办单位 opens the 协办 step like the API's list.
  const v = await api.ok(staff, 'POST', '/api/proposals', { ...body, coOrgId });
  assert.deepEqual(v.proposal.coOrgIds, [coOrgId]);
});

test('the proposal page gets its declared forms; each route refuses by their labels', async () => {
  const v = await api.ok(staff, 'POST', '/api/proposals', {
    ...PROPOSAL,
    number: '2025102',
    leadOrgId,
  });
  const url = `/api/proposals/${v.proposal.id}`;
  // The engine's acts post to /act with their action; 协办意见 and 公开复文 to routes of their own.
  const routes = Object.fromEntries(
    Object.entries(ROUTE_OF).map(([form, path]) => [
      form,
      { url: url + path, body: path === '/act' ? { action: form } : {} },
    ]),
  );
  await formsContract({ ...api, as: staff, served: v.forms, declared: PROPOSAL_FORMS, routes });
  // The reply names its result code among the declared ones.
  await api.refused(
    staff,
    'POST',
    `${url}/act`,
    { action: 'reply', on: '2025-03-03', resultCode: 'E', replyText: '答复内容答复内容答复内容' },
    400,
    /办理结果类别/,
  );
});
