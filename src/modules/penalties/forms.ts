/**
 * The fields of the 行政处罚 forms that post to routes of their own (立案, 当场处罚 and the acts of a
 * case after 立案), declared once: each route's body is derived from them (fieldsSchema, routeSchemas.ts),
 * the list page reads 立案 and 当场处罚 from GET /api/penalties/forms, the case view sends the others,
 * and the OpenAPI document and the field-named error messages take their labels and limits from them.
 * The acts rendered from the procedure (acts/:action) keep the fields the procedure declares.
 */
import { z } from 'zod';
import { choice, date, long, num, ref, sized, text, yes } from '../../core/procedure/fields.ts';
import { fieldSchema } from '../../core/procedure/fieldSchema.ts';
import {
  FILE_KINDS,
  PARTY_KINDS,
  PENALTY_TYPE_CODES,
  PENALTY_TYPES,
  type FileKind,
  type PartyKind,
  type PenaltyType,
} from './labels.ts';

const partyKinds = Object.entries(PARTY_KINDS) as Array<[PartyKind, string]>;
export const PARTY_KIND = choice('partyKind', '当事人类型', ...partyKinds);
const partyName = sized(text('partyName', '当事人', true), 200, 2);
const partyIdNo = sized(text('partyIdNo', '统一社会信用代码或身份证件号码'), 40);

/**
 * Art 42: a case is handled by at least two 执法人员 with valid 执法证 (the page offers the eligible
 * ones); the routes take them as one list, officerIds.
 */
export const OFFICERS = [ref('officer1', '执法人员一'), ref('officer2', '执法人员二')];

/** Art 9: the kind of 行政处罚, chosen once in a form; the routes take a list (types) of these options. */
export const PENALTY_TYPE = choice(
  'type',
  '处罚种类',
  ...PENALTY_TYPE_CODES.map((c): [PenaltyType, string] => [c, PENALTY_TYPES[c].label]),
);
/** The kinds a route takes, the options of the declared select. */
export const penaltyTypes = z
  .array(fieldSchema(PENALTY_TYPE) as z.ZodType<PenaltyType>)
  .min(1)
  .max(12)
  .describe(PENALTY_TYPE.label);
const FINE = num('fineAmount', '罚款金额（元）', { min: 0, max: 1e10 });
export const AMOUNTS = [FINE, num('confiscationAmount', '没收金额（元）', { min: 0, max: 1e10 })];

/** 立案 (Art 54): the case's party and facts; the 追责期限 of Art 36 runs from actOn. */
export const OPEN_FIELDS = [
  PARTY_KIND,
  partyName,
  partyIdNo,
  sized(long('summary', '案情摘要', true), 20_000, 4),
  date('actOn', '违法行为发生（终了）日期'),
  date('discoveredOn', '发现日期'),
  // Art 58: a 重大执法决定 needs the 法制审核 before it is made.
  { ...yes('major', '重大执法决定'), required: false },
  sized(text('approvedBy', '立案审批人', false, '局领导立案时可不填'), 50),
];

/** 当场处罚 (Art 51): only a warning or a fine, within ¥200 (自然人) or ¥3,000 (法人或者其他组织). */
export const SUMMARY_TYPE = choice('type', '处罚种类', ['warning', '警告'], ['fine', '罚款']);
const summaryFine = {
  ...FINE,
  help: '自然人200元以下、法人或者其他组织3000元以下（行政处罚法第五十一条）',
};
const summaryFacts = sized(long('facts', '违法事实', true), 5000, 4);
const summaryBasis = sized(text('basis', '处罚依据', true), 2000, 2);
/** The 当场处罚 route's own fields (its types and officerIds come from the form's selects). */
export const SUMMARY_BODY = [
  PARTY_KIND,
  partyName,
  partyIdNo,
  summaryFine,
  summaryFacts,
  summaryBasis,
];

