/** The request forms' zod schemas, shared by the staff API and the portal form. */
import { z } from 'zod';
import { fieldsSchema } from '../../../core/procedure/fieldSchema.ts';
import { DELIVERY_METHODS, FORMS, ID_TYPES } from '../outcomes.ts';
import {
  DELIVERY,
  EMAIL,
  INFO_FORM,
  INTAKE_FIELDS,
  ORG_TYPE,
  RECEIPT_FIELDS,
} from './intakeForms.ts';

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

/**
 * Staff intake: the declared form's fields (intakeForms.ts: the channel, the applicant, what fixes the
 * receipt date, all optional but the channel and the applicant's kind; receipt.ts checks which the
 * channel needs), and as the API always took them: an empty choice as none, the e-mail checked as one,
 * and the 证件类型 the portal asks.
 */
export const staffIntakeSchema = fieldsSchema([...INTAKE_FIELDS, ...RECEIPT_FIELDS]).extend({
  orgType: optEnum(ORG_TYPE.options, ORG_TYPE.label),
  email: z
    .union([z.email(), z.literal('')])
    .optional()
    .transform((s) => (s ? s : undefined))
    .describe(EMAIL.label),
  form: optEnum(INFO_FORM.options, INFO_FORM.label),
  delivery: optEnum(DELIVERY.options, DELIVERY.label),
  idType: optEnum(ID_TYPES, '证件类型'),
});

/** The applicant's 补正 (条例 Art 30) on the portal: who they are and how to reach them, and the request restated. */
export const supplementSchema = applicantSchema
  .pick({ name: true, idNumber: true, creditCode: true, phone: true, email: true, address: true })
  .extend({ description: optText(4000, '补正后的申请内容') });
