/**
 * 重大行政决策 (MajorDecision) procedure, 重大行政决策程序暂行条例 (国务院令第713号, RULES §3), which a
 * 市政府工作部门 applies by reference (Art 42): 决策启动 → 拟订决策草案 → 公众参与 / 专家论证 / 风险评估
 * (where they apply) → 合法性审查 → 集体讨论决定 → 向党委请示报告 → 决策公布 → 执行、后评估、调整.
 * Declared as data; the engine enforces the order where the law fixes it. The acts and their fields
 * are in actions.ts; the gates shared by several acts in gates.ts.
 */
import type { ClockDef, ProcedureDef, StepDef } from '../../core/procedure/engine.ts';
import { withSecrecyReview } from '../disclosure/index.ts';
import { decisionActions } from './actions.ts';
import {
  conds,
  expertOk,
  fairOk,
  flag,
  foundLawful,
  partyReportOk,
  participationOk,
  participationSummarized,
  riskOk,
  submittedToMeeting,
} from './gates.ts';

const clocks: ClockDef[] = [
  {
    code: 'consultation',
    label: '公开征求意见期间',
    unit: 'day',
    dueField: 'endOn',
    window: true,
    start: [{ action: 'openComment' }],
    stop: ['closeComment', 'withdraw'],
  },
  {
    // Art 26: the submitter names the date it needs the opinion by, leaving the reviewer ≥ 7 个工作日.
    code: 'legalReview',
    label: '合法性审查期限',
    unit: 'workday',
    dueField: 'requestedBy',
    legalBasis: '《重大行政决策程序暂行条例》第二十六条',
    start: [{ action: 'submitLegalReview' }],
    stop: ['concludeLegalReview', 'withdraw'],
  },
];

const { drafting, participationRequired, reviewRunning } = conds;
const steps: StepDef[] = [
  {
    code: 'draftPlan',
    label: '拟订决策草案',
    roles: ['staff'],
    open: { all: [drafting, { notDone: 'draftPlan' }] },
  },
  // One step from the draft to the 意见研究采纳情况: while the comment period runs it carries the period's
  // end as its deadline (it is not done while the public is still commenting).
  {
    code: 'participation',
    label: '公众参与',
    roles: ['staff'],
    open: {
      all: [
        drafting,
        { done: 'draftPlan' },
        participationRequired,
        { not: participationSummarized },
      ],
    },
    clock: 'consultation',
  },
  {
    code: 'hearing',
    label: '举行听证会',
    roles: ['staff'],
    open: { all: [drafting, flag('hearingPlanned'), { notDone: 'hearing' }] },
  },
  {
    code: 'expertReview',
    label: '专家论证',
    roles: ['staff'],
    open: { all: [drafting, { done: 'draftPlan' }, { not: expertOk }] },
  },
  {
    code: 'riskAssessment',
    label: '风险评估',
    roles: ['staff'],
    open: { all: [drafting, { done: 'draftPlan' }, { not: riskOk }] },
  },
  {
    code: 'fairCompetitionReview',
    label: '公平竞争审查',
    roles: ['staff'],
    open: { all: [drafting, { done: 'draftPlan' }, { not: fairOk }] },
  },
  {
    code: 'submitLegalReview',
    label: '送请合法性审查',
    roles: ['staff'],
    open: {
      all: [
        drafting,
        { done: 'draftPlan' },
        participationOk,
        expertOk,
        riskOk,
        fairOk,
        { not: reviewRunning },
        {
          any: [
            { notDone: 'submitLegalReview' },
            { last: 'concludeLegalReview', field: 'conclusion', eq: 'unlawful' },
          ],
        },
      ],
    },
  },
  {
    code: 'legalReview',
    label: '合法性审查',
    roles: ['legalOfficer'],
    open: reviewRunning,
    clock: 'legalReview',
  },
  {
    code: 'submitToMeeting',
    label: '提请集体讨论',
    roles: ['staff'],
    open: { all: [drafting, foundLawful, { not: submittedToMeeting }] },
  },
  {
    code: 'collectiveDecision',
    label: '集体讨论决定',
    roles: ['leader'],
    open: { all: [drafting, submittedToMeeting] },
  },
  {
    code: 'partyReport',
    label: '向同级党委请示报告',
    roles: ['staff', 'leader'],
    open: { all: [{ status: 'decided' }, { not: partyReportOk }] },
  },
  {
    code: 'publish',
    label: '公布决策',
    roles: ['staff'],
    open: { all: [{ status: 'decided' }, partyReportOk] },
  },
];

export const STATUSES = [
  { code: 'new', label: '待启动' },
  { code: 'drafting', label: '决策草案拟订和论证中' },
  { code: 'decided', label: '已决定待公布' },
  { code: 'implementing', label: '执行中' },
  { code: 'suspended', label: '中止执行' },
  { code: 'readjusting', label: '重大调整中' },
  { code: 'superseded', label: '已由调整后的决策替代', final: true },
  { code: 'stopped', label: '停止执行', final: true },
  { code: 'rejected', label: '集体讨论不予通过', final: true },
  { code: 'withdrawn', label: '终止决策程序', final: true },
];

const DECISION: ProcedureDef = {
  code: 'majorDecision',
  label: '重大行政决策',
  statuses: STATUSES,
  initialStatus: 'new',
  roleLabels: {
    staff: '决策承办单位工作人员',
    leader: '局领导',
    legalOfficer: '负责合法性审查的部门',
  },
  steps,
  actions: decisionActions(),
  clocks,
  outcomes: [
    { code: 'implementing', label: '已作出决策' },
    { code: 'superseded', label: '经重大调整后替代' },
    { code: 'stopped', label: '停止执行' },
    { code: 'rejected', label: '不予通过' },
    { code: 'withdrawn', label: '终止决策程序' },
  ],
};

/**
 * The decision, once made, is reviewed for secrets before it is published (《政府信息公开条例》第十七条): the
 * drafter names the reviewer's account, the reviewer passes it in their own session, and 公布决策 waits for the pass.
 */
export const MAJOR_DECISION: ProcedureDef = withSecrecyReview(DECISION, {
  drafters: ['staff'],
  publishAction: 'publish',
  statuses: ['decided'],
});

/**
 * Every act of a decision carries evidence or module records, so each goes through the decisions
 * service (or the reviews queue, which records concludeLegalReview in its own transaction); the
 * generic case page cannot record them (recordAction refuses module actions without a transaction).
 */
export const DECISION_MODULE_ACTIONS = MAJOR_DECISION.actions.map((a) => a.code);