/** The list page's forms (GET /api/penalties/forms): 立案 and 当场处罚, each with its two officers. */
export const LIST_FORMS = {
  open: [...OPEN_FIELDS, ...OFFICERS],
  summary: [
    PARTY_KIND,
    partyName,
    SUMMARY_TYPE,
    summaryFine,
    summaryFacts,
    summaryBasis,
    ...OFFICERS,
  ],
};

// Art 44: the 事先告知 states the proposed penalty, its facts, reasons and basis.
export const NOTICE_FIELDS = [
  sized(long('facts', '违法事实', true), 20_000, 4),
  sized(long('reasons', '理由', true), 5000, 2),
  sized(text('basis', '依据', true), 2000, 2),
];
/** Art 64 (三): the 听证 is public unless it touches a secret or privacy. */
export const HEARING_PUBLIC = { ...yes('isPublic', '公开举行'), required: false };
// Art 64: the 听证 is chaired by someone who did not investigate the case, public unless exempted.
export const HEARING_NOTICE_FIELDS = [
  date('hearingOn', '听证日期'),
  sized(text('place', '听证地点', true), 200, 2),
  sized(text('chair', '听证主持人（非本案调查人员）', true), 50, 2),
  HEARING_PUBLIC,
];
// Art 64 (八): the 听证笔录 is checked and signed by the party.
export const HEARING_FIELDS = [
  sized(long('record', '听证笔录', true), 50_000, 4),
  yes('signed', '笔录经当事人核对签字'),
];
/** Art 57: 给予 or 不予 行政处罚; a decision not to punish names no kind. */
export const DECIDE_FIELDS = [
  sized(long('facts', '违法事实和证据', true), 20_000, 4),
  sized(text('basis', '处罚依据', true), 2000, 2),
  sized(text('discretionCode', '裁量情形代码'), 40),
  sized(long('outsideRangeReason', '超出裁量幅度的理由'), 2000),
];
export const DECISION_TYPE = choice(
  'decisionType',
  '决定类型',
  ['penalty', '给予行政处罚'],
  ['noPenalty', '不予行政处罚'],
);

export const ACT_FORMS = {
  assign: OFFICERS,
  notice: [PENALTY_TYPE, ...AMOUNTS, ...NOTICE_FIELDS],
  hearingNotice: HEARING_NOTICE_FIELDS,
  hearing: HEARING_FIELDS,
  // Art 58: the materials sent to the 法制审核.
  legalCheck: [sized(long('summary', '送审说明'), 20_000)],
  // Art 57 (二): the heads' collective discussion of a complex or major case.
  collective: [
    sized(text('meeting', '会议', true), 200, 2),
    sized(long('conclusion', '讨论结论', true), 5000, 2),
  ],
  decide: [DECISION_TYPE, { ...PENALTY_TYPE, required: false }, ...AMOUNTS, ...DECIDE_FIELDS],
  // Art 61: the decision is delivered (送达) to the party.
  deliver: [
    sized(text('method', '送达方式', true), 100, 2),
    sized(text('recipient', '受送达人', true), 100, 1),
  ],
  execute: [
    num('paidAmount', '实缴罚没款（元）', { min: 0, max: 1e10 }),
    sized(long('note', '执行情况', true), 5000, 2),
  ],
  // Art 48: a decision with a certain social impact is made public.
  publish: [sized(long('publicSummary', '公开摘要'), 5000)],
  revoke: [
    sized(long('reason', '理由', true), 5000, 2),
    sized(text('by', '作出机关', true), 100, 2),
  ],
  withdraw: [sized(long('reason', '公开说明的理由', true), 5000, 2)],
  // Art 47: the 全过程记录, each file attached to the act that produced it (its seq, from the page).
  attach: [
    num('eventSeq', '所属办理环节', { min: 1 }, true),
    choice('kind', '材料类型', ...(Object.entries(FILE_KINDS) as Array<[FileKind, string]>)),
  ],
};
export type ActForm = keyof typeof ACT_FORMS;
