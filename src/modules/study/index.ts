/** What other modules may use of 学法普法: the records' services and the training hours per person. */
export {
  addStatement,
  addStudySession,
  listStudy,
  savePlan,
  STATEMENT_FORMS,
  STATEMENT_RANKS,
  STUDY_KINDS,
  type StatementInput,
  type StudyInput,
  type StudyKind,
} from './sessions.ts';
export { trainingHoursByPerson, examRates } from './training.ts';
export { studyFacts, studyFactsFrom, educationFacts, type StudyCounts } from './facts.ts';
