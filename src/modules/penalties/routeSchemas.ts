/** The request schemas of the 行政处罚 staff API (zod; the field names in Chinese for the errors and OpenAPI). */
import { z } from 'zod';
import { isoDate } from '../../core/http/validate.ts';
import { PARTY_KINDS, PENALTY_TYPE_CODES, type PartyKind, type PenaltyType } from './labels.ts';

export const idParam = z.object({ id: z.uuid().describe('案件编号') });
export const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
export const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
export const amount = (label: string) => z.number().min(0).max(1e10).describe(label);
const partyKind = z
  .enum(Object.keys(PARTY_KINDS) as [PartyKind, ...PartyKind[]])
  .describe('当事人类型');
const types = z
  .array(z.enum(PENALTY_TYPE_CODES as [PenaltyType, ...PenaltyType[]]).describe('处罚种类'))
  .min(1)
  .max(12)
  .describe('处罚种类');
export const ids = (label: string) => z.array(z.uuid().describe(label)).max(20).describe(label);
export const on = isoDate('办理日期').optional();

export const listQuery = z.object({
  year: year.optional(),
  status: text('状态', 40).optional(),
  q: text('关键词', 100).optional(),
  inspection: z.uuid().optional().describe('检查记录'),
  published: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('已公开'),
  decided: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年作出处罚决定'),
  legalChecked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年经法制审核'),
  hearing: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('本年举行听证'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
export const openBody = z.object({
  partyKind,
  partyName: text('当事人', 200, 2),
  partyIdNo: text('证件号码或统一社会信用代码', 40).optional(),
  partyAddress: text('住所', 200).optional(),
  title: text('案件名称', 200).optional(),
  summary: text('案情摘要', 20_000, 4),
  actOn: isoDate('违法行为发生（终了）日期'),
  discoveredOn: isoDate('发现日期'),
  lifeHealthFinance: z.boolean().default(false).describe('涉及生命健康安全、金融安全且有危害后果'),
  major: z.boolean().default(false).describe('重大执法决定'),
  approvedBy: text('立案审批人', 50).optional(),
  officerIds: ids('执法人员').optional(),
  handlerIds: ids('承办人账号').optional(),
  discretionCode: text('裁量情形', 40).optional(),
});
export const fromInspection = z.object({
  inspectionRecordId: z.uuid().describe('检查记录'),
  partyKind: partyKind.optional(),
  officerIds: ids('执法人员').optional(),
  handlerIds: ids('承办人账号').optional(),
  major: z.boolean().optional().describe('重大执法决定'),
  approvedBy: text('立案审批人', 50).optional(),
});
const penaltyBody = {
  types,
  fineAmount: amount('罚款金额').optional(),
  confiscationAmount: amount('没收金额').optional(),
};
export const summaryBody = z.object({
  ...penaltyBody,
  partyKind,
  partyName: text('当事人', 200, 2),
  partyIdNo: text('证件号码或统一社会信用代码', 40).optional(),
  facts: text('违法事实', 5000, 4),
  basis: text('处罚依据', 2000, 2),
  officerIds: ids('执法人员'),
  place: text('地点', 200).optional(),
});
export const noticeBody = z.object({
  ...penaltyBody,
  facts: text('违法事实', 20_000, 4),
  reasons: text('理由', 5000, 2),
  basis: text('依据', 2000, 2),
  discretionCode: text('裁量情形', 40).optional(),
  on,
});
export const decideBody = z.object({
  decisionType: z.enum(['penalty', 'noPenalty']).describe('决定类型'),
  types: types.optional().default([]),
  fineAmount: penaltyBody.fineAmount,
  confiscationAmount: penaltyBody.confiscationAmount,
  facts: text('违法事实和证据', 20_000, 4),
  basis: text('处罚依据', 2000, 2),
  discretionCode: text('裁量情形', 40).optional(),
  outsideRangeReason: text('超出裁量幅度的理由', 2000).optional(),
  paymentMethod: text('缴款方式', 200).optional(),
  on,
});
export const plainBody = z.object({
  data: z
    .record(z.string(), z.union([z.string().max(20_000), z.number(), z.boolean()]))
    .default({})
    .describe('办理内容'),
  on,
});
