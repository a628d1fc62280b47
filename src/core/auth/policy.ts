import { AppError, notFound } from '../errors.ts';
import { hasRole, type Actor } from './actor.ts';
import { BUSINESS_ROLES } from './roles.ts';

/**
 * Authorization as readable rules per resource. Core keeps the shared predicates (insider, inDepartment,
 * caseWorker, business, publisher …), the rules of what core itself serves (organisations, users, the
 * audit log, the calendar, cases, files, business settings) and `definePolicy`; each module declares its
 * own rules and abilities in `src/modules/<m>/policy.ts` and plugs them in through its manifest. Lists
 * are additionally scoped in SQL (by department); records outside the actor's scope answer 404, not 403,
 * so their existence is not leaked.
 */
export interface Scoped {
  departmentId: string;
}
export const business = (a: Actor) => hasRole(a, ...BUSINESS_ROLES);
export const inDepartment = (a: Actor, s?: Scoped) => !!s && s.departmentId === a.departmentId;
export const publisher = (a: Actor) => business(a) && !hasRole(a, 'legalAdvisor');
/** The department's own people: not the outside 法律顾问 (only the matters assigned to them) nor the oversight body. */
export const insider = (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor');
/**
 * Who handles cases of the department. An outside 法律顾问 is not: they see only the review matters
 * assigned to them (reviewMatter rules), never the department's other cases. A 公职律师 who is also
 * staff keeps the staff role's access.
 */
export const caseWorker = (a: Actor) =>
  hasRole(a, ...BUSINESS_ROLES.filter((r) => r !== 'legalAdvisor'));

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
  // Business configuration shared by every department (索引号 pattern, 组配分类/主题分类 lists, attachment
  // size limit): no department's staff or leader may change it for the others, so the 系统管理员 keeps
  // it, as with the calendar and the credit codes the 索引号 is built from. It is not a security setting
  // (安全管理员), and it shows no business records (the 系统管理员 still sees no cases).
  businessSettings: {
    manage: (a: Actor) => hasRole(a, 'sysAdmin'),
  },
  case: {
    list: (a: Actor) => caseWorker(a),
    // 我的待办: every business account; an outside 法律顾问 finds there the steps of the cases assigned to them.
    worklist: (a: Actor) => business(a),
    read: (a: Actor, c?: Scoped) => caseWorker(a) && inDepartment(a, c),
    act: (a: Actor, c?: Scoped) => caseWorker(a) && inDepartment(a, c),
  },
  // Stored files: unpublished files are visible to their department only (published attachments are public).
  file: {
    upload: (a: Actor) => business(a),
    read: (a: Actor, f?: Scoped) => business(a) && inDepartment(a, f),
  },
} satisfies RuleSet;

/** A rule: whether the actor may act, on the record's scope when there is one. */
export type Rule = (a: Actor, s?: any) => boolean;
export type RuleSet = Record<string, Record<string, Rule>>;

/**
 * A policy over a set of rules: `can` answers, `authorize` throws FORBIDDEN for a capability the actor
 * lacks and NOT_FOUND for a record outside their scope (its existence is not leaked). Core's rules are
 * above; each module declares its own in its folder with the same helpers (insider, inDepartment, …).
 */
export function definePolicy<T extends RuleSet>(ruleSet: T) {
  const can = <R extends keyof T>(
    actor: Actor,
    resource: R,
    action: keyof T[R],
    subject?: Parameters<T[R][keyof T[R]]>[1],
  ): boolean => (ruleSet[resource][action] as Rule)(actor, subject);
  const authorize = <R extends keyof T>(
    actor: Actor,
    resource: R,
    action: keyof T[R],
    subject?: Parameters<T[R][keyof T[R]]>[1],
  ): void => {
    if (can(actor, resource, action, subject)) return;
    if (subject) throw notFound();
    throw new AppError('FORBIDDEN', '无权执行此操作');
  };
  return { can, authorize };
}

const corePolicy = definePolicy(rules);
export type Resource = keyof typeof rules;
export const can = corePolicy.can;
/** Throws FORBIDDEN for a capability the actor lacks, NOT_FOUND for a record outside their scope. */
export const authorize = corePolicy.authorize;

/**
 * What core's screens may show (administration, the calendar, 我的待办); each module's manifest adds its
 * own. Computed on the server so the client never re-implements the rules.
 */
export function abilities(actor: Actor) {
  return {
    manageOrgs: can(actor, 'organisation', 'manage'),
    manageUsers: can(actor, 'user', 'manage'),
    assignRoles: can(actor, 'user', 'assignRoles'),
    securitySettings: can(actor, 'securitySettings', 'manage'),
    readAudit: can(actor, 'auditLog', 'read'),
    editCalendar: can(actor, 'calendar', 'edit'),
    businessSettings: can(actor, 'businessSettings', 'manage'),
    viewWorklist: can(actor, 'case', 'worklist'),
  };
}
