/** 建议提案办理: the department's staff and leaders handle; a 协办 科室 gives its opinion; anyone in the department reads. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider } from '../../core/auth/policy.ts';

export interface ProposalScope {
  departmentId: string;
  orgId: string;
  coOrgIds?: string[];
}
const handler = (a: Actor) => hasRole(a, 'staff', 'leader');

export const proposalPolicy = definePolicy({
  proposal: {
    list: (a: Actor) => insider(a),
    assign: (a: Actor) => handler(a),
    read: (a: Actor, s?: ProposalScope) => insider(a) && inDepartment(a, s),
    // The lead unit (or department-level users and leaders) acts; a 协办 科室 only gives its opinion.
    act: (a: Actor, s?: ProposalScope) =>
      handler(a) &&
      inDepartment(a, s) &&
      (s?.orgId === a.orgId || a.orgId === a.departmentId || hasRole(a, 'leader')),
    coOpinion: (a: Actor, s?: ProposalScope) =>
      handler(a) && inDepartment(a, s) && !!s?.coOrgIds?.includes(a.orgId),
  },
});

export const proposalAbilities = (a: Actor) => ({
  proposals: proposalPolicy.can(a, 'proposal', 'list'),
  proposalAssign: proposalPolicy.can(a, 'proposal', 'assign'),
});
