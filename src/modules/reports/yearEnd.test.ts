// The year-end rule on a real database (PGlite and PostgreSQL): a 2025 report drafted on 2026-02-09
// takes its "as at" figures at 2025-12-31. Requests and steps overdue then (answered later or
// still open) are late and lower the 按期答复率; 2026 cases are not counted; 现行有效 documents are
// those published by 2025-12-31 and not ended by then. Each figure equals the records it lists.
// An empty department's draft is a few plain sentences, no zeros.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext, moveToDay, type TestContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { factProviders } from '../../server/modules.ts';
import { documentFacts, inForceOn } from '../documents/facts.ts';
import { disclosureRequestFacts } from '../disclosure/requests/facts.ts';
import { assemble } from './assemble.ts';
import { blockText, numberedParts } from './document.ts';
import { gatherFacts, timelinessFacts } from './facts.ts';
import { reportTemplateSetting } from './template.ts';
import { stepRecords } from './view.ts';

let t: TestContext;
const dept = randomUUID();
const empty = randomUUID();
const actor: Actor = {
  userId: randomUUID(),
  username: 'y',
  displayName: 'y',
  orgId: dept,
  orgName: '',
  departmentId: dept,
  roles: ['staff'],
  mustChangePassword: false,
};

/** A 依申请公开 request with its case, its answer step (and answer, when answered). */
async function request(title: string, receivedOn: string, due: string, answeredOn?: string) {
  const caseId = randomUUID();
  await t.ctx.db
    .execute(sql`insert into cases (id, module, procedure, title, department_id, org_id, status, created_at, closed_on)
    values (${caseId}, 'disclosure', 'disclosureRequest', ${title}, ${dept}, ${dept}, ${answeredOn ? 'closed' : 'open'}, now(), ${answeredOn ?? null})`);
  await t.ctx.db
    .execute(sql`insert into disclosure_requests (id, case_id, department_id, tracking_code, applicant_kind, report_column, channel, received_on, dedupe_hash, created_at, updated_at)
    values (${randomUUID()}, ${caseId}, ${dept}, ${title}, 'naturalPerson', 'naturalPerson', 'online', ${receivedOn}, ${title}, now(), now())`);
  await t.ctx.db
    .execute(sql`insert into case_steps (id, case_id, step, label, roles, department_id, org_id, status, due_date, opened_on, done_on)
    values (${randomUUID()}, ${caseId}, 'answer', '答复申请人', '{staff}'::text[], ${dept}, ${dept}, ${answeredOn ? 'done' : 'open'}, ${due}, ${receivedOn}, ${answeredOn ?? null})`);
  if (answeredOn) {
    await t.ctx.db.execute(
      sql`insert into case_events (id, case_id, seq, type, on_date, at, actor_roles, data) values (${randomUUID()}, ${caseId}, 1, 'answer', ${answeredOn}, now(), '{staff}'::text[], '{}')`,
    );
    await t.ctx.db.execute(sql`update cases set outcome = 'disclose' where id = ${caseId}`);
  }
}

/** A 规范性文件 version: published (or a draft), with its 有效期 and ending events. */
async function document(
  title: string,
  publishedOn: string | null,
  opts: {
    legalStatus: string;
    validUntil?: string;
    effectiveOn?: string;
    ended?: [string, string];
  },
) {
  const id = randomUUID();
  await t.ctx.db
    .execute(sql`insert into normative_documents (id, lineage_id, case_id, department_id, drafting_org_id, title, doc_type, concerns_market, touches_public_interest, legal_status, published_on, valid_until, effective_on, created_at, updated_at)
    values (${id}, ${randomUUID()}, ${randomUUID()}, ${dept}, ${dept}, ${title}, 'measures', false, false, ${opts.legalStatus}, ${publishedOn}, ${opts.validUntil ?? null}, ${opts.effectiveOn ?? null}, now(), now())`);
  if (opts.ended)
    await t.ctx.db.execute(
      sql`insert into document_events (id, document_id, kind, on_date, created_at) values (${randomUUID()}, ${id}, ${opts.ended[0]}, ${opts.ended[1]}, now())`,
    );
}

