/**
 * 局长办公会 / 党组会: numbered sessions, agendas (议题) that link to decisions, normative documents
 * and legality-review matters, the record of the meeting (attendees, 列席 public representatives,
 * minutes), and the publication of the public agenda topics on the portal. One transaction per use
 * case with its audit event; agenda items for decisions are added by the decisions module in its own
 * transaction (addAgendaItem with `tx`).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { agendaItems, meetings } from './schema.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaRow = typeof agendaItems.$inferSelect;
export type MeetingKind = MeetingRow['kind'];
export type SubjectType = AgendaRow['subjectType'];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  directorsOffice: '局长办公会',
  partyGroup: '党组会',
};
export const SUBJECT_LABELS: Record<SubjectType, string> = {
  majorDecision: '重大行政决策',
  normativeDocument: '行政规范性文件',
  reviewMatter: '合法性审查事项',
  other: '其他议题',
};

/** "2025年第3次局长办公会" */
export const meetingName = (m: Pick<MeetingRow, 'year' | 'sessionNo' | 'kind'>) =>
  `${m.year}年第${m.sessionNo}次${MEETING_KIND_LABELS[m.kind]}`;

export interface MeetingInput {
  kind: MeetingKind;
  meetingOn: string;
  sessionNo?: number | null;
  location?: string;
  chair?: string;
}
export interface HeldInput {
  attendees: string;
  absentees?: string;
  publicAttendees: Array<{ name: string; identity: string }>;
  minutes: string;
}
export interface AgendaInput {
  title: string;
  subjectType: SubjectType;
  subjectId?: string | null;
  presenter?: string;
  isPublic?: boolean;
  publicSummary?: string;
  materials?: AgendaRow['materials'];
}

const audit = (
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  action: string,
  id: string,
  payload: Record<string, unknown>,
) =>
  appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `meeting.${action}`,
      entityType: 'meeting',
      entityId: id,
      payload,
    },
    ctx.clock.now(),
  );

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<MeetingRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('会议');
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  const [m] = forUpdate ? await q.for('update') : await q;
  if (!m) throw notFound('会议');
  authorize(actor, 'meeting', 'read', m);
  return m;
}

