// Migration 0032 keeps what the decision catalogues and meetings recorded: every row gets a case whose
// history replays it (status, approval, publication, adjustments, agenda, record), the status columns
// go, and the engine then answers for the migrated rows as for new ones.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock, newId } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { openDatabase, queryRows, type Database } from '../../core/db/client.ts';
import { MIGRATIONS_DIR, migrate } from '../../core/db/migrate.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { caseState, loadHistory } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { eq } from 'drizzle-orm';
import { boot } from '../../server/boot.ts';
import { scratchPostgres, testDbKind } from '../../server/testing.ts';
import { listCatalogues } from '../decisions/catalogueQueries.ts';
import { loadMeeting } from './queries.ts';
import { publishAgenda, recordHeld } from './service.ts';

const TAG = '0032_catalogue-meeting-cases';
const dept = newId();
const ids = {
  draft: newId(),
  published: newId(),
  planned: newId(),
  held: newId(),
};
let ctx: Ctx;
let database: Database;
let drop: (() => Promise<void>) | undefined;
let tmp = '';

/** The migrations before 0032, in a directory of their own. */
function migrationsBefore(): string {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-0032-'));
  fs.mkdirSync(path.join(tmp, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
  );
  journal.entries = journal.entries.filter((e: { idx: number; tag: string }) => e.idx < 32);
  fs.writeFileSync(path.join(tmp, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries as Array<{ tag: string }>)
    fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(tmp, `${e.tag}.sql`));
  return tmp;
}

before(async () => {
  if (testDbKind() === 'postgres') {
    // A fresh database, not the run's migrated template: the migrations before 0032 run here.
    const scratch = await scratchPostgres(null);
    drop = scratch.drop;
    database = await openDatabase({ url: scratch.url, poolSize: 3 });
  } else database = await openDatabase({});
  await migrate(database.db, migrationsBefore());
  const db = database.db;
  const at = (d: string) => `${d}T02:00:00.000Z`;
  // Rows as the code before 0032 wrote them.
  await db.execute(sql`insert into decision_catalogues (id, department_id, year, title, status, created_at)
    values (${ids.draft}, ${dept}, 2026, '2026年度重大行政决策事项目录', 'draft', ${at('2025-05-12')}),
           (${ids.published}, ${dept}, 2025, '2025年度重大行政决策事项目录', 'published', ${at('2025-02-10')})`);
  await db.execute(sql`update decision_catalogues set approved_on = '2025-02-14', approved_by = '中共示范市委',
    approval_ref = '市委常委会2025年第2次会议', published_on = '2025-02-17', publication_id = ${newId()} where id = ${ids.published}`);
  const adjustment = newId();
  await db.execute(sql`insert into decision_catalogue_items (id, catalogue_id, seq, title, undertaking_unit, status, added_by_adjustment_id, created_at)
    values (${newId()}, ${ids.draft}, 1, '示范市科技创新券实施方案', '高新技术科', 'listed', null, ${at('2025-05-12')}),
           (${newId()}, ${ids.published}, 1, '示范市研发投入后补助办法', '高新技术科', 'listed', null, ${at('2025-02-10')}),
           (${newId()}, ${ids.published}, 2, '示范市科技成果转化奖励办法', '成果转化与区域创新科', 'listed', ${adjustment}, ${at('2025-05-06')})`);
  await db.execute(sql`insert into decision_catalogue_adjustments (id, catalogue_id, seq, reason, approved_on, approved_by, changes, published_on, publication_id, created_at)
    values (${adjustment}, ${ids.published}, 1, '根据市政府工作部署增加事项', '2025-05-05', '中共示范市委', '[]'::jsonb, '2025-05-06', ${newId()}, ${at('2025-05-06')})`);
  await db.execute(sql`insert into meetings (id, department_id, kind, year, session_no, meeting_on, status, created_at)
    values (${ids.planned}, ${dept}, 'directorsOffice', 2025, 3, '2025-05-30', 'planned', ${at('2025-05-20')}),
           (${ids.held}, ${dept}, 'partyGroup', 2025, 1, '2025-03-10', 'held', ${at('2025-03-03')})`);
  await db.execute(sql`update meetings set attendees = '党组成员', minutes = '会议研究了孵化器认定和管理办法。',
    public_attendees = '[{"name":"钱某","identity":"人大代表"}]'::jsonb, agenda_published_on = '2025-03-05',
    held_recorded_at = ${at('2025-03-10')} where id = ${ids.held}`);
  await db.execute(sql`insert into meeting_agenda_items (id, meeting_id, department_id, seq, title, subject_type, is_public, public_summary, created_at)
    values (${newId()}, ${ids.held}, ${dept}, 1, '听取一季度工作汇报', 'other', false, '', ${at('2025-03-03')}),
           (${newId()}, ${ids.held}, ${dept}, 2, '审议孵化器认定和管理办法', 'other', true, '研究孵化器认定办法', ${at('2025-03-04')}),
           (${newId()}, ${ids.planned}, ${dept}, 1, '研究年度预算执行情况', 'other', true, '', ${at('2025-05-21')})`);
  // 0032 and whatever follows it, as the server applies them at start.
  ctx = await boot({ database, clock: fixedClock('2025-06-02T02:00:00.000Z') });
});

after(async () => {
  await database.close();
  await drop?.();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const staff = systemActor({ departmentId: dept, roles: ['staff'] });

async function stateOf(caseId: string) {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  return { c, state: await caseState(ctx, c), history: await loadHistory(ctx.db, c.id) };
}

test('0032: each catalogue is a case with its status, approval, publication and adjustments; nothing is lost', async () => {
  const list = await listCatalogues(ctx, staff);
  const draft = list.find((c) => c.id === ids.draft)!;
  const published = list.find((c) => c.id === ids.published)!;
  assert.equal(draft.status, 'draft');
  assert.equal(published.status, 'published');
  assert.equal(published.statusLabel, '已公布');
  assert.equal(published.approvedBy, '中共示范市委');
  assert.equal(published.publishedOn, '2025-02-17');
  assert.equal(published.items.length, 2);
  assert.equal(published.adjustments.length, 1);
  // The engine replays the history to the same status, and offers what the old rules offered.
  const p = await stateOf(published.caseId);
  assert.equal(p.c.procedure, 'decisionCatalogue');
  assert.equal(p.state.status, 'published');
  assert.deepEqual(
    p.history.map((e) => e.type),
    ['draft', 'editItems', 'approve', 'publish', 'approveAdjustment', 'publishAdjustment'],
  );
  assert.deepEqual(published.actions, {
    editItems: false,
    approve: false,
    publish: false,
    adjust: true,
    // Its adjustment is published already: no agreed adjustment waits for its 公布.
    publishAdjustment: false,
  });
  assert.match(p.state.blocked.find((b) => b.action === 'publish')!.reason, /目录已经公布/);
  const d = await stateOf(draft.caseId);
  assert.equal(d.state.status, 'draft');
  assert.deepEqual(draft.actions, {
    editItems: true,
    approve: true,
    publish: false,
    adjust: false,
    publishAdjustment: false,
  });
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from information_schema.columns where table_name in ('decision_catalogues', 'meetings') and column_name = 'status'`,
  );
  assert.equal(n, 0, 'the status columns are gone: the case status is the source');
});

test('0032: each meeting is a case with its agenda, publication and record; the engine acts on it', async () => {
  const held = await loadMeeting(ctx.db, staff, ids.held);
  assert.equal(held.status, 'held');
  assert.equal(held.minutes, '会议研究了孵化器认定和管理办法。');
  const h = await stateOf(held.caseId);
  assert.deepEqual(
    h.history.map((e) => e.type),
    ['schedule', 'addAgendaItem', 'addAgendaItem', 'publishAgenda', 'hold'],
  );
  assert.equal(h.c.title, '2025年第1次党组会');
  assert.match(h.state.blocked.find((b) => b.action === 'hold')!.reason, /不能覆盖/);
  assert.match(h.state.blocked.find((b) => b.action === 'publishAgenda')!.reason, /议题已经公开/);
  const planned = await loadMeeting(ctx.db, staff, ids.planned);
  assert.equal(planned.status, 'planned');
  const s = await stateOf(planned.caseId);
  assert.ok(
    s.state.allowed.some((a) => a.action === 'publishAgenda'),
    'a public topic is listed',
  );
  // Acts on migrated meetings go through the engine like on new ones.
  await publishAgenda(ctx, staff, ids.planned);
  const after = await recordHeld(ctx, staff, ids.planned, {
    attendees: '局长、副局长',
    publicAttendees: [],
    minutes: '会议研究了年度预算执行情况。',
  });
  assert.equal(after.status, 'held');
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, planned.caseId));
  assert.equal(c.status, 'held');
});
