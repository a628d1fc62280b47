/**
 * Who may do what with 12345 tickets and 网民留言. The citizen's name, phone and ID number are shown in
 * full only to the ticket's handlers (个人信息保护法 Art 6 最小必要): the 主办/协办 科室, department-level
 * accounts and the 办公室 (who receive the platform's tickets), and the leaders.
 */
import { definePolicy, inDepartment } from '../../core/auth/policy.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';

/** The 科室 that receives the platform's tickets and dispatches them. */
export const HOTLINE_OFFICE = '办公室';

export interface TicketScope {
  departmentId: string;
  orgId: string;
  coOrgIds?: string[];
}

const handler = (a: Actor, t?: TicketScope) =>
  hasRole(a, 'staff', 'leader') &&
  inDepartment(a, t) &&
  (hasRole(a, 'leader') ||
    a.orgId === a.departmentId ||
    a.orgName === HOTLINE_OFFICE ||
    t?.orgId === a.orgId ||
    !!t?.coOrgIds?.includes(a.orgId));

export const hotlinePolicy = definePolicy({
  hotlineTicket: {
    list: (a: Actor) => hasRole(a, 'staff', 'leader'),
    intake: (a: Actor) => hasRole(a, 'staff', 'leader'),
    read: (a: Actor, t?: TicketScope) => hasRole(a, 'staff', 'leader') && inDepartment(a, t),
    act: handler,
    personalData: handler,
    approveExtension: (a: Actor, t?: TicketScope) => hasRole(a, 'leader') && inDepartment(a, t),
  },
  hotlineToken: {
    manage: (a: Actor) => hasRole(a, 'sysAdmin'),
  },
  hotlineRating: {
    read: (a: Actor) => hasRole(a, 'staff', 'leader'),
  },
});

export const { can, authorize } = hotlinePolicy;

export function hotlineAbilities(a: Actor) {
  return {
    hotlineTickets: can(a, 'hotlineTicket', 'list'),
    hotlineIntake: can(a, 'hotlineTicket', 'intake'),
    hotlineTokens: can(a, 'hotlineToken', 'manage'),
    hotlineRatings: can(a, 'hotlineRating', 'read'),
  };
}
