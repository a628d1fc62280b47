/**
 * The local settings of the 行政规范性文件 procedure (业务设置): review and comment periods, the 备案审查
 * and 纠错 periods, with their defaults.
 */
export interface NormativeDocumentSettings {
  /** 合法性审核 time, 国办发〔2018〕115号 (RULES §14.1: from memory, to confirm): 一般不少于5个工作日，最长不超过15个工作日. */
  legalReviewMinWorkdays?: number;
  legalReviewMaxWorkdays?: number;
  /** Comment period for documents affecting rights and obligations: 一般不少于7个工作日 (示范指标体系 item 24). */
  commentMinWorkdays?: number;
  /** Comment period for documents closely related to market entities: 一般不少于30日 (优化营商环境条例 Art 62). */
  marketCommentMinDays?: number;
  /**
   * 备案审查 by the oversight body and the 纠错 by the department (RULES §2.3 step 9, 37号 有备必审、有错必纠).
   * Neither period is national: local 规范性文件管理办法 set them (commonly 15个工作日 to review, 30日 to
   * correct and report); RULES.md does not list them, so they are settings, not statute.
   */
  filingReviewWorkdays?: number;
  correctionDays?: number;
}

/** The settings with every default filled in. */
export type DocumentProcedureSettings = Required<NormativeDocumentSettings>;

export const DOCUMENT_PROCEDURE_DEFAULTS: DocumentProcedureSettings = {
  legalReviewMinWorkdays: 5,
  legalReviewMaxWorkdays: 15,
  commentMinWorkdays: 7,
  marketCommentMinDays: 30,
  filingReviewWorkdays: 15,
  correctionDays: 30,
};
