/**
 * 决策执行和调整 (条例 Chapter 4): the post-decision evaluation (Art 36) and the adjustment (Art 37),
 * a major one starting a new decision that repeats the procedure. Each one transaction with its evidence.
 */
import { AppError } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { loadHistory } from '../../core/cases/service.ts';
import type { DecisionRow } from './evidence.ts';
import { precheck, startDecision, step, withDecision, type StartInput } from './service.ts';

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
