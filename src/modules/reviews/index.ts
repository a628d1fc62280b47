/**
 * The public surface of 合法性审查 for other modules: a subject module (规范性文件, 重大行政决策,
 * 行政处罚 …) submits a matter inside its own transaction, receives the conclusion on its case and
 * withdraws its open matters when its procedure ends. A matter's status is its case's (legalReview).
 */
export {
  reviewDue,
  submitMatter,
  submitStandalone,
  type ReviewMatterType,
  type SubmitMatterInput,
} from './service.ts';
export {
  concludeForSubject,
  concludeMatter,
  withdrawMattersOf,
  type ConcludeInput,
} from './closing.ts';
export { isOpen, loadMatter, mattersOfSubject, type MatterRow } from './matters.ts';
export { assignReviewers, giveOpinion, markAdoption } from './opinions.ts';
export { createAdvisor } from './advisors.ts';
export { departmentMatters, departmentMatterTitle } from './refs.ts';
export { reviewFacts, reviewFactsFrom, type ReviewCounts } from './facts.ts';
export {
  CONCLUSION_LABELS,
  MATTER_STATUS_LABELS,
  MATTER_TYPE_LABELS,
  type Conclusion,
  type MatterStatus,
} from './labels.ts';
