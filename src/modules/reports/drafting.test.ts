// 法治政府建设年度报告 through the API on a real database, the draft: the study records of part (三),
// assembly from the demo records (every figure equals its provider's fact), live figures and what
// changed, hand-typed figures, and facts that name their own area or fail.
// Each test starts from its own app (./testkit.ts over server/testing.ts, which puts this file in the
// runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { factProviders } from '../../server/modules.ts';
import { REPORT_AREAS } from '../../core/facts.ts';
import type { Block, ReportDocument } from './document.ts';
import { gatherFacts, periodEnd, stepOverdueAt } from './facts.ts';
import { edited, reportsTest, studySession, studySessions, type ReportsApp } from './testkit.ts';

const blocks = (doc: ReportDocument): Block[] => [
  ...doc.preface,
  ...doc.parts.flatMap((p) => p.blocks),
];
const factKeys = (doc: ReportDocument) =>
  blocks(doc).flatMap((b) => b.inlines.flatMap((i) => (i.t === 'fact' ? [i.key] : [])));

async function providerFacts({ t, deptId }: ReportsApp, year: number) {
  const all = await Promise.all(
    factProviders.map(async (p) =>
      (await p.facts(t.ctx, deptId, year)).map((f) => ({ ...f, area: p.area })),
    ),
  );
  return new Map(all.flat().map((f) => [f.key, f]));
}

