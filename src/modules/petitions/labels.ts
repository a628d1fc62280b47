/** Codes and Chinese labels of the 信访 module (one English identifier per term, GLOSSARY). */
export const CHANNEL_LABELS = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上信访',
  hotline: '12345热线转办',
  other: '其他',
} as const;
export type Channel = keyof typeof CHANNEL_LABELS;
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

/** 直接提出 (条例 Art 23 ¶1–2) or 转送/交办 by the 信访部门 or a superior (Art 23 ¶3). */
export const SOURCE_LABELS = {
  direct: '信访人直接提出',
  transferred: '信访部门或上级机关转送、交办',
} as const;
export type Source = keyof typeof SOURCE_LABELS;

/** 条例 Art 29–31: the three kinds of 信访事项. */
export const CATEGORY_LABELS = {
  suggestion: '建议意见类',
  accusation: '检举控告类',
  appeal: '申诉求决类',
} as const;
export type Category = keyof typeof CATEGORY_LABELS;

/** 条例 Art 32: 处理意见 — 支持 / 解释说明 / 不予支持. */
export const DECISION_LABELS = {
  support: '予以支持',
  explain: '解释说明',
  notSupport: '不予支持',
} as const;
export type Decision = keyof typeof DECISION_LABELS;

export const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];
export const DECISIONS = Object.keys(DECISION_LABELS) as Decision[];
