/**
 * 合法性审查 and 集体讨论决定 (条例 Chapter 3 §§1–2): the submission to the legal office and to the
 * meeting, and the meeting's decision. Publication (Art 32) is in publishing.ts, evaluation and
 * adjustment (Arts 36–37) in adjusting.ts. Each use case is one transaction (service.step) with its evidence.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory } from '../../core/cases/service.ts';
import { submitMatter } from '../reviews/index.ts';
import {
  addAgendaItem,
  itemsAbout,
  loadMeeting,
  meetingName,
  setOutcome,
} from '../meetings/index.ts';
import { majorDecisions } from './schema.ts';
import { precheck, step } from './service.ts';
import { materialsChecklist, materialsText } from './materials.ts';
import { DECISION_RESULTS } from './actions.ts';
import { endRevision } from './workflow.ts';

/** 送请合法性审查 (Arts 25–26): the act on the decision, then the matter in the legal office's queue. */
export async function submitLegalReview(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { materials: string; requestedBy: string; fileIds?: string[] },
) {
  let matterId = '';
  return step(
    ctx,
    actor,
    id,
    {
      action: 'submitLegalReview',
      data: { materials: input.materials, requestedBy: input.requestedBy },
    },
    () => ({
      kind: 'submitLegalReview',
      title: '送请合法性审查材料',
      body: `${input.materials}\n（审查事项编号：${matterId}）`,
      fileIds: input.fileIds,
    }),
    async (tx, d) => {
      const m = await submitMatter(ctx, tx, actor, {
        type: 'majorDecision',
        title: d.title,
        summary: `${input.materials}\n\n决策草案（第${d.draftVersion}稿）：\n${d.draftText}`,
        departmentId: d.departmentId,
        caseId: d.caseId,
        requestedBy: input.requestedBy,
        fileIds: input.fileIds,
      });
      matterId = m.id;
    },
  );
}

/** 提请集体讨论 (Art 29): the materials checklist is verified and recorded on a new agenda item. */
export async function submitToMeeting(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { meetingId: string; isPublic?: boolean; publicSummary?: string },
) {
  let checklist = '';
  return step(
    ctx,
    actor,
    id,
    {
      action: 'submitToMeeting',
      data: async (d, tx) => {
        const m = await loadMeeting(tx, actor, input.meetingId, true);
        if (m.departmentId !== d.departmentId)
          throw new AppError('VALIDATION', '会议：不存在', {
            fields: [{ path: 'meetingId', message: '不存在' }],
          });
        const items = materialsChecklist(await loadHistory(tx, d.caseId));
        checklist = materialsText(items);
        // The engine refuses a missing required item with its reason; this keeps the check explicit.
        await precheck(ctx, tx, actor, d, 'submitToMeeting', ctx.clock.today(), {
          meetingId: m.id,
        });
        const item = await addAgendaItem(tx, ctx, actor, m, {
          title: `审议《${d.title}》（重大行政决策）`,
          subjectType: 'majorDecision',
          subjectId: d.id,
          presenter: d.undertakingUnit,
          isPublic: input.isPublic,
          publicSummary: input.publicSummary,
          materials: items.map((x) => ({
            code: x.code,
            label: x.label,
            present: x.present,
            note: x.note,
          })),
        });
        return {
          meetingId: m.id,
          meetingName: meetingName(m),
          agendaItemId: item.id,
          materials: checklist,
        };
      },
    },
    () => ({ kind: 'submitToMeeting', title: '提请集体讨论报送材料清单', body: checklist }),
  );
}

export interface DecideInput {
  meetingId: string;
  discussion: string;
  headOpinion: string;
  differsFromMajority: boolean;
  differenceReason?: string;
  dissent: string;
  decision: 'adopted' | 'adoptedWithRevision' | 'deferred' | 'rejected';
  executionUnit?: string;
  fileIds?: string[];
}

/** 集体讨论决定 (Art 30) at a held meeting whose agenda lists the decision; its attendees and 列席 come from the meeting record. */
export async function decide(ctx: Ctx, actor: Actor, id: string, input: DecideInput) {
  let minutes = '';
  let itemId = '';
  const d = await step(
    ctx,
    actor,
    id,
    {
      action: 'collectiveDecision',
      data: async (dec, tx) => {
        const m = await loadMeeting(tx, actor, input.meetingId);
        const items = (await itemsAbout(tx, 'majorDecision', dec.id)).filter(
          (x) => x.meeting.id === m.id,
        );
        if (!items.length)
          throw new AppError(
            'ACTION_NOT_ALLOWED',
            `决策草案未列入${meetingName(m)}议题，不能在该会议上作出决定（条例第三十条）`,
          );
        if (m.status !== 'held')
          throw new AppError(
            'ACTION_NOT_ALLOWED',
            `${meetingName(m)}尚未登记会议记录（出席人员、会议纪要），请先登记会议记录`,
          );
        itemId = items[items.length - 1].item.id;
        minutes = m.minutes;
        const publicAttendees = m.publicAttendees
          .map((p) => `${p.name}（${p.identity}）`)
          .join('、');
        return {
          ...input,
          fileIds: undefined,
          meetingId: m.id,
          meetingKind: m.kind,
          meetingName: meetingName(m),
          meetingOn: m.meetingOn,
          attendees: m.attendees,
          publicAttendees: publicAttendees || undefined,
        };
      },
    },
    () => ({
      kind: 'collectiveDecision',
      title: '集体讨论决定记录',
      body: [
        `决定：${DECISION_RESULTS.find((x) => x.value === input.decision)?.label}`,
        `讨论情况：${input.discussion}`,
        `行政首长意见：${input.headOpinion}`,
        input.differsFromMajority ? `与多数人意见不一致的理由：${input.differenceReason}` : '',
        `不同意见：${input.dissent}`,
        `会议纪要：${minutes}`,
      ]
        .filter(Boolean)
        .join('\n'),
      fileIds: input.fileIds,
    }),
    async (tx, dec, r) => {
      await setOutcome(tx, itemId, DECISION_RESULTS.find((x) => x.value === input.decision)!.label);
      if (r.state.status === 'decided')
        await tx
          .update(majorDecisions)
          .set({ decidedOn: ctx.clock.today(), updatedAt: ctx.clock.now() })
          .where(eq(majorDecisions.id, dec.id));
    },
  );
  if (input.decision === 'rejected') await endRevision(ctx, actor, d);
  return d;
}
