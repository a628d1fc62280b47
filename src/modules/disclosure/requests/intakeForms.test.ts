// The 登记申请 form is declared once (intakeForms.ts, issue 11 item 2): GET /api/disclosure/requests/forms
// serves the intake and each channel's receipt fields to those who register requests, POST
// /api/disclosure/requests refuses a body by the same labels (a receipt field the channel needs by the
// service, in its words), and what the API took before (an empty choice, the 证件类型) stays taken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { formsContract, testApi, type Session } from '../../../server/testApi.ts';
import { CHANNELS } from '../outcomes.ts';
import { INTAKE_FORMS, RECEIPT_FORMS } from './intakeForms.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const api = testApi(() => t, ['disclosure_requests', 'cases', 'case_events', 'audit_events']);
const PW = 'Intake-forms-2025';
const URL = '/api/disclosure/requests';
let clerk: Session;
let admin: Session;
const person = {
  channel: 'inPerson',
  receivedOn: '2025-03-03',
  applicantKind: 'naturalPerson',
  name: '冯某',
  idNumber: '110101199001010043',
  phone: '13800000043',
  description: '2024年度政府集中采购目录',
};

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await addUser(t.ctx, { username: 'if-clerk', password: PW, roles: ['staff'], orgName: '办公室' });
  await addUser(t.ctx, { username: 'if-admin', password: PW, roles: ['sysAdmin'] });
  clerk = await signIn(t.app, 'if-clerk', PW);
  admin = await signIn(t.app, 'if-admin', PW);
});
after(() => t.close());

test('登记申请: served as declared, one receipt form a channel; the route refuses by the labels', async () => {
  const served = await api.ok(clerk, 'GET', '/api/disclosure/requests/forms');
  assert.deepEqual(Object.keys(served), Object.keys(INTAKE_FORMS));
  assert.deepEqual(
    Object.keys(RECEIPT_FORMS),
    CHANNELS.map((c) => c.value),
  );
  const post = { channel: 'registeredPost', applicantKind: 'naturalPerson' };
  await formsContract({
    ...api,
    as: clerk,
    served,
    declared: INTAKE_FORMS,
    routes: {
      intake: URL,
      ...Object.fromEntries(
        CHANNELS.map((c) => [
          `receipt.${c.value}`,
          { url: URL, body: { channel: c.value, applicantKind: 'naturalPerson' } },
        ]),
      ),
      'receipt.registeredPost': { url: URL, body: post },
    },
    // 收到申请之日 is named in the form by what it is for the channel (收到申请之日（提交日期）).
    label: (l) => l.replace(/（.*）$/, ''),
  });
  const field = (form: string, name: string) =>
    (served[form] as Array<{ name: string }>).find((f) => f.name === name) as Record<
      string,
      unknown
    >;
  assert.deepEqual(field('intake', 'channel').options, CHANNELS);
  assert.deepEqual(
    (field('intake', 'orgType').options as Array<{ label: string }>).map((o) => o.label),
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  );
  assert.equal(field('intake', 'description').label, '所需政府信息的描述');
  assert.equal(field('receipt.mail', 'confirmation').placeholder, '如：电话确认，申请人本人接听');
  assert.equal(field('receipt.inPerson', 'receivedOn').label, '收到申请之日（提交日期）');
  assert.equal(field('receipt.oral', 'receivedOn').label, '收到申请之日（口头提出日期）');
  assert.equal((await api.call(admin, 'GET', '/api/disclosure/requests/forms')).statusCode, 403);
  assert.equal((await t.app.inject({ url: '/api/disclosure/requests/forms' })).statusCode, 401);
});

test('登记申请: the limits and checks are the declared fields’, named by their labels', async () => {
  const wrong: Array<[Record<string, unknown>, RegExp]> = [
    [{ name: '冯'.repeat(101) }, /^姓名或名称：/],
    [{ idNumber: '1'.repeat(41) }, /^身份证件号码：/],
    [{ description: '目'.repeat(4001) }, /^所需政府信息的描述：/],
    [{ email: 'not-an-address' }, /^电子邮箱：/],
    [{ form: 'parchment' }, /^载体形式：/],
    [{ delivery: 'pigeon' }, /^获取方式：/],
    [{ channel: 'pigeon' }, /^申请渠道：/],
    [{ applicantKind: 'legalPerson' }, /法人或其他组织/],
    [{ channel: 'mail', receivedOn: undefined, arrivedOn: '2025-03-01' }, /与申请人确认日期：必填/],
    [{ receivedOn: '2025-03-04' }, /^收到申请之日：不能晚于今天$/],
  ];
  for (const [change, message] of wrong)
    await api.refused(clerk, 'POST', URL, { ...person, ...change }, 400, message);
});

test('登记申请: an empty choice or text is taken as none, and the 证件类型, as before', async () => {
  const r = await api.ok(clerk, 'POST', URL, {
    ...person,
    applicantKind: 'legalPerson',
    orgType: 'research',
    creditCode: '12340000MB0000000X',
    idNumber: '',
    email: '',
    form: '',
    delivery: '',
    address: '  ',
  });
  const view = await api.ok(clerk, 'GET', `${URL}/${r.id}`);
  assert.equal(view.request.reportColumnLabel, '科研机构');
  assert.deepEqual(
    [view.request.email, view.request.formLabel, view.request.deliveryLabel, view.request.address],
    [null, null, null, null],
  );
  const typed = await api.ok(clerk, 'POST', URL, {
    ...person,
    name: '卫某',
    idType: 'passport',
    idNumber: 'E12345678',
    form: 'electronic',
    delivery: 'email',
    email: 'wei@example.com',
  });
  const record = (await api.ok(clerk, 'GET', `${URL}/${typed.id}`)).request;
  assert.deepEqual(
    [record.idTypeLabel, record.formLabel, record.deliveryLabel, record.email],
    ['护照', '电子', '电子邮件', 'wei@example.com'],
  );
  // An empty 证件类型 too; a wrong one is refused by its name.
  await api.ok(clerk, 'POST', URL, { ...person, name: '蒋某', idType: '' });
  await api.refused(clerk, 'POST', URL, { ...person, idType: 'badge' }, 400, /^证件类型：/);
});
