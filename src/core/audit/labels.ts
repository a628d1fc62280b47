/**
 * The one list of audit action codes with their Chinese names. Core's own codes are here; each module
 * contributes its codes through its manifest (`audit`), and the shared engine's acts (`case.<action>`)
 * are named by the procedures' own action labels, so core knows no module. A code without a name
 * fails labels.test.ts (the demo's chain and every literal code in the source are checked).
 */
import type { ActionCode, ProcedureDef } from '../procedure/types.ts';
import type { ProcedureEntry } from '../cases/registry.ts';

export type AuditActionLabels = Readonly<Record<string, string>>;

/** A kind of audited record: its Chinese name, and the table/column that name it (read by id). */
export interface AuditEntityKind {
  label: string;
  table?: string;
  /** The column holding the record's name (title, name, number). */
  name?: string;
  /** 《》 around the name (documents, reports). */
  quoted?: boolean;
  /** After the name (a report's year: 「2025年度」). */
  suffix?: string;
}

/** What a module adds to the audit log's vocabulary (ModuleManifest.audit). */
export interface ModuleAudit {
  actions: AuditActionLabels;
  /** Chinese names of its payload keys, for the readable details. */
  fields?: Readonly<Record<string, string>>;
  entities?: Readonly<Record<string, AuditEntityKind>>;
}

/**
 * Every act of a procedure as `<prefix><action>`, named by the act's label (module services that audit
 * each engine act under their own prefix). Typed: for procedures declared with defineProcedure the keys
 * are `${prefix}${ActionCode}`, so auditRecorder accepts exactly the acts the procedures declare.
 */
export function procedureActionLabels<P extends string, D extends ProcedureDef>(
  prefix: P,
  defs: readonly D[],
): Record<`${P}${ActionCode<D>}`, string> {
  const out: Record<string, string> = {};
  for (const d of defs) for (const a of d.actions) out[`${prefix}${a.code}`] ??= a.label;
  return out;
}

/** Core's codes, grouped by the part of the system that writes them (the module filter's core entries). */
export const CORE_AUDIT_GROUPS = {
  account: {
    label: '账号与登录',
    actions: {
      'auth.login': '登录',
      'auth.loginFailed': '登录失败',
      'auth.locked': '连续登录失败，账号被锁定',
      'auth.logout': '退出登录',
      'auth.passwordChanged': '修改本人密码',
      'user.create': '新建用户',
      'user.update': '修改用户信息',
      'user.resetPassword': '重置用户密码',
      'user.assignRoles': '调整用户角色',
      'user.unlock': '解除账号锁定',
    },
  },
  system: {
    label: '机构与系统设置',
    actions: {
      'org.create': '新建机构',
      'org.update': '修改机构信息',
      'settings.security': '修改安全策略',
      'settings.files': '修改文件上传设置',
      'settings.files.large': '修改大文件设置',
      'settings.indexNumber': '修改索引号规则',
      'calendar.notice': '录入国务院放假通知',
      'file.upload': '上传文件',
    },
  },
  cases: {
    label: '案件办理',
    actions: {
      'case.deadlinesRecomputed': '重新计算期限',
    },
  },
} as const satisfies Record<string, { label: string; actions: AuditActionLabels }>;

export type CoreAuditAction = {
  [G in keyof typeof CORE_AUDIT_GROUPS]: keyof (typeof CORE_AUDIT_GROUPS)[G]['actions'];
}[keyof typeof CORE_AUDIT_GROUPS];

/** Chinese names of payload keys every part uses. */
export const COMMON_FIELDS: Readonly<Record<string, string>> = {
  title: '标题',
  name: '名称',
  on: '日期',
  at: '时间',
  status: '状态',
  reason: '理由',
  note: '备注',
  year: '年度',
  caseId: '案件',
  documentId: '规范性文件',
  fileId: '文件',
  fileIds: '文件',
  files: '文件',
  attachmentIds: '附件',
  publicationId: '公开信息',
  from: '原值',
  to: '新值',
  before: '调整前',
  after: '调整后',
  changes: '变更',
  username: '用户名',
  displayName: '姓名',
  orgId: '机构',
  roles: '角色',
  active: '启用',
  via: '方式',
  administrator: '管理员账号',
  source: '来源',
  size: '大小（字节）',
  sha256: 'SHA-256 摘要',
  procedure: '程序',
  seq: '序号',
  data: '填写内容',
  warnings: '提示',
  dueOn: '期限',
  late: '逾期',
  count: '数量',
  kind: '类别',
  indexNumber: '索引号',
  docNumber: '文号',
  body: '正文',
  summary: '摘要',
  comment: '意见',
  opinion: '意见',
  decision: '决定',
  outcome: '结果',
  channel: '渠道',
  receivedOn: '收到日期',
  publishedOn: '公开日期',
  items: '事项',
  total: '总数',
  adopted: '采纳数',
  address: '地址',
  phone: '电话',
  parentId: '上级机构',
  creditCode: '统一社会信用代码',
  docPrefix: '发文字号前缀',
  recomputed: '重新计算的期限数',
  notice: '通知',
  days: '日期',
  failures: '失败次数',
  lockedUntil: '锁定至',
  ip: 'IP 地址',
  method: '方式',
  type: '类型',
  userId: '账号',
  userIds: '人员',
  assignmentId: '分派',
  answeredOn: '答复日期',
  percent: '进度（%）',
  category: '类别',
  content: '内容',
  evidence: '佐证材料',
};

