/**
 * Who sees and handles 信访事项 (信访工作条例 Art 30 ¶2: 检举控告 are never passed to the accused; 个人信息保护法
 * Art 6 最小必要). The department's staff and leaders register and handle petitions; once a matter is
 * classified 检举控告类 only its named handlers read it at all (everyone else, the accused division and
 * the leaders included, gets 404); the petitioner's personal data in full only to the handling 科室,
 * department-level users and leaders.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment } from '../../core/auth/policy.ts';

export interface PetitionScope {
  departmentId: string;
  orgId: string;
  category?: string | null;
  handlerIds?: string[];
  accusedOrgId?: string | null;
}

const handler = (a: Actor) => hasRole(a, 'staff', 'leader');
const namedHandler = (a: Actor, s?: PetitionScope) =>
  !!s?.handlerIds?.includes(a.userId) && s.accusedOrgId !== a.orgId;

/** Whether the actor may read the matter at all. */
function readable(a: Actor, s?: PetitionScope): boolean {
  if (!handler(a) || !inDepartment(a, s)) return false;
  if (s?.category === 'accusation') return namedHandler(a, s);
  return true;
}

export const petitionPolicy = definePolicy({
  petition: {
    list: (a: Actor) => handler(a),
    register: (a: Actor) => handler(a),
    read: (a: Actor, s?: PetitionScope) => readable(a, s),
    act: (a: Actor, s?: PetitionScope) => readable(a, s),
    personalData: (a: Actor, s?: PetitionScope) =>
      readable(a, s) &&
      (hasRole(a, 'leader') ||
        s?.orgId === a.orgId ||
        a.orgId === a.departmentId ||
        namedHandler(a, s)),
  },
});

export const petitionAbilities = (a: Actor) => ({
  petitions: petitionPolicy.can(a, 'petition', 'list'),
  petitionRegister: petitionPolicy.can(a, 'petition', 'register'),
});
