/**
 * 合法性审查 (RULES §3 step 8, §4): any 科室 submits; the legal office (法制审核人员) of the department
 * runs the queue, assigns reviewers and concludes; leaders read; the requesting 科室 reads its own
 * matters and marks adoption; a 法律顾问/公职律师 account sees only the matters assigned to it.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, type Scoped } from '../../core/auth/policy.ts';

/** A 合法性审查 matter: the requesting org, and whether the actor is one of its assigned reviewers. */
export interface MatterScope extends Scoped {
  orgId?: string;
  assigned?: boolean;
}

export const reviewPolicy = definePolicy({
  reviewMatter: {
    submit: (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer'),
    list: (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer', 'legalAdvisor'),
    manage: (a: Actor, m?: MatterScope) => hasRole(a, 'legalOfficer') && inDepartment(a, m),
    configure: (a: Actor) => hasRole(a, 'legalOfficer'),
    read: (a: Actor, m?: MatterScope) =>
      inDepartment(a, m) &&
      (hasRole(a, 'legalOfficer', 'leader') ||
        (hasRole(a, 'staff') && (m?.orgId === a.orgId || a.orgId === a.departmentId)) ||
        (hasRole(a, 'legalAdvisor') && !!m?.assigned)),
    opine: (a: Actor, m?: MatterScope) =>
      hasRole(a, 'legalOfficer', 'legalAdvisor') && inDepartment(a, m) && !!m?.assigned,
    respond: (a: Actor, m?: MatterScope) =>
      hasRole(a, 'staff', 'leader') &&
      inDepartment(a, m) &&
      (m?.orgId === a.orgId || a.orgId === a.departmentId || hasRole(a, 'leader')),
  },
  // 法律顾问/公职律师 registry: kept by the legal office, read by leaders.
  legalAdvisor: {
    list: (a: Actor) => hasRole(a, 'legalOfficer', 'leader'),
    manage: (a: Actor, s?: Scoped) => hasRole(a, 'legalOfficer') && (!s || inDepartment(a, s)),
  },
});

export const { can, authorize } = reviewPolicy;

/** What the review screens may show (the manifest merges it into the session's abilities). */
export const reviewAbilities = (actor: Actor) => ({
  reviewQueue: can(actor, 'reviewMatter', 'list'),
  submitReview: can(actor, 'reviewMatter', 'submit'),
  manageReviews: can(actor, 'reviewMatter', 'configure'),
  legalAdvisors: can(actor, 'legalAdvisor', 'list'),
});
