/**
 * 合法性审查 for the department as a whole: the annual facts of the 法治政府建设年度报告 and the review
 * time limits, a setting of each department.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { createOrg } from '../../core/orgs/service.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { reviewFacts } from './facts.ts';
import {
  adoption,
  assignedContract,
  expiredAdvisor,
  movedTo,
  normativeDocument,
  opinionsMarked,
  registered,
  reviewsKit,
  type Session,
} from './testkit.ts';

const k = reviewsKit();
const { ok, refused } = k;

test('facts: matters reviewed by type, opinions given and adopted, advisors engaged — with their records', async (c) => {
  const { t, staff, legal, departmentId } = k;
  const baseline = await reviewFacts(t.ctx, departmentId, 2025); // the demo department has matters of its own
  // What the facts count: three advisors, one out of term in 2025; a contract with three opinions
  // (one adopted, one partly, one not), concluded; a normative document with two matters, both concluded.
  const m = await assignedContract(k);
  await registered(k, expiredAdvisor);
  const [, , o3] = await opinionsMarked(k, m);
  await movedTo(k, c, '2025-03-07');
  await ok(legal, 'POST', `/api/reviews/${m.matter.id}/conclude`, {
    conclusion: 'lawfulAfterRevision',
    opinion: '按第1至3条意见修改后合法',
  });
  await adoption(k, m, o3, { adoption: 'notAdopted', reason: '已约定诉讼管辖' });
  const doc = await normativeDocument(k);
  const act = (who: Session, action: string, data: Record<string, string>) =>
    ok(who, 'POST', `/api/documents/${doc.id}/act`, { action, on: '2025-03-07', data });
  await act(staff, 'submitLegalReview', { materials: '送审稿及起草说明' });
  await act(legal, 'concludeLegalReview', {
    conclusion: 'unlawful',
    opinion: '第三条增设行政许可，不合法',
  });
  await act(staff, 'submitLegalReview', {});
  await act(legal, 'concludeLegalReview', {
    conclusion: 'lawfulAfterRevision',
    opinion: '删除第三条后合法',
  });
  const facts = await reviewFacts(t.ctx, departmentId, 2025);
  const f = (k: string) => facts.find((x) => x.key === k)!;
  const was = (k: string) => baseline.find((x) => x.key === k)!.value;
  assert.equal(
    f('reviews.matters').value - was('reviews.matters'),
    3,
    'the contract and two document matters',
  );
  assert.equal(
    f('reviews.matters.normativeDocument').value - was('reviews.matters.normativeDocument'),
    2,
  );
  assert.equal(f('reviews.matters.contract').value - was('reviews.matters.contract'), 1);
  const parts = facts
    .filter((x) => x.key.startsWith('reviews.matters.') && x.value)
    .map((x) => `${x.label.replace('合法性审查：', '')}${x.value}件`);
  assert.ok(
    f('reviews.matters').sentence.includes(
      `完成合法性审查事项${f('reviews.matters').value}件，其中${parts.join('、')}。`,
    ),
    f('reviews.matters').sentence,
  );
  assert.equal(f('reviews.opinions').value - was('reviews.opinions'), 3);
  assert.match(f('reviews.opinions').sentence, /对\d+个事项提出法审意见\d+条/);
  assert.equal(
    f('reviews.opinionsAdopted').value - was('reviews.opinionsAdopted'),
    2,
    'one adopted, one partly',
  );
  assert.match(f('reviews.opinionsAdopted').sentence, /采纳率（含部分采纳）\d+(\.\d)?%/);
  assert.equal(
    f('reviews.advisors').value - was('reviews.advisors'),
    2,
    'the advisor whose term ended in 2024 is not counted',
  );
  // Each fact's records path lists exactly the records behind it.
  const query = (k: string) =>
    new URLSearchParams(Object.entries(f(k).records.query).map(([q, v]) => [q, String(v)]));
  assert.equal(
    (
      await ok(
        legal,
        'GET',
        `${f('reviews.matters.contract').records.path}?${query('reviews.matters.contract')}`,
      )
    ).total,
    f('reviews.matters.contract').value,
  );
  assert.equal(
    (
      await ok(
        legal,
        'GET',
        `${f('reviews.opinionsAdopted').records.path}?${query('reviews.opinionsAdopted')}`,
      )
    ).items.length,
    f('reviews.opinionsAdopted').value,
  );
  assert.equal(
    (await ok(legal, 'GET', `${f('reviews.advisors').records.path}?${query('reviews.advisors')}`))
      .items.length,
    f('reviews.advisors').value,
  );
});

test('time limits are a setting; the 7-working-day floor for decisions cannot be lowered', async (c) => {
  const { staff, legal } = k;
  await movedTo(k, c, '2025-03-07');
  const current = await ok(legal, 'GET', '/api/reviews/settings');
  assert.deepEqual(current.normativeDocument, {
    minWorkdays: 5,
    maxWorkdays: 15,
    defaultWorkdays: 15,
  });
  await refused(
    legal,
    'PUT',
    '/api/reviews/settings',
    { ...current, majorDecision: { minWorkdays: 5, maxWorkdays: 0, defaultWorkdays: 10 } },
    400,
    /不得少于7个工作日/,
  );
  await refused(staff, 'PUT', '/api/reviews/settings', current, 403, /无权/);
  await ok(legal, 'PUT', '/api/reviews/settings', {
    ...current,
    contract: { minWorkdays: 3, maxWorkdays: 0, defaultWorkdays: 8 },
  });
  await refused(
    staff,
    'POST',
    '/api/reviews',
    { type: 'contract', title: '设备采购合同', requestedBy: '2025-03-10' },
    400,
    /合同协议的合法性审查应当为审查机构预留不少于3个工作日/,
  );
  const m = await ok(staff, 'POST', '/api/reviews', { type: 'contract', title: '设备采购合同' });
  assert.equal(m.matter.dueOn, '2025-03-19');
  await ok(staff, 'POST', `/api/reviews/${m.matter.id}/withdraw`, { reason: '采购计划取消' });
  await refused(
    staff,
    'POST',
    `/api/reviews/${m.matter.id}/withdraw`,
    { reason: '再次撤回' },
    409,
    /已撤回/,
  );
  await ok(legal, 'PUT', '/api/reviews/settings', current);
});

test('time limits are per department: 示范市教育局’s legal office changes its own, never 示范市科学技术局’s', async (c) => {
  const { t, staff, legal } = k;
  await movedTo(k, c, '2025-03-07');
  const [gov] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市人民政府'`,
  );
  const education = await createOrg(t.ctx, { userId: null, orgId: null } as unknown as Actor, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov.id,
  });
  await addUser(t.ctx, {
    username: 'rl-edu',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '示范市教育局',
  });
  await addUser(t.ctx, {
    username: 'rs-edu',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '示范市教育局',
  });
  const eduLegal = await signIn(t.app, 'rl-edu', 'Legal-pass-2025');
  const eduStaff = await signIn(t.app, 'rs-edu', 'Staff-pass-2025');
  const ours = await ok(legal, 'GET', '/api/reviews/settings');
  const theirs = await ok(eduLegal, 'GET', '/api/reviews/settings');
  assert.deepEqual(
    theirs.contract,
    { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 5 },
    'the defaults where a department has set nothing',
  );
  await ok(eduLegal, 'PUT', '/api/reviews/settings', {
    ...theirs,
    contract: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 12 },
  });
  assert.equal((await ok(eduLegal, 'GET', '/api/reviews/settings')).contract.defaultWorkdays, 12);
  assert.equal((await ok(eduStaff, 'GET', '/api/reviews/settings')).contract.defaultWorkdays, 12);
  assert.deepEqual(
    await ok(legal, 'GET', '/api/reviews/settings'),
    ours,
    'another department’s change leaves ours',
  );
  assert.deepEqual(await ok(staff, 'GET', '/api/reviews/settings'), ours);
  // Due dates follow each department's own limits: 5 WD here, 12 WD there (from Friday 2025-03-07).
  const here = await ok(staff, 'POST', '/api/reviews', {
    type: 'contract',
    title: '本局设备采购合同',
  });
  assert.equal(here.matter.dueOn, '2025-03-14');
  const there = await ok(eduStaff, 'POST', '/api/reviews', {
    type: 'contract',
    title: '教育局设备采购合同',
  });
  assert.equal(there.matter.dueOn, '2025-03-25');
  const [audit] = await queryRows<{ org_id: string; entity_id: string }>(
    t.ctx.db,
    sql`select org_id, entity_id from audit_events where action = 'settings.reviews' order by seq desc limit 1`,
  );
  assert.equal(audit.entity_id, `reviews@${education.id}`);
});
