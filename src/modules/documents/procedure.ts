/**
 * 行政规范性文件 (NormativeDocument) making procedure, RULES §2.3: draft → public comment (or a
 * recorded 依法需要保密 exemption) → 公平竞争审查 when market entities are concerned → 合法性审核 →
 * 集体审议 → 统一登记编号 → 公开发布 → 备案. Declared as data; the procedure engine enforces it.
 */
import type { ActionDef, ClockDef, ProcedureDef, StepDef } from '../../core/procedure/engine.ts';
import { SECRECY_REVIEW_ACTIONS, withSecrecyReview } from '../disclosure/index.ts';
import {
  DOCUMENT_PROCEDURE_DEFAULTS,
  type DocumentProcedureSettings,
  type NormativeDocumentSettings,
} from './procedureSettings.ts';
import {
  adopted,
  commentDone,
  fairReviewOk,
  foundLawful,
  market,
  reviewRunning,
} from './procedureGates.ts';
import { draftingActions } from './procedureDrafting.ts';
import { publicationActions } from './procedurePublication.ts';

export type { NormativeDocumentSettings } from './procedureSettings.ts';

function clocks(s: DocumentProcedureSettings): ClockDef[] {
  return [
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
      code: 'legalReview',
      label: '合法性审核期限',
      unit: 'workday',
      count: s.legalReviewMaxWorkdays, // 115号: 最长不超过15个工作日
      // The legal office's deadline for the matter (reviews/due.ts, capped by the same 15个工作日), recorded with the act.
      dueField: 'dueOn',
      legalBasis:
        '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）',
      start: [{ action: 'submitLegalReview' }],
      stop: ['concludeLegalReview', 'withdraw'],
    },
    {
      // The period is a local rule (15日 / 30日 / 3个工作日, RULES §2.3 step 9), a setting: publishing
      // computes the due date from it and records it with the act (documents/labels.ts documentSettings).
      code: 'filing',
      label: '备案期限',
      unit: 'day',
      dueField: 'filingDueOn',
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'publish' }],
      stop: ['file'],
    },
    {
      // 有备必审 (37号, RULES §2.3 step 9): the oversight body reviews the filing; an answered 纠错 is reviewed afresh.
      code: 'filingReview',
      label: '备案审查期限',
      unit: 'workday',
      count: s.filingReviewWorkdays,
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'file' }],
      restart: [{ action: 'answerCorrection' }],
      stop: ['acceptFiling', 'requestCorrection'],
    },
    {
      // 有错必纠: the department corrects and reports within the period the oversight body sets (default: the local rule).
      code: 'correction',
      label: '纠错期限',
      unit: 'day',
      count: s.correctionDays,
      dueField: 'answerDueOn',
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'requestCorrection' }],
      stop: ['answerCorrection'],
    },
  ];
}

