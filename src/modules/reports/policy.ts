/**
 * Who may compile, read and oversee the 法治政府建设年度报告 (RULES §11), and who imports reports written
 * elsewhere for analysis (issue 6).
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { definePolicy, inDepartment, insider, type Scoped } from '../../core/auth/policy.ts';

/** `overseenBy`: the oversight body of the report's department (the one under the same government). */
export interface ReportScope extends Scoped {
  submitted?: boolean;
  overseenBy?: string | null;
}
/** An imported report: its department and that department's oversight body (none: no oversight body governs it). */
export interface ImportScope extends Scoped {
  oversightOrgId?: string | null;
}

/** An oversight account acting on a record of its own body or of a department it oversees (its own government's). */
const overseen = (a: Actor, s?: ImportScope) =>
  hasRole(a, 'oversight') &&
  !!s &&
  (s.departmentId === a.departmentId ||
    (!!s.oversightOrgId && s.oversightOrgId === a.departmentId));

export const reportPolicy = definePolicy({
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
});

export const { can, authorize } = reportPolicy;

/** What the report screens may show (the manifest merges it into the session's abilities). */
export const reportAbilities = (actor: Actor) => ({
  ruleOfLawReport: can(actor, 'ruleOfLawReport', 'view'),
  reportOversight: can(actor, 'ruleOfLawReport', 'oversee'),
  reportImports: can(actor, 'reportImport', 'list'),
});
