/**
 * 集体审议决定 of a normative document (RULES §2.3 step 6; 国办发〔2018〕37号 坚持集体审议) at a meeting of
 * the register (modules/meetings), as decisions are taken (modules/decisions/deciding.ts): the document
 * must be on the held meeting's agenda; the meeting's name, kind, date and attendees come from its
 * record, and the result is written on the agenda item (the meeting page and the portal /hyyt show it).
 */
import { AppError } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { caseState, getCase, recordAction } from '../../core/cases/service.ts';
import { itemsAbout, loadMeeting, meetingName, setOutcome } from '../meetings/index.ts';
import { NORMATIVE_DOCUMENT } from './procedure.ts';
import { loadDocument } from './service.ts';

export type CollectiveResult = 'adopted' | 'adoptedWithRevision' | 'deferred' | 'rejected';
export interface CollectiveInput {
  meetingId: string;
  decision: CollectiveResult;
  minutes?: string;
}

/** The labels of the results, as the procedure declares them (one list). */
const RESULT_LABELS = new Map(
  (
    NORMATIVE_DOCUMENT.actions
      .find((a) => a.code === 'collectiveDecision')
      ?.fields?.find((f) => f.name === 'decision')?.options ?? []
  ).map((o) => [o.value, o.label]),
);

export async function decideAtMeeting(ctx: Ctx, actor: Actor, id: string, input: CollectiveInput) {
  return inTx(ctx, async (tx) => {
    const d = await loadDocument(tx, actor, id, true);
    const m = await loadMeeting(tx, actor, input.meetingId);
    if (m.departmentId !== d.departmentId)
      throw new AppError('VALIDATION', '会议：不存在', {
        fields: [{ path: 'meetingId', message: '不存在' }],
      });
    const items = (await itemsAbout(tx, 'normativeDocument', d.id)).filter(
      (x) => x.meeting.id === m.id,
    );
    if (!items.length)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `文件未列入${meetingName(m)}议题，不能在该会议上集体审议；请先在会议中增加该议题`,
      );
    if (m.status !== 'held')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `${meetingName(m)}尚未登记会议记录（出席人员、会议纪要），请先登记会议记录`,
      );
    const item = items[items.length - 1].item;
    if (item.outcome)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `${meetingName(m)}已记录该议题的审议结果（${item.outcome}）`,
      );
    const name = meetingName(m);
    // The decision is taken at the meeting: the act's date is the meeting's.
    await recordAction(
      ctx,
      actor,
      d.caseId,
      {
        action: 'collectiveDecision',
        on: m.meetingOn,
        data: {
          meeting: m.kind,
          meetingId: m.id,
          agendaItemId: item.id,
          meetingName: name,
          meetingOn: m.meetingOn,
          attendees: m.attendees,
          minutes: input.minutes?.trim() || m.minutes,
          decision: input.decision,
        },
      },
      tx,
    );
    await setOutcome(tx, item.id, RESULT_LABELS.get(input.decision) ?? input.decision);
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.collectiveDecision',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: { meetingId: m.id, agendaItemId: item.id, decision: input.decision },
      },
      ctx.clock.now(),
    );
  });
}

/**
 * 集体审议 asked through the generic act form: the engine's reason when it cannot happen yet, else the
 * meeting is required (no typed meeting name: the result belongs on the meeting's agenda item).
 */
export async function decideFromForm(
  ctx: Ctx,
  actor: Actor,
  id: string,
  data: Record<string, unknown>,
) {
  if (typeof data.meetingId === 'string' && data.meetingId) {
    return decideAtMeeting(ctx, actor, id, {
      meetingId: data.meetingId,
      decision: data.decision as CollectiveResult,
      minutes: typeof data.minutes === 'string' ? data.minutes : undefined,
    });
  }
  const d = await loadDocument(ctx.db, actor, id);
  const blocked = (await caseState(ctx, await getCase(ctx, actor, d.caseId))).blocked.find(
    (b) => b.action === 'collectiveDecision',
  );
  if (blocked)
    throw new AppError('ACTION_NOT_ALLOWED', blocked.reason, { details: { reason: blocked.code } });
  throw new AppError('VALIDATION', '会议：请选择审议该文件的会议（集体审议结果记录在会议议题上）', {
    fields: [{ path: 'meetingId', message: '请选择会议' }],
  });
}

/** Held meetings whose agenda lists the document and has no result yet: the choice offered on its page. */
export async function meetingsToDecide(db: Parameters<typeof itemsAbout>[0], documentId: string) {
  const items = await itemsAbout(db, 'normativeDocument', documentId);
  return items
    .filter((x) => x.meeting.status === 'held' && !x.item.outcome)
    .map((x) => ({
      id: x.meeting.id,
      name: meetingName(x.meeting),
      meetingOn: x.meeting.meetingOn,
    }));
}
