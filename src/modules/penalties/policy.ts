/**
 * Who may do what in 行政处罚: an 执法人员 sees the cases assigned to them (or opened by them); a 科室's
 * staff the cases of their 科室; the legal office (法制审核) and leaders the department's; another
 * department's cases answer 404; the public sees only what is published (portal, no policy needed).
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';
import { penaltyCases } from './schema.ts';

export interface PenaltyScope extends Scoped {
  orgId: string;
  handlerIds: string[];
  createdBy: string | null;
}

const assigned = (a: Actor, s?: PenaltyScope) =>
  !!s && (s.handlerIds.includes(a.userId) || s.createdBy === a.userId);
const wide = (a: Actor) => hasRole(a, 'legalOfficer', 'leader');
const sees = (a: Actor, s?: PenaltyScope) =>
  insider(a) &&
  inDepartment(a, s) &&
  (wide(a) ||
    assigned(a, s) ||
    (hasRole(a, 'staff') && (s?.orgId === a.orgId || a.orgId === a.departmentId)));

export const penaltyPolicy = definePolicy({
  penaltyCase: {
    list: (a: Actor) => insider(a) && hasRole(a, 'officer', 'staff', 'legalOfficer', 'leader'),
    open: (a: Actor) => hasRole(a, 'officer', 'staff', 'leader') && insider(a),
    read: sees,
    act: (a: Actor, s?: PenaltyScope) =>
      sees(a, s) && hasRole(a, 'officer', 'staff', 'leader', 'legalOfficer'),
    configure: (a: Actor) => hasRole(a, 'legalOfficer', 'leader') && insider(a),
    exportFeed: (a: Actor) =>
      insider(a) && (wide(a) || (hasRole(a, 'staff') && a.orgId === a.departmentId)),
  },
});

export const { can, authorize } = penaltyPolicy;

/** The list scope in SQL, the same rule as `sees`. */
export function penaltyScopeSql(a: Actor): SQL {
  const dept = eq(penaltyCases.departmentId, a.departmentId);
  const parts: SQL[] = [];
  if (wide(a)) parts.push(sql`true`);
  if (hasRole(a, 'staff'))
    parts.push(a.orgId === a.departmentId ? sql`true` : eq(penaltyCases.orgId, a.orgId));
  parts.push(
    sql`(${penaltyCases.handlerIds} @> jsonb_build_array(${a.userId}::text) or ${penaltyCases.createdBy} = ${a.userId})`,
  );
  return and(dept, or(...parts))!;
}

export function penaltyAbilities(a: Actor) {
  return {
    penalties: can(a, 'penaltyCase', 'list'),
    openPenalty: can(a, 'penaltyCase', 'open'),
    configurePenalties: can(a, 'penaltyCase', 'configure'),
    exportPenalties: can(a, 'penaltyCase', 'exportFeed'),
  };
}
