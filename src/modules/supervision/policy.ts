/** 督办: registered by the department's staff (办公室) or leaders, carried out by the owning 科室, read department-wide. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider } from '../../core/auth/policy.ts';

export interface TaskScope {
  departmentId: string;
  orgId: string;
}
const handler = (a: Actor) => hasRole(a, 'staff', 'leader');

export const supervisionPolicy = definePolicy({
  supervisedTask: {
    list: (a: Actor) => insider(a),
    assign: (a: Actor) => handler(a),
    read: (a: Actor, s?: TaskScope) => insider(a) && inDepartment(a, s),
    act: (a: Actor, s?: TaskScope) =>
      handler(a) &&
      inDepartment(a, s) &&
      (s?.orgId === a.orgId || a.orgId === a.departmentId || hasRole(a, 'leader')),
    adjust: (a: Actor, s?: TaskScope) => hasRole(a, 'leader') && inDepartment(a, s),
  },
});

export const supervisionAbilities = (a: Actor) => ({
  supervision: supervisionPolicy.can(a, 'supervisedTask', 'list'),
  supervisionAssign: supervisionPolicy.can(a, 'supervisedTask', 'assign'),
});
