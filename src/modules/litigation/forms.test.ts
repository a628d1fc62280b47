// The case page's act form is declared on the server (forms.ts, issue 11 item 2): each act the view
// offers comes with its date, the engine act's fields and, for the answer, the evidence; the route takes
// the evidence as the form's lines (one item a line) as well as a list, and refuses by the same labels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACT_DATE, EVIDENCE } from './forms.ts';
import { litigationApp, registered } from './testkit.ts';

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
