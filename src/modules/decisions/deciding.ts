/**
 * 合法性审查 and 集体讨论决定 (条例 Chapter 3), publication (Art 32), post-decision evaluation and
 * adjustment (Arts 36–37). Each use case is one transaction (service.step) with its evidence.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory, recordAction } from '../../core/cases/service.ts';
import { publish as publishItem } from '../disclosure/publications/service.ts';
import { submitMatter } from '../reviews/service.ts';
import {
  addAgendaItem,
  itemsAbout,
  loadMeeting,
  meetingName,
  setOutcome,
} from '../meetings/service.ts';
import { majorDecisions } from './schema.ts';
import { recordEvidence, type DecisionRow } from './evidence.ts';
import { precheck, startDecision, step, withDecision, type StartInput } from './service.ts';
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

export interface PublishInput {
  adoptedText: string;
  channel?: string;
  adoptionExplanation: string;
  interpretation: string;
  interpretationForm?: string;
  confidentialityReviewer: string;
  keywords?: string;
  fileIds?: string[];
}

/**
 * The text published is the one the meeting adopted (Art 32), confirmed by whoever publishes it:
 * never a draft still marked as the 征求意见稿 (issue 13 item 8).
 */
export function adoptedTextIssue(text: string): string | undefined {
  if (!text.trim()) return '请填写决策文本（通过稿）';
  if (/征求意见稿/.test(text))
    return '公布的应当是集体讨论决定通过的文本，不能是征求意见稿；请删去“征求意见稿”等标注并核对为通过的版本';
  return undefined;
}

/** The adopted text of a published decision (from its publish act); earlier publications kept the draft there. */
export function adoptedTextOf(
  history: Array<{ type: string; data?: Record<string, unknown> }>,
  draftText: string,
): string {
  const v = history.findLast((e) => e.type === 'publish')?.data?.adoptedText;
  return typeof v === 'string' && v.trim() ? v : draftText;
}

/** 决策公布 (Art 32) as a 主动公开 record, with the opinion adoption explained and a 解读; a major adjustment then replaces its predecessor. */
export async function publishDecision(ctx: Ctx, actor: Actor, id: string, input: PublishInput) {
  if (input.interpretation.trim().length < 20)
    throw new AppError('VALIDATION', '解读：应当与决策同步发布，内容不少于20字', {
      fields: [{ path: 'interpretation', message: '不少于20字' }],
    });
  const textIssue = adoptedTextIssue(input.adoptedText ?? '');
  if (textIssue)
    throw new AppError('VALIDATION', `决策文本（通过稿）：${textIssue}`, {
      fields: [{ path: 'adoptedText', message: textIssue }],
    });
  const adoptedText = input.adoptedText.trim();
  let pub = { id: '', indexNumber: '' };
  const channel = input.channel || '门户网站重大行政决策栏目';
  return withDecision(ctx, actor, id, async (tx, dec) => {
    const today = ctx.clock.today();
    await precheck(ctx, tx, actor, dec, 'publish', today, {
      adoptedText,
      channel,
      adoptionExplanation: input.adoptionExplanation,
    });
    pub = await publishItem(tx, ctx, actor, {
      title: dec.title,
      category: 'policy',
      topic: 'science',
      keywords: (input.keywords ?? '重大行政决策').split(/[\s,，、;；]+/).filter(Boolean),
      formedOn: dec.decidedOn ?? today,
      summary: `重大行政决策，${dec.decidedOn ?? today}经集体讨论决定。`,
      body: `${adoptedText}\n\n公众意见、专家论证意见的采纳情况\n${input.adoptionExplanation.trim()}\n\n政策解读\n${input.interpretation.trim()}`,
      source: { module: 'decisions', entityId: dec.id },
      attachmentIds: input.fileIds,
      confidentialityReview: {
        reviewer: input.confidentialityReviewer,
        conclusion: 'public',
        on: today,
      },
    });
    const d = await step(
      ctx,
      actor,
      id,
      {
        action: 'publish',
        data: {
          adoptedText,
          channel,
          adoptionExplanation: input.adoptionExplanation,
          interpretationForm: input.interpretationForm,
          publicationId: pub.id,
          indexNumber: pub.indexNumber,
        },
      },
      {
        kind: 'publish',
        title: `决策公布及解读（索引号${pub.indexNumber}）`,
        body: `决策文本（通过稿）：\n${adoptedText}\n\n${input.adoptionExplanation.trim()}\n\n解读：${input.interpretation.trim()}`,
        fileIds: input.fileIds,
      },
      async (t, row) => {
        await t
          .update(majorDecisions)
          .set({
            publishedOn: today,
            publicationId: pub.id,
            interpretation: input.interpretation.trim(),
            adoptionExplanation: input.adoptionExplanation.trim(),
            updatedAt: ctx.clock.now(),
          })
          .where(eq(majorDecisions.id, row.id));
        if (row.revisionOf) {
          const [old] = await t
            .select()
            .from(majorDecisions)
            .where(eq(majorDecisions.id, row.revisionOf));
          await recordAction(
            ctx,
            actor,
            old.caseId,
            {
              action: 'revisionResult',
              on: today,
              data: { outcome: 'superseded', revisionId: row.id },
            },
            t,
          );
          await recordEvidence(
            t,
            ctx,
            actor,
            old,
            {
              kind: 'revisionResult',
              title: '经重大调整的决策已公布，原决策被替代',
              body: `调整后的决策：${row.title}（索引号${pub.indexNumber}）`,
              afterDecision: true,
            },
            { action: 'revisionResult', payload: { outcome: 'superseded', revisionId: row.id } },
          );
        }
      },
      tx,
    );
    return d;
  });
}

