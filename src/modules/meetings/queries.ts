/**
 * Reading meetings: one meeting (its status from its case), agendas, the topics about a record, the
 * department's list and the planned sessions a decision may be put to; what the engine allows now.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize, can } from './policy.ts';
import { caseState, loadHistory } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { actionsFor } from '../../core/procedure/engine.ts';
import { agendaItems, meetings } from './schema.ts';
import {
  MEETING_KIND_LABELS,
  meetingName,
  type AgendaRow,
  type MeetingKind,
  type MeetingRecord,
  type MeetingRow,
  type MeetingStatus,
  type SubjectType,
} from './labels.ts';

const withStatus = (m: MeetingRecord, status: string): MeetingRow => ({
  ...m,
  status: status as MeetingStatus,
});

export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<MeetingRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('会议');
  const q = db
    .select({ m: meetings, status: cases.status })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(eq(meetings.id, id));
  const [row] = forUpdate ? await q.for('update', { of: meetings }) : await q;
  if (!row) throw notFound('会议');
  authorize(actor, 'meeting', 'read', row.m);
  return withStatus(row.m, row.status);
}

/**
 * The acts the engine allows on the meeting now that this actor may do (its roles, and the manager
 * rule of the policy): the meeting page's buttons.
 */
export async function meetingActions(ctx: Ctx, actor: Actor, m: MeetingRow): Promise<Set<string>> {
  if (!can(actor, 'meeting', 'manage', m)) return new Set();
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, m.caseId));
  const state = await caseState(ctx, c, await loadHistory(ctx.db, c.id));
  return new Set(actionsFor(state, actor.roles).map((a) => a.action));
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
  const rows = await db
    .select({ item: agendaItems, meeting: meetings, status: cases.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(and(eq(agendaItems.subjectType, subjectType), eq(agendaItems.subjectId, subjectId)))
    .orderBy(asc(meetings.meetingOn), asc(agendaItems.seq));
  return rows.map((r) => ({ item: r.item, meeting: withStatus(r.meeting, r.status) }));
}

export interface MeetingFilter {
  year?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
  publicAttendance?: boolean;
  page: number;
  pageSize: number;
}

export async function listMeetings(ctx: Ctx, actor: Actor, f: MeetingFilter) {
  authorize(actor, 'meeting', 'list');
  const conds: SQL[] = [eq(meetings.departmentId, actor.departmentId)];
  if (f.year) conds.push(eq(meetings.year, f.year));
  if (f.kind) conds.push(eq(meetings.kind, f.kind));
  if (f.status) conds.push(eq(cases.status, f.status));
  if (f.publicAttendance !== undefined)
    conds.push(
      f.publicAttendance
        ? sql`jsonb_array_length(${meetings.publicAttendees}) > 0`
        : sql`jsonb_array_length(${meetings.publicAttendees}) = 0`,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select({ m: meetings, status: cases.status })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(where)
    .orderBy(desc(meetings.meetingOn), desc(meetings.sessionNo))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(where);
  const items = await agendaOf(
    ctx.db,
    rows.map((r) => r.m.id),
  );
  return {
    total: n,
    rows: rows.map(({ m, status }) => ({
      ...withStatus(m, status),
      name: meetingName(m),
      kindLabel: MEETING_KIND_LABELS[m.kind],
      agenda: items.filter((i) => i.meetingId === m.id),
    })),
  };
}

/** Planned meetings from today on, for the "提请集体讨论" choice. */
export async function upcomingMeetings(db: DbOrTx, departmentId: string, today: string) {
  const rows = await db
    .select({ m: meetings })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .where(
      and(
        eq(meetings.departmentId, departmentId),
        eq(cases.status, 'planned'),
        sql`${meetings.meetingOn} >= ${today}::date`,
      ),
    )
    .orderBy(asc(meetings.meetingOn));
  return rows.map(({ m }) => ({
    id: m.id,
    name: meetingName(m),
    meetingOn: m.meetingOn,
    kind: m.kind,
  }));
}
