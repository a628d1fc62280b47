/**
 * Forming the draft (条例 Chapter 2): the draft and its versions, 公众参与 through the consultation
 * component (portal comments, dispositions, 意见采纳情况), hearings, experts, risk assessment and the
 * other evidence-bearing acts, and additions to the record. Each is one transaction (service.step).
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory, recordAction } from '../../core/cases/service.ts';
import {
  closeConsultation,
  disposeComment,
  latestFor,
  listComments,
  openConsultation,
  publishReport,
  type DispositionInput,
} from '../consultation/index.ts';
import { dispositionReport } from '../consultation/index.ts';
import { withdrawMattersOf } from '../reviews/index.ts';
import { majorDecisions } from './schema.ts';
import { AFTER_DECISION, recordEvidence, type DecisionRow } from './evidence.ts';
import { caseStatus, step, withDecision } from './service.ts';
import { PARTICIPATION_METHODS, type FormAction } from './actions.ts';
import { MAJOR_DECISION } from './procedure.ts';

const labelOf = (action: string) =>
  MAJOR_DECISION.actions.find((a) => a.code === action)?.label ?? action;

export interface DraftInput {
  draftText: string;
  legalSort: string;
  costBenefit?: string;
  alternatives?: string;
  coordination?: string;
  revisionNote?: string;
  fileIds?: string[];
}

/** 拟订决策草案 (Arts 12–13); each save is a new version kept as evidence. */
export async function saveDraft(ctx: Ctx, actor: Actor, id: string, input: DraftInput) {
  let version = 0;
  return step(
    ctx,
    actor,
    id,
    {
      action: 'draftPlan',
      data: async (d) => {
        version = d.draftVersion + 1;
        const { draftText: _t, fileIds: _f, ...rest } = input;
        return { ...rest, version };
      },
    },
    () => ({
      kind: 'draftPlan',
      title: `决策草案（第${version}稿）`,
      body: input.draftText,
      fileIds: input.fileIds,
    }),
    async (tx, d) => {
      if (!input.draftText.trim())
        throw new AppError('VALIDATION', '决策草案：正文不能为空', {
          fields: [{ path: 'draftText', message: '正文不能为空' }],
        });
      await tx
        .update(majorDecisions)
        .set({
          draftText: input.draftText.trim(),
          draftVersion: version,
          updatedAt: ctx.clock.now(),
        })
        .where(eq(majorDecisions.id, d.id));
    },
  );
}

export interface CommentWindow {
  startOn: string;
  endOn: string;
  channel?: string;
  shortenedReason?: string;
}

/** 向社会公开征求意见 (Art 15): the draft and its explanation on the portal, ≥ 30日 unless the notice gives the reason. */
export async function openComment(ctx: Ctx, actor: Actor, id: string, input: CommentWindow) {
  if (input.startOn < ctx.clock.today())
    throw new AppError(
      'VALIDATION',
      '征求意见开始日期：不能早于今天（意见征集需在网站上实际公开）',
      { fields: [{ path: 'startOn', message: '不能早于今天' }] },
    );
  const data = {
    ...input,
    channel: input.channel || '门户网站意见征集栏目',
    shortenedReason: input.shortenedReason?.trim() || undefined,
  };
  return step(
    ctx,
    actor,
    id,
    { action: 'openComment', data },
    {
      kind: 'openComment',
      title: '公开征求意见公告',
      body: `征求意见期限：${input.startOn}至${input.endOn}；发布渠道：${data.channel}${data.shortenedReason ? `；缩短期限的理由：${data.shortenedReason}` : ''}`,
    },
    async (tx, d) => {
      await openConsultation(tx, ctx, {
        subjectType: 'majorDecision',
        subjectId: d.id,
        caseId: d.caseId,
        departmentId: d.departmentId,
        title: d.title,
        draftText: d.draftText,
        explanation: `拟解决的主要问题：${d.problem}\n决策依据：${d.basis}`,
        startOn: input.startOn,
        endOn: input.endOn,
        shortenedReason: data.shortenedReason ?? null,
      });
    },
  );
}