const steps: StepDef[] = [
  {
    code: 'comment',
    label: '公开征求意见',
    roles: ['staff'],
    open: { all: [{ status: 'drafting' }, { notDone: ['openComment', 'exemptComment'] }] },
  },
  {
    code: 'consultation',
    label: '征求意见期满后汇总意见',
    roles: ['staff'],
    open: { clock: 'consultation', state: 'running' },
    clock: 'consultation',
  },
  {
    code: 'fairCompetitionReview',
    label: '公平竞争审查',
    roles: ['staff'],
    open: { all: [{ status: 'drafting' }, market, commentDone, { not: fairReviewOk }] },
  },
  {
    code: 'submitLegalReview',
    label: '提交合法性审核',
    roles: ['staff'],
    // Open first after comment (and fair-competition review), and again after an unlawful finding.
    open: {
      all: [
        { status: 'drafting' },
        commentDone,
        fairReviewOk,
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
    label: '合法性审核',
    roles: ['legalOfficer'],
    open: reviewRunning,
    clock: 'legalReview',
  },
  {
    code: 'collectiveDecision',
    label: '集体审议',
    roles: ['leader'],
    open: { all: [{ status: 'drafting' }, foundLawful, { not: adopted }] },
  },
  {
    code: 'assignNumber',
    label: '统一登记编号',
    roles: ['staff'],
    open: { all: [adopted, { notDone: 'assignNumber' }] },
  },
  {
    code: 'publish',
    label: '公开发布',
    roles: ['staff'],
    open: { all: [{ done: 'assignNumber' }, { notDone: 'publish' }] },
  },
  {
    code: 'file',
    label: '报送备案',
    roles: ['staff'],
    open: { status: 'published' },
    clock: 'filing',
  },
  // The oversight body's work: in the 司法局's 我的待办, not the department's (StepDef.heldBy).
  {
    code: 'filingReview',
    label: '备案审查',
    roles: ['oversight'],
    open: { status: 'filed' },
    clock: 'filingReview',
    heldBy: 'oversight',
  },
  {
    code: 'answerCorrection',
    label: '纠错并报告纠错情况',
    roles: ['staff'],
    open: { status: 'correcting' },
    clock: 'correction',
  },
];
function actions(s: DocumentProcedureSettings): ActionDef[] {
  return [
    ...draftingActions(s),
    ...publicationActions(),
    {
      code: 'withdraw',
      label: '终止制定',
      roles: ['leader'],
      statuses: ['new', 'drafting'],
      fields: [{ name: 'reason', label: '理由', type: 'longText', required: true }],
      effects: [{ status: 'withdrawn', outcome: 'withdrawn' }],
    },
  ];
}

/** Builds the normative-document procedure with local settings (filing deadline, review times, comment minimums). */
export function normativeDocumentProcedure(settings: NormativeDocumentSettings = {}): ProcedureDef {
  const s: DocumentProcedureSettings = { ...DOCUMENT_PROCEDURE_DEFAULTS, ...settings };
  const def: ProcedureDef = {
    code: 'normativeDocument',
    label: '行政规范性文件制定',
    statuses: [
      { code: 'new', label: '待起草' },
      { code: 'drafting', label: '起草审查中' },
      { code: 'published', label: '已发布待备案' },
      { code: 'filed', label: '报备审查中' },
      { code: 'correcting', label: '退回纠错中' },
      { code: 'accepted', label: '已备案', final: true },
      { code: 'rejected', label: '未通过集体审议', final: true },
      { code: 'withdrawn', label: '已终止制定', final: true },
    ],
    initialStatus: 'new',
    roleLabels: {
      staff: '起草科室或办公室工作人员',
      leader: '局领导',
      legalOfficer: '法制审核人员',
      oversight: '备案审查机关（司法局）',
    },
    steps,
    actions: actions(s),
    clocks: clocks(s),
    outcomes: [
      { code: 'filed', label: '已发布并准予备案' },
      { code: 'rejected', label: '集体审议不予通过' },
      { code: 'withdrawn', label: '终止制定' },
    ],
  };
  // 保密审查 before 公开发布 (《政府信息公开条例》第十七条): of the final text, once the 文号 is assigned.
  return withSecrecyReview(def, {
    drafters: ['staff'],
    publishAction: 'publish',
    statuses: ['drafting'],
    requires: [
      {
        when: { done: 'assignNumber' },
        code: 'not_numbered',
        message: '统一登记编号后方可提请保密审查',
      },
    ],
  });
}

/** Acts the documents module records itself with its own rows; the generic case page cannot (recordAction refuses). */
export const DOCUMENT_MODULE_ACTIONS = [
  'draft',
  'openComment',
  'closeComment',
  'assignNumber',
  'publish',
  'file',
  'acceptFiling',
  'requestCorrection',
  'answerCorrection',
  'submitLegalReview',
  'concludeLegalReview',
  'collectiveDecision',
  // Asked and decided through the shared 保密审查 service (disclosure), never the generic case page.
  ...SECRECY_REVIEW_ACTIONS,
];
/** The default procedure (30日 filing, 5–15 个工作日 legality review). */
export const NORMATIVE_DOCUMENT: ProcedureDef = normativeDocumentProcedure();
