/** Stable role codes (stored on users) and their Chinese labels. */
export const ROLE_LABELS = {
  staff: '业务科室工作人员',
  legalOfficer: '法制审核人员',
  leader: '局领导',
  legalAdvisor: '法律顾问/公职律师',
  officer: '执法人员',
  oversight: '监督机关工作人员',
  sysAdmin: '系统管理员',
  secAdmin: '安全管理员',
  auditAdmin: '审计管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** 三员: the three administrator roles; no account may hold two of them (等保2.0 三级). */
export const ADMIN_ROLES: Role[] = ['sysAdmin', 'secAdmin', 'auditAdmin'];
export const BUSINESS_ROLES: Role[] = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

export const ORG_KIND_LABELS = {
  government: '人民政府',
  department: '政府工作部门',
  division: '内设机构（科室）',
  oversight: '监督机关（司法局/依法治市办）',
} as const;
export type OrgKind = keyof typeof ORG_KIND_LABELS;
