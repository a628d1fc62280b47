import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from '../../core/auth/policy.ts';
import { changeSetting, formSetting, whole } from '../../core/settings/service.ts';
import { choice } from '../../core/procedure/fields.ts';

export const DOC_TYPE_LABELS = {
  regulation: '规定',
  measures: '办法',
  rules: '细则',
  implementation: '实施细则',
  notice: '通知',
  opinion: '意见',
  decision: '决定',
  standard: '标准',
} as const;
export type DocType = keyof typeof DOC_TYPE_LABELS;
export const DOC_TYPES = Object.keys(DOC_TYPE_LABELS) as DocType[];

export const TRIAL_LABELS = { none: '', trial: '试行', interim: '暂行' } as const;
export type Trial = keyof typeof TRIAL_LABELS;

export const FILING_STATUS_LABELS = {
  submitted: '已报送待审查',
  returned: '已退回纠错',
  answered: '已答复待复审',
  accepted: '准予备案',
} as const;
export const CLEANUP_DECISION_LABELS = {
  keep: '保留',
  amend: '修改',
  abolish: '废止',
  declareInvalid: '宣布失效',
} as const;
export type CleanupDecision = keyof typeof CLEANUP_DECISION_LABELS;

export const EVALUATION_LABELS = {
  continue: '继续有效',
  amend: '需要修改',
  abolish: '建议废止',
} as const;

export const FILING_UNIT_LABELS = { day: '日', workday: '个工作日' } as const;

/** Local rules ([V-loc]): validity periods and the evaluation reminder (RULES §2.3 step 11), the 备案 period (step 9). */
export const documentSettings = formSetting({
  key: 'documents',
  label: '行政规范性文件',
  form: [
    whole('validityYears', '有效期上限', { min: 1, max: 10 }, '年', '一般不超过5年'),
    whole(
      'trialValidityYears',
      '试行、暂行文件有效期上限',
      { min: 1, max: 5 },
      '年',
      '一般不超过2年',
    ),
    whole('reminderMonths', '届满前提醒后评估', { min: 1, max: 12 }, '个月', '有效期届满前几个月'),
    // 备案 within 30 days of publication by default; local rules say 15日, 30日 or 3个工作日.
    whole('filingDays', '备案期限', { min: 1, max: 90 }, undefined, '自公开发布之日起'),
    choice(
      'filingUnit',
      '备案期限单位',
      ...(Object.entries(FILING_UNIT_LABELS) as Array<[keyof typeof FILING_UNIT_LABELS, string]>),
    ),
  ],
  defaults: {
    validityYears: 5,
    trialValidityYears: 2,
    reminderMonths: 6,
    filingDays: 30,
    filingUnit: 'day',
  },
});
export type DocumentSettings = z.infer<typeof documentSettings.schema>;

/** 业务设置 shared by every department, kept by the 系统管理员; audited from → to. */
export async function updateDocumentSettings(
  ctx: Ctx,
  actor: Actor,
  value: DocumentSettings,
): Promise<DocumentSettings> {
  authorize(actor, 'businessSettings', 'manage');
  return changeSetting(ctx, actor, documentSettings, 'settings.documents', value);
}
