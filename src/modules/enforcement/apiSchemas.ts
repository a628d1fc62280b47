/**
 * The request and response schemas of the 行政执法 staff API (routes.ts, routesInspections.ts). The
 * responses document the records as stored (the reply is serialised as the service returns it, so
 * a field left out here is not stripped).
 */
import { z } from 'zod';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { fileReply } from '../../core/http/replies.ts';
import { actsReply } from '../../core/cases/acts.ts';
import { DRAW_ACTS } from './draws.ts';
import { ENFORCEMENT_FORMS } from './forms.ts';
import { enforcementSettings } from './labels.ts';

export const idParam = z.object({ id: z.uuid().describe('编号') });
export const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
export const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
export const bool = (label: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(label);
export const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
};

// The forms' bodies, derived from their declaration (forms.ts); what a form sends as a list (the
// plan's items and categories, the flow chart's steps) keeps the declared label.
const F = ENFORCEMENT_FORMS;
const spec = (form: keyof typeof F, name: string) => F[form].find((f) => f.name === name)!;
export const officerBody = fieldsSchema(F.officer).extend({
  orgId: z.uuid().nullish().describe('所在科室'),
});
export const itemBody = fieldsSchema(F.item);
export const infoBody = fieldsSchema(F.info).extend({
  flowSteps: z.array(text('流程步骤', 200)).max(50).describe(spec('info', 'flowSteps').label),
});
export const planBody = fieldsSchema(F.plan).extend({
  itemIds: z.array(z.uuid()).min(1).max(100).describe(spec('plan', 'itemIds').label),
  categories: z
    .array(text('行业类别', 100))
    .max(100)
    .optional()
    .describe(spec('plan', 'categories').label),
  orgId: z.uuid().nullish().describe('责任科室'),
});
export const recordBody = fieldsSchema(F.record).extend({
  fileIds: z.array(z.uuid()).max(50).optional().describe('证据材料'),
  inspectorIds: z.array(z.uuid()).max(10).optional().describe('检查人员'),
});

export const yearQuery = z.object({ year });
export const officersQuery = z.object({
  eligible: bool('持有效执法证'),
  trained: bool('培训达标'),
  year: year.optional(),
});
export const trainingBody = fieldsSchema(F.training);
export const conflictBody = fieldsSchema(F.conflict);
export const itemsQuery = z.object({ active: bool('启用') });
export const activeBody = z.object({ active: z.boolean().describe('启用') });
export const targetsQuery = z.object({ search: text('关键词', 100).optional(), ...paging });
export const plansQuery = z.object({
  year: year.optional(),
  status: z.enum(['draft', 'approved', 'published']).optional().describe('状态'),
});
export const drawsQuery = z.object({ year: year.optional() });
export const cancelBody = fieldsSchema(F.cancel);
export const inspectionsQuery = z.object({
  planId: z.uuid().optional().describe('抽查计划'),
  drawId: z.uuid().optional().describe('抽取'),
  status: z.enum(['pending', 'done', 'published']).optional().describe('状态'),
  search: text('关键词', 100).optional(),
  year: year.optional(),
  done: bool('已检查'),
  problems: bool('发现问题'),
  late: bool('逾期公示'),
  ...paging,
});

// ---- responses
const str = (label: string) => z.string().describe(label);
const orNull = (label: string) => z.string().nullable().describe(label);
const id = z.uuid().describe('编号');
const flags = (label: string) => z.record(z.string(), z.boolean()).describe(label);
const settings = enforcementSettings.schema.describe('行政执法设置');
const conflictRow = z
  .looseObject({
    id,
    officerId: z.uuid().describe('执法人员'),
    creditCode: str('统一社会信用代码'),
    kind: conflictBody.shape.kind,
    note: str('说明'),
  })
  .describe('回避关系');
const officerRow = z
  .looseObject({
    id,
    orgId: z.uuid().nullable().describe('所在科室'),
    name: str('姓名'),
    certificateNo: str('执法证号'),
    issuingBody: str('发证机关'),
    field: str('执法领域'),
    validFrom: str('有效期起'),
    validTo: str('有效期至'),
    status: officerBody.shape.status,
    training: z.record(z.string(), z.number()).describe('各年度培训学时'),
  })
  .describe('执法人员');
const markedOfficer = officerRow.extend({
  statusLabel: str('状态'),
  expired: z.boolean().describe('执法证已到期'),
  expiringSoon: z.boolean().describe('执法证即将到期'),
  eligible: z.boolean().describe('持有效执法证'),
  trainingHours: z.number().describe('本年度培训学时'),
  trainingShort: z.boolean().describe('培训学时未达标'),
  conflicts: z.array(conflictRow),
});
export const officersReply = z.object({ settings, items: z.array(markedOfficer) });
export const officerReply = z.object({ officer: officerRow });
export const conflictReply = z.object({ conflict: conflictRow });
export const settingsReply = z.object({ settings });
export const importReply = z.object({ imported: z.number().int().describe('导入条数') });
export const xlsxReply = { 200: fileReply('Excel 文件（.xlsx）') };
export const csvReply = { 200: fileReply('CSV 文件（UTF-8）') };
const itemRow = z
  .looseObject({ id, ...itemBody.shape, active: z.boolean().describe('启用') })
  .describe('抽查事项');
