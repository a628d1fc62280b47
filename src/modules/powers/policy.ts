/** Who may read and keep the 权责清单 and its counts (RULES §10.2); another department's item answers 404. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';

const keeper = (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer');

export const powersPolicy = definePolicy({
  powerList: {
    read: (a: Actor, s?: Scoped) => insider(a) && (!s || inDepartment(a, s)),
    edit: (a: Actor, s?: Scoped) => keeper(a) && (!s || inDepartment(a, s)),
  },
});

export const authorizePowers = powersPolicy.authorize;

export const powersAbilities = (a: Actor) => ({
  viewPowers: powersPolicy.can(a, 'powerList', 'read'),
  editPowers: powersPolicy.can(a, 'powerList', 'edit'),
});