before(async () => {
  t = await createTestContext();
  await moveToDay(t, '2026-02-09');
  await request('R1 按期答复', '2025-03-01', '2025-03-28', '2025-03-20');
  await request('R2 逾期答复', '2025-11-01', '2025-11-28', '2025-12-10');
  await request('R3 年末逾期未答复', '2025-12-01', '2025-12-29');
  await request('R4 期限在次年', '2025-12-05', '2026-01-06');
  await request('R5 年末逾期、次年答复', '2025-11-20', '2025-12-18', '2026-01-10');
  await request('R6 次年收到', '2026-01-05', '2026-02-02');
  await request('R7 12月31日届满未答复', '2025-12-02', '2025-12-31');
  await document('D1 2024年发布', '2024-05-01', { legalStatus: 'inForce' });
  await document('D2 次年废止', '2025-03-01', {
    legalStatus: 'abolished',
    ended: ['abolished', '2026-01-15'],
  });
  await document('D3 年内有效期届满', '2025-06-01', {
    legalStatus: 'expired',
    validUntil: '2025-11-30',
  });
  await document('D4 次年发布', '2026-01-10', { legalStatus: 'inForce' });
  await document('D5 次年发布', '2026-02-01', { legalStatus: 'inForce' });
  await document('D6 草稿', null, { legalStatus: 'draft' });
  await document('D7 年内被修改', '2023-01-01', {
    legalStatus: 'amended',
    ended: ['amended', '2025-08-01'],
  });
  await document('D8 修改后的新版本', '2025-08-01', { legalStatus: 'inForce' });
  await document('D9 年末发布、次年施行', '2025-12-20', {
    legalStatus: 'inForce',
    effectiveOn: '2026-01-01',
  });
});
after(() => t.close());

const byKey = <F extends { key: string }>(facts: F[], key: string) =>
  facts.find((f) => f.key === key)!;

test('timeliness as at 2025-12-31: overdue then (answered in January or still open) counts, 2026 cases do not; the records list the same', async () => {
  const facts = await timelinessFacts(t.ctx, t.ctx.db, dept, 2025);
  assert.deepEqual(
    facts.map((f) => [f.key, f.value, f.sentence]),
    [
      [
        'timeliness.late.disclosureRequest.answer',
        1,
        '2025年，依申请公开“答复申请人”环节有1件超过期限才办理完毕。',
      ],
      [
        'timeliness.overdue.disclosureRequest.answer',
        3,
        '截至2025年12月31日，依申请公开“答复申请人”环节仍有3件已过期限尚未办理。',
      ],
    ],
  );
  for (const kind of ['late', 'overdue'] as const) {
    const listed = await stepRecords(t.ctx, actor, {
      procedure: 'disclosureRequest',
      step: 'answer',
      kind,
      year: 2025,
    });
    assert.equal(
      listed.total,
      byKey(facts, `timeliness.${kind}.disclosureRequest.answer`).value,
      kind,
    );
    assert.equal(listed.items.length, listed.total);
  }
  const overdue = await stepRecords(t.ctx, actor, {
    procedure: 'disclosureRequest',
    step: 'answer',
    kind: 'overdue',
    year: 2025,
  });
  assert.deepEqual(
    overdue.items.map((i) => i.title),
    ['R5 年末逾期、次年答复', 'R3 年末逾期未答复', 'R7 12月31日届满未答复'],
  );
  // The running year: as at today.
  const now = await timelinessFacts(t.ctx, t.ctx.db, dept, 2026);
  assert.deepEqual(
    now.map((f) => [f.key, f.value]),
    [
      ['timeliness.late.disclosureRequest.answer', 1],
      ['timeliness.overdue.disclosureRequest.answer', 4],
    ],
  );
  assert.match(
    byKey(now, 'timeliness.overdue.disclosureRequest.answer').sentence,
    /^截至2026年2月9日，/,
  );
});

test('按期答复率: requests overdue at the end of the year are late; the overdue figure lists its records', async () => {
  const facts = await disclosureRequestFacts(t.ctx, dept, 2025);
  assert.equal(byKey(facts, 'disclosure.requests.received').value, 6, 'R6 was received in 2026');
  const rate = byKey(facts, 'disclosure.requests.answeredOnTime');
  assert.equal(
    rate.value,
    20,
    'R1 on time of R1, R2 (answered) and R3, R5, R7 (overdue at the end of 2025)',
  );
  assert.equal(
    rate.sentence,
    '本年度作出答复2件，其中在法定期限内答复1件；截至2025年12月31日另有3件已超过答复期限尚未答复，按期答复率20%。',
  );
  const overdue = byKey(facts, 'disclosure.requests.overdue');
  assert.equal(overdue.value, 3);
  const listed = await stepRecords(
    t.ctx,
    actor,
    overdue.records.query as { procedure: string; step: string; kind: 'overdue'; year: number },
  );
  assert.equal(listed.total, overdue.value);
  const next = await disclosureRequestFacts(t.ctx, dept, 2026);
  assert.equal(
    byKey(next, 'disclosure.requests.answeredOnTime').sentence,
    '本年度作出答复1件，超过法定期限答复；截至2026年2月9日另有4件已超过答复期限尚未答复，按期答复率0%。',
  );
});

