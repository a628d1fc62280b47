/** Who may draft, read and clean up 行政规范性文件 (RULES §2), and who reviews their 备案. */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import {
  business,
  definePolicy,
  inDepartment,
  insider,
  type Scoped,
} from '../../core/auth/policy.ts';

export interface DocumentScope extends Scoped {
  draftingOrgId?: string;
  published?: boolean;
}
export interface FilingScope extends Scoped {
  oversightOrgId?: string;
}

export const documentPolicy = definePolicy({
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
});

export const { can, authorize } = documentPolicy;

/** What the documents screens may show (the manifest merges it into the session's abilities). */
export const documentAbilities = (actor: Actor) => ({
  viewDocuments: can(actor, 'normativeDocument', 'list'),
  draftDocument: can(actor, 'normativeDocument', 'draft'),
  documentCleanup: can(actor, 'normativeDocument', 'cleanup'),
  filingQueue: can(actor, 'documentFiling', 'queue'),
});
