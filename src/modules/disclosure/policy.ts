/**
 * Who may publish (主动公开), keep the 公开指南, handle 依申请公开 requests and compile the 年度报告
 * (政府信息公开条例); a record of another department answers 404.
 */
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import {
  business,
  definePolicy,
  inDepartment,
  publisher,
  type Scoped,
} from '../../core/auth/policy.ts';

/** An 依申请公开 request: its department and the org (科室) its case is assigned to. */
export interface RequestScope extends Scoped {
  orgId?: string;
}

/** The 科室 that runs a department's 政府信息公开 work (条例 Art 4 工作机构), by its organisation name. */
export const DISCLOSURE_OFFICE = '办公室';

/** The handlers of an 依申请公开 request (see disclosureRequest.personalData). */
const handler = (a: Actor, r?: RequestScope) =>
  hasRole(a, 'staff', 'leader') &&
  inDepartment(a, r) &&
  (hasRole(a, 'leader') ||
    r?.orgId === a.orgId ||
    a.orgId === a.departmentId ||
    a.orgName === DISCLOSURE_OFFICE);

export const disclosurePolicy = definePolicy({
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
});

export const { can, authorize } = disclosurePolicy;

/** What the disclosure screens may show (the manifest merges it into the session's abilities). */
export const disclosureAbilities = (actor: Actor) => ({
  publish: can(actor, 'publication', 'publish'),
  editDisclosureGuide: can(actor, 'disclosureGuide', 'edit'),
  disclosureRequests: can(actor, 'disclosureRequest', 'list'),
  disclosureReport: can(actor, 'disclosureReport', 'read'),
});
