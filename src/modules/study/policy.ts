/** Who may read and keep the 学法普法 records (RULES §10.1); a record of another department answers 404. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';

const keeper = (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer');

export const studyPolicy = definePolicy({
  study: {
    read: (a: Actor) => insider(a),
    edit: (a: Actor, s?: Scoped) => keeper(a) && (!s || inDepartment(a, s)),
  },
});

export const authorizeStudy = studyPolicy.authorize;

export const studyAbilities = (a: Actor) => ({
  viewStudy: studyPolicy.can(a, 'study', 'read'),
  editStudy: studyPolicy.can(a, 'study', 'edit'),
});