test('现行有效 as at 2025-12-31: published by then, not ended by then; the figure is the list it names', async () => {
  const facts = await documentFacts(t.ctx, dept, 2025);
  const inForce = byKey(facts, 'documents.inForce');
  assert.equal(inForce.value, 4);
  assert.equal(inForce.sentence, '截至2025年12月31日，现行有效行政规范性文件4件。');
  assert.deepEqual(inForce.records.query, { inForceOn: '2025-12-31' });
  const listed = await queryRows<{ title: string }>(
    t.ctx.db,
    sql`select title from normative_documents where department_id = ${dept} and ${inForceOn(String(inForce.records.query.inForceOn))} order by title`,
  );
  assert.deepEqual(
    listed.map((d) => d.title),
    ['D1 2024年发布', 'D2 次年废止', 'D8 修改后的新版本', 'D9 年末发布、次年施行'],
  );
  const [current] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from normative_documents where department_id = ${dept} and legal_status in ('inForce','notYetInForce')`,
  );
  assert.equal(current.n, 5, 'the current status would count the two documents of 2026');
  assert.equal(byKey(facts, 'documents.issued').value, 4);
  assert.equal(byKey(facts, 'documents.issued').sentence, '2025年制发行政规范性文件4件。');
  assert.equal(
    byKey(facts, 'documents.reviewedShare').sentence,
    '本年制发的4件文件均未记录合法性审核意见。',
  );
  assert.equal(
    byKey(await documentFacts(t.ctx, dept, 2026), 'documents.inForce').sentence,
    '截至2026年2月9日，现行有效行政规范性文件5件。',
    'D1, D4, D5, D8, D9 (D2 abolished in January)',
  );
});

test('an empty department: the draft is a few plain sentences, no zero, no ISO date', async () => {
  const facts = await gatherFacts(t.ctx, factProviders, empty, 2025);
  const doc = assemble({
    year: 2025,
    department: '示范市统计局',
    template: reportTemplateSetting.defaults,
    facts: facts.figures,
  });
  const resolve = (k: string) => facts.byKey.get(k);
  const lines = numberedParts(doc).flatMap((p) => [
    p.heading,
    ...p.blocks
      .filter(({ block }) => block.inlines.length)
      .map(({ block, label }) => `${label ?? ''}${blockText(block, resolve)}`),
  ]);
  assert.deepEqual(lines, [
    '一、2025年度推进法治政府建设的主要举措和成效',
    '（一）依法科学民主决策',
    '本年度未作出重大行政决策。',
    '（二）行政规范性文件管理',
    '2025年未制发行政规范性文件。',
    '（三）政务公开',
    '2025年未主动公开政府信息。',
    '2025年未收到政府信息公开申请。',
    '二、2025年度推进法治政府建设存在的不足和原因',
    '经对照2025年度办理记录，主要存在以下不足：',
    '一是领导干部学法未达到每年4次的要求。2025年未记录领导干部学法活动。',
    '二是领导干部未进行年度述法。2025年未记录领导干部述法。',
    '改进措施：一是年初制定学法计划，每季度至少安排一次会前学法；二是将履行推进法治建设第一责任人职责情况列入年终述职内容。',
    '三、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
    '2025年未记录领导干部学法活动。2025年未记录领导干部述法。',
    '四、2026年度推进法治政府建设的主要安排',
    '五、其他需要报告的情况',
  ]);
});

test('the department with records: 政务公开 reads as one account, no contradiction', async () => {
  const facts = await gatherFacts(t.ctx, factProviders, dept, 2025);
  const doc = assemble({
    year: 2025,
    department: '示范市科学技术局',
    template: reportTemplateSetting.defaults,
    facts: facts.figures,
  });
  const text = doc.parts[0].blocks
    .map((b) => blockText(b, (k) => facts.byKey.get(k)))
    .filter(Boolean);
  assert.deepEqual(text.slice(text.indexOf('政务公开') + 1), [
    '2025年未主动公开政府信息。',
    '2025年共收到政府信息公开申请6件。本年度作出答复2件，其中在法定期限内答复1件；截至2025年12月31日另有3件已超过答复期限尚未答复，按期答复率20%。本年度办结的2件申请中，予以公开2件，占100%。',
  ]);
  for (const line of text)
    assert.doesNotMatch(line, /\d{4}-\d{2}-\d{2}|[^\d.]0(件|项|期|次|条|个|人次|名)/, line);
});
