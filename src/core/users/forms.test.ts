// The administrators' forms are declared once (forms.ts, orgs/forms.ts; issue 11 item 2): GET
// /api/admin/forms serves 新增用户 and the 机构 form to the 系统管理员, POST /api/admin/users and
// /api/admin/orgs refuse a body by their labels and change nothing, and editing still takes part of
// the fields (and null to clear an org's optional ones).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { ORG_KIND_LABELS } from '../auth/roles.ts';
import { ADMIN_FORMS } from './forms.ts';

const PW = 'Admin-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let sys: Awaited<ReturnType<typeof signIn>>;
let sec: Awaited<ReturnType<typeof signIn>>;
const api = testApi(() => t, ['users', 'organisations', 'audit_events']);

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, {
    username: 'formsys',
    password: PW,
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'formsec',
    password: PW,
    roles: ['secAdmin'],
    orgName: '办公室',
  });
  sys = await signIn(t.app, 'formsys', PW);
  sec = await signIn(t.app, 'formsec', PW);
});
after(() => t.close());
const patch = (url: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url, headers: sys.headers, payload });

test('用户 and 机构: served as declared; the routes refuse by their labels', async () => {
  const served = await api.ok(sys, 'GET', '/api/admin/forms');
  assert.deepEqual(Object.keys(served), Object.keys(ADMIN_FORMS));
  await formsContract({
    ...api,
    as: sys,
    served,
    declared: ADMIN_FORMS,
    routes: { user: '/api/admin/users', org: '/api/admin/orgs' },
  });
  const [username, , orgId] = served.user;
  assert.deepEqual([username.maxLength, username.help], [32, '用于登录，建议使用字母、数字']);
  assert.equal(orgId.ref, true);
  const [, kind, parentId, creditCode, docPrefix] = served.org;
  assert.deepEqual(
    kind.options,
    Object.entries(ORG_KIND_LABELS).map(([value, label]) => ({ value, label })),
  );
  assert.deepEqual([parentId.required, parentId.help], [false, '不选则为顶级机构']);
  assert.equal(creditCode.maxLength, 18);
  assert.ok(creditCode.pattern.source);
  assert.deepEqual([docPrefix.label, docPrefix.maxLength], ['发文字号前缀', 10]);
  assert.equal((await api.call(sec, 'GET', '/api/admin/forms')).statusCode, 403);
});

test('用户 and 机构: the declared formats are the routes’; editing takes part of the fields', async () => {
  const orgId = await orgIdByName(t.ctx, '办公室');
  await api.refused(
    sys,
    'POST',
    '/api/admin/users',
    { username: '张 三', displayName: '张三', orgId },
    400,
    /^用户名：3–32 位字母、数字、点、下划线或连字符$/,
  );
  await api.refused(
    sys,
    'POST',
    '/api/admin/orgs',
    { name: '某局', kind: 'department', creditCode: 'I1341600734987449Q' },
    400,
    /^统一社会信用代码：应为18位统一社会信用代码/,
  );
  await api.refused(
    sys,
    'POST',
    '/api/admin/orgs',
    { name: '某局', kind: 'department', docPrefix: '前'.repeat(11) },
    400,
    /^发文字号前缀：/,
  );
  const created = await api.call(sys, 'POST', '/api/admin/users', {
    username: 'new.user',
    displayName: '新用户',
    orgId,
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().user.id;
  for (const payload of [{ displayName: '新用户甲' }, { active: false }])
    assert.equal((await patch(`/api/admin/users/${id}`, payload)).statusCode, 200);
  const org = await api.call(sys, 'POST', '/api/admin/orgs', {
    name: '示范局',
    kind: 'department',
    creditCode: '11341600734987449Q',
    docPrefix: '示规',
  });
  assert.equal(org.statusCode, 201, org.body);
  const cleared = await patch(`/api/admin/orgs/${org.json().id}`, {
    creditCode: null,
    docPrefix: null,
  });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.deepEqual([cleared.json().creditCode, cleared.json().docPrefix], [null, null]);
});
