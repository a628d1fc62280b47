/**
 * The 主动公开 forms that are plain fields, declared once: the 政府信息公开指南 (条例第十二条; its body is
 * derived from GUIDE_FORM, guide.ts, and GET /api/disclosure/guide sends the form) and the 撤回 of a
 * publication (its route derives its body from WITHDRAW_FORM; GET /api/disclosure/forms serves it).
 */
import { long, sized, text } from '../../../core/procedure/fields.ts';

/** 条例第十二条: the office's name, address, hours, phone, fax and online contact, and how to obtain information. */
export const GUIDE_FORM = [
  sized(text('officeName', '机构名称', true), 100, 1),
  sized(text('address', '办公地址', true), 200, 1),
  sized(text('postcode', '邮政编码'), 10),
  sized(text('hours', '办公时间', true), 200, 1),
  sized(text('phone', '联系电话', true), 50, 1),
  sized(text('fax', '传真'), 50),
  sized(text('onlineContact', '互联网联系方式（电子邮箱或网址）', true), 200, 1),
  sized(
    long('body', '公开的方式和途径、依申请公开的程序、监督和救济等', false, '段落之间空一行'),
    20_000,
  ),
];

/** Publication pages' forms (GET /api/disclosure/forms). */
export const PUBLICATION_FORMS = {
  // 撤回 corrects a wrong publication: the record stays, the reason is audited.
  withdraw: [sized(long('reason', '撤回理由', true), 500, 4)],
};
