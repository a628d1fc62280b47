/**
 * Stable codes and Chinese labels of 行政处罚 (行政处罚法 2021, RULES §8.2), and the settings each
 * department keeps for itself (听证 thresholds, the 陈述申辩 window, the 复议机关, the 裁量基准 table).
 */
import { z } from 'zod';
import { defineSetting } from '../../core/settings/service.ts';

/** Art 9: the kinds of 行政处罚 (行政拘留 is not a bureau's). `rank`: how heavy, for Art 45 (no heavier penalty). */
export const PENALTY_TYPES = {
  warning: { label: '警告', rank: 1 },
  criticism: { label: '通报批评', rank: 2 },
  fine: { label: '罚款', rank: 3 },
  confiscateIncome: { label: '没收违法所得', rank: 4 },
  confiscateProperty: { label: '没收非法财物', rank: 4 },
  suspendLicence: { label: '暂扣许可证件', rank: 5 },
  lowerQualification: { label: '降低资质等级', rank: 6 },
  restrictActivities: { label: '限制开展生产经营活动', rank: 6 },
  restrictPractice: { label: '限制从业', rank: 7 },
  suspendBusiness: { label: '责令停产停业', rank: 7 },
  revokeLicence: { label: '吊销许可证件', rank: 8 },
  orderClosure: { label: '责令关闭', rank: 8 },
} as const;
export type PenaltyType = keyof typeof PENALTY_TYPES;
export const PENALTY_TYPE_CODES = Object.keys(PENALTY_TYPES) as PenaltyType[];
export const typeLabels = (types: string[]) =>
  types.map((t) => PENALTY_TYPES[t as PenaltyType]?.label ?? t).join('、');

/** Art 63 (三)(四): the kinds that always give the right to a hearing. */
export const HEARING_TYPES: PenaltyType[] = [
  'lowerQualification',
  'revokeLicence',
  'suspendBusiness',
  'orderClosure',
  'restrictPractice',
  'restrictActivities',
];

export const PARTY_KINDS = { individual: '自然人', organisation: '法人或者其他组织' } as const;
export type PartyKind = keyof typeof PARTY_KINDS;

export const FILE_KINDS = {
  document: '文书',
  photo: '照片',
  audio: '录音',
  video: '录像',
  other: '其他',
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const MODE_LABELS = { general: '普通程序', summary: '简易程序' } as const;
export type PenaltyMode = keyof typeof MODE_LABELS;

const discretionRow = z.object({
  code: z.string().trim().min(1).max(40).describe('裁量情形代码'),
  label: z.string().trim().min(1).max(200).describe('违法情形'),
  minAmount: z.number().min(0).max(1e10).describe('罚款下限（元）'),
  maxAmount: z.number().min(0).max(1e10).describe('罚款上限（元）'),
  basis: z.string().trim().max(500).default('').describe('裁量依据'),
});
export type DiscretionRow = z.infer<typeof discretionRow>;

/**
 * Per department (scopedSetting). Defaults [M]: 较大数额 for a hearing (Art 63 (一)) is set by each
 * province or ministry; 1万元 for a natural person and 10万元 for an organisation follows
 * 市场监督管理行政处罚听证办法 (2021). The 陈述申辩 window is not fixed by the Act (Art 44/45); 5 个工作日
 * matches the hearing request window (Art 63 ¶1 with Art 85). The 复议机关 is the 本级人民政府 for a
 * 政府工作部门 (行政复议法 2023 Art 24); empty = the department's parent government.
 */
export const penaltySettings = defineSetting({
  key: 'penalties',
  label: '行政处罚设置',
  schema: z.object({
    hearingFineIndividual: z.number().min(0).max(1e10).describe('自然人较大数额罚款（元）'),
    hearingFineOrganisation: z
      .number()
      .min(0)
      .max(1e10)
      .describe('法人或者其他组织较大数额罚款（元）'),
    statementWorkdays: z.number().int().min(3).max(30).describe('陈述申辩期限（工作日）'),
    reconsiderationBody: z.string().trim().max(100).describe('行政复议机关'),
    court: z.string().trim().max(100).describe('管辖人民法院'),
    discretion: z.array(discretionRow).max(500).describe('行政处罚裁量基准'),
    // [V-loc] 118号 as local rules word it: 每年1月31日前公开上年度行政执法统计 (RULES §8).
    statisticsDueDay: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '请按“月-日”填写，如 01-31' })
      .describe('年度行政执法统计公开截止日（月-日）'),
  }),
  defaults: {
    hearingFineIndividual: 10_000,
    hearingFineOrganisation: 100_000,
    statementWorkdays: 5,
    reconsiderationBody: '',
    court: '',
    statisticsDueDay: '01-31',
    discretion: [
      {
        code: 'minor',
        label: '初次违法且危害后果轻微并及时改正',
        minAmount: 0,
        maxAmount: 0,
        basis: '行政处罚法第三十三条第一款（可以不予行政处罚）',
      },
      {
        code: 'light',
        label: '违法情节较轻',
        minAmount: 1_000,
        maxAmount: 10_000,
        basis: '本部门行政处罚裁量基准',
      },
      {
        code: 'general',
        label: '违法情节一般',
        minAmount: 10_000,
        maxAmount: 50_000,
        basis: '本部门行政处罚裁量基准',
      },
      {
        code: 'serious',
        label: '违法情节严重',
        minAmount: 50_000,
        maxAmount: 100_000,
        basis: '本部门行政处罚裁量基准',
      },
    ],
  },
});
export type PenaltySettings = z.infer<typeof penaltySettings.schema>;
