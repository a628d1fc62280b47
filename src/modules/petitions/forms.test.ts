// The 信访 forms are declared once (forms.ts, issue 11 item 2): the list page gets the registration
// form, the matter's page each act's form, and the routes refuse a body by the labels the forms show.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { ACT_FORMS, PETITION_FORMS, type ActForm } from './forms.ts';

const PW = 'Petition-forms-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'pf', password: PW, roles: ['staff'], orgName: '办公室' });
  staff = await signIn(t.app, 'pf', PW);
});
after(() => t.close());

const api = testApi(() => t, ['audit_events']);
const ok = (method: 'GET' | 'POST', url: string, payload?: object) =>
  api.ok(staff, method, url, payload);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A 400 naming the field by its label; nothing recorded. */
const refused = (url: string, payload: object, label: string) =>
  api.refused(staff, 'POST', url, payload, 400, new RegExp(esc(label)));
type FieldList = ReadonlyArray<{ name: string; label: string; required?: boolean }>;

test('the forms served are the declared ones; the routes refuse by the labels the forms show', async () => {
  const forms = await ok('GET', '/api/petitions/forms');
  await formsContract({
    ...api,
    as: staff,
    served: forms,
    declared: PETITION_FORMS,
    routes: { register: '/api/petitions' },
  });
  const channel = forms.register.find((f: { name: string }) => f.name === 'channel');
  assert.deepEqual(
    channel.options.map((o: { value: string }) => o.value),
    ['letter', 'visit', 'phone', 'online', 'hotline', 'other'],
  );
  const body = {
    channel: 'letter',
    source: 'direct',
    receivedOn: '2025-02-20',
    petitioner: { name: '王五' },
    content: '请求解释政策。',
  };
  await refused('/api/petitions', { ...body, petitioner: {} }, '信访人姓名');
  await refused('/api/petitions', { ...body, content: '字'.repeat(20_001) }, '信访内容');
  const v = await ok('POST', '/api/petitions', body);
  const url = `/api/petitions/${v.petition.id}/act`;

  // Without its fields an act is refused naming the first required one, then the next.
  await formsContract({
    ...api,
    as: staff,
    served: v.forms,
    declared: ACT_FORMS,
    routes: Object.fromEntries(
      Object.keys(ACT_FORMS).map((action) => [action, { url, body: { action } }]),
    ),
  });
  for (const [action, fields] of Object.entries(ACT_FORMS) as Array<[ActForm, FieldList]>) {
    const [first, second] = fields.filter((f) => f.required);
    if (second) await refused(url, { action, [first.name]: '2025-02-25' }, second.label);
  }
  // An option outside the declared ones; a text over its declared limit.
  await refused(url, { action: 'classify', on: '2025-02-25', category: 'other' }, '信访事项类别');
  await refused(
    url,
    { action: 'accept', on: '2025-02-25', noticeText: '告'.repeat(5001) },
    '告知内容',
  );
  await refused(
    url,
    { action: 'extend', on: '2025-02-25', days: 31, reason: '需要核实', toldOn: '2025-02-25' },
    '延长天数',
  );
  // The 检举控告 handlers and the accused division are records the page offers.
  const handler = v.forms.classify.find((f: { name: string }) => f.name === 'handler1');
  assert.equal(handler.type, 'select');
  assert.equal(handler.ref, true);
  assert.equal(
    v.forms.answer.find((f: { name: string }) => f.name === 'opinion').label,
    '处理意见书内容',
  );
});
