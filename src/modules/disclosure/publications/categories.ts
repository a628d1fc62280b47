import { z } from 'zod';
import { defineSetting } from '../../../core/settings/service.ts';

/**
 * The two classifications on a publication (GLOSSARY: category = 组配分类, topic = 主题分类).
 * Stable codes with Chinese labels; each list is a setting with defaults for a 市科技局, so a
 * deployment can add codes without a code change (RULES §6.1 "other common catalogue fields").
 */
export interface Label {
  code: string;
  label: string;
}

export const DEFAULT_CATEGORIES: Label[] = [
  { code: 'functions', label: '机构职能' },
  { code: 'policy', label: '政策文件' },
  { code: 'normativeDocument', label: '规范性文件' },
  { code: 'plan', label: '规划计划' },
  { code: 'finance', label: '财政资金' },
  { code: 'projects', label: '科技项目' },
  { code: 'licensing', label: '行政许可' },
  { code: 'penalty', label: '行政处罚' },
  { code: 'personnel', label: '人事信息' },
  { code: 'annualReport', label: '政府信息公开年报' },
  { code: 'other', label: '其他' },
];

export const DEFAULT_TOPICS: Label[] = [
  { code: 'science', label: '科技、教育/科技' },
  { code: 'scienceLaw', label: '科技、教育、法治' },
  { code: 'government', label: '综合政务' },
  { code: 'finance', label: '财政、金融、审计' },
  { code: 'economy', label: '国民经济管理、国有资产监管' },
  { code: 'industry', label: '工业、交通' },
  { code: 'agriculture', label: '农业、林业、水利' },
  { code: 'personnel', label: '劳动、人事、监察' },
  { code: 'other', label: '其他' },
];

const labelSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, '代码只能包含字母和数字')
    .describe('代码'),
  label: z.string().min(1).max(40).describe('名称'),
});

export const classificationSettings = defineSetting({
  key: 'disclosure.classifications',
  label: '政务公开分类',
  schema: z.object({
    categories: z.array(labelSchema).min(1).describe('组配分类'),
    topics: z.array(labelSchema).min(1).describe('主题分类'),
  }),
  defaults: { categories: DEFAULT_CATEGORIES, topics: DEFAULT_TOPICS },
});
export type Classifications = z.infer<typeof classificationSettings.schema>;

/** Codes other modules publish under: they stay in the lists (their names may change). */
export const RESERVED = {
  categories: {
    normativeDocument: '行政规范性文件发布',
    annualReport: '政府信息公开工作年度报告发布',
  } as Record<string, string>,
  topics: {
    science: '行政规范性文件发布（默认主题）',
    government: '政府信息公开工作年度报告发布',
  } as Record<string, string>,
};

export const VALIDITY_LABELS = {
  inForce: '有效',
  amended: '已修改',
  expired: '失效',
  abolished: '废止',
} as const;
export type Validity = keyof typeof VALIDITY_LABELS;
export const VALIDITIES = Object.keys(VALIDITY_LABELS) as Validity[];

export const labelOf = (list: Label[], code: string) =>
  list.find((l) => l.code === code)?.label ?? code;
