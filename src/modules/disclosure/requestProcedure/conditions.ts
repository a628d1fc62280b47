/**
 * What the parts of the 依申请公开 procedure share: the approver role (条例 Art 33 ¶2), when an approval is
 * pending, and the gates several acts need.
 */
import type { Cond, Gate } from '../../../core/procedure/engine.ts';

export interface DisclosureSettings {
  /**
   * Whether the time between a fee notice and payment is excluded from the answer period.
   * RULES §5.4 5c / §14.3: unverified ([M], "likely yes"), hence configurable.
   */
  feePausesClock?: boolean;
}

export const GIO = '《政府信息公开条例》';

/**
 * The procedure role of the account that approves (the 政府信息公开工作机构负责人, 条例 Art 33 ¶2): no account
 * holds it; the request service records an approval as this role after checking the configured approver role
 * (approval.ts) and that the approver is not the clerk who asked, and routes the approval step to that role.
 */
export const APPROVER = 'approver';

// An approval is pending while the request is the latest of its request/decision acts.
export const extensionPending: Cond = {
  latest: ['extendRequest', 'extend', 'extendRefuse'],
  is: 'extendRequest',
};
export const answerPending: Cond = {
  latest: ['answerDraft', 'answerReturn', 'answer'],
  is: 'answerDraft',
};

export const notAwaitingSupplement: Gate = {
  when: { not: { clock: 'applicantSupplement', state: 'running' } },
  code: 'awaiting_supplement',
  message: '正在等待申请人补正，暂不能办理此项',
};
export const answerClockActive: Gate = {
  when: { clock: 'answer', state: ['running', 'paused'] },
  code: 'clock_inactive',
  message: '答复期限不在计算中（尚未登记收到申请或已办结）',
};