const disclosureRow = z
  .looseObject({
    id,
    kind: z.enum(['items', 'info']).describe('公开内容'),
    version: z.number().int().describe('版本'),
    content: z.record(z.string(), z.unknown()).describe('公开的内容'),
    publishedOn: str('公开日期'),
  })
  .describe('公开版本');
export const itemsReply = z.object({
  items: z.array(itemRow),
  versions: z.array(disclosureRow).describe('事项清单的公开版本'),
});
export const itemReply = z.object({ item: itemRow });
export const versionReply = z.object({ version: z.number().int().describe('公开版本') });
export const infoReply = z.object({ versions: z.array(disclosureRow) });
export const targetsReply = z.object({
  total: z.number().int().describe('总数'),
  items: z.array(
    z
      .looseObject({
        id,
        creditCode: str('统一社会信用代码'),
        name: str('名称'),
        address: str('地址'),
        category: str('行业类别'),
        risk: z.enum(['low', 'medium', 'high']).describe('风险等级'),
        riskLabel: str('风险等级'),
      })
      .describe('检查对象'),
  ),
});
export const planRow = z
  .looseObject({
    id,
    ...planBody.shape,
    scope: str('检查范围'),
    categories: z.array(z.string()).describe('行业类别'),
    frequency: str('抽查频次'),
    orgId: z.uuid().nullable().describe('责任科室'),
    quantity: z.number().int().nullable().describe('计划抽查数量'),
    perTarget: z.number().int().describe('每户检查人员数'),
    stratify: z.enum(['none', 'category', 'risk']).describe('分层方式'),
    excludeLastYear: z.boolean().describe('回避上年度检查人员'),
    status: plansQuery.shape.status.unwrap().describe('状态'),
    statusLabel: str('状态'),
    stratifyLabel: str('分层方式'),
    approvedOn: orNull('批准日期'),
    publishedOn: orNull('公开日期'),
    items: z
      .array(z.object({ id, name: str('事项名称'), kind: itemBody.shape.kind }))
      .describe('抽查事项'),
  })
  .describe('抽查计划');
export const drawRow = z
  .object({
    id,
    planId: z.uuid().describe('抽查计划'),
    seq: z.number().int().describe('序号'),
    status: z.enum(['committed', 'drawn', 'cancelled']).describe('状态'),
    statusLabel: str('状态'),
    commitment: str('承诺值（抽取前公开的随机数摘要）'),
    committedAt: str('锁定时间'),
    nonce: orNull('随机数（抽取后公开）'),
    drawnAt: orNull('抽取时间'),
    snapshotHash: orNull('名录快照摘要'),
    seed: orNull('随机种子'),
    drawn: z.number().int().describe('抽中数'),
    cancelReason: orNull('作废理由'),
    cancelledAt: orNull('作废时间'),
  })
  .describe('随机抽取');
export const inspectionRow = z
  .looseObject({
    id,
    drawId: z.uuid().describe('抽取'),
    planId: z.uuid().describe('抽查计划'),
    planName: str('抽查计划'),
    creditCode: str('统一社会信用代码'),
    targetName: str('检查对象'),
    status: inspectionsQuery.shape.status.unwrap().describe('状态'),
    inspectedOn: orNull('检查日期'),
    endedOn: orNull('检查结束日期'),
    findings: str('检查情况'),
    result: recordBody.shape.result.nullable(),
    resultLabel: orNull('检查结果'),
    publishDue: orNull('公示期限'),
    publishedOn: orNull('公示日期'),
    late: z.boolean().describe('逾期公示'),
    inspectors: z
      .array(z.object({ id: z.string(), name: str('姓名'), certificateNo: str('执法证号') }))
      .describe('检查人员'),
  })
  .describe('检查记录');
export const plansReply = z.object({ items: z.array(planRow) });
export const planPageReply = z.object({
  plan: planRow,
  draws: z.array(drawRow),
  abilities: flags('可办理的操作'),
});
export const drawPageReply = z.object({
  draw: drawRow,
  plan: z.object({ id, name: str('计划名称'), year: z.number().int().describe('年度') }),
  inspections: z.array(inspectionRow),
  ...actsReply(DRAW_ACTS),
  portal: orNull('门户网站公示页'),
});
export const drawsReply = z.object({
  items: z.array(drawRow.extend({ planName: str('抽查计划'), year: z.number().int() })),
});
export const redrawReply = z.object({
  same: z.boolean().describe('复核结果与原结果一致'),
  snapshotHash: str('名录快照摘要'),
  seed: str('随机种子'),
  drawn: z.number().int().describe('抽中数'),
});
export const inspectionsReply = z.object({
  total: z.number().int().describe('总数'),
  items: z.array(inspectionRow),
});
export const inspectionPageReply = z.object({
  inspection: inspectionRow,
  abilities: flags('可办理的操作'),
});
export const inspectionReply = z.object({
  inspection: inspectionRow.omit({
    planName: true,
    late: true,
    inspectors: true,
    resultLabel: true,
  }),
});
export const exchangeReply = z.object({
  format: str('格式'),
  version: z.number().int().describe('格式版本'),
  department: str('部门'),
  year: z.number().int().describe('年度'),
  generatedAt: str('生成时间'),
  records: z.array(
    z.looseObject({
      recordId: str('检查记录'),
      planName: str('抽查计划'),
      creditCode: str('统一社会信用代码'),
      targetName: str('检查对象'),
      result: z.string().nullable().describe('检查结果'),
    }),
  ),
});
