/**
 * 重大行政决策 (RULES §3): the bureau's decisions, seen department-wide by its business users except
 * outside legal advisors (they see only the review matters assigned to them) and the oversight body.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { business, definePolicy, inDepartment, type Scoped } from '../../core/auth/policy.ts';

export const decisionPolicy = definePolicy({
  majorDecision: {
    list: (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor'),
    read: (a: Actor, s?: Scoped) =>
      business(a) && !hasRole(a, 'oversight', 'legalAdvisor') && inDepartment(a, s),
    start: (a: Actor) => hasRole(a, 'staff', 'leader'),
    act: (a: Actor, s?: Scoped) =>
      hasRole(a, 'staff', 'leader', 'legalOfficer') && inDepartment(a, s),
    catalogue: (a: Actor, s?: Scoped) =>
      hasRole(a, 'staff', 'leader') && (!s || inDepartment(a, s)),
  },
});

export const { can, authorize } = decisionPolicy;

/** What the decision screens may show (the manifest merges it into the session's abilities). */
export const decisionAbilities = (actor: Actor) => ({
  viewDecisions: can(actor, 'majorDecision', 'list'),
  startDecision: can(actor, 'majorDecision', 'start'),
  manageCatalogue: can(actor, 'majorDecision', 'catalogue'),
});
