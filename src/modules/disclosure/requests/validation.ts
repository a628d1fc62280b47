/** The request forms' zod schemas, shared by the staff API and the portal form. */
import { z } from 'zod';
import { isoDate } from '../../../core/http/validate.ts';
import { CHANNELS, DELIVERY_METHODS, FORMS, ID_TYPES } from '../outcomes.ts';

const values = (list: Array<{ value: string }>) =>
  list.map((o) => o.value) as [string, ...string[]];
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined))
    .describe(label);
const optEnum = (list: Array<{ value: string }>, label: string) =>
  z
    .union([z.enum(values(list)), z.literal('')])
    .optional()
    .transform((s) => (s ? s : undefined))
    .describe(label);

export const applicantSchema = z.object({
  applicantKind: z.enum(['naturalPerson', 'legalPerson']).describe('申请人类型'),
  orgType: optEnum(
    [
      { value: 'business' },
      { value: 'research' },
      { value: 'publicInterest' },
      { value: 'legalService' },
      { value: 'other' },
    ],
    '法人或其他组织类型',
  ),
  name: optText(100, '姓名或名称'),
  idType: optEnum(ID_TYPES, '证件类型'),
  idNumber: optText(40, '证件号码'),
  creditCode: optText(30, '统一社会信用代码'),
  phone: optText(30, '联系电话'),
  email: z
    .union([z.email(), z.literal('')])
    .optional()
    .transform((s) => (s ? s : undefined))
    .describe('电子邮箱'),
  address: optText(200, '通信地址'),
  description: optText(4000, '所需政府信息的名称、文号或特征描述'),
  form: optEnum(FORMS, '获取信息的载体形式'),
  delivery: optEnum(DELIVERY_METHODS, '获取信息的方式'),
});

/**
 * The portal form (条例 Art 29): an application names who applies, how to reach them and what is asked
 * for. A blank form is refused on the form; 补正 (Art 30) is for content that is unclear, not for none.
 */
export const portalApplicantSchema = applicantSchema.superRefine((a, ctx) => {
  if (!a.name)
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: '请填写（条例第二十九条：申请人的姓名或者名称）',
    });
  if (!a.phone && !a.email && !a.address)
    ctx.addIssue({
      code: 'custom',
      path: ['phone'],
      message: '请至少填写联系电话、电子邮箱或通信地址中的一项（条例第二十九条：联系方式）',
    });
  if (!a.description)
    ctx.addIssue({
      code: 'custom',
      path: ['description'],
      message: '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）',
    });
});

/** Staff intake: the channel and what fixes the receipt date for it (条例 Art 31; receipt.ts checks which apply). */
export const staffIntakeSchema = applicantSchema.extend({
  channel: z.enum(values(CHANNELS)).describe('申请渠道'),
  receivedOn: isoDate('收到申请之日').optional(),
  signedOn: isoDate('签收日期').optional(),
  mailNumber: optText(40, '邮件号码'),
  arrivedOn: isoDate('信函收到日期').optional(),
  confirmedOn: isoDate('与申请人确认日期').optional(),
  confirmation: optText(200, '确认情况'),
  lateReason: optText(400, '未能当日确认的原因'),
});

/** The applicant's 补正 (条例 Art 30) on the portal: who they are and how to reach them, and the request restated. */
export const supplementSchema = applicantSchema
  .pick({ name: true, idNumber: true, creditCode: true, phone: true, email: true, address: true })
  .extend({ description: optText(4000, '补正后的申请内容') });
