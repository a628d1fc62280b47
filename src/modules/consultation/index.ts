/**
 * 公开征求意见, the public surface the owning modules (行政规范性文件, 重大行政决策) use: open, close and
 * dispose inside their own transaction, read a record's consultations and the 意见采纳情况 report, the
 * shared portal pages and views, the yearly comment counts, and the demo's consultations already held.
 */
export {
  closeConsultation,
  disposeComment,
  latestFor,
  listComments,
  loadConsultation,
  openConsultation,
  openConsultations,
  publishReport,
  submitComment,
  type CommentRow,
  type ConsultationRow,
  type DispositionInput,
} from './service.ts';
export {
  cnDate,
  DISPOSITION_OPTIONS,
  dispositionReport,
  type DispositionReport,
} from './report.ts';
export { articles, structure } from './text.ts';
export { DISPOSITION_FORM } from './forms.ts';
export { DraftText, FeedbackReport, registerConsultationPages } from './portal.tsx';
export { commentsReceivedSql } from './facts.ts';
export { seedHeldConsultation } from './seed.ts';
