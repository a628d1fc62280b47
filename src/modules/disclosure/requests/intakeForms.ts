/**
 * The 登记申请 form (staff register a request made in person, by post, fax, e-mail or orally; 条例
 * Arts 29, 31), declared once: POST /api/disclosure/requests derives its body from it (validation.ts),
 * GET /api/disclosure/requests/forms serves it to the request list's 登记 dialog
 * (web/disclosure/requests/IntakeModal.tsx), and the receipt check (receipt.ts) takes each channel's
 * fields from it.
 *
 * INTAKE_FORMS: `intake` is the channel and the applicant (Art 29); `receipt.<channel>` what fixes the
 * receipt date for that channel (Art 31), the fields it needs required.
 */
import type { FieldSpec } from '../../../core/procedure/types.ts';
import { choice, date, long, sized, text } from '../../../core/procedure/fields.ts';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS, FORMS } from '../outcomes.ts';

type Options = Array<{ value: string; label: string }>;
/** A choice one may leave empty. */
const pick = <N extends string>(name: N, label: string, options: Options) => ({
  name,
  label,
  type: 'select' as const,
  required: false as const,
  options,
});

// ---------- the receipt (条例 Art 31): all optional in the body, each channel needing its own ----------

const RECEIVED_ON = date('receivedOn', '收到申请之日', false);
const SIGNED_ON = {
  ...date('signedOn', '签收日期', false),
  help: '以本机关签收之日为收到申请之日（条例第三十一条第（二）项）',
};
const MAIL_NUMBER = sized(text('mailNumber', '邮件号码'), 40);
const ARRIVED_ON = date('arrivedOn', '信函收到日期', false);
const CONFIRMED_ON = {
  ...date('confirmedOn', '与申请人确认日期', false),
  help: '应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条第（二）项）',
};
const CONFIRMATION = {
  ...sized(text('confirmation', '确认情况'), 200),
  placeholder: '如：电话确认，申请人本人接听',
};
// Needed when the confirmation came later than the letter (receipt.ts): the dialog asks it then.
const LATE_REASON = sized(long('lateReason', '未能当日确认的原因'), 400);

/** The receipt's fields as the body takes them (the service checks which the channel needs). */
export const RECEIPT_FIELDS = [
  RECEIVED_ON,
  SIGNED_ON,
  MAIL_NUMBER,
  ARRIVED_ON,
  CONFIRMED_ON,
  CONFIRMATION,
  LATE_REASON,
] as const;

const needed = (f: FieldSpec): FieldSpec => ({ ...f, required: true });
/** 收到申请之日, named by what it is for the channel (Art 31(1)(3); Art 29 for an oral request). */
const receivedOn = (what: string) => ({ ...needed(RECEIVED_ON), label: `收到申请之日（${what}）` });

/** Each channel's receipt fields (by post, Art 31(2): the 签收, or the arrival and the confirmation). */
export const RECEIPT_FORMS: Record<string, readonly FieldSpec[]> = {
  inPerson: [receivedOn('提交日期')],
  registeredPost: [needed(SIGNED_ON), MAIL_NUMBER],
  mail: [needed(ARRIVED_ON), needed(CONFIRMED_ON), CONFIRMATION, LATE_REASON],
  online: [receivedOn('双方确认日期')],
  fax: [receivedOn('双方确认日期')],
  email: [receivedOn('双方确认日期')],
  oral: [receivedOn('口头提出日期')],
};

// ---------- the channel and the applicant (条例 Art 29) ----------

/** 法人或其他组织类型 (the annual report's table 三 columns): asked of, and required for, an organisation. */
export const ORG_TYPE = pick(
  'orgType',
  '法人或其他组织类型',
  APPLICANT_TYPES.filter((o) => o.value !== 'naturalPerson'),
);
export const EMAIL = text('email', '电子邮箱');
export const INFO_FORM = pick('form', '载体形式', FORMS);
export const DELIVERY = pick('delivery', '获取方式', DELIVERY_METHODS);

/**
 * The intake's own fields, in the dialog's order (the receipt's after the channel). A request lacking
 * identity or description is registered all the same and goes down the 补正 path (Art 30).
 */
export const INTAKE_FIELDS = [
  {
    name: 'channel' as const,
    label: '申请渠道',
    type: 'select' as const,
    required: true as const,
    options: CHANNELS,
    help: '收到申请之日按条例第三十一条确定，答复期限自其次日起算',
  },
  choice(
    'applicantKind',
    '申请人类型',
    ['naturalPerson', '自然人'],
    ['legalPerson', '法人或其他组织'],
  ),
  ORG_TYPE,
  sized(text('name', '姓名或名称'), 100),
  // A person's ID number, an organisation's credit code: the dialog asks the one that applies.
  sized(text('idNumber', '身份证件号码'), 40),
  sized(text('creditCode', '统一社会信用代码'), 30),
  sized(text('phone', '联系电话'), 30),
  EMAIL,
  sized(text('address', '通信地址'), 200),
  {
    ...sized(long('description', '所需政府信息的描述'), 4000),
    help: '要素不全的申请照常登记，并在7个工作日内一次性告知补正',
  },
  INFO_FORM,
  DELIVERY,
] as const;

/** What GET /api/disclosure/requests/forms serves: the intake, and each channel's receipt. */
export const INTAKE_FORMS: Record<string, readonly FieldSpec[]> = {
  intake: INTAKE_FIELDS,
  ...Object.fromEntries(Object.entries(RECEIPT_FORMS).map(([c, f]) => [`receipt.${c}`, f])),
};
