/**
 * 行政处罚 (PenaltyCase) under 行政处罚法 (2021-01-22 revision, in force 2021-07-15), RULES §8.2, as data:
 * 立案 (Art 54; limitation Art 36, checked by the service) → 调查取证 (≥ 2 officers, Art 42; 先行登记保存
 * decided within 7 工作日, Art 56 with Art 85) → 告知 (Art 44) → 陈述申辩 (Art 45) → 听证 where Art 63
 * applies (request within 5 工作日, notice ≥ 7 工作日 before, Art 64 with Art 85) → 法制审核 (Art 58) →
 * 集体讨论 (Art 57 ¶2) → 决定 within 90 日 of 立案 (Art 60, extensions recorded) → 送达 within 7 工作日
 * (Art 61 with Art 85) → 执行 (15 日, Art 67; 加处罚款 Art 72) → 事后公开 within 7 工作日 (国办发〔2018〕
 * 118号) and withdrawal within 3 工作日 when revoked (Art 48 ¶2 with Art 85) → 结案.
 * Art 85: “本法中‘二日’‘三日’‘五日’‘七日’的规定是指工作日，不含法定节假日” — longer periods are 日.
 * The acts are declared by chapter (procedureInvestigation/Hearing/Decision/Execution.ts, their gates
 * in procedureGates.ts); 简易程序 (Arts 51–52) is the second procedure, in procedureSummary.ts.
 */
import {
  defineProcedure,
  type ClockDef,
  type Cond,
  type StepDef,
} from '../../core/procedure/engine.ts';
import {
  ALL,
  HANDLERS,
  decided,
  discussed,
  foundLawful,
  hearingRequested,
  major,
} from './procedureGates.ts';
import { INVESTIGATION_ACTIONS } from './procedureInvestigation.ts';
import { HEARING_ACTIONS } from './procedureHearing.ts';
import { DECISION_ACTIONS } from './procedureDecision.ts';
import { EXECUTION_ACTIONS } from './procedureExecution.ts';
import { PENALTY_SUMMARY } from './procedureSummary.ts';

// ---------- clocks ----------
const clocks: ClockDef[] = [
  {
    code: 'decide',
    label: '作出行政处罚决定期限',
    unit: 'day',
    count: 90,
    legalBasis: '《行政处罚法》第六十条',
    start: [{ action: 'open' }],
    stop: ['decide', 'terminate'],
    extend: { action: 'extendDecision', field: 'days', cap: 90 },
  },
  {
    code: 'preservation',
    label: '先行登记保存处理决定期限',
    unit: 'workday',
    count: 7,
    legalBasis: '《行政处罚法》第五十六条、第八十五条',
    start: [{ action: 'preserveEvidence' }],
    stop: ['decidePreservation'],
  },
  {
    code: 'statement',
    label: '陈述申辩期限',
    unit: 'workday',
    dueField: 'statementUntil',
    window: true,
    start: [{ action: 'serveNotice' }],
    stop: ['waiveRights', 'decide', 'terminate'],
  },
  {
    code: 'hearingRequest',
    label: '要求听证期限',
    unit: 'workday',
    count: 5,
    window: true,
    legalBasis: '《行政处罚法》第六十四条第一项、第八十五条',
    start: [{ action: 'serveNotice' }],
    stop: ['requestHearing', 'waiveRights'],
  },
  {
    code: 'delivery',
    label: '送达行政处罚决定书期限',
    unit: 'workday',
    count: 7,
    legalBasis: '《行政处罚法》第六十一条、第八十五条',
    start: [{ action: 'decide' }],
    stop: ['deliver'],
  },
  {
    code: 'payment',
    label: '缴纳罚款期限',
    unit: 'day',
    count: 15,
    legalBasis: '《行政处罚法》第六十七条',
    start: [{ action: 'deliver' }],
    stop: ['execute', 'revoke'],
  },
  {
    code: 'publication',
    label: '行政处罚决定公开期限',
    unit: 'workday',
    count: 7,
    legalBasis: '国办发〔2018〕118号（行政执法公示制度）；《行政处罚法》第四十八条',
    start: [{ action: 'decide' }],
    stop: ['publish', 'exemptPublication', 'revoke'],
  },
  {
    code: 'withdrawal',
    label: '撤回已公开处罚决定期限',
    unit: 'workday',
    count: 3,
    legalBasis: '《行政处罚法》第四十八条第二款、第八十五条',
    start: [{ action: 'revoke' }],
    stop: ['withdrawPublication'],
  },
];