async function consultationOf(tx: Tx, d: DecisionRow) {
  const c = await latestFor(tx, 'majorDecision', d.id);
  if (!c) throw new AppError('ACTION_NOT_ALLOWED', '该决策草案没有向社会公开征求意见');
  return c;
}

export async function closeComment(ctx: Ctx, actor: Actor, id: string) {
  let count = 0;
  return step(
    ctx,
    actor,
    id,
    {
      action: 'closeComment',
      data: async (d, tx) => {
        count = await closeConsultation(tx, await consultationOf(tx, d), ctx.clock.today());
        return { commentCount: count };
      },
    },
    () => ({ kind: 'closeComment', title: '征求意见结束', body: `共收到意见建议${count}条。` }),
  );
}

/** 采纳 / 部分采纳 / 不采纳 with a reason (the consultation component); recorded on the decision's audit trail. */
export async function dispose(
  ctx: Ctx,
  actor: Actor,
  id: string,
  commentId: string,
  input: DispositionInput,
) {
  return withDecision(ctx, actor, id, async (tx, d) => {
    const row = await disposeComment(tx, ctx, actor, await consultationOf(tx, d), commentId, input);
    await recordEvidence(
      tx,
      ctx,
      actor,
      d,
      { kind: 'dispose', title: '', afterDecision: false },
      { action: 'dispose', payload: { commentId, seq: row.seq, disposition: input.disposition } },
    );
  });
}

/** Publishes the 意见采纳情况 on the portal (an act of the procedure: 条例 Art 18 gates the summary on it); its text is kept as evidence. */
export async function publishFeedback(ctx: Ctx, actor: Actor, id: string) {
  let body = '';
  return step(
    ctx,
    actor,
    id,
    {
      action: 'publishFeedback',
      data: async (d, tx) => {
        const report = await publishReport(tx, await consultationOf(tx, d), ctx.clock.today());
        body = [
          report.summary,
          ...report.items.map(
            (x) => `${x.seq}. ${x.body}——${x.disposition}${x.reason ? `（${x.reason}）` : ''}`,
          ),
        ].join('\n');
        return { total: report.total, adopted: report.adopted };
      },
    },
    () => ({ kind: 'publishFeedback', title: '公开征求意见采纳情况', body }),
  );
}

/** 公众意见研究采纳情况 (Art 18): the methods used and the comment figures come from the record. */
export async function summarizeParticipation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { adoptionSummary: string; fileIds?: string[] },
) {
  return step(
    ctx,
    actor,
    id,
    {
      action: 'summarizeParticipation',
      data: async (d, tx) => {
        // Whether the 意见采纳情况 was published first is the engine's gate (gates.feedback), shown before the click.
        const c = await latestFor(tx, 'majorDecision', d.id);
        const report = c ? dispositionReport(c, await listComments(tx, c.id)) : null;
        const methods = await methodsUsed(tx, d);
        return {
          methods: methods.join('、'),
          commentTotal: report?.total ?? 0,
          adoptedCount: (report?.adopted ?? 0) + (report?.partlyAdopted ?? 0),
          adoptionSummary: input.adoptionSummary,
        };
      },
    },
    {
      kind: 'summarizeParticipation',
      title: '社会公众主要意见的研究采纳情况',
      body: input.adoptionSummary,
      fileIds: input.fileIds,
    },
  );
}

async function methodsUsed(tx: Tx, d: DecisionRow): Promise<string[]> {
  const out = new Set<string>();
  for (const e of await loadHistory(tx, d.caseId)) {
    if (e.type === 'openComment') out.add('向社会公开征求意见');
    if (e.type === 'hearing') out.add('听证会');
    if (e.type === 'otherParticipation')
      out.add(PARTICIPATION_METHODS.find((m) => m.value === e.data?.method)?.label ?? '其他方式');
  }
  return [...out];
}

/** Evidence title of a form act: its label, and for an expert the name. */
const formTitle = (action: FormAction, data: Record<string, unknown>) =>
  action === 'addExpert' ? `${labelOf(action)}：${String(data.name ?? '')}` : labelOf(action);
