// The portal application form (条例 Art 29): a blank form is refused with field-named messages and
// nothing is stored; what the applicant wrote is stored as written (full-width punctuation included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { PW, submit } from './testkit.ts';

test('portal: an empty application is refused on the form (name, contact, description named); nothing is received', async (t) => {
  const app = await createTestApp();
  t.after(() => app.close());
  await addUser(app.ctx, {
    username: 'pf-office',
    password: PW,
    roles: ['staff'],
    orgName: '办公室',
  });
  const office = await signIn(app.app, 'pf-office', PW);
  const before = (
    await app.app.inject({ url: '/api/disclosure/requests', headers: office.headers })
  ).json().items.length;

  const blank = await submit(app.app, {
    applicantKind: 'naturalPerson',
    name: '',
    phone: '',
    email: '',
    address: '',
    description: '',
  });
  assert.equal(blank.statusCode, 400);
  for (const label of [
    '姓名或名称：请填写',
    '联系电话：请至少填写联系电话、电子邮箱或通信地址中的一项',
    '所需政府信息的名称、文号或特征描述：请填写',
  ])
    assert.ok(blank.body.includes(label), label);
  // Only a contact given: still refused for what is missing.
  const partial = await submit(app.app, { applicantKind: 'naturalPerson', phone: '13912345678' });
  assert.equal(partial.statusCode, 400);
  assert.ok(!partial.body.includes('联系电话：请至少'));
  assert.equal(
    (await app.app.inject({ url: '/api/disclosure/requests', headers: office.headers })).json()
      .items.length,
    before,
  );

  // A complete application is received, and its text is kept exactly as written.
  const description =
    '申请公开：《示范市科技创新券管理办法》（2024年修订），第三条；第五条的执行情况。';
  const ok = await submit(app.app, {
    applicantKind: 'naturalPerson',
    name: '王（小）明',
    email: 'wang@example.cn',
    description,
    address: '示范市人民路１号，３０１室',
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const item = (await app.app.inject({ url: '/api/disclosure/requests', headers: office.headers }))
    .json()
    .items.find((i: { description: string }) => i.description === description);
  assert.ok(item, 'the description is listed with its full-width punctuation');
  const view = (
    await app.app.inject({ url: `/api/disclosure/requests/${item.id}`, headers: office.headers })
  ).json().request;
  assert.equal(view.name, '王（小）明');
  assert.equal(view.address, '示范市人民路１号，３０１室');
});
