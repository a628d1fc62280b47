/**
 * Outcome codes of a 依申请公开 request, one per row of table 三 (本年度办理结果) of the
 * 政府信息公开工作年度报告 (国办公开办函〔2021〕30号, RULES §5.6). Every closed request maps to
 * exactly one row; a partial disclosure counts only under （二）.
 * Codes are stable (stored in cases.outcome); labels are the exact row texts.
 */
export interface DisclosureOutcome {
  code: string;
  /** Table 三 row group, e.g. "（三）不予公开". */
  group: string;
  /** Exact row label as printed in the table. */
  label: string;
  /** Legal basis in the 政府信息公开条例 (for the reply letter). */
  basis?: string;
}

export const DISCLOSURE_OUTCOMES: readonly DisclosureOutcome[] = [
  {
    code: 'disclose',
    group: '（一）予以公开',
    label: '予以公开',
    basis: '条例第三十六条第（一）（二）项',
  },
  {
    code: 'partial',
    group: '（二）部分公开',
    label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    basis: '条例第三十七条',
  },
  {
    code: 'withhold_secret',
    group: '（三）不予公开',
    label: '属于国家秘密',
    basis: '条例第十四条',
  },
  {
    code: 'withhold_law',
    group: '（三）不予公开',
    label: '其他法律行政法规禁止公开',
    basis: '条例第十四条',
  },
  {
    code: 'withhold_safety',
    group: '（三）不予公开',
    label: '危及“三安全一稳定”',
    basis: '条例第十四条',
  },
  {
    code: 'withhold_thirdParty',
    group: '（三）不予公开',
    label: '保护第三方合法权益',
    basis: '条例第十五条',
  },
  {
    code: 'withhold_internal',
    group: '（三）不予公开',
    label: '属于三类内部事务信息',
    basis: '条例第十六条第一款',
  },
  {
    code: 'withhold_process',
    group: '（三）不予公开',
    label: '属于四类过程性信息',
    basis: '条例第十六条第二款',
  },
  {
    code: 'withhold_enforcement',
    group: '（三）不予公开',
    label: '属于行政执法案卷',
    basis: '条例第十六条第二款',
  },
  {
    code: 'withhold_query',
    group: '（三）不予公开',
    label: '属于行政查询事项',
    basis: '条例第三十六条第（七）项',
  },
  {
    code: 'unable_notHeld',
    group: '（四）无法提供',
    label: '本机关不掌握相关政府信息',
    basis: '条例第三十六条第（四）（五）项',
  },
  {
    code: 'unable_needsCreation',
    group: '（四）无法提供',
    label: '没有现成信息需要另行制作',
    basis: '条例第三十八条',
  },
  {
    code: 'unable_unclear',
    group: '（四）无法提供',
    label: '补正后申请内容仍不明确',
    basis: '条例第三十条',
  },
  {
    code: 'reject_petition',
    group: '（五）不予处理',
    label: '信访举报投诉类申请',
    basis: '条例第三十九条第一款',
  },
  {
    code: 'reject_repeat',
    group: '（五）不予处理',
    label: '重复申请',
    basis: '条例第三十六条第（六）项',
  },
  {
    code: 'reject_publication',
    group: '（五）不予处理',
    label: '要求提供公开出版物',
    basis: '条例第三十九条第二款',
  },
  {
    code: 'reject_excessive',
    group: '（五）不予处理',
    label: '无正当理由大量反复申请',
    basis: '条例第三十五条',
  },
  {
    code: 'reject_confirm',
    group: '（五）不予处理',
    label: '要求行政机关确认或重新出具已获取信息',
  },
  {
    code: 'other1',
    group: '（六）其他处理',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: '条例第三十条',
  },
  {
    code: 'other2',
    group: '（六）其他处理',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: '国办函〔2020〕109号',
  },
  { code: 'other3', group: '（六）其他处理', label: '其他' },
];

export type DisclosureOutcomeCode = (typeof DISCLOSURE_OUTCOMES)[number]['code'];

export const OUTCOME_BY_CODE: ReadonlyMap<string, DisclosureOutcome> = new Map(
  DISCLOSURE_OUTCOMES.map((o) => [o.code, o]),
);

