/**
 * Who may do what in 行政执法: the legal office (法制审核人员) keeps the officer registry (RULES §8.1
 * 资格管理); the department's staff, leaders, legal office and 执法人员 run the random inspections;
 * the department's insiders read. Records of another department answer 404.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';

const runs = (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer', 'officer');

export const enforcementPolicy = definePolicy({
  officer: {
    list: (a: Actor) => insider(a),
    read: (a: Actor, s?: Scoped) => insider(a) && inDepartment(a, s),
    manage: (a: Actor, s?: Scoped) =>
      hasRole(a, 'legalOfficer', 'leader') && (!s || inDepartment(a, s)),
  },
  inspection: {
    list: (a: Actor) => insider(a),
    read: (a: Actor, s?: Scoped) => insider(a) && inDepartment(a, s),
    manage: (a: Actor, s?: Scoped) => runs(a) && (!s || inDepartment(a, s)),
    // 年度抽查计划 approval and the 事前公开 publication: leaders and the legal office.
    approve: (a: Actor, s?: Scoped) =>
      hasRole(a, 'leader', 'legalOfficer') && (!s || inDepartment(a, s)),
  },
});

export const { can, authorize } = enforcementPolicy;

export function enforcementAbilities(actor: Actor) {
  return {
    enforcement: can(actor, 'inspection', 'list'),
    manageOfficers: can(actor, 'officer', 'manage'),
    manageInspections: can(actor, 'inspection', 'manage'),
    approveInspections: can(actor, 'inspection', 'approve'),
  };
}
