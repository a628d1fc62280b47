import { createRegistry, type ProcedureRegistry } from '../core/cases/registry.ts';
import { deadlineTask, type SweepTask } from '../core/cases/sweep.ts';
import { DISCLOSURE_REQUEST } from '../modules/disclosure/procedure.ts';
import { DISCLOSURE_ANNUAL_REPORT } from '../modules/disclosure/report/procedure.ts';
import { DOCUMENT_MODULE_ACTIONS, NORMATIVE_DOCUMENT } from '../modules/documents/procedure.ts';
import { documentExpiryTask, documentReminderTask } from '../modules/documents/validity.ts';
import { documentFacts } from '../modules/documents/facts.ts';
import { publicationFacts } from '../modules/disclosure/publications/facts.ts';
import { disclosureRequestFacts } from '../modules/disclosure/requests/facts.ts';
import { lapsedPauseTask } from '../modules/disclosure/requests/sweep.ts';
import type { FactProvider } from '../core/facts.ts';
import { REPORT_MODULE_ACTIONS, RULE_OF_LAW_REPORT } from '../modules/reports/procedure.ts';
import { studyFacts } from '../modules/reports/study.ts';
import { LEGAL_REVIEW, LEGAL_REVIEW_MODULE_ACTIONS } from '../modules/reviews/procedure.ts';
import { reviewFacts } from '../modules/reviews/facts.ts';
import { DECISION_MODULE_ACTIONS, MAJOR_DECISION } from '../modules/decisions/procedure.ts';
import { decisionFacts } from '../modules/decisions/facts.ts';
import { meetingFacts } from '../modules/meetings/facts.ts';

/**
 * The modules wired into this build: their procedures, sweep tasks and portal sections.
 * A new module adds its entries here; nothing else in core changes.
 */
export function procedureRegistry(): ProcedureRegistry {
  return createRegistry([
    // 收费通知 goes through the request service (the amount follows the fee schedule); the report's acts through its service.
    { def: DISCLOSURE_REQUEST, module: 'disclosure', moduleLabel: '政务公开', moduleActions: ['feeNotice'], page: { table: 'disclosure_requests', path: '/disclosure/requests/' } },
    { def: DISCLOSURE_ANNUAL_REPORT, module: 'disclosure', moduleLabel: '政务公开', moduleActions: ['open', 'submit', 'publish'] },
    { def: NORMATIVE_DOCUMENT, module: 'documents', moduleLabel: '行政规范性文件', moduleActions: DOCUMENT_MODULE_ACTIONS, page: { table: 'normative_documents', path: '/documents/' } },
    { def: RULE_OF_LAW_REPORT, module: 'reports', moduleLabel: '法治政府建设年度报告', moduleActions: REPORT_MODULE_ACTIONS },
    { def: LEGAL_REVIEW, module: 'reviews', moduleLabel: '合法性审查', moduleActions: LEGAL_REVIEW_MODULE_ACTIONS, page: { table: 'review_matters', path: '/reviews/' } },
    { def: MAJOR_DECISION, module: 'decisions', moduleLabel: '重大行政决策', moduleActions: DECISION_MODULE_ACTIONS, page: { table: 'major_decisions', path: '/decisions/' } },
  ]);
}

export const sweepTasks: SweepTask[] = [deadlineTask, documentExpiryTask, documentReminderTask, lapsedPauseTask];

/** Every module's facts for the annual report, in no particular order (the report orders by area). */
export const factProviders: FactProvider[] = [
  { module: 'decisions', area: 'decisions', facts: decisionFacts },
  { module: 'meetings', area: 'decisions', facts: meetingFacts },
  { module: 'documents', area: 'documents', facts: documentFacts },
  { module: 'reports.study', area: 'firstResponsible', facts: studyFacts },
  { module: 'reviews', area: 'decisions', facts: reviewFacts },
  { module: 'disclosure.publications', area: 'disclosure', facts: publicationFacts },
  { module: 'disclosure.requests', area: 'disclosure', facts: disclosureRequestFacts },
];
