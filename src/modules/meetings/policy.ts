/** 局长办公会 / 党组会 and their agendas (议题): kept by the department's staff and leaders. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { business, definePolicy, inDepartment, type Scoped } from '../../core/auth/policy.ts';

export const meetingPolicy = definePolicy({
  meeting: {
    list: (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor'),
    read: (a: Actor, s?: Scoped) =>
      business(a) && !hasRole(a, 'oversight', 'legalAdvisor') && inDepartment(a, s),
    manage: (a: Actor, s?: Scoped) => hasRole(a, 'staff', 'leader') && (!s || inDepartment(a, s)),
  },
});

export const { can, authorize } = meetingPolicy;

/** What the meeting screens may show (the manifest merges it into the session's abilities). */
export const meetingAbilities = (actor: Actor) => ({
  viewMeetings: can(actor, 'meeting', 'list'),
  manageMeetings: can(actor, 'meeting', 'manage'),
});
