import { AppError, notFound } from '../errors.ts';
import { hasRole, type Actor } from './actor.ts';
import { BUSINESS_ROLES } from './roles.ts';

/**
 * Authorization as readable rules per resource, in one place. Lists are additionally scoped in SQL
 * (by department); records outside the actor's scope answer 404, not 403, so their existence is not leaked.
 */
export interface Scoped {
  departmentId: string;
}
interface DocumentScope extends Scoped {
  draftingOrgId?: string;
  published?: boolean;
}
interface FilingScope extends Scoped {
  oversightOrgId?: string;
}
/** `overseenBy`: the oversight body of the report's department (the one under the same government). */
interface ReportScope extends Scoped {
  submitted?: boolean;
  overseenBy?: string | null;
}
/** An imported report: its department and that department's oversight body (none: no oversight body governs it). */
interface ImportScope extends Scoped {
  oversightOrgId?: string | null;
}
/** An 依申请公开 request: its department and the org (科室) its case is assigned to. */
interface RequestScope extends Scoped {
  orgId?: string;
}
/** A 合法性审查 matter: the requesting org, and whether the actor is one of its assigned reviewers. */
interface MatterScope extends Scoped {
  orgId?: string;
  assigned?: boolean;
}

/** The 科室 that runs a department's 政府信息公开 work (条例 Art 4 工作机构), by its organisation name. */
export const DISCLOSURE_OFFICE = '办公室';
export const business = (a: Actor) => hasRole(a, ...BUSINESS_ROLES);
export const inDepartment = (a: Actor, s?: Scoped) => !!s && s.departmentId === a.departmentId;
/** An oversight account acting on a record of its own body or of a department it oversees (its own government's). */
const overseen = (a: Actor, s?: ImportScope) =>
  hasRole(a, 'oversight') &&
  !!s &&
  (s.departmentId === a.departmentId ||
    (!!s.oversightOrgId && s.oversightOrgId === a.departmentId));
