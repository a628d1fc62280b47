/**
 * The ten power categories of the 权责清单 (RULES §10.2 [V-loc], P-30; national list [M]) and the
 * fields of an item in the order of the provincial Excel template.
 */
export const POWER_CATEGORIES = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  ruling: '行政裁决',
  other: '其他行政权力',
} as const;
export type PowerCategory = keyof typeof POWER_CATEGORIES;

export const POWER_STATUSES = { valid: '有效', adjusted: '已调整', cancelled: '已取消' } as const;
export const ADJUSTMENT_ACTIONS = { add: '新增', adjust: '调整', cancel: '取消' } as const;

export const categoryByLabel = (label: string): PowerCategory | undefined =>
  (Object.entries(POWER_CATEGORIES) as Array<[PowerCategory, string]>).find(
    ([, l]) => l === label,
  )?.[0];

/** The editable fields of an item with their Chinese names (also the template's column headers). */
export const POWER_FIELDS = {
  code: '事项编码',
  name: '事项名称',
  category: '事项类型',
  basis: '实施依据',
  implementingBody: '实施主体',
  handlingOrg: '承办科室',
  duties: '责任事项',
  accountability: '追责情形',
  timeLimit: '办理时限',
  hotline: '监督电话',
} as const;
export type PowerField = keyof typeof POWER_FIELDS;

export interface PowerInput {
  code: string;
  name: string;
  category: PowerCategory;
  basis: string;
  implementingBody: string;
  handlingOrg: string;
  duties: string;
  accountability: string;
  timeLimit: string;
  hotline: string;
}