/** Schedules a session; its number is the next of the kind in the year unless given (and then unique). */
export async function createMeeting(
  ctx: Ctx,
  actor: Actor,
  input: MeetingInput,
): Promise<MeetingRow> {
  authorize(actor, 'meeting', 'manage');
  return inTx(ctx, async (tx) => {
    const year = Number(input.meetingOn.slice(0, 4));
    // One numbering per department, kind and year: serialise on a transaction-scoped lock.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`meeting:${actor.departmentId}:${input.kind}:${year}`}))`,
    );
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(session_no), 0)::int as n from meetings where department_id = ${actor.departmentId} and kind = ${input.kind} and year = ${year}`,
    );
    const sessionNo = input.sessionNo ?? n + 1;
    const [taken] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.departmentId, actor.departmentId),
          eq(meetings.kind, input.kind),
          eq(meetings.year, year),
          eq(meetings.sessionNo, sessionNo),
        ),
      );
    if (taken)
      invalid(
        'sessionNo',
        `期次：${year}年第${sessionNo}次${MEETING_KIND_LABELS[input.kind]}已经存在`,
      );
    const [m] = await tx
      .insert(meetings)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        kind: input.kind,
        year,
        sessionNo,
        meetingOn: input.meetingOn,
        location: input.location?.trim() ?? '',
        chair: input.chair?.trim() ?? '',
        status: 'planned',
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, actor, 'create', m.id, { name: meetingName(m), meetingOn: m.meetingOn });
    return m;
  });
}

// The records an agenda item may link to, by type: each must belong to the meeting's department.
const SUBJECT_TABLES: Partial<Record<SubjectType, string>> = {
  majorDecision: 'major_decisions',
  normativeDocument: 'normative_documents',
  reviewMatter: 'review_matters',
};

async function checkSubject(
  tx: Tx,
  departmentId: string,
  type: SubjectType,
  id: string,
): Promise<void> {
  const table = SUBJECT_TABLES[type];
  if (!table)
    throw new AppError('VALIDATION', '关联事项：其他议题不关联事项', {
      fields: [{ path: 'subjectId', message: '其他议题不关联事项' }],
    });
  const [row] = await queryRows<{ ok: number }>(
    tx,
    sql`select 1 as ok from ${sql.identifier(table)} where id = ${id} and department_id = ${departmentId}`,
  );
  if (!row)
    throw new AppError('VALIDATION', `关联事项：本部门没有该${SUBJECT_LABELS[type]}`, {
      fields: [{ path: 'subjectId', message: '不存在' }],
    });
}

/** Adds an agenda item (in the caller's transaction when a module adds its own matter). */
export async function addAgendaItem(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  m: MeetingRow,
  input: AgendaInput,
): Promise<AgendaRow> {
  authorize(actor, 'meeting', 'manage', m);
  if (m.status !== 'planned')
    throw new AppError('ACTION_NOT_ALLOWED', `${meetingName(m)}已经召开，不能再增加议题`);
  if (!input.title.trim()) invalid('title', '议题名称：必填');
  if (input.subjectId) {
    await checkSubject(tx, m.departmentId, input.subjectType, input.subjectId);
    const [dup] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.meetingId, m.id),
          eq(agendaItems.subjectType, input.subjectType),
          eq(agendaItems.subjectId, input.subjectId),
        ),
      );
    if (dup) throw new AppError('CONFLICT', '该事项已列入本次会议议题');
  }
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(seq), 0)::int as n from meeting_agenda_items where meeting_id = ${m.id}`,
  );
  const [row] = await tx
    .insert(agendaItems)
    .values({
      id: newId(),
      meetingId: m.id,
      departmentId: m.departmentId,
      seq: n + 1,
      title: input.title.trim(),
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      presenter: input.presenter?.trim() ?? '',
      isPublic: !!input.isPublic,
      publicSummary: input.publicSummary?.trim() ?? '',
      materials: input.materials ?? [],
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return row;
}

/** A plain agenda item (documents, review matters, other topics) added from the meeting page. */
export async function addTopic(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  input: AgendaInput,
): Promise<AgendaRow> {
  if (input.subjectType === 'majorDecision')
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      '重大行政决策须在决策页面“提请集体讨论”，以核对报送材料（条例第二十九条）',
    );
  return inTx(ctx, async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const row = await addAgendaItem(tx, ctx, actor, m, input);
    await audit(tx, ctx, actor, 'agenda', m.id, {
      itemId: row.id,
      seq: row.seq,
      title: row.title,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
    });
    return row;
  });
}

/** The record of a held meeting: attendees, 列席 public representatives, minutes. Once, on or after its date. */
export async function recordHeld(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  input: HeldInput,
): Promise<MeetingRow> {
  return inTx(ctx, async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    authorize(actor, 'meeting', 'manage', m);
    if (m.status === 'held')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '会议记录已经登记，不能覆盖；如需补充，请在相关事项中补充材料',
      );
    if (m.meetingOn > ctx.clock.today())
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `会议定于${m.meetingOn}召开，召开后才能登记会议记录`,
      );
    if (input.minutes.trim().length < 10) invalid('minutes', '会议纪要：不少于10字');
    const publicAttendees = input.publicAttendees
      .map((p) => ({ name: p.name.trim(), identity: p.identity.trim() }))
      .filter((p) => p.name);
    const [row] = await tx
      .update(meetings)
      .set({
        status: 'held',
        attendees: input.attendees.trim(),
        absentees: input.absentees?.trim() ?? '',
        publicAttendees,
        minutes: input.minutes.trim(),
        heldRecordedAt: ctx.clock.now(),
      })
      .where(eq(meetings.id, m.id))
      .returning();
    await audit(tx, ctx, actor, 'held', m.id, {
      name: meetingName(m),
      publicAttendees: publicAttendees.length,
    });
    return row;
  });
}

