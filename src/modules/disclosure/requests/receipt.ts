/**
 * The receipt date of a request (条例 Art 31) from what the office records for its channel. By post
 * (Art 31(2)) staff do not type a 收到申请之日: they record the 签收 (需签收的邮件: the day this organ signs
 * for it) or, for 平常信函 and other post needing no signature, the day the letter arrived and the day
 * they confirmed with the applicant — on the day it arrived, or a stated reason why not. The receipt date
 * is the 签收 / confirmation date (procedure.ts RECEIPT_DATE_FIELD); the clocks count from the next day.
 * Pure: `today` is passed in. Errors name the field in Chinese.
 */
import { AppError, type FieldError } from '../../../core/errors.ts';
import { RECEIPT_DATE_FIELD } from '../procedure.ts';
import { RECEIPT_FIELDS, RECEIPT_FORMS } from './intakeForms.ts';

export interface ReceiptInput {
  channel: string;
  /** Any channel but post: the date of Art 31(1)/(3) (or Art 29 for oral requests). */
  receivedOn?: string;
  /** 需签收的邮件: the day this organ signed for it, and the parcel's number. */
  signedOn?: string;
  mailNumber?: string;
  /** 平常信函 etc.: the day it arrived, the day the office confirmed with the applicant, how, and why not on the day. */
  arrivedOn?: string;
  confirmedOn?: string;
  confirmation?: string;
  lateReason?: string;
}

export interface Receipt {
  receivedOn: string;
  /** What is recorded with the receive act (the case history): the post fields given. */
  details: Record<string, string>;
}

// The receipt's fields and each channel's as the intake form declares them (intakeForms.ts).
type Field = (typeof RECEIPT_FIELDS)[number]['name'];
const LABELS = Object.fromEntries(RECEIPT_FIELDS.map((f) => [f.name, f.label])) as Record<
  Field,
  string
>;
const channelFields = (channel: string) => RECEIPT_FORMS[channel] ?? RECEIPT_FORMS.inPerson;
const isRegisteredPost = (f: Field) => RECEIPT_FORMS.registeredPost.some((x) => x.name === f);

export function receiptOf(input: ReceiptInput, today: string): Receipt {
  const errors: FieldError[] = [];
  const fail = (f: Field, why: string) => errors.push({ path: f, message: `${LABELS[f]}：${why}` });
  const own = channelFields(input.channel).map((x) => x.name as Field);
  const dateField = RECEIPT_DATE_FIELD[input.channel] ?? 'receivedOn';
  const value = (f: Field) => input[f]?.trim() || undefined;
  for (const f of Object.keys(LABELS) as Field[]) {
    if (own.includes(f) || !value(f)) continue;
    // receivedOn beside a post receipt is accepted only when it says the same day.
    if (f === 'receivedOn' && value(f) === value(dateField)) continue;
    fail(
      f,
      f === 'receivedOn'
        ? `邮寄提交的申请以${LABELS[dateField]}为收到申请之日（条例第三十一条第（二）项），无需另填`
        : isRegisteredPost(f)
          ? '只适用于需签收的邮寄申请'
          : '只适用于平常信函等无需签收的邮寄申请',
    );
  }
  const required = channelFields(input.channel)
    .filter((x) => x.required)
    .map((x) => x.name as Field);
  for (const f of required) if (!value(f)) fail(f, '必填');
  for (const f of ['receivedOn', 'signedOn', 'arrivedOn', 'confirmedOn'] as const) {
    const v = value(f);
    if (v && own.includes(f) && v > today) fail(f, '不能晚于今天');
  }
  const arrived = value('arrivedOn');
  const confirmed = value('confirmedOn');
  if (input.channel === 'mail' && arrived && confirmed) {
    if (confirmed < arrived) fail('confirmedOn', '不能早于信函收到日期');
    // Art 31(2): the office confirms on the day the letter arrives; a later day needs its reason (e.g. the applicant could not be reached).
    else if (confirmed > arrived && !value('lateReason'))
      fail('lateReason', '与申请人确认日期晚于信函收到日期的，应当说明未能当日确认的原因');
  }
  if (errors.length)
    throw new AppError('VALIDATION', errors.map((e) => e.message).join('；'), { fields: errors });
  const details = Object.fromEntries(
    own.filter((f) => f !== 'receivedOn' && value(f)).map((f) => [f, value(f)!]),
  );
  return { receivedOn: value(dateField)!, details };
}
