/**
 * The acts of a 重大行政决策 (国务院令第713号, article numbers in the comments and messages): who
 * records each, its fields (the form and the evidence), its gates and its date rules. One file per
 * chapter (section) of the 条例; the order here is the procedure's.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { long } from './actionFields.ts';
import { decidingActions } from './actionsDeciding.ts';
import { executionActions } from './actionsExecution.ts';
import { expertReviewActions } from './actionsExpertReview.ts';
import { legalReviewActions } from './actionsLegalReview.ts';
import { participationActions } from './actionsParticipation.ts';
import { riskAssessmentActions } from './actionsRiskAssessment.ts';
import { startActions } from './actionsStart.ts';

export { PARTICIPATION_METHODS } from './actionsParticipation.ts';
export { REVIEW_CONCLUSIONS } from './actionsLegalReview.ts';
export { DECISION_RESULTS, MEETING_KINDS } from './actionsDeciding.ts';

export function decisionActions(): ActionDef[] {
  return [
    ...startActions(),
    ...participationActions(),
    ...expertReviewActions(),
    ...riskAssessmentActions(),
    ...legalReviewActions(),
    ...decidingActions(),
    ...executionActions(),
    {
      code: 'withdraw',
      label: '终止决策程序',
      roles: ['leader'],
      statuses: ['new', 'drafting', 'decided'],
      fields: [long('reason', '理由', true)],
      effects: [{ status: 'withdrawn', outcome: 'withdrawn' }],
    },
  ];
}

/** The acts recorded through the generic decision form (evidence attached); the others have their own service. */
export const FORM_ACTIONS = [
  'hearing',
  'otherParticipation',
  'addExpert',
  'expertOpinion',
  'expertAdoption',
  'riskAssessment',
  'fairCompetitionReview',
  'partyReport',
  'exemptPublication',
  'executionReport',
  'suspend',
  'resume',
  'withdraw',
] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];
