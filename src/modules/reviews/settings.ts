/**
 * The per-type review time limits: each department's legal office sets its own (RULES §3/§4 defaults
 * in labels.ts where it has set nothing). A department's limits govern only its own matters; no
 * department changes another's.
 */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from './policy.ts';
import { changeSetting, getSetting, scopedSetting } from '../../core/settings/service.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import {
  MATTER_TYPES,
  MATTER_TYPE_LABELS,
  reviewSettings,
  type ReviewMatterType,
  type TimeLimit,
} from './labels.ts';

export type ReviewLimits = Record<ReviewMatterType, TimeLimit>;

/** The limits a department's matters run on: its own, or the defaults. */
export async function departmentReviewLimits(
  db: DbOrTx,
  departmentId: string,
  nowMs: number,
  ttlMs?: number,
): Promise<ReviewLimits> {
  return getSetting(db, scopedSetting(reviewSettings, departmentId), nowMs, ttlMs);
}

export async function readReviewLimits(ctx: Ctx, actor: Actor): Promise<ReviewLimits> {
  authorize(actor, 'reviewMatter', 'list');
  return departmentReviewLimits(ctx.db, actor.departmentId, ctx.clock.now().getTime(), 0);
}

export async function updateReviewLimits(
  ctx: Ctx,
  actor: Actor,
  value: ReviewLimits,
): Promise<ReviewLimits> {
  authorize(actor, 'reviewMatter', 'configure');
  for (const t of MATTER_TYPES) {
    const l = value[t];
    const bad = (message: string): never => {
      throw new AppError('VALIDATION', `${MATTER_TYPE_LABELS[t]}：${message}`, {
        fields: [{ path: t, message }],
      });
    };
    if (l.maxWorkdays > 0 && l.maxWorkdays < l.minWorkdays)
      bad('审查时间上限不能少于至少预留的审查时间');
    if (l.defaultWorkdays < l.minWorkdays) bad('默认审查期限不能少于至少预留的审查时间');
    if (l.maxWorkdays > 0 && l.defaultWorkdays > l.maxWorkdays)
      bad('默认审查期限不能超过审查时间上限');
  }
  // 重大行政决策程序暂行条例第二十六条: 一般不少于7个工作日 — a local setting may lengthen it, not drop it.
  if (value.majorDecision.minWorkdays < 7) {
    throw new AppError(
      'VALIDATION',
      '重大行政决策：至少预留的审查时间不得少于7个工作日（重大行政决策程序暂行条例第二十六条）',
      { fields: [{ path: 'majorDecision', message: '不得少于7个工作日' }] },
    );
  }
  // The actor's own department only: the setting is stored under the department's id (audited from → to).
  return changeSetting(
    ctx,
    actor,
    scopedSetting(reviewSettings, actor.departmentId),
    'settings.reviews',
    value,
  );
}
