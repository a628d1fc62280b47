import { AppError, notFound } from '../errors.ts';
import { hasRole, type Actor } from './actor.ts';
import { BUSINESS_ROLES } from './roles.ts';

/**
 * Authorization as readable rules per resource, in one place. Lists are additionally scoped in SQL
 * (by department); records outside the actor's scope answer 404, not 403, so their existence is not leaked.
 */
interface Scoped { departmentId: string }

const business = (a: Actor) => hasRole(a, ...BUSINESS_ROLES);
const inDepartment = (a: Actor, s?: Scoped) => !!s && s.departmentId === a.departmentId;

const rules = {
  organisation: {
    manage: (a: Actor) => hasRole(a, 'sysAdmin'),
  },
  user: {
    manage: (a: Actor) => hasRole(a, 'sysAdmin'),
    assignRoles: (a: Actor) => hasRole(a, 'secAdmin'),
    unlock: (a: Actor) => hasRole(a, 'secAdmin'),
  },
  securitySettings: {
    manage: (a: Actor) => hasRole(a, 'secAdmin'),
  },
  // 三员分立: only the audit administrator reads the audit log — not even the other administrators.
  auditLog: {
    read: (a: Actor) => hasRole(a, 'auditAdmin'),
  },
  calendar: {
    edit: (a: Actor) => hasRole(a, 'sysAdmin'),
  },
  case: {
    list: (a: Actor) => business(a),
    read: (a: Actor, c?: Scoped) => business(a) && inDepartment(a, c),
    act: (a: Actor, c?: Scoped) => business(a) && inDepartment(a, c),
  },
} satisfies Record<string, Record<string, (a: Actor, s?: Scoped) => boolean>>;

type Rules = typeof rules;
export type Resource = keyof Rules;

export function can<R extends Resource>(actor: Actor, resource: R, action: keyof Rules[R], subject?: Scoped): boolean {
  const rule = rules[resource][action] as (a: Actor, s?: Scoped) => boolean;
  return rule(actor, subject);
}

/** Throws FORBIDDEN for a capability the actor lacks, NOT_FOUND for a record outside their scope. */
export function authorize<R extends Resource>(actor: Actor, resource: R, action: keyof Rules[R], subject?: Scoped): void {
  if (can(actor, resource, action, subject)) return;
  if (subject) throw notFound();
  throw new AppError('FORBIDDEN', '无权执行此操作');
}

/** What the UI may show; computed here so the client never re-implements the rules. */
export function abilities(actor: Actor) {
  return {
    manageOrgs: can(actor, 'organisation', 'manage'),
    manageUsers: can(actor, 'user', 'manage'),
    assignRoles: can(actor, 'user', 'assignRoles'),
    securitySettings: can(actor, 'securitySettings', 'manage'),
    readAudit: can(actor, 'auditLog', 'read'),
    editCalendar: can(actor, 'calendar', 'edit'),
    viewWorklist: can(actor, 'case', 'list'),
  };
}
