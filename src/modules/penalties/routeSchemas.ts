/** The request schemas of the 行政处罚 staff API (zod; the field names in Chinese for the errors and OpenAPI). */
import { z } from 'zod';
import { isoDate } from '../../core/http/validate.ts';
import { fieldSchema, fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import type { PartyKind } from './labels.ts';
import {
  AMOUNTS,
  DECIDE_FIELDS,
  DECISION_TYPE,
  NOTICE_FIELDS,
  OPEN_FIELDS,
  PARTY_KIND,
  penaltyTypes,
  SUMMARY_BODY,
} from './forms.ts';

export const idParam = z.object({ id: z.uuid().describe('案件编号') });
export const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
export const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
export const amount = (label: string) => z.number().min(0).max(1e10).describe(label);
const partyKind = fieldSchema(PARTY_KIND) as z.ZodType<PartyKind>;
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
// The forms' bodies are derived from their declared fields (forms.ts); what a form does not show
// (officerIds from its two officer selects, types from its one 处罚种类, the API's extra fields) is added.
export const openBody = fieldsSchema(OPEN_FIELDS).extend({
  partyAddress: text('住所', 200).optional(),
  title: text('案件名称', 200).optional(),
  lifeHealthFinance: z.boolean().default(false).describe('涉及生命健康安全、金融安全且有危害后果'),
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
const amounts = fieldsSchema(AMOUNTS).shape;
export const summaryBody = fieldsSchema(SUMMARY_BODY).extend({
  types: penaltyTypes,
  confiscationAmount: amounts.confiscationAmount,
  officerIds: ids('执法人员'),
  place: text('地点', 200).optional(),
});
export const noticeBody = fieldsSchema([...AMOUNTS, ...NOTICE_FIELDS]).extend({
  types: penaltyTypes,
  discretionCode: text('裁量情形', 40).optional(),
  on,
});
export const decideBody = fieldsSchema([DECISION_TYPE, ...AMOUNTS, ...DECIDE_FIELDS]).extend({
  types: penaltyTypes.optional().default([]),
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
