/**
 * The vocabularies of 行政复议 decisions and 行政诉讼 results, and how table 四 of the 政府信息公开工作年度报告
 * (国办公开办函〔2021〕30号) and the 法治年报 rates classify them: 结果维持 / 结果纠正 / 其他结果.
 * 驳回复议申请 and 驳回诉讼请求 leave the act standing (维持); 撤销、变更、确认违法、确认无效、责令履行
 * correct it (纠正, and for a suit: 败诉); 调解、和解、终止、驳回起诉、准予撤诉 are 其他.
 */
export type Category = 'maintained' | 'corrected' | 'other';

/** 行政复议决定 (复议法 Arts 63–74). */
export const DECISION_LABELS: Record<string, string> = {
  maintain: '维持',
  reject: '驳回复议申请',
  revoke: '撤销',
  change: '变更',
  confirmIllegal: '确认违法',
  confirmVoid: '确认无效',
  perform: '责令履行',
  mediation: '调解',
  settlement: '和解',
  terminate: '终止',
};

/** 一审判决 / 二审结果 (for the bureau) in a suit (行政诉讼法 Arts 69–78). */
export const JUDGMENT_LABELS: Record<string, string> = {
  rejectClaims: '判决驳回原告诉讼请求',
  revoke: '判决撤销',
  change: '判决变更',
  confirmIllegal: '判决确认违法',
  confirmVoid: '判决确认无效',
  perform: '判决履行',
};

/** 一审裁定 and other ways a suit ends without a judgment on the merits. */
export const RULING_LABELS: Record<string, string> = {
  dismiss: '裁定驳回起诉',
  withdrawn: '裁定准予撤诉',
  mediated: '调解结案',
};

export const RESULT_LABELS: Record<string, string> = {
  ...DECISION_LABELS,
  ...JUDGMENT_LABELS,
  ...RULING_LABELS,
};

const CATEGORY: Record<string, Category> = {
  maintain: 'maintained',
  reject: 'maintained',
  rejectClaims: 'maintained',
  revoke: 'corrected',
  change: 'corrected',
  confirmIllegal: 'corrected',
  confirmVoid: 'corrected',
  perform: 'corrected',
  mediation: 'other',
  settlement: 'other',
  terminate: 'other',
  dismiss: 'other',
  withdrawn: 'other',
  mediated: 'other',
};

export const categoryOf = (result: string): Category => CATEGORY[result] ?? 'other';

export const CATEGORY_LABELS: Record<Category | 'pending', string> = {
  maintained: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export const KIND_LABELS = { reconsideration: '行政复议', lawsuit: '行政诉讼' } as const;
export const PROCEDURE_TYPE_LABELS: Record<string, string> = {
  ordinary: '普通程序',
  simple: '简易程序',
};

/** The bureau's own records an act challenged in a case may be (a typed reference {module, recordId}). */
export const ACT_MODULES = {
  disclosureRequest: { label: '政府信息公开申请答复', path: '/disclosure/requests/' },
  normativeDocument: { label: '行政规范性文件', path: '/documents/' },
  penaltyDecision: { label: '行政处罚决定', path: '/penalties/' },
} as const;
export type ActModule = keyof typeof ACT_MODULES;

export { choicesOf as opts } from '../../core/http/labels.ts';
