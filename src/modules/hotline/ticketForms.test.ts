// The hotline's forms are declared once (ticketForms.ts, issue 11 item 2): the ticket page is sent the
// declared fields of its acts, the list page's 录入工单 form is served at GET /api/hotline/forms, and each
// route refuses a body by the same Chinese labels, derived from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_TICKET, TICKET_FORMS, type TicketForm } from './ticketForms.ts';
import { useHotlineTest, type Session } from './testkit.ts';

const h = useHotlineTest(() => ({ office } = h));
const { ok, refused, day } = h.api;
let office: Session;

type FieldList = ReadonlyArray<{ name: string; label: string; required?: boolean }>;
type Shown = Array<{ name: string; label: string; required: boolean; options?: unknown[] }>;
const same = (shown: Shown, fields: FieldList, form: string) =>
  assert.deepEqual(
    shown.map((f) => [f.name, f.label, f.required]),
    fields.map((f) => [f.name, f.label, !!f.required]),
    form,
  );
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Acts with a route of their own; the others post to /act with their action.
const ROUTE_OF: Partial<Record<TicketForm, string>> = { convert: '/convert', publish: '/publish' };

test('forms: served as declared; each route refuses by the labels the form shows', async () => {
  await day('2025-03-03');
  const forms = await ok(office, 'GET', '/api/hotline/forms');
  same(forms.create, CREATE_TICKET, 'create');
  // 录入工单 takes the form's own fields; an empty one is refused naming its first required field.
  await refused(office, 'POST', '/api/hotline/tickets', {}, 400, /来源渠道/);
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
  for (const [form, fields] of Object.entries(TICKET_FORMS) as Array<[TicketForm, FieldList]>) {
    same(view.forms[form], fields, form);
    // A body with only the act's date: 400, naming the first other required field; nothing changed.
    const next = fields.find((f) => f.required && f.name !== 'on');
    if (!next) continue;
    const path = ROUTE_OF[form];
    // A field several acts share (reason: 退单理由, 延期理由, 重新办理原因) is named by the act posted.
    await refused(
      office,
      'POST',
      `/api/hotline/tickets/${id}${path ?? '/act'}`,
      path ? { on: '2025-03-03' } : { action: form, on: '2025-03-03' },
      400,
      new RegExp(esc(next.label)),
    );
  }
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