export const publisher = (a: Actor) => business(a) && !hasRole(a, 'legalAdvisor');
/** The department's own people: not the outside 法律顾问 (only the matters assigned to them) nor the oversight body. */
export const insider = (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor');
/**
 * Who handles cases of the department. An outside 法律顾问 is not: they see only the review matters
 * assigned to them (reviewMatter rules), never the department's other cases. A 公职律师 who is also
 * staff keeps the staff role's access.
 */
/** The handlers of an 依申请公开 request (see disclosureRequest.personalData). */
const handler = (a: Actor, r?: RequestScope) =>
  hasRole(a, 'staff', 'leader') &&
  inDepartment(a, r) &&
  (hasRole(a, 'leader') ||
    r?.orgId === a.orgId ||
    a.orgId === a.departmentId ||
    a.orgName === DISCLOSURE_OFFICE);
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
  // 主动公开 (条例 Art 17/26): the department's own staff publish for their department; an outside 法律顾问 does not.
  publication: {
    list: (a: Actor) => publisher(a),
    publish: (a: Actor) => publisher(a),
    read: (a: Actor, p?: Scoped) => publisher(a) && inDepartment(a, p),
    manage: (a: Actor, p?: Scoped) => publisher(a) && inDepartment(a, p),
  },
  // 政府信息公开指南 (条例 Art 12): kept up to date by the department's staff or leaders.
  disclosureGuide: {
    edit: (a: Actor) => hasRole(a, 'staff', 'leader'),
  },
  // Stored files: unpublished files are visible to their department only (published attachments are public).
  file: {
    upload: (a: Actor) => business(a),
    read: (a: Actor, f?: Scoped) => business(a) && inDepartment(a, f),
  },
  // 行政规范性文件 (RULES §2): drafts are seen by the drafting 科室, bureau-level users, the legal office
  // and leaders of the department; published versions by the whole department.
  normativeDocument: {
    list: (a: Actor) => insider(a),
    draft: (a: Actor) => hasRole(a, 'staff', 'leader'),
    read: (a: Actor, d?: DocumentScope) =>
      business(a) &&
      !hasRole(a, 'legalAdvisor') &&
      inDepartment(a, d) &&
      (!!d?.published ||
        d?.draftingOrgId === a.orgId ||
        a.orgId === a.departmentId ||
        hasRole(a, 'legalOfficer', 'leader')),
    edit: (a: Actor, d?: DocumentScope) =>
      hasRole(a, 'staff', 'leader') &&
      inDepartment(a, d) &&
      (d?.draftingOrgId === a.orgId || a.orgId === a.departmentId || hasRole(a, 'leader')),
    cleanup: (a: Actor) => hasRole(a, 'legalOfficer'),
  },
  // 备案: the oversight body (市司法局) reviews the filings addressed to it, across departments, but
  // cannot edit the documents; the filing department answers correction requests.
  documentFiling: {
    queue: (a: Actor) => hasRole(a, 'oversight'),
    review: (a: Actor, f?: FilingScope) =>
      hasRole(a, 'oversight') && !!f && f.oversightOrgId === a.departmentId,
    answer: (a: Actor, f?: Scoped) => hasRole(a, 'staff', 'leader') && inDepartment(a, f),
  },
  // 依申请公开 (条例 Art 4, 29): the department's staff and leaders see its requests; other roles see
  // the case (no personal data) but not the request.
  disclosureRequest: {
    list: (a: Actor) => hasRole(a, 'staff', 'leader'),
    intake: (a: Actor) => hasRole(a, 'staff', 'leader'),
    read: (a: Actor, r?: RequestScope) => hasRole(a, 'staff', 'leader') && inDepartment(a, r),
    // Acting on a request (补正, 延期, 答复 …) is for its handlers, the same people who see the personal data.
    act: (a: Actor, r?: RequestScope) => handler(a, r),
    // The applicant's name, ID number, phone, e-mail, address and tracking code: only the request's
    // handlers — the 科室 its case is assigned to (`orgId`; a portal request is assigned to the department
    // itself), the department's 政府信息公开工作机构 (条例 Art 4: its 办公室 or a department-level account)
    // and the department's leaders. Everyone else who reads the request sees them masked: 个人信息保护法
    // Art 6 (最小必要: no more personal data than the purpose needs) and 条例 Art 15/32 (personal
    // information is protected; it is used only to answer the request).
    personalData: (a: Actor, r?: RequestScope) => handler(a, r),
  },
  // 政府信息公开工作年度报告 (条例 Art 49/50): compiled by the disclosure office, read by the department.
  disclosureReport: {
    read: (a: Actor) => business(a) && !hasRole(a, 'legalAdvisor'),
    edit: (a: Actor) => hasRole(a, 'staff', 'leader'),
  },
  // 合法性审查 (RULES §3 step 8, §4): any 科室 submits; the legal office (法制审核人员) of the department
  // runs the queue, assigns reviewers and concludes; leaders read; the requesting 科室 reads its own
  // matters and marks adoption; a 法律顾问/公职律师 account sees only the matters assigned to it.
  reviewMatter: {
    submit: (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer'),
    list: (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer', 'legalAdvisor'),
    manage: (a: Actor, m?: MatterScope) => hasRole(a, 'legalOfficer') && inDepartment(a, m),
    configure: (a: Actor) => hasRole(a, 'legalOfficer'),
    read: (a: Actor, m?: MatterScope) =>
      inDepartment(a, m) &&
      (hasRole(a, 'legalOfficer', 'leader') ||
        (hasRole(a, 'staff') && (m?.orgId === a.orgId || a.orgId === a.departmentId)) ||
        (hasRole(a, 'legalAdvisor') && !!m?.assigned)),
    opine: (a: Actor, m?: MatterScope) =>
      hasRole(a, 'legalOfficer', 'legalAdvisor') && inDepartment(a, m) && !!m?.assigned,
    respond: (a: Actor, m?: MatterScope) =>
      hasRole(a, 'staff', 'leader') &&
      inDepartment(a, m) &&
      (m?.orgId === a.orgId || a.orgId === a.departmentId || hasRole(a, 'leader')),
  },
  // 法律顾问/公职律师 registry: kept by the legal office, read by leaders.
  legalAdvisor: {
    list: (a: Actor) => hasRole(a, 'legalOfficer', 'leader'),
    manage: (a: Actor, s?: Scoped) => hasRole(a, 'legalOfficer') && (!s || inDepartment(a, s)),
  },
  // 重大行政决策 (RULES §3): the bureau's decisions, seen department-wide by its business users except
  // outside legal advisors (they see only the review matters assigned to them) and the oversight body.
  majorDecision: {
    list: (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor'),
    read: (a: Actor, s?: Scoped) =>
      business(a) && !hasRole(a, 'oversight', 'legalAdvisor') && inDepartment(a, s),
    start: (a: Actor) => hasRole(a, 'staff', 'leader'),
    act: (a: Actor, s?: Scoped) =>
      hasRole(a, 'staff', 'leader', 'legalOfficer') && inDepartment(a, s),
    catalogue: (a: Actor, s?: Scoped) =>
      hasRole(a, 'staff', 'leader') && (!s || inDepartment(a, s)),
  },
  // 局长办公会 / 党组会 and their agendas (议题).
  meeting: {
    list: (a: Actor) => business(a) && !hasRole(a, 'oversight', 'legalAdvisor'),
    read: (a: Actor, s?: Scoped) =>
      business(a) && !hasRole(a, 'oversight', 'legalAdvisor') && inDepartment(a, s),
    manage: (a: Actor, s?: Scoped) => hasRole(a, 'staff', 'leader') && (!s || inDepartment(a, s)),
  },
  // 法治政府建设年度报告 written elsewhere, imported for analysis (issue 6): a department imports and reads
  // its own; the oversight body (依法治市办/司法局) imports and reads those of the departments it oversees
  // (the departments of its own government, as filings go: `oversightOrgId` is the subject department's
  // oversight body, resolved by analyser/service.ts), never another city's.
  reportImport: {
    list: (a: Actor) => hasRole(a, 'staff', 'leader', 'legalOfficer', 'oversight'),
    create: (a: Actor, s?: ImportScope) =>
      overseen(a, s) ||
      (hasRole(a, 'staff', 'leader', 'legalOfficer') && (!s || inDepartment(a, s))),
    read: (a: Actor, s?: ImportScope) =>
      overseen(a, s) || (hasRole(a, 'staff', 'leader', 'legalOfficer') && inDepartment(a, s)),
    edit: (a: Actor, s?: ImportScope) =>
      overseen(a, s) || (hasRole(a, 'staff', 'leader', 'legalOfficer') && inDepartment(a, s)),
  },
  // 法治政府建设年度报告 (RULES §11): the department compiles, reviews, approves, submits and publishes
  // its own; the oversight body (依法治市办/司法局) reads every department's submitted report and edits none.
  ruleOfLawReport: {
    view: (a: Actor) => insider(a),
    read: (a: Actor, r?: ReportScope) =>
      (insider(a) && inDepartment(a, r)) ||
      (hasRole(a, 'oversight') && !!r?.submitted && r?.overseenBy === a.departmentId),
    edit: (a: Actor, r?: Scoped) => hasRole(a, 'staff', 'leader') && (!r || inDepartment(a, r)),
    oversee: (a: Actor) => hasRole(a, 'oversight'),
    // The template (title, part order, 报送/公开 deadlines, 学法 count) is one per deployment, like the
    // calendar: the 系统管理员 sets the locality's rule (厅字〔2019〕28号 as adapted locally). An oversight
    // body may not change it for departments it does not oversee; everyone who writes or oversees reads it.
    template: (a: Actor) => hasRole(a, 'sysAdmin'),
    readTemplate: (a: Actor) => insider(a) || hasRole(a, 'oversight', 'sysAdmin'),
  },
  // 学法 sessions and 述法 entries of the department (the report's part 三).
  studyRecord: {
    read: (a: Actor) => insider(a),
    edit: (a: Actor) => hasRole(a, 'staff', 'leader'),
  },
} satisfies RuleSet;

/** A rule: whether the actor may act, on the record's scope when there is one. */
export type Rule = (a: Actor, s?: any) => boolean;
export type RuleSet = Record<string, Record<string, Rule>>;

/**
 * A policy over a set of rules: `can` answers, `authorize` throws FORBIDDEN for a capability the actor
 * lacks and NOT_FOUND for a record outside their scope (its existence is not leaked). Core's rules are
 * below; each module declares its own in its folder with the same helpers (insider, inDepartment, …).
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

/** What the UI may show; computed here so the client never re-implements the rules. */
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
    publish: can(actor, 'publication', 'publish'),
    viewDocuments: can(actor, 'normativeDocument', 'list'),
    draftDocument: can(actor, 'normativeDocument', 'draft'),
    documentCleanup: can(actor, 'normativeDocument', 'cleanup'),
    filingQueue: can(actor, 'documentFiling', 'queue'),
    editDisclosureGuide: can(actor, 'disclosureGuide', 'edit'),
    disclosureRequests: can(actor, 'disclosureRequest', 'list'),
    disclosureReport: can(actor, 'disclosureReport', 'read'),
    ruleOfLawReport: can(actor, 'ruleOfLawReport', 'view'),
    reportOversight: can(actor, 'ruleOfLawReport', 'oversee'),
    reviewQueue: can(actor, 'reviewMatter', 'list'),
    submitReview: can(actor, 'reviewMatter', 'submit'),
    manageReviews: can(actor, 'reviewMatter', 'configure'),
    legalAdvisors: can(actor, 'legalAdvisor', 'list'),
    viewDecisions: can(actor, 'majorDecision', 'list'),
    startDecision: can(actor, 'majorDecision', 'start'),
    manageCatalogue: can(actor, 'majorDecision', 'catalogue'),
    viewMeetings: can(actor, 'meeting', 'list'),
    manageMeetings: can(actor, 'meeting', 'manage'),
    reportImports: can(actor, 'reportImport', 'list'),
  };
}
