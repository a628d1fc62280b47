// The hotline's forms are declared once (ticketForms.ts, issue 11 item 2): the ticket page is sent the
// declared fields of its acts, the list page's 录入工单 form is served at GET /api/hotline/forms, the
// 新建令牌 form with the tokens, and each route refuses a body by the same Chinese labels, derived from
// them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_TICKET, TICKET_FORMS, TOKEN_FORMS, type TicketForm } from './ticketForms.ts';
import { formsContract } from '../../server/testApi.ts';
import { useHotlineTest, type Session } from './testkit.ts';

const h = useHotlineTest(() => ({ office, admin } = h));
const { ok, refused, day, count } = h.api;
let office: Session, admin: Session;

type Shown = Array<{ name: string; label: string; required: boolean; options?: unknown[] }>;
// Acts with a route of their own; the others post to /act with their action.
const ROUTE_OF: Partial<Record<TicketForm, string>> = { convert: '/convert', publish: '/publish' };

test('forms: served as declared; each route refuses by the labels the form shows', async () => {
  await day('2025-03-03');
  const forms = await ok(office, 'GET', '/api/hotline/forms');
  // 录入工单 takes the form's own fields; an empty one is refused naming its first required field.
  await formsContract({
    refused,
    as: office,
    served: forms,
    declared: { create: CREATE_TICKET },
    routes: { create: '/api/hotline/tickets' },
  });
  await refused(
    office,
    'POST',
    '/api/hotline/tickets',
    { channel: 'fax', kind: 'consult', receivedOn: '2025-03-03', content: '咨询政策' },
    400,
    /来源渠道/,
  );
  const created = await ok(office, 'POST', '/api/hotline/tickets', {
    channel: 'phone',
    kind: 'consult',
    receivedOn: '2025-03-03',
    content: '请问科技创新券如何申领？',
    name: '赵六',
    phone: '13500005555',
  });
  assert.equal(created.ticket.receivedOn, '2025-03-03');
  assert.equal(created.ticket.citizenName, '赵六');
  const id = created.ticket.id;

  const view = await ok(office, 'GET', `/api/hotline/tickets/${id}`);
  // A body with only the act's date: 400, naming the first other required field by the label of the
  // act posted (a field several acts share, e.g. reason: 退单理由, 延期理由, 重新办理原因); nothing changed.
  const asking = (Object.keys(TICKET_FORMS) as TicketForm[]).filter((form) =>
    TICKET_FORMS[form].some((f) => f.required && f.name !== 'on'),
  );
  await formsContract({
    refused,
    as: office,
    served: view.forms,
    declared: TICKET_FORMS,
    routes: Object.fromEntries(
      asking.map((form) => {
        const path = ROUTE_OF[form];
        return [
          form,
          {
            url: `/api/hotline/tickets/${id}${path ?? '/act'}`,
            body: path ? { on: '2025-03-03' } : { action: form, on: '2025-03-03' },
          },
        ];
      }),
    ),
  });
  // Every act starts with its date.
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'sign' },
    400,
    /办理日期/,
  );
  // An option outside the declared ones, and a text over its declared limit.
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'visit', on: '2025-03-03', satisfaction: 'great' },
    400,
    /满意度/,
  );
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${id}/act`,
    { action: 'merge', on: '2025-03-03', intoTicketNo: 'X'.repeat(41) },
    400,
    /并入工单编号/,
  );
  // The divisions offered are the department's own, as choices of the declared selects.
  const assign = view.forms.assign as Shown;
  for (const name of ['orgId', 'coOrgId']) {
    const f = assign.find((x) => x.name === name)!;
    assert.equal(f.options?.length, view.divisions.length, name);
    assert.ok(view.divisions.length > 0);
  }
});

test('token form: served to the 系统管理员 with the tokens as declared; the route keeps its limits', async () => {
  const before = await count('hotline_tokens');
  // Only who may create tokens is sent the form (with the tokens).
  await refused(office, 'GET', '/api/hotline/tokens', undefined, 403, /无权/);
  const { forms } = await ok(admin, 'GET', '/api/hotline/tokens');
  await formsContract({
    refused,
    as: admin,
    served: forms,
    declared: TOKEN_FORMS,
    routes: { create: '/api/hotline/tokens' },
  });
  // The route's bounds are the declared ones (counted trimmed): one character outside either is
  // refused by the field's label, the bounds themselves are taken.
  const [f] = TOKEN_FORMS.create;
  const [least, most] = [f.minLength ?? 0, f.maxLength];
  assert.ok(least > 1, 'the name has a least length');
  assert.deepEqual([forms.create[0].minLength, forms.create[0].maxLength], [least, most]);
  for (const label of [` ${'甲'.repeat(least - 1)} `, 'X'.repeat(most + 1)])
    await refused(admin, 'POST', '/api/hotline/tokens', { label }, 400, new RegExp(f.label));
  assert.equal(await count('hotline_tokens'), before, 'a refused token is not created');
  const made: string[] = [];
  for (const label of [` ${'甲'.repeat(least)} `, 'X'.repeat(most)])
    made.push((await ok(admin, 'POST', '/api/hotline/tokens', { label })).id);
  const { tokens } = await ok(admin, 'GET', '/api/hotline/tokens');
  assert.deepEqual(
    made.map((id) => tokens.find((x: { id: string }) => x.id === id)?.label),
    ['甲'.repeat(least), 'X'.repeat(most)],
  );
});
