// The 行政处罚 forms are declared once (forms.ts, issue 11 item 2): the list page reads 立案 and 当场处罚
// from GET /api/penalties/forms, the case page is sent its acts' forms, and each route refuses a body
// by the same Chinese labels, derived from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formsContract } from '../../server/testApi.ts';
import { ACT_FORMS, LIST_FORMS, type ActForm } from './forms.ts';
import { filed, penaltyApp } from './testkit.ts';

type Shown = Array<{ name: string; label: string; required: boolean; options?: unknown[] }>;

const ROUTE_OF: Record<ActForm, string> = {
  assign: '/assign',
  notice: '/notice',
  hearingNotice: '/hearing-notice',
  hearing: '/hearing',
  legalCheck: '/legal-check',
  collective: '/collective',
  decide: '/decide',
  deliver: '/deliver',
  execute: '/execute',
  publish: '/publish',
  revoke: '/revoke',
  withdraw: '/withdraw',
  attach: '/files',
};
// The two officer selects of a form go to the route as one list, 执法人员 (officerIds).
const routeLabel = (label: string) => (label.startsWith('执法人员') ? '执法人员' : label);

test('forms: the pages get the declared fields; each route refuses by the labels the form shows', async (c) => {
  const p = await penaltyApp(c);
  const { ok, refused, off1 } = p;

  const lists = await ok(off1, 'GET', '/api/penalties/forms');
  await formsContract({
    refused,
    as: off1,
    served: lists,
    declared: LIST_FORMS,
    routes: { open: '/api/penalties', summary: '/api/penalties/summary' },
    label: routeLabel,
  });
  // A 当场处罚 offers only 警告 and 罚款 (Art 51); the route still names any other kind's refusal.
  const kinds = lists.summary.find((f: { name: string }) => f.name === 'type').options;
  assert.deepEqual(
    kinds.map((o: { value: string }) => o.value),
    ['warning', 'fine'],
  );

  const id = (await filed(p)).penalty.id as string;
  const view = await ok(off1, 'GET', `/api/penalties/${id}`);
  // An empty body is refused by each form that asks for something.
  const asking = (Object.keys(ROUTE_OF) as ActForm[]).filter((form) =>
    ACT_FORMS[form].some((f) => f.required),
  );
  await formsContract({
    refused,
    as: off1,
    served: view.forms,
    declared: ACT_FORMS,
    routes: Object.fromEntries(
      asking.map((form) => [form, `/api/penalties/${id}${ROUTE_OF[form]}`]),
    ),
    label: routeLabel,
  });
  // The officer selects offer the department's certified officers (the expired one not).
  const officer1 = (view.forms.assign as Shown).find((f) => f.name === 'officer1')!;
  assert.deepEqual(
    (officer1.options as Array<{ value: string }>).map((o) => o.value).sort(),
    [p.officer.a, p.officer.b].sort(),
  );
  // A kind outside the declared options, and a text over its declared limit.
  await refused(
    off1,
    'POST',
    `/api/penalties/${id}/notice`,
    { types: ['later'], facts: '擅自开展实验动物生产', reasons: '违反规定', basis: '某条例' },
    400,
    /处罚种类/,
  );
  await refused(
    off1,
    'POST',
    `/api/penalties/${id}/hearing-notice`,
    { hearingOn: '2025-03-20', place: '听证室', chair: '李'.repeat(51) },
    400,
    /听证主持人（非本案调查人员）/,
  );
  await refused(
    off1,
    'POST',
    '/api/penalties',
    { partyKind: 'individual', partyName: '张三', partyIdNo: '1'.repeat(41) },
    400,
    /统一社会信用代码或身份证件号码/,
  );
  const isPublic = (view.forms.hearingNotice as Shown).find((f) => f.name === 'isPublic')!;
  assert.equal((isPublic as { type?: string }).type, 'boolean');
});
