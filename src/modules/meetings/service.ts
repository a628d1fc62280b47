/**
 * 局长办公会 / 党组会: numbered sessions, agendas (议题) that link to decisions, normative documents
 * and legality-review matters, the record of the meeting (attendees, 列席 public representatives,
 * minutes), and the publication of the public agenda topics on the portal. Each use case is an act on
 * the meeting's case (procedure.ts: the engine decides what may happen) recorded with the meeting's
 * record and its audit event in one transaction; agenda items for decisions are added by the
 * decisions module in its own transaction (addAgendaItem with `tx`).
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { meetingsAudit } from './auditLabels.ts';
import { agendaItems, meetings } from './schema.ts';
import { MEETING } from './procedure.ts';
import { agendaOf, loadMeeting } from './queries.ts';
import { checkSubject, invalid, subjectTypeOf } from './subjects.ts';
import {
  MEETING_KIND_LABELS,
  meetingName,
  type AgendaInput,
  type AgendaRow,
  type HeldInput,
  type MeetingInput,
  type MeetingRow,
  type TopicInput,
} from './labels.ts';

const audit = auditRecorder(meetingsAudit);

/** One act on the meeting's case, dated today, in the caller's transaction (the engine refuses in Chinese). */
const act = (
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  m: MeetingRow,
  action: string,
  data: Record<string, unknown> = {},
) => recordAction(ctx, actor, m.caseId, { action, on: ctx.clock.today(), data }, tx);

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
      sql`select coalesce(max(${meetings.sessionNo}), 0)::int as n from ${meetings} where ${meetings.departmentId} = ${actor.departmentId} and ${meetings.kind} = ${input.kind} and ${meetings.year} = ${year}`,
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
    const name = meetingName({ year, sessionNo, kind: input.kind });
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: MEETING.code,
        title: name,
        orgId: actor.departmentId,
        first: {
          action: 'schedule',
          on: ctx.clock.today(),
          data: { kind: input.kind, meetingOn: input.meetingOn, sessionNo },
        },
      },
      tx,
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
        caseId: c.id,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'meeting.create',
      { type: 'meeting', id: m.id },
      {
        name,
        meetingOn: m.meetingOn,
      },
    );
    return { ...m, status: c.status as MeetingRow['status'] };
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
  const title = input.title.trim();
  if (!title) invalid('title', '议题名称：必填');
  const [{ n, open }] = await queryRows<{ n: number; open: boolean }>(
    tx,
    sql`select coalesce(max(${agendaItems.seq}), 0)::int as n, coalesce(bool_or(${agendaItems.isPublic}), false) as open from ${agendaItems} where ${agendaItems.meetingId} = ${m.id}`,
  );
  const id = newId();
  await act(tx, ctx, actor, m, 'addAgendaItem', {
    itemId: id,
    title,
    subjectType: input.subjectType,
    isPublic: !!input.isPublic,
    agendaHasPublic: open || !!input.isPublic,
  });
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
  const [row] = await tx
    .insert(agendaItems)
    .values({
      id,
      meetingId: m.id,
      departmentId: m.departmentId,
      seq: n + 1,
      title,
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

/**
 * A plain agenda item (documents, review matters, other topics) added from the meeting page. The
 * linked record's type is found from the record when not given (the form posts the record alone).
 */
export async function addTopic(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  input: TopicInput,
): Promise<AgendaRow> {
  return inTx(ctx, async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const subjectType =
      input.subjectType ??
      (input.subjectId ? await subjectTypeOf(tx, m.departmentId, input.subjectId) : 'other');
    if (subjectType === 'majorDecision')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        '重大行政决策须在决策页面“提请集体讨论”，以核对报送材料（条例第二十九条）',
      );
    const row = await addAgendaItem(tx, ctx, actor, m, { ...input, subjectType });
    await audit(
      tx,
      ctx,
      actor,
      'meeting.agenda',
      { type: 'meeting', id: m.id },
      {
        itemId: row.id,
        seq: row.seq,
        title: row.title,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
      },
    );
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
    const publicAttendees = input.publicAttendees
      .map((p) => ({ name: p.name.trim(), identity: p.identity.trim() }))
      .filter((p) => p.name);
    const state = await act(tx, ctx, actor, m, 'hold', { publicAttendees: publicAttendees.length });
    if (input.minutes.trim().length < 10) invalid('minutes', '会议纪要：不少于10字');
    const [row] = await tx
      .update(meetings)
      .set({
        attendees: input.attendees.trim(),
        absentees: input.absentees?.trim() ?? '',
        publicAttendees,
        minutes: input.minutes.trim(),
        heldRecordedAt: ctx.clock.now(),
      })
      .where(eq(meetings.id, m.id))
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'meeting.held',
      { type: 'meeting', id: m.id },
      {
        name: meetingName(m),
        publicAttendees: publicAttendees.length,
      },
    );
    return { ...row, status: state.status as MeetingRow['status'] };
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
    const open = (await agendaOf(tx, [m.id])).filter((i) => i.isPublic);
    await act(tx, ctx, actor, m, 'publishAgenda', { items: open.length });
    const [row] = await tx
      .update(meetings)
      .set({ agendaPublishedOn: ctx.clock.today() })
      .where(eq(meetings.id, m.id))
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'meeting.publishAgenda',
      { type: 'meeting', id: m.id },
      {
        items: open.map((i) => i.id),
      },
    );
    return { ...row, status: m.status };
  });
}

/** The outcome written on a decision's agenda item when the meeting decides it (caller's transaction). */
export async function setOutcome(tx: Tx, itemId: string, outcome: string): Promise<void> {
  await tx.update(agendaItems).set({ outcome }).where(eq(agendaItems.id, itemId));
}