reportsTest('study sessions and 述法 entries are the records of part (三)', 'base', async (k) => {
  const { t, staff, oversight, other, call, ok } = k;
  const session = studySession;
  await studySessions(k);
  const bad = await call(staff, 'POST', '/api/reports/study/sessions', {
    ...session,
    durationMinutes: 2,
    heldOn: '2025-02-30',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /时长（分钟）/);
  assert.match(bad.json().error.message, /学法日期/);
  const list = await ok(staff, 'GET', '/api/reports/study?year=2025');
  assert.equal(list.sessions.length, 2);
  assert.equal(
    (await call(oversight, 'POST', '/api/reports/study/sessions', session)).statusCode,
    403,
  );
  // A record entered by mistake is removed (audited); another department's is not found.
  const { id } = await ok(staff, 'POST', '/api/reports/study/sessions', {
    ...session,
    topic: '录入错误',
  });
  assert.equal((await call(other, 'DELETE', `/api/reports/study/session/${id}`)).statusCode, 404);
  assert.equal((await call(staff, 'DELETE', `/api/reports/study/session/${id}`)).statusCode, 204);
  assert.equal((await ok(staff, 'GET', '/api/reports/study?year=2025')).sessions.length, 2);
  const [audit] = await queryRows<{ action: string }>(
    t.ctx.db,
    sql`select action from audit_events order by seq desc limit 1`,
  );
  assert.equal(audit.action, 'reports.session.remove');
});

reportsTest(
  'assembly: five parts in the regulation order, every figure equals its provider fact',
  'demo',
  async (k) => {
    const { t, staff, deptId, ok, refused } = k;
    await studySessions(k);
    assert.equal((await ok(staff, 'GET', '/api/reports/2025')).exists, false);
    const view = await ok(staff, 'POST', '/api/reports/2025');
    const doc2025: ReportDocument = view.document;
    assert.deepEqual(
      doc2025.parts.map((p) => p.code),
      ['measures', 'shortcomings', 'firstResponsible', 'plans', 'other'],
    );
    assert.equal(doc2025.title, '示范市科学技术局2025年法治政府建设年度报告');
    assert.match(doc2025.parts[0].heading, /^2025年度推进法治政府建设的主要举措和成效$/);
    assert.match(doc2025.parts[3].heading, /^2026年度/);
    const facts = await providerFacts(k, 2025);
    const keys = factKeys(doc2025);
    assert.ok(keys.length >= 10, `the report refers to the facts (${keys.length})`);
    for (const k of keys) {
      if (k.startsWith('timeliness.')) continue;
      assert.equal(view.figures[k].value, facts.get(k)!.value, k);
      assert.equal(view.figures[k].sentence, facts.get(k)!.sentence, k);
      assert.ok(
        view.figures[k].sentence,
        `${k}: only facts with something to say are written into the draft`,
      );
    }
    // Part (一): one second-level heading per area that has something to say, in REPORT_AREAS order.
    const h2 = doc2025.parts[0].blocks
      .filter((b) => b.kind === 'h2')
      .map((b) => (b.inlines[0] as { text: string }).text);
    const areasWithFacts = REPORT_AREAS.filter(
      (a) =>
        a !== 'firstResponsible' && [...facts.values()].some((f) => f.area === a && f.sentence),
    );
    assert.equal(h2.length, areasWithFacts.length);
    // Part (三) is written from the study records: 2 sessions, 135 minutes.
    assert.equal(view.figures['study.sessions'].value, 2);
    assert.match(view.figures['study.sessions'].sentence, /2次，累计2.3小时/);
    // Part (二): the overdue 依申请公开 answers and the missing 述法 are named, with suggestions.
    const part2 = doc2025.parts[1].blocks
      .map((b) =>
        b.inlines
          .map((i) => (i.t === 'fact' ? `[${i.key}]` : i.t === 'text' ? i.text : ''))
          .join(''),
      )
      .join('\n');
    assert.match(
      part2,
      /[一二三四五]是依申请公开“答复申请人”环节存在逾期未办。\[timeliness\.overdue\.disclosureRequest\.answer\]/,
    );
    assert.match(part2, /领导干部未进行年度述法/);
    assert.match(part2, /领导干部学法未达到每年4次的要求/);
    assert.match(part2, /改进措施：/);
    // As at the end of 2025 (the draft is made on 2026-02-09): overdue then, answered later or not yet.
    const overdue = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from case_steps s join cases c on c.id = s.case_id where s.department_id = ${deptId} and c.procedure = 'disclosureRequest' and s.step = 'answer' and ${stepOverdueAt(periodEnd(2025, '2026-02-09'))}`,
    );
    assert.ok(overdue[0].n >= 1);
    assert.equal(view.figures['timeliness.overdue.disclosureRequest.answer'].value, overdue[0].n);
    const records = await ok(
      staff,
      'GET',
      '/api/reports/step-records?procedure=disclosureRequest&step=answer&kind=overdue&year=2025',
    );
    assert.equal(records.total, overdue[0].n);
    // The deadlines: the case's two steps, due 3月1日 and 4月1日 of the next year.
    assert.deepEqual(
      view.deadlines.steps.map((s: { step: string; dueDate: string }) => [s.step, s.dueDate]),
      [
        ['publish', '2026-04-01'],
        ['submit', '2026-03-01'],
      ],
    );
    await refused(staff, 'POST', '/api/reports/2025', undefined, 409, /已生成/);
    await refused(staff, 'POST', '/api/reports/2027', undefined, 400, /不能晚于本年度/);
  },
);

reportsTest(
  'live figures: records change before approval, the view shows old → new; hand-typed figures are marked',
  'base',
  async ({ staff, ok, refused }) => {
    await ok(staff, 'POST', '/api/reports/2025');
    await ok(staff, 'POST', '/api/reports/study/statements', {
      year: 2025,
      personName: '李局长',
      position: '局长',
      rank: 'head',
      statedOn: '2026-01-20',
      form: 'yearEnd',
      summary: '履行第一责任人职责情况',
    });
    let view = await ok(staff, 'GET', '/api/reports/2025');
    const change = view.changes.find((c: { key: string }) => c.key === 'study.dutyStatements');
    assert.deepEqual({ from: change.from, to: change.to }, { from: 0, to: 1 });
    assert.equal(view.figures['study.dutyStatements'].previous, 0);
    assert.equal(view.figures['study.dutyStatements'].value, 1);
    // Staff edit prose, insert a hand-typed figure, and save: a new version; the change is acknowledged.
    const doc = edited(view.document);
    view = await ok(staff, 'PUT', '/api/reports/2025', {
      baseVersionId: view.version.id,
      content: doc,
    });
    assert.equal(view.version.seq, 2);
    assert.equal(view.manualFigures, 2);
    assert.equal(view.changes.length, 0);
    // A stale base version and an unknown fact are refused.
    await refused(
      staff,
      'PUT',
      '/api/reports/2025',
      { baseVersionId: (await ok(staff, 'GET', '/api/reports/2025/versions'))[1].id, content: doc },
      409,
      /已被他人修改/,
    );
    const unknown = structuredClone(doc);
    unknown.preface[0].inlines.push({ t: 'fact', key: 'nothing.here', form: 'value' });
    await refused(
      staff,
      'PUT',
      '/api/reports/2025',
      { baseVersionId: view.version.id, content: unknown },
      400,
      /数据项不存在：nothing\.here/,
    );
    const broken = structuredClone(doc) as unknown as { parts: unknown[] };
    broken.parts.pop();
    await refused(
      staff,
      'PUT',
      '/api/reports/2025',
      { baseVersionId: view.version.id, content: broken },
      400,
      /报告正文/,
    );
  },
);

reportsTest(
  'facts: a fact may name its own area; a failing provider is reported, not fatal',
  'base',
  async ({ t, deptId }) => {
    const base = {
      label: '党组会',
      unit: '次',
      sentence: '召开党组会12次。',
      method: '',
      records: { path: '/api/x', query: {} },
    };
    const facts = await gatherFacts(
      t.ctx,
      [
        {
          module: 'm',
          area: 'decisions',
          facts: async () => [
            { ...base, key: 'm.partyGroup', value: 12, area: 'firstResponsible' },
            { ...base, key: 'm.topics', value: 3 },
          ],
        },
        {
          module: 'broken',
          area: 'other',
          facts: async () => {
            throw new Error('boom');
          },
        },
      ],
      deptId,
      2025,
    );
    assert.equal(facts.byKey.get('m.partyGroup')!.area, 'firstResponsible');
    assert.equal(facts.byKey.get('m.topics')!.area, 'decisions');
    assert.deepEqual(facts.unavailable, ['broken']);
  },
);
