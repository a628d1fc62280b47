/** Chinese labels and configurable defaults of 行政执法. */
import { z } from 'zod';
import { defineSetting } from '../../core/settings/service.ts';

export const OFFICER_STATUS_LABELS = {
  active: '在岗',
  suspended: '暂停',
  revoked: '注销',
} as const;
export type OfficerStatus = keyof typeof OFFICER_STATUS_LABELS;
export const RISK_LABELS = { low: '低风险', medium: '中风险', high: '高风险' } as const;
export type Risk = keyof typeof RISK_LABELS;
export const ITEM_KIND_LABELS = { general: '一般检查事项', key: '重点检查事项' } as const;
export const PLAN_STATUS_LABELS = {
  draft: '草稿',
  approved: '已审批',
  published: '已公布',
} as const;
export const DRAW_STATUS_LABELS = {
  committed: '已公布承诺值，待抽取',
  drawn: '已抽取',
  cancelled: '已作废',
} as const;
export const RESULT_LABELS = {
  noProblem: '未发现问题',
  rectify: '发现问题，责令整改',
  referred: '发现问题，移交立案',
  notFound: '未发现（查无下落）',
  other: '其他',
} as const;
export type InspectionResult = keyof typeof RESULT_LABELS;
export const CONFLICT_LABELS = {
  employment: '曾在该单位任职或有利害关系',
  relative: '近亲属在该单位',
  other: '其他应回避情形',
} as const;
export const STRATIFY_LABELS = {
  none: '不分层',
  category: '按行业类别分层',
  risk: '按风险等级分层',
} as const;

/**
 * Local settings of the department ([M]/[V-loc] defaults): yearly training target (hours), how many
 * days before expiry a certificate is flagged, and the 双随机 publication window (RULES §8.3: 20个工作日).
 */
export const enforcementSettings = defineSetting({
  key: 'enforcement',
  label: '行政执法设置',
  schema: z.object({
    trainingHours: z.number().int().min(0).max(1000).describe('年度培训学时要求'),
    expiryNoticeDays: z.number().int().min(1).max(365).describe('执法证到期提醒天数'),
    publishWorkdays: z.number().int().min(1).max(60).describe('抽查结果公示期限（工作日）'),
  }),
  defaults: { trainingHours: 40, expiryNoticeDays: 60, publishWorkdays: 20 },
});