/** Units that did the main 论证评估 work before the decision (Art 36 ¶2): expert review organisers, risk assessors, else the 承办单位. */
export function preDecisionUnits(
  history: Awaited<ReturnType<typeof loadHistory>>,
  d: DecisionRow,
): string[] {
  const units = new Set<string>();
  for (const e of history) {
    if (e.type === 'riskAssessment' && typeof e.data?.assessor === 'string')
      units.add(e.data.assessor.trim());
    if (e.type === 'expertOpinion' && typeof e.data?.organiser === 'string')
      units.add(e.data.organiser.trim());
  }
  if (!units.size) units.add(d.undertakingUnit.trim());
  return [...units].filter(Boolean);
}

const norm = (s: string) => s.replace(/[\s（）()]/g, '');

/** 决策后评估 (Art 36), refused when the evaluator is a unit that did the main pre-decision 论证评估 work. */
export async function postEvaluation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  on: string,
  data: Record<string, unknown>,
  fileIds: string[] = [],
) {
  return step(
    ctx,
    actor,
    id,
    {
      action: 'postEvaluation',
      on,
      data: async (d, tx) => {
        const evaluator = String(data.evaluator ?? '').trim();
        const units = preDecisionUnits(await loadHistory(tx, d.caseId), d);
        const same = units.find(
          (u) =>
            norm(u) === norm(evaluator) ||
            (norm(evaluator).length >= 4 &&
              (norm(u).includes(norm(evaluator)) || norm(evaluator).includes(norm(u)))),
        );
        if (same)
          throw new AppError(
            'ACTION_NOT_ALLOWED',
            `「${evaluator}」在决策作出前承担了主要论证评估工作（${same}），不得承担决策后评估（条例第三十六条）`,
            { details: { reason: 'same_unit' } },
          );
        return data;
      },
    },
    { kind: 'postEvaluation', title: '决策后评估报告', body: String(data.report ?? ''), fileIds },
  );
}

/** 决策调整 (Art 37): minor changes and stops are recorded; a major adjustment starts a new decision that repeats the procedure. */
export async function adjust(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: {
    kind: 'minor' | 'major' | 'stop';
    reason: string;
    decidedAt: string;
    fileIds?: string[];
    revision?: Partial<StartInput> & { title: string };
  },
) {
  return withDecision(ctx, actor, id, async (tx, d) => {
    let revisionId: string | undefined;
    if (input.kind === 'major') {
      await precheck(ctx, tx, actor, d, 'adjust', ctx.clock.today(), {
        kind: 'major',
        reason: input.reason,
        decidedAt: input.decidedAt,
      });
      const start = (await loadHistory(tx, d.caseId))[0].data as unknown as StartInput & {
        inCatalogue: boolean;
      };
      const revision = await startDecision(
        ctx,
        actor,
        {
          ...start,
          catalogueItemId: start.inCatalogue ? d.catalogueItemId : null,
          outsideCatalogueReason: start.inCatalogue
            ? null
            : (d.outsideCatalogueReason ?? input.reason),
          startApprovedBy: input.decidedAt,
          ...input.revision,
          fileIds: [],
        },
        d,
        tx,
      );
      revisionId = revision.id;
    }
    const kindLabel = { minor: '一般调整', major: '重大调整，重新履行决策程序', stop: '停止执行' }[
      input.kind
    ];
    await step(
      ctx,
      actor,
      id,
      {
        action: 'adjust',
        data: { kind: input.kind, reason: input.reason, decidedAt: input.decidedAt, revisionId },
      },
      {
        kind: 'adjust',
        title: `决策调整：${kindLabel}`,
        body: input.reason,
        fileIds: input.fileIds,
      },
      undefined,
      tx,
    );
    return { revisionId };
  });
}