const FORM_BODY: Partial<Record<FormAction, string[]>> = {
  hearing: ['summary'],
  addExpert: ['declaration'],
  expertOpinion: ['opinion'],
  expertAdoption: ['adoptionSummary'],
  riskAssessment: ['riskPoints', 'countermeasures', 'contingencyPlan'],
  executionReport: ['progress', 'problems'],
  partyReport: ['reply'],
};

/** An act recorded through the decision's form, with its documents attached as evidence. */
export async function formAct(
  ctx: Ctx,
  actor: Actor,
  id: string,
  action: FormAction,
  on: string,
  data: Record<string, unknown>,
  fileIds: string[] = [],
) {
  const body = (FORM_BODY[action] ?? [])
    .map((k) => data[k])
    .filter((v): v is string => typeof v === 'string' && !!v.trim())
    .join('\n');
  // 终止决策程序 also withdraws a legality review still in the queue, in the same transaction.
  const withdrawReviews =
    action === 'withdraw'
      ? (tx: Tx, dec: DecisionRow) =>
          withdrawMattersOf(ctx, tx, actor, dec.caseId, String(data.reason ?? '终止决策程序')).then(
            () => undefined,
          )
      : undefined;
  const d = await step(
    ctx,
    actor,
    id,
    { action, on, data },
    { kind: action, title: formTitle(action, data), body, fileIds },
    withdrawReviews,
  );
  if (action === 'withdraw') await endRevision(ctx, actor, d);
  return d;
}

/** A major adjustment that is withdrawn or rejected leaves the original decision in force (Art 37). */
export async function endRevision(ctx: Ctx, actor: Actor, d: DecisionRow, tx?: Tx): Promise<void> {
  if (!d.revisionOf) return;
  const run = async (t: Tx) => {
    const status = await caseStatus(t, d.caseId);
    if (status !== 'withdrawn' && status !== 'rejected') return;
    const [old] = await t.select().from(majorDecisions).where(eq(majorDecisions.id, d.revisionOf!));
    if ((await caseStatus(t, old.caseId)) !== 'readjusting') return;
    await recordAction(
      ctx,
      actor,
      old.caseId,
      {
        action: 'revisionResult',
        on: ctx.clock.today(),
        data: { outcome: 'abandoned', revisionId: d.id },
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
        title: '重大调整程序终止，原决策继续执行',
        body: `调整后的决策（${d.title}）${status === 'rejected' ? '未获通过' : '已终止决策程序'}。`,
        afterDecision: true,
      },
      { action: 'revisionResult', payload: { outcome: 'abandoned', revisionId: d.id } },
    );
  };
  return tx ? run(tx) : inTx(ctx, run);
}

export interface AddEvidenceInput {
  kind: string;
  title: string;
  body?: string;
  fileIds?: string[];
  supersedesId?: string | null;
  note?: string | null;
}

/**
 * 补充材料: always an addition. After the decision (or when it corrects an earlier entry) the reason
 * is required, and the earlier entry stays as it was (条例 Art 33: complete records).
 */
export async function addEvidence(ctx: Ctx, actor: Actor, id: string, input: AddEvidenceInput) {
  return withDecision(ctx, actor, id, async (tx, d) => {
    const after = AFTER_DECISION.includes(await caseStatus(tx, d.caseId));
    if (!input.body?.trim() && !input.fileIds?.length)
      throw new AppError('VALIDATION', '材料：请填写内容或上传文件', {
        fields: [{ path: 'body', message: '请填写内容或上传文件' }],
      });
    if ((after || input.supersedesId) && (input.note?.trim().length ?? 0) < 2) {
      throw new AppError(
        'VALIDATION',
        '补充或更正理由：决策作出后补充材料、或更正已归档的材料，应当说明理由；原材料保留不变',
        { fields: [{ path: 'note', message: '必填' }] },
      );
    }
    await recordEvidence(
      tx,
      ctx,
      actor,
      d,
      { ...input, afterDecision: after },
      {
        action: input.supersedesId ? 'correctEvidence' : 'addEvidence',
        payload: {
          title: input.title,
          supersedes: input.supersedesId ?? null,
          note: input.note ?? null,
        },
      },
    );
  });
}