/** Publishes the agenda: its items marked public appear on the portal. */
export async function publishAgenda(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
): Promise<MeetingRow> {
  return inTx(ctx, async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    authorize(actor, 'meeting', 'manage', m);
    if (m.agendaPublishedOn) throw new AppError('ACTION_NOT_ALLOWED', '议题已经公开');
    const items = await agendaOf(tx, [m.id]);
    const open = items.filter((i) => i.isPublic);
    if (!open.length) throw new AppError('ACTION_NOT_ALLOWED', '本次会议没有标记为公开的议题');
    const [row] = await tx
      .update(meetings)
      .set({ agendaPublishedOn: ctx.clock.today() })
      .where(eq(meetings.id, m.id))
      .returning();
    await audit(tx, ctx, actor, 'publishAgenda', m.id, { items: open.map((i) => i.id) });
    return row;
  });
}

/** The outcome written on a decision's agenda item when the meeting decides it (caller's transaction). */
export async function setOutcome(tx: Tx, itemId: string, outcome: string): Promise<void> {
  await tx.update(agendaItems).set({ outcome }).where(eq(agendaItems.id, itemId));
}

export async function agendaOf(db: DbOrTx, meetingIds: string[]): Promise<AgendaRow[]> {
  return meetingIds.length
    ? db
        .select()
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, meetingIds))
        .orderBy(asc(agendaItems.meetingId), asc(agendaItems.seq))
    : [];
}

/** The agenda items about one subject (e.g. a decision), with their meetings, oldest first. */
export async function itemsAbout(db: DbOrTx, subjectType: SubjectType, subjectId: string) {
  return db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.subjectType, subjectType), eq(agendaItems.subjectId, subjectId)))
    .orderBy(asc(meetings.meetingOn), asc(agendaItems.seq));
}

export interface MeetingFilter {
  year?: number;
  kind?: MeetingKind;
  status?: 'planned' | 'held';
  publicAttendance?: boolean;
  page: number;
  pageSize: number;
}

export async function listMeetings(ctx: Ctx, actor: Actor, f: MeetingFilter) {
  authorize(actor, 'meeting', 'list');
  const conds: SQL[] = [eq(meetings.departmentId, actor.departmentId)];
  if (f.year) conds.push(eq(meetings.year, f.year));
  if (f.kind) conds.push(eq(meetings.kind, f.kind));
  if (f.status) conds.push(eq(meetings.status, f.status));
  if (f.publicAttendance !== undefined)
    conds.push(
      f.publicAttendance
        ? sql`jsonb_array_length(${meetings.publicAttendees}) > 0`
        : sql`jsonb_array_length(${meetings.publicAttendees}) = 0`,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(where)
    .orderBy(desc(meetings.meetingOn), desc(meetings.sessionNo))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(where);
  const items = await agendaOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    total: n,
    rows: rows.map((m) => ({
      ...m,
      name: meetingName(m),
      kindLabel: MEETING_KIND_LABELS[m.kind],
      agenda: items.filter((i) => i.meetingId === m.id),
    })),
  };
}

/** Planned meetings from today on, for the "提请集体讨论" choice. */
export async function upcomingMeetings(db: DbOrTx, departmentId: string, today: string) {
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.departmentId, departmentId),
        eq(meetings.status, 'planned'),
        sql`${meetings.meetingOn} >= ${today}::date`,
      ),
    )
    .orderBy(asc(meetings.meetingOn));
  return rows.map((m) => ({
    id: m.id,
    name: meetingName(m),
    meetingOn: m.meetingOn,
    kind: m.kind,
  }));
}
