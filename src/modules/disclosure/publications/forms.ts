/**
 * The 主动公开 forms that are plain fields, declared once: the 政府信息公开指南 (条例第十二条; its body is
 * derived from GUIDE_FORM, guide.ts, and GET /api/disclosure/guide sends the form) and the 撤回 of a
 * publication (its route derives its body from WITHDRAW_FORM; GET /api/disclosure/forms serves it).
 */
import { date, long, offered, ref, sized, tags, text } from '../../../core/procedure/fields.ts';

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

/**
 * 发布主动公开信息 (POST /api/publications): served with GET /api/publications/meta, with the 组配分类 and
 * 主题分类 of the settings and the department's 保密审查人 as options at the time (routes.ts). The
 * reviewer is posted as confidentialityReview.reviewerId; 首次发布渠道 is asked when the 发布日期 is
 * earlier than today (the service requires it then).
 */
export const PUBLISH_FORM = [
  sized(text('title', '名称', true), 200),
  offered('category', '组配分类'),
  offered('topic', '主题分类'),
  {
    ...date('formedOn', '生成日期（发文日期）'),
    help: '信息形成或者变更的日期，20个工作日的公开期限自此起算',
  },
  {
    ...sized(text('docNumber', '文号'), 50),
    nullable: true as const,
    help: '如 科规〔2025〕3号；没有文号可不填',
  },
  {
    ...date('publishedOn', '发布日期', false),
    help: '默认今天；已在政府公报、原门户网站等渠道公开的，填写实际发布日期',
  },
  {
    ...sized(text('publishedVia', '首次发布渠道'), 100),
    nullable: true as const,
    help: '如：示范市人民政府公报2025年第2期',
  },
  tags('keywords', '关键词', 10, 20),
  sized(long('summary', '内容概述'), 500),
  { ...sized(long('body', '正文', true), 200_000), help: '段落之间空一行' },
  {
    ...ref('reviewerId', '保密审查人'),
    help: '由起草人以外的本部门工作人员在其本人账号中审查：审查通过后发布并生成索引号，退回的不发布',
  },
];
