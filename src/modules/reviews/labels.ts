/** Stable codes and their Chinese labels for 合法性审查, and the per-type time limits (a setting). */
import { z } from 'zod';
import { defineSetting } from '../../core/settings/service.ts';
import { num } from '../../core/procedure/fields.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';

export const MATTER_TYPE_LABELS = {
  majorDecision: '重大行政决策',
  normativeDocument: '行政规范性文件',
  contract: '合同协议',
  disclosureReply: '信息公开答复',
  reconsideration: '行政复议应诉',
  other: '其他法律事务',
} as const;
export type ReviewMatterType = keyof typeof MATTER_TYPE_LABELS;
export const MATTER_TYPES = Object.keys(MATTER_TYPE_LABELS) as ReviewMatterType[];

export const MATTER_STATUS_LABELS = {
  submitted: '待分派',
  reviewing: '审查中',
  concluded: '已出具审查意见',
  withdrawn: '已撤回',
} as const;
export type MatterStatus = keyof typeof MATTER_STATUS_LABELS;
export const MATTER_STATUSES = Object.keys(MATTER_STATUS_LABELS) as MatterStatus[];

export const CONCLUSION_LABELS = {
  lawful: '合法',
  lawfulAfterRevision: '修改后合法',
  unlawful: '不合法',
} as const;
export type Conclusion = keyof typeof CONCLUSION_LABELS;
export const CONCLUSIONS = Object.keys(CONCLUSION_LABELS) as Conclusion[];

export const ADOPTION_LABELS = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '未采纳',
} as const;
export type Adoption = keyof typeof ADOPTION_LABELS;
export const ADOPTIONS = Object.keys(ADOPTION_LABELS) as Adoption[];

export const ADVISOR_KIND_LABELS = { external: '法律顾问', governmentLawyer: '公职律师' } as const;
export type AdvisorKind = keyof typeof ADVISOR_KIND_LABELS;
export const ADVISOR_KINDS = Object.keys(ADVISOR_KIND_LABELS) as AdvisorKind[];

/**
 * The time limits of one matter type, declared once: the setting's schema below (in whole working
 * days) and the 审查期限设置 card, a row a type and a column a field (served with the reviews forms).
 */
export const LIMIT_FIELDS = [
  num('minWorkdays', '至少预留（工作日）', { min: 0, max: 60, integer: true }, true),
  num('maxWorkdays', '上限（工作日，0为不设）', { min: 0, max: 120, integer: true }, true),
  num('defaultWorkdays', '默认期限（工作日）', { min: 1, max: 120, integer: true }, true),
] as const;
const limit = fieldsSchema(LIMIT_FIELDS);
export type TimeLimit = z.infer<typeof limit>;

/**
 * Review time per matter type. Statutory: 重大行政决策 ≥ 7 个工作日 reserved (重大行政决策程序暂行条例
 * 第二十六条, RULES §3 step 8); 规范性文件 5–15 个工作日 (国办发〔2018〕115号, RULES §4 [M]). The others
 * are local practice [M]: a disclosure reply must fit in the 20-WD answer period, a 复议 answer in 10 WD.
 */
export const reviewSettings = defineSetting({
  key: 'reviews',
  label: '合法性审查期限',
  schema: z.object({
    majorDecision: limit.describe('重大行政决策'),
    normativeDocument: limit.describe('行政规范性文件'),
    contract: limit.describe('合同协议'),
    disclosureReply: limit.describe('信息公开答复'),
    reconsideration: limit.describe('行政复议应诉'),
    other: limit.describe('其他法律事务'),
  }),
  defaults: {
    majorDecision: { minWorkdays: 7, maxWorkdays: 0, defaultWorkdays: 10 },
    normativeDocument: { minWorkdays: 5, maxWorkdays: 15, defaultWorkdays: 15 },
    contract: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 5 },
    disclosureReply: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 3 },
    reconsideration: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 5 },
    other: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 5 },
  } satisfies Record<ReviewMatterType, TimeLimit>,
});

/** Where each time limit comes from, for the due-date explanation. */
export const LIMIT_BASIS: Partial<Record<ReviewMatterType, string>> = {
  majorDecision: '《重大行政决策程序暂行条例》第二十六条',
  normativeDocument:
    '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）',
};
