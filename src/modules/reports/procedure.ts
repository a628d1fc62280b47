/**
 * 法治政府建设年度报告 as a procedure (厅字〔2019〕28号, RULES §11–12): draft → 保密审查 (《政府信息公开条例》
 * 第十七条: the reviewer's own act, disclosure's shared fragment) → approval by
 * the 党组/局长办公会 → report to the 本级党委和政府, the 上一级主管部门 and the oversight body by
 * 3月1日 → publish by 4月1日 (Art 24). Both deadlines are date clocks (the dates come from the
 * template setting), shown in 我的待办 and reminded by the sweep like every other step.
 * A change after the 保密审查 or the approval is a revision: back to drafting, reviewed and approved
 * again; the published version stays published until the revision is.
 */
import type { ActionDef, Cond, Gate, ProcedureDef } from '../../core/procedure/engine.ts';
import {
  SECRECY_REVIEW_ACTIONS,
  SECRECY_REVIEW_GATE,
  withSecrecyReview,
} from '../disclosure/index.ts';
import { APPROVAL_FIELDS } from './forms.ts';

const REPORT: ProcedureDef = {
  code: 'ruleOfLawReport',
  label: '法治政府建设年度报告',
  statuses: [
    { code: 'new', label: '待编制' },
    { code: 'drafting', label: '编制中' },
    { code: 'reviewed', label: '已保密审查' },
    { code: 'approved', label: '已审定' },
    { code: 'submitted', label: '已报送' },
    // Not final: a published report can still be revised (a new version; the published one stays).
    { code: 'published', label: '已公开' },
  ],
  initialStatus: 'new',
  roleLabels: { staff: '工作人员', leader: '局领导' },
  steps: [
    {
      code: 'submit',
      label: '报送法治政府建设年度报告',
      roles: ['staff', 'leader'],
      open: { notDone: 'submit' },
      clock: 'submission',
    },
    {
      code: 'publish',
      label: '公开法治政府建设年度报告',
      roles: ['staff', 'leader'],
      open: { notDone: 'publish' },
      clock: 'publication',
    },
  ],
  actions: [
    {
      code: 'open',
      label: '开始编制',
      roles: ['staff', 'leader'],
      statuses: ['new'],
      fields: [
        { name: 'year', label: '报告年度', type: 'number', required: true },
        { name: 'submitDueOn', label: '报送期限', type: 'date', required: true },
        { name: 'publishDueOn', label: '公开期限', type: 'date', required: true },
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      code: 'approve',
      label: '审定',
      roles: ['staff', 'leader'],
      // In drafting too, so that asking before the pass answers with the gate's reason.
      statuses: ['drafting', 'reviewed'],
      // Declared with the screen's form (forms.ts): the meeting's kind, name and date.
      fields: [...APPROVAL_FIELDS],
      dateRules: [
        {
          from: { field: 'meetingOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'meeting_future',
          message: '会议日期不能晚于办理日期',
        },
      ],
      effects: [{ status: 'approved' }],
    },
    {
      code: 'submit',
      label: '报送',
      roles: ['staff', 'leader'],
      statuses: ['approved'],
      fields: [{ name: 'recipients', label: '报送单位', type: 'text', required: true }],
      effects: [{ status: 'submitted' }],
    },
    {
      code: 'publish',
      label: '公开',
      roles: ['staff', 'leader'],
      statuses: ['submitted'],
      effects: [{ status: 'published' }],
    },
    {
      code: 'revise',
      label: '修订',
      roles: ['staff', 'leader'],
      statuses: ['reviewed', 'approved', 'submitted', 'published'],
      fields: [{ name: 'reason', label: '修订原因', type: 'text', required: true }],
      effects: [{ status: 'drafting' }],
    },
  ],
  clocks: [
    {
      code: 'submission',
      label: '年度报告报送期限',
      unit: 'day',
      dueField: 'submitDueOn',
      legalBasis: '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）',
      start: [{ action: 'open' }],
      stop: ['submit'],
    },
    {
      code: 'publication',
      label: '年度报告公开期限',
      unit: 'day',
      dueField: 'publishDueOn',
      legalBasis: '《法治政府建设与责任落实督察工作规定》第二十四条',
      start: [{ action: 'open' }],
      stop: ['publish'],
    },
  ],
};

/** A review passed since the text last changed by a revision (a revision needs a new review). */
const passedSinceRevised: Cond = {
  latest: ['revise', ...SECRECY_REVIEW_ACTIONS],
  is: 'passSecrecyReview',
};
const REVIEW_GATE: Gate = { ...SECRECY_REVIEW_GATE, when: passedSinceRevised };
const BEFORE_APPROVAL: Gate = {
  ...REVIEW_GATE,
  message:
    '年度报告须先通过保密审查，再提请党组（党委）会议或局长办公会议审定（《政府信息公开条例》第十七条）',
};

const reviewed = withSecrecyReview(REPORT, {
  drafters: ['staff', 'leader'],
  publishAction: 'publish',
  statuses: ['drafting'],
});
/** The pass moves the report to 已保密审查; 审定 and 公开 need a pass since the latest revision. */
const adjusted = (a: ActionDef): ActionDef => {
  const requires = (a.requires ?? []).filter((g) => g.code !== SECRECY_REVIEW_GATE.code);
  if (a.code === 'publish') return { ...a, requires: [...requires, REVIEW_GATE] };
  if (a.code === 'approve') return { ...a, requires: [...requires, BEFORE_APPROVAL] };
  if (a.code === 'passSecrecyReview') return { ...a, effects: [{ status: 'reviewed' }] };
  if (a.code === 'requestSecrecyReview')
    return {
      ...a,
      requires: requires.map((g) =>
        g.code === 'secrecy_review_passed' ? { ...g, when: { not: passedSinceRevised } } : g,
      ),
    };
  return a;
};

export const RULE_OF_LAW_REPORT: ProcedureDef = {
  ...reviewed,
  actions: reviewed.actions.map(adjusted),
};

/** Every act goes through the report service (it changes the report with the case). */
export const REPORT_MODULE_ACTIONS = RULE_OF_LAW_REPORT.actions.map((a) => a.code);
