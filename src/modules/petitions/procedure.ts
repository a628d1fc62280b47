/**
 * 信访事项的受理和办理 as data (信访工作条例 2022, RULES §7.1 and §13). Calendar-day periods (日) are
 * not rolled past holidays: the 条例 gives no such rule (unlike 民诉法 Art 85).
 * - 书面告知 within 15日 of receipt (Art 23 ¶2–3); a transferred matter outside the bureau's powers:
 *   异议 within 5个工作日 of receipt (Art 23 ¶3), refused after the window;
 * - classification (Art 29–31): 申诉求决类 going to a legal route (诉讼、复议、仲裁…) is redirected (Art 31);
 * - 信访处理意见书 within 60日 of acceptance, extension ≤ 30日 approved by the unit head, the
 *   petitioner told why (Art 34); no 意见书 without the written acceptance notice (Art 23, 44);
 * - 复查 request within 30日 of receiving the 意见书, 复查意见 within 30日 (Art 35);
 * - 复核 request within 30日 of receiving the 复查意见, 复核意见 within 30日, hearing time not counted (Art 36).
 */
import type { ProcedureDef } from '../../core/procedure/engine.ts';
import { DECISION_LABELS, opts } from './labels.ts';
import { ACT_DATA } from './forms.ts';

const HANDLERS = ['staff', 'leader'];

