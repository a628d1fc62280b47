// The workbench reads the litigation labels from the server (issue 11 item 2): the 案件类型 filter, and on
// every listed case its kind's and its result category's label (table 四's 结果维持/纠正/其他/尚未审结).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { CATEGORY_LABELS, KIND_LABELS } from './labels.ts';
import { presentRow } from './records.ts';
import type { LitigationRow } from './service.ts';

const PW = 'Labels-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let legal: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, {
    username: 'll-legal',
    password: PW,
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  legal = await signIn(t.app, 'll-legal', PW);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: legal.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};

test('GET /api/litigation/labels: the two kinds of case, and each filters the list', async () => {
  const labels = await get('/api/litigation/labels');
  assert.deepEqual(labels.kinds, [
    { value: 'reconsideration', label: '行政复议' },
    { value: 'lawsuit', label: '行政诉讼' },
  ]);
  for (const k of labels.kinds) {
    const items = await get(`/api/litigation?kind=${k.value}`);
    for (const item of items) assert.equal(item.kind, k.value);
  }
});

const base: LitigationRow = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '10000000-0000-4000-8000-000000000001',
  departmentId: 'd',
  orgId: 'o',
  kind: 'reconsideration',
  caseNo: '案1',
  applicant: '申请人',
  body: '示范市人民政府',
  procedureType: 'ordinary',
  actModule: null,
  actRecordId: null,
  actTitle: '答复',
  filedOn: null,
  receivedOn: '2025-03-01',
  afterReconsideration: false,
  answeredOn: null,
  answerDue: null,
  answerLate: null,
  evidence: [],
  answerText: '',
  firstResult: null,
  firstResultOn: null,
  appealedOn: null,
  finalResult: null,
  finalResultOn: null,
  createdBy: null,
  createdAt: new Date(0),
};

test('a listed case carries the labels of its kind and of its result category', () => {
  const rows: Array<[Partial<LitigationRow>, string, string | null]> = [
    [{}, '行政复议', null],
    [{ firstResult: 'maintain', firstResultOn: '2025-04-01' }, '行政复议', '结果维持'],
    [
      { kind: 'lawsuit', firstResult: 'revoke', firstResultOn: '2025-04-01' },
      '行政诉讼',
      '结果纠正',
    ],
    [
      { kind: 'lawsuit', firstResult: 'withdrawn', firstResultOn: '2025-04-01' },
      '行政诉讼',
      '其他结果',
    ],
  ];
  for (const [p, kindLabel, categoryLabel] of rows) {
    const v = presentRow({ ...base, ...p }, '2025-05-01');
    assert.equal(v.kindLabel, kindLabel);
    assert.equal(v.result?.categoryLabel ?? null, categoryLabel);
    if (v.result) assert.equal(v.result.categoryLabel, CATEGORY_LABELS[v.result.category]);
    assert.equal(v.kindLabel, KIND_LABELS[v.kind as keyof typeof KIND_LABELS]);
  }
});