// ---------- steps ----------
const active: Cond = { status: ['investigating', 'notified'] };
const steps: StepDef[] = [
  {
    code: 'assignOfficers',
    label: '指派执法人员',
    roles: ['leader', 'staff', 'officer'],
    open: { all: [{ status: 'investigating' }, { notDone: 'assignOfficers' }] },
  },
  {
    code: 'preservation',
    label: '先行登记保存物品处理决定',
    roles: HANDLERS,
    open: { clock: 'preservation', state: 'running' },
    clock: 'preservation',
  },
  {
    code: 'serveNotice',
    label: '行政处罚事先告知',
    roles: HANDLERS,
    open: { all: [{ status: 'investigating' }, { done: 'assignOfficers' }] },
  },
  {
    code: 'scheduleHearing',
    label: '通知听证',
    roles: HANDLERS,
    open: { all: [active, hearingRequested, { notDone: 'scheduleHearing' }] },
  },
  {
    code: 'holdHearing',
    label: '举行听证',
    roles: HANDLERS,
    open: {
      all: [active, hearingRequested, { done: 'scheduleHearing' }, { notDone: 'holdHearing' }],
    },
  },
  {
    code: 'legalCheck',
    label: '法制审核',
    roles: ['legalOfficer'],
    open: {
      all: [
        active,
        { latest: ['submitLegalCheck', 'concludeLegalReview'], is: 'submitLegalCheck' },
      ],
    },
  },
  {
    code: 'collectiveDiscussion',
    label: '负责人集体讨论',
    roles: ['leader'],
    open: { all: [active, major, foundLawful, { not: discussed }] },
  },
  {
    code: 'decide',
    label: '作出行政处罚决定',
    roles: ['leader'],
    open: { all: [active, { done: 'serveNotice' }] },
    clock: 'decide',
  },
  {
    code: 'deliver',
    label: '送达行政处罚决定书',
    roles: HANDLERS,
    open: { all: [{ status: 'decided' }, { notDone: 'deliver' }] },
    clock: 'delivery',
  },
  {
    code: 'payment',
    label: '执行行政处罚决定',
    roles: HANDLERS,
    open: { all: [{ status: 'executing' }, { notDone: 'execute' }] },
    clock: 'payment',
  },
  {
    code: 'publish',
    label: '公开行政处罚决定',
    roles: ALL,
    open: {
      all: [
        decided,
        { status: ['decided', 'executing'] },
        { notDone: ['publish', 'exemptPublication'] },
      ],
    },
    clock: 'publication',
  },
  {
    code: 'withdrawPublication',
    label: '撤回已公开的处罚决定并说明理由',
    roles: ALL,
    open: { status: 'revoked' },
    clock: 'withdrawal',
  },
  {
    code: 'close',
    label: '结案归档',
    roles: HANDLERS,
    open: {
      all: [
        { status: 'executing' },
        { done: 'execute' },
        { any: [{ done: 'publish' }, { done: 'exemptPublication' }] },
      ],
    },
  },
];

const actions = [
  ...INVESTIGATION_ACTIONS,
  ...HEARING_ACTIONS,
  ...DECISION_ACTIONS,
  ...EXECUTION_ACTIONS,
];

export const PENALTY_CASE = defineProcedure({
  code: 'penaltyCase',
  label: '行政处罚（普通程序）',
  statuses: [
    { code: 'new', label: '待立案' },
    { code: 'investigating', label: '调查取证' },
    { code: 'notified', label: '已告知' },
    { code: 'decided', label: '已决定待送达' },
    { code: 'executing', label: '执行中' },
    { code: 'closed', label: '已结案' },
    { code: 'revoked', label: '决定已撤销待撤回公开' },
    { code: 'revokedClosed', label: '决定已撤销', final: true },
    { code: 'terminated', label: '已撤销案件', final: true },
  ],
  initialStatus: 'new',
  roleLabels: {
    officer: '执法人员',
    staff: '承办科室工作人员',
    leader: '行政机关负责人',
    legalOfficer: '法制审核人员',
  },
  steps,
  actions,
  clocks,
  outcomes: [
    { code: 'penalty', label: '给予行政处罚' },
    { code: 'noPenalty', label: '不予行政处罚' },
    { code: 'terminated', label: '撤销案件' },
  ],
});

/** Every act carries module records (amounts, files, publication, the review matter): only the service records them. */
export const PENALTY_MODULE_ACTIONS = [
  ...new Set([...PENALTY_CASE.actions, ...PENALTY_SUMMARY.actions].map((a) => a.code)),
];
