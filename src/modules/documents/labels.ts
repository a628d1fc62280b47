import { z } from 'zod';
import { defineSetting } from '../../core/settings/service.ts';

export const DOC_TYPE_LABELS = { regulation: '规定', measures: '办法', rules: '细则', implementation: '实施细则', notice: '通知', opinion: '意见', decision: '决定', standard: '标准' } as const;
export type DocType = keyof typeof DOC_TYPE_LABELS;
export const DOC_TYPES = Object.keys(DOC_TYPE_LABELS) as DocType[];

export const TRIAL_LABELS = { none: '', trial: '试行', interim: '暂行' } as const;
export type Trial = keyof typeof TRIAL_LABELS;

export const FILING_STATUS_LABELS = { submitted: '已报送待审查', returned: '已退回纠错', answered: '已答复待复审', accepted: '准予备案' } as const;
export const CLEANUP_DECISION_LABELS = { keep: '保留', amend: '修改', abolish: '废止', declareInvalid: '宣布失效' } as const;
export type CleanupDecision = keyof typeof CLEANUP_DECISION_LABELS;

export const EVALUATION_LABELS = { continue: '继续有效', amend: '需要修改', abolish: '建议废止' } as const;

/** Local rules (RULES §2.3 step 11, [V-loc]): validity periods and the evaluation reminder. */
export const documentSettings = defineSetting({
  key: 'documents',
  label: '行政规范性文件',
  schema: z.object({
    validityYears: z.number().int().min(1).max(10).describe('有效期上限（年）'),
    trialValidityYears: z.number().int().min(1).max(5).describe('试行、暂行文件有效期上限（年）'),
    reminderMonths: z.number().int().min(1).max(12).describe('有效期届满前提醒评估（月）'),
  }),
  defaults: { validityYears: 5, trialValidityYears: 2, reminderMonths: 6 },
});
