// Settings declared once by their forms (issue 11 item 2): each settings group's FieldSpecs are served
// at GET <path>/form to those who change it, and its PUT refuses a body by the same Chinese labels
// (with the unit the API counts in), changing nothing; limits, units and options come from the one
// declaration (formSetting, core/settings/service.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { fileSettings } from '../files/service.ts';
import { largeFileSettings } from '../files/stream.ts';
import { indexNumberSettings } from '../numbering/indexNumber.ts';
import { documentSettings } from '../../modules/documents/labels.ts';
import { hotlineDeadlines } from '../../modules/hotline/settings.ts';
import { securitySettings, type FormSetting } from './service.ts';

const PW = 'Settings-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let sys: Awaited<ReturnType<typeof signIn>>;
let sec: Awaited<ReturnType<typeof signIn>>;
let staff: Awaited<ReturnType<typeof signIn>>;
const api = testApi(() => t, ['settings', 'audit_events']);

// Each settings form: where it is read and changed, and by whom.
const SETTINGS: Array<[string, FormSetting<unknown>, 'sys' | 'sec']> = [
  ['/api/admin/security-settings', securitySettings, 'sec'],
  ['/api/settings/files', fileSettings, 'sys'],
  ['/api/settings/files/large', largeFileSettings, 'sys'],
  ['/api/settings/index-number', indexNumberSettings, 'sys'],
  ['/api/settings/documents', documentSettings, 'sys'],
  ['/api/hotline/settings', hotlineDeadlines, 'sys'],
];

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, {
    username: 'setsys',
    password: PW,
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'setsec',
    password: PW,
    roles: ['secAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 'setstaff', password: PW, roles: ['staff'] });
  sys = await signIn(t.app, 'setsys', PW);
  sec = await signIn(t.app, 'setsec', PW);
  staff = await signIn(t.app, 'setstaff', PW);
});
after(() => t.close());

type Served = {
  name: string;
  label: string;
  required: boolean;
  type: string;
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  options?: unknown;
  help?: string;
};
const form = async (path: string, as = sys): Promise<Served[]> =>
  (await api.ok(as, 'GET', `${path}/form`)).fields;

test('each settings form is served as declared, with its limits and units; its PUT refuses by its labels', async () => {
  for (const [path, setting, keeper] of SETTINGS) {
    const as = keeper === 'sys' ? sys : sec;
    const served = await form(path, as);
    await formsContract({
      refused: api.refused,
      as,
      served: { form: served },
      declared: { form: setting.form },
      routes: { form: { url: path, method: 'PUT' } },
    });
    assert.deepEqual(
      served.map((f) => [f.type, f.min, f.max, !!f.integer, f.unit, f.options, f.help]),
      setting.form.map((f) => [f.type, f.min, f.max, !!f.integer, f.unit, f.options, f.help]),
      path,
    );
    // The defaults are a value the form takes; read back as they are.
    await api.ok(as, 'PUT', path, setting.defaults as object);
    // Only who changes the setting is sent its form.
    const other = keeper === 'sys' ? sec : sys;
    for (const s of [other, staff])
      assert.equal((await api.call(s, 'GET', `${path}/form`)).statusCode, 403, path);
  }
});

test('安全设置: the bounds the form shows are the ones the server keeps; the API names the unit', async () => {
  const served = await form('/api/admin/security-settings', sec);
  assert.deepEqual(
    served.map((f) => [f.label, f.min, f.max, f.unit]),
    [
      ['密码最小长度', 8, 64, '位'],
      ['连续登录失败锁定次数', 3, 10, '次'],
      ['锁定时长', 5, 1440, '分钟'],
      ['会话空闲超时', 5, 30, '分钟'],
    ],
  );
  const value = securitySettings.defaults;
  for (const [body, message] of [
    [{ ...value, maxFailedLogins: 20 }, /^连续登录失败锁定次数（次）：/],
    [{ ...value, idleTimeoutMinutes: 60 }, /^会话空闲超时（分钟）：/],
    [{ ...value, lockoutMinutes: 15.5 }, /^锁定时长（分钟）：应为整数/],
  ] as const)
    await api.refused(sec, 'PUT', '/api/admin/security-settings', body, 400, message);
});

test('附件 and 大文件 limits: asked in MB or GB, counted in bytes; the help gives the bounds', async () => {
  const [files] = await form('/api/settings/files');
  assert.deepEqual(
    [files.label, files.unit, files.help],
    ['单个文件大小上限', 'MB', '0.1 至 200 MB'],
  );
  assert.deepEqual((files as { scale?: unknown }).scale, {
    factor: 1024 * 1024,
    unit: '字节',
    decimals: 1,
  });
  const [large] = await form('/api/settings/files/large');
  assert.deepEqual(
    [large.label, large.unit, large.help],
    ['单个大文件大小上限', 'GB', '0.01 至 64 GB'],
  );
  await api.refused(
    sys,
    'PUT',
    '/api/settings/files',
    { maxBytes: 500 },
    400,
    /^单个文件大小上限（字节）：不能小于 1 KB$/,
  );
  await api.refused(
    sys,
    'PUT',
    '/api/settings/files/large',
    { maxBytes: 65 * 1024 ** 3 },
    400,
    /^单个大文件大小上限（字节）：不能超过 64 GB$/,
  );
});

test('索引号规则 and 规范性文件: options from the declaration; a pattern that could repeat is refused on its field', async () => {
  const [pattern, dateFrom] = await form('/api/settings/index-number');
  assert.equal(pattern.help, '默认（安徽）：{creditCode}/{YYYYMM}-{seq:5}');
  assert.deepEqual(dateFrom.options, [
    { value: 'published', label: '发布日期' },
    { value: 'formed', label: '生成日期' },
  ]);
  const res = await api.call(sys, 'PUT', '/api/settings/index-number', {
    pattern: '{creditCode}/{YYYY}',
    dateFrom: 'published',
  });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    res.json().error.fields.map((f: { path: string }) => f.path),
    ['pattern'],
  );
  assert.match(res.json().error.message, /^索引号格式：必须且只能包含一个顺序号/);
  const documents = await form('/api/settings/documents');
  assert.deepEqual(
    documents.map((f) => [f.label, f.unit]),
    [
      ['有效期上限', '年'],
      ['试行、暂行文件有效期上限', '年'],
      ['届满前提醒后评估', '个月'],
      ['备案期限', undefined],
      ['备案期限单位', undefined],
    ],
  );
  await api.refused(
    sys,
    'PUT',
    '/api/settings/documents',
    { ...documentSettings.defaults, validityYears: 11 },
    400,
    /^有效期上限（年）：/,
  );
});
