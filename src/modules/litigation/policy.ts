/**
 * Who may see and handle 行政复议 / 行政应诉 cases: the legal office (法制机构) and the leaders handle them;
 * the department's own staff read them; nobody else (the outside 法律顾问, oversight bodies, other
 * departments, administrators) sees them — a record outside the scope answers 404.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';

const handler = (a: Actor) => hasRole(a, 'legalOfficer', 'leader');

export const litigationPolicy = definePolicy({
  litigationCase: {
    list: (a: Actor) => insider(a),
    read: (a: Actor, c?: Scoped) => insider(a) && inDepartment(a, c),
    register: (a: Actor) => handler(a),
    act: (a: Actor, c?: Scoped) => handler(a) && inDepartment(a, c),
  },
});

export const { can, authorize } = litigationPolicy;

export const litigationAbilities = (a: Actor) => ({
  viewLitigation: can(a, 'litigationCase', 'list'),
  manageLitigation: can(a, 'litigationCase', 'register'),
});