export interface AuditActionInfo {
  label: string;
  /** Module code ('documents') or a core group ('account'). */
  module: string;
  /** For `case.<action>`: the procedure whose action it is. */
  procedure?: string;
}

export interface AuditCatalogue {
  /** The Chinese name of a code (for a case act: of that procedure's action); undefined when unlisted. */
  action(code: string, procedure?: string): AuditActionInfo | undefined;
  /** The filter's choices: modules in menu order, and each module's actions. */
  modules: Array<{ code: string; label: string }>;
  actions: Array<{
    value: string;
    code: string;
    procedure?: string;
    label: string;
    module: string;
  }>;
  moduleLabel(code: string): string;
  field(key: string, ctx?: { procedure?: string; action?: string }): string | undefined;
  procedure(code: string): ProcedureDef | undefined;
  entity(type: string): AuditEntityKind | undefined;
  /** Every record kind that names its records from a table, once per table (for resolving ids). */
  entityKinds(): AuditEntityKind[];
}

interface CatalogueInput {
  modules: Array<{ name: string; label: string; audit?: ModuleAudit }>;
  procedures: ProcedureEntry[];
  coreEntities?: Record<string, AuditEntityKind>;
}

export function auditCatalogue(input: CatalogueInput): AuditCatalogue {
  const byCode = new Map<string, AuditActionInfo>();
  const caseActs = new Map<string, AuditActionInfo>(); // `${procedure}|${action}`
  const modules: AuditCatalogue['modules'] = [];
  const actions: AuditCatalogue['actions'] = [];
  const fields = new Map<string, string>(Object.entries(COMMON_FIELDS));
  const entities = new Map<string, AuditEntityKind>(Object.entries(input.coreEntities ?? {}));
  const add = (code: string, label: string, module: string) => {
    if (byCode.has(code)) return;
    byCode.set(code, { label, module });
    actions.push({ value: code, code, label, module });
  };
  for (const [code, g] of Object.entries(CORE_AUDIT_GROUPS)) {
    modules.push({ code, label: g.label });
    for (const [a, label] of Object.entries(g.actions)) add(a, label, code);
  }
  for (const m of input.modules) {
    modules.push({ code: m.name, label: m.label });
    for (const [a, label] of Object.entries(m.audit?.actions ?? {})) add(a, label, m.name);
    for (const [k, v] of Object.entries(m.audit?.fields ?? {}))
      if (!fields.has(k)) fields.set(k, v);
    for (const [k, v] of Object.entries(m.audit?.entities ?? {})) entities.set(k, v);
  }
  const procs = new Map<string, ProcedureDef>();
  for (const p of input.procedures) {
    procs.set(p.def.code, p.def);
    for (const a of p.def.actions) {
      const info = { label: a.label, module: p.module, procedure: p.def.code };
      caseActs.set(`${p.def.code}|${a.code}`, info);
      actions.push({
        value: `case.${a.code}|${p.def.code}`,
        code: `case.${a.code}`,
        procedure: p.def.code,
        label: `${a.label}（${p.def.label}）`,
        module: p.module,
      });
    }
  }
  const labels = new Map(modules.map((m) => [m.code, m.label]));
  return {
    action(code, procedure) {
      if (code.startsWith('case.') && procedure) {
        const hit = caseActs.get(`${procedure}|${code.slice(5)}`);
        if (hit) return hit;
      }
      return byCode.get(code);
    },
    modules,
    actions,
    moduleLabel: (code) => labels.get(code) ?? code,
    field(key, at) {
      if (at?.procedure && at.action) {
        const def = procs.get(at.procedure)?.actions.find((a) => `case.${a.code}` === at.action);
        const f = def?.fields?.find((x) => x.name === key);
        if (f) return f.label;
      }
      return fields.get(key);
    },
    procedure: (code) => procs.get(code),
    entity: (type) => entities.get(type),
    entityKinds: () => [
      ...new Map(
        [...entities.values()].filter((k) => k.table && k.name).map((k) => [k.table, k]),
      ).values(),
    ],
  };
}
