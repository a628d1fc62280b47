// The litigation forms are declared on the server (forms.ts, issue 11 item 2). 登记行政复议 and 登记行政诉讼
// are served at GET /api/litigation/forms and their routes refuse by the same labels, taking the form's
// values (empty ones left out, 复议后起诉 as the select's) and the API's older ones (nulls, a boolean).
// The case page's act form: each act the view offers comes with its date, the engine act's fields and,
// for the answer, the evidence; the route takes the evidence as the form's lines (one item a line) as
// well as a list, and refuses by the same labels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formsContract } from '../../server/testApi.ts';
import { ACT_DATE, EVIDENCE, REGISTER_FORMS } from './forms.ts';
import { litigationApp, RECON, registered } from './testkit.ts';

type Shown = Array<{ name: string; label: string; required?: boolean }>;

test('each act comes with its whole form; the evidence is posted as the form’s lines', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal } = l;
  const view = await registered(l);
  const id = view.record.id;
  const answer = view.actions.find((a: { action: string }) => a.action === 'answer');
  const names = (fields: Shown) => fields.map((f) => [f.name, f.label, !!f.required]);
  assert.deepEqual(names(answer.fields).at(0), [ACT_DATE.name, ACT_DATE.label, true]);
  assert.deepEqual(names(answer.fields).at(-1), [EVIDENCE.name, EVIDENCE.label, false]);
  for (const a of view.actions as Array<{ action: string; fields: Shown }>) {
    assert.equal(a.fields[0].name, 'on', a.action);
    if (a.action !== 'answer' && a.action !== 'defend')
      assert.ok(!a.fields.some((f) => f.name === 'evidence'), a.action);
  }
  const url = `/api/litigation/${id}/acts`;
  // An act without its date: 400 naming the form's 办理日期, nothing changed.
  await api.refused(legal, 'POST', url, { action: 'answer', data: {} }, 400, /办理日期/);
  // A line gathered during the 复议 is refused like the list's item (行政复议法第四十六条).
  const summary = '被申请人已依法作出答复，事实清楚，程序合法。';
  await api.refused(
    legal,
    'POST',
    url,
    { action: 'answer', on: '2025-03-03', data: { summary }, evidence: '补充调查笔录 2025-02-25' },
    400,
    /补充调查笔录.*第四十六条/,
  );
  // A line without its date: the item's 取得日期 is named.
  await api.refused(
    legal,
    'POST',
    url,
    { action: 'answer', on: '2025-03-03', data: { summary }, evidence: '申请登记表' },
    400,
    /取得日期/,
  );
  const done = await api.ok(legal, 'POST', url, {
    action: 'answer',
    on: '2025-03-03',
    data: { summary },
    evidence: '政府信息公开申请登记表 2025-01-10\n告知书，2025-01-20',
  });
  assert.deepEqual(done.record.evidence, [
    { title: '政府信息公开申请登记表', gatheredOn: '2025-01-10' },
    { title: '告知书', gatheredOn: '2025-01-20' },
  ]);
});

test('the register forms are served as declared; their routes refuse by their labels', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal } = l;
  const served = await api.ok(legal, 'GET', '/api/litigation/forms');
  assert.deepEqual(Object.keys(served), Object.keys(REGISTER_FORMS));
  await formsContract({
    ...api,
    as: legal,
    served,
    declared: REGISTER_FORMS,
    routes: {
      reconsideration: '/api/litigation/reconsiderations',
      lawsuit: '/api/litigation/lawsuits',
    },
  });
  // The record's type: the empty choice is an act not among the bureau's records.
  const actModule = served.lawsuit.find((f: { name: string }) => f.name === 'actModule');
  assert.equal(actModule.placeholder, '其他行政行为（不关联记录）');
  assert.deepEqual(
    actModule.options.map((o: { label: string }) => o.label),
    ['政府信息公开申请答复', '行政规范性文件', '行政处罚决定'],
  );
  // Each form's own words: the suit's 原告, the 复议's 申请人.
  const suit = {
    caseNo: '（2025）皖1602行初5号',
    applicant: '赵某',
    body: '示范市人民法院',
    actTitle: '政府信息公开申请答复',
    receivedOn: '2025-03-03',
  };
  await api.refused(
    legal,
    'POST',
    '/api/litigation/lawsuits',
    { ...suit, applicant: ' ' },
    400,
    /原告/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, applicant: ' ', actRecordId: l.requestId },
    400,
    /申请人/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, procedureType: 'summary', actRecordId: l.requestId },
    400,
    /审理程序/,
  );
  // As the form posts it: empty fields left out, 复议后起诉 as the select's value.
  const v = await api.ok(legal, 'POST', '/api/litigation/lawsuits', {
    ...suit,
    afterReconsideration: 'true',
  });
  assert.equal(v.record.afterReconsideration, true);
  assert.equal(v.record.act, null);
  // The API's older callers: nulls for what is left empty, a boolean.
  const w = await api.ok(legal, 'POST', '/api/litigation/lawsuits', {
    ...suit,
    caseNo: '（2025）皖1602行初6号',
    actModule: null,
    actRecordId: null,
    filedOn: null,
    afterReconsideration: false,
  });
  assert.equal(w.record.afterReconsideration, false);
  const r = await api.ok(legal, 'POST', '/api/litigation/reconsiderations', {
    ...RECON,
    actRecordId: l.requestId,
    acceptedOn: null,
  });
  assert.equal(r.record.procedureType, 'ordinary');
});