export const PETITION: ProcedureDef = {
  code: 'petition',
  label: '信访事项办理',
  statuses: [
    { code: 'registered', label: '已登记待告知' },
    { code: 'accepted', label: '已受理办理中' },
    { code: 'objected', label: '已提出异议（不属本机关职权）', final: true },
    { code: 'redirected', label: '已引导通过法定途径解决', final: true },
    { code: 'answered', label: '已出具处理意见书' },
    { code: 'reviewing', label: '复查中' },
    { code: 'reviewed', label: '已出具复查意见' },
    { code: 'rechecking', label: '复核中' },
    { code: 'rechecked', label: '已出具复核意见', final: true },
  ],
  initialStatus: 'registered',
  roleLabels: { staff: '信访承办人员', leader: '局领导' },
  steps: [
    {
      code: 'notice',
      label: '书面告知信访人受理情况',
      roles: HANDLERS,
      open: { status: 'registered' },
      clock: 'notice',
    },
    {
      code: 'handle',
      label: '出具信访处理意见书',
      roles: HANDLERS,
      open: { status: 'accepted' },
      clock: 'handling',
    },
    {
      code: 'review',
      label: '出具复查意见',
      roles: HANDLERS,
      open: { status: 'reviewing' },
      clock: 'review',
    },
    {
      code: 'recheck',
      label: '出具复核意见',
      roles: HANDLERS,
      open: { status: 'rechecking' },
      clock: 'recheck',
    },
  ],
  actions: [
    {
      code: 'register',
      label: '登记信访事项',
      roles: HANDLERS,
      statuses: ['registered'],
      once: { message: '信访事项已登记' },
      fields: ACT_DATA.register,
    },
    {
      code: 'accept',
      label: '书面告知受理',
      roles: HANDLERS,
      statuses: ['registered'],
      requires: [
        { when: { done: 'register' }, code: 'not_registered', message: '信访事项尚未登记' },
      ],
      fields: ACT_DATA.accept,
      effects: [{ status: 'accepted' }],
    },
    {
      code: 'object',
      label: '提出异议（不属本机关职权范围）',
      roles: HANDLERS,
      statuses: ['registered'],
      requires: [
        {
          when: { last: 'register', field: 'source', eq: 'transferred' },
          code: 'not_transferred',
          message: '只有转送、交办的信访事项才能提出异议',
        },
      ],
      within: {
        clock: 'objection',
        code: 'objection_late',
        message:
          '转送、交办的信访事项应当自收到之日起5个工作日内提出异议（信访工作条例第二十三条），已超过期限，应当受理办理',
      },
      fields: ACT_DATA.object,
      effects: [{ status: 'objected', outcome: 'objected' }],
    },
    {
      code: 'classify',
      label: '确定信访事项类别',
      roles: HANDLERS,
      statuses: ['accepted'],
      fields: ACT_DATA.classify,
    },
    {
      code: 'redirect',
      label: '引导通过法定途径解决',
      roles: HANDLERS,
      statuses: ['accepted'],
      requires: [
        {
          when: { last: 'classify', field: 'category', eq: 'appeal' },
          code: 'not_appeal',
          message:
            '只有申诉求决类事项才引导通过诉讼、复议、仲裁等法定途径解决（信访工作条例第三十一条）',
        },
      ],
      fields: ACT_DATA.redirect,
      effects: [{ status: 'redirected', outcome: 'redirected' }],
    },
    {
      code: 'extend',
      label: '延长办理期限',
      roles: HANDLERS,
      statuses: ['accepted'],
      fields: ACT_DATA.extend,
    },
    {
      code: 'answer',
      label: '出具信访处理意见书',
      roles: HANDLERS,
      statuses: ['registered', 'accepted'],
      requires: [
        {
          when: { done: 'accept' },
          code: 'no_acceptance_notice',
          message: '该信访事项尚未书面告知信访人受理，不能出具处理意见书（信访工作条例第二十三条）',
        },
        { when: { done: 'classify' }, code: 'not_classified', message: '请先确定信访事项类别' },
      ],
      fields: ACT_DATA.answer,
      effects: [{ status: 'answered', outcome: { field: 'decision' } }],
    },
    {
      code: 'requestReview',
      label: '登记复查请求',
      roles: HANDLERS,
      statuses: ['answered'],
      within: {
        clock: 'reviewWindow',
        code: 'review_late',
        message:
          '复查请求应当自收到处理意见书之日起30日内提出（信访工作条例第三十五条），已超过期限，不予受理',
      },
      fields: ACT_DATA.requestReview,
      effects: [{ status: 'reviewing' }],
    },
    {
      code: 'reviewOpinion',
      label: '出具复查意见',
      roles: HANDLERS,
      statuses: ['reviewing'],
      fields: ACT_DATA.reviewOpinion,
      effects: [{ status: 'reviewed', outcome: { field: 'decision' } }],
    },
    {
      code: 'requestRecheck',
      label: '登记复核请求',
      roles: HANDLERS,
      statuses: ['reviewed'],
      within: {
        clock: 'recheckWindow',
        code: 'recheck_late',
        message:
          '复核请求应当自收到复查意见之日起30日内提出（信访工作条例第三十六条），已超过期限，不予受理',
      },
      fields: ACT_DATA.requestRecheck,
      effects: [{ status: 'rechecking' }],
    },
    {
      code: 'hearingStart',
      label: '举行听证',
      roles: HANDLERS,
      statuses: ['rechecking'],
      fields: ACT_DATA.hearingStart,
    },
    {
      code: 'hearingEnd',
      label: '听证结束',
      roles: HANDLERS,
      statuses: ['rechecking'],
      requires: [
        {
          when: { latest: ['hearingStart', 'hearingEnd'], is: 'hearingStart' },
          code: 'no_hearing',
          message: '没有进行中的听证',
        },
      ],
    },
    {
      code: 'recheckOpinion',
      label: '出具复核意见',
      roles: HANDLERS,
      statuses: ['rechecking'],
      fields: ACT_DATA.recheckOpinion,
      effects: [{ status: 'rechecked', outcome: { field: 'decision' } }],
    },
  ],
  clocks: [
    {
      code: 'notice',
      label: '书面告知期限',
      unit: 'day',
      count: 15,
      legalBasis: '信访工作条例第二十三条',
      start: [{ action: 'register' }],
      stop: ['accept', 'object', 'answer'],
    },
    {
      code: 'objection',
      label: '提出异议期限',
      unit: 'workday',
      count: 5,
      window: true,
      legalBasis: '信访工作条例第二十三条第三款',
      start: [{ action: 'register' }],
      stop: ['accept', 'object'],
    },
    {
      code: 'handling',
      label: '办理期限',
      unit: 'day',
      count: 60,
      legalBasis: '信访工作条例第三十四条',
      start: [{ action: 'accept' }],
      stop: ['answer', 'redirect'],
      extend: { action: 'extend', field: 'days', cap: 30 },
    },
    {
      code: 'reviewWindow',
      label: '申请复查期限',
      unit: 'day',
      count: 30,
      window: true,
      legalBasis: '信访工作条例第三十五条',
      start: [{ action: 'answer', dateField: 'servedOn' }],
      stop: ['requestReview'],
    },
    {
      code: 'review',
      label: '复查期限',
      unit: 'day',
      count: 30,
      legalBasis: '信访工作条例第三十五条',
      start: [{ action: 'requestReview' }],
      stop: ['reviewOpinion'],
    },
    {
      code: 'recheckWindow',
      label: '申请复核期限',
      unit: 'day',
      count: 30,
      window: true,
      legalBasis: '信访工作条例第三十六条',
      start: [{ action: 'reviewOpinion', dateField: 'servedOn' }],
      stop: ['requestRecheck'],
    },
    {
      code: 'recheck',
      label: '复核期限',
      unit: 'day',
      count: 30,
      legalBasis: '信访工作条例第三十六条',
      start: [{ action: 'requestRecheck' }],
      stop: ['recheckOpinion'],
      pause: [
        { action: 'hearingStart', reason: '听证（听证时间不计入期限）', resume: ['hearingEnd'] },
      ],
    },
  ],
  outcomes: [
    ...opts(DECISION_LABELS).map((o) => ({ code: o.value, label: o.label })),
    { code: 'objected', label: '已提出异议' },
    { code: 'redirected', label: '引导法定途径' },
  ],
};

/** Acts that carry the module's records (意见书, personal data): only through the petitions service. */
export const PETITION_MODULE_ACTIONS = [
  'register',
  'accept',
  'object',
  'classify',
  'redirect',
  'answer',
];