/**
 * An outcome as one label (the answer's choices, its event text, the lists): the group alone where the row
 * repeats it (（一）予以公开, （二）部分公开 — the row's counting note is for the table, not for a sentence),
 * otherwise group and row apart (（三）不予公开：属于国家秘密).
 */
export const outcomeLabel = (o: DisclosureOutcome): string =>
  o.label.startsWith(o.group.replace(/^（.）/, '')) ? o.group : `${o.group}：${o.label}`;

/** Outcomes staff choose when answering (other1 / other2 come from abandon / fee actions, other3 from withdrawal or answer). */
export const ANSWER_OUTCOMES: readonly DisclosureOutcome[] = DISCLOSURE_OUTCOMES.filter(
  (o) => o.code !== 'other1' && o.code !== 'other2',
);

// ---------- other code lists of the request procedure (value = stable code, label = Chinese) ----------

export const opts = (...pairs: Array<[string, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));

export const OPINIONS = opts(
  ['consent', '同意公开'],
  ['objection', '不同意公开'],
  ['other', '其他意见'],
);

/**
 * Answers that refuse disclosure in whole or in part, for which 行政复议法 (2023) Art 23 ¶1(4) (「申请政府信息公开，
 * 行政机关不予公开」) makes 行政复议 mandatory before a lawsuit and Art 23 ¶2 obliges the organ to say so in the answer:
 * - （三）不予公开: decisions under 条例 Art 36(3) on the grounds of Arts 14–16 (secrets, third parties, internal and
 *   process information, enforcement files); 行政查询事项 is counted in the same group of table 三 and the letter
 *   states 「不予公开」, so the applicant is told the same route;
 * - （二）部分公开: under 条例 Art 37 the withheld part is a 不予公开 decision with reasons (the 司法部 guidance on
 *   disclosure 复议 cases speaks of 「不予公开（含部分不予公开）」).
 * Not refusals: 予以公开 (Art 36(1)(2)); （四）无法提供 — the information does not exist or is not this organ's
 * (Art 36(4)(5)), would have to be made (Art 38), or stays unclear after 补正 (Art 30); （五）不予处理 (Arts 35,
 * 36(6), 39); （六）其他处理. Those answers keep the choice between 复议 and 诉讼 (复议法 Art 11(14)).
 */
export const REVIEW_FIRST: ReadonlySet<string> = new Set(
  DISCLOSURE_OUTCOMES.filter((o) => o.code === 'partial' || o.group === '（三）不予公开').map(
    (o) => o.code,
  ),
);

/** Outcomes that need written reasons (条例 Art 36(3), Art 37). */
export const NEEDS_REASONS = DISCLOSURE_OUTCOMES.filter((o) =>
  /^(partial|withhold_|unable_|reject_)/.test(o.code),
).map((o) => o.code);

// Table 三 columns (自然人 / 法人或其他组织 …), so the annual report can be counted from cases.
export const APPLICANT_TYPES = opts(
  ['naturalPerson', '自然人'],
  ['business', '商业企业'],
  ['research', '科研机构'],
  ['publicInterest', '社会公益组织'],
  ['legalService', '法律服务机构'],
  ['other', '其他'],
);

// 条例 Art 31: how the receipt date is determined depends on the channel (requests/receipt.ts).
export const CHANNELS = opts(
  ['inPerson', '当面提交（提交之日）'],
  ['registeredPost', '邮寄（挂号信、快递等需签收的，签收之日）'],
  ['mail', '邮寄（平常信函等无需签收的，当日与申请人确认之日）'],
  ['online', '互联网渠道（双方确认之日）'],
  ['fax', '传真（双方确认之日）'],
  ['email', '电子邮件（双方确认之日）'],
  ['oral', '口头提出（当场记录之日）'],
);

// 条例 Art 29 / Art 40: the applicant's preferred form and way of delivery.
export const FORMS = opts(['paper', '纸质'], ['electronic', '电子']);
export const DELIVERY_METHODS = opts(
  ['pickup', '自行领取'],
  ['post', '邮寄'],
  ['email', '电子邮件'],
  ['online', '网上获取'],
  ['fax', '传真'],
  ['other', '其他'],
);
export const ID_TYPES = opts(
  ['idCard', '居民身份证'],
  ['passport', '护照'],
  ['hkMacau', '港澳居民来往内地通行证'],
  ['taiwan', '台湾居民来往大陆通行证'],
  ['other', '其他'],
);
