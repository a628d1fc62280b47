/**
 * 合法性审查 of one matter as a small procedure: submitted → (reviewers assigned) → concluded, with the
 * review deadline as a clock so that the legal office's 我的待办, reminders and the sweep come from the
 * case machinery. The deadline itself depends on the matter type and local settings (labels.ts), so the
 * service computes it at submission and the clock reads it from the submission (`dueOn`).
 * Opinions and adoption marks are the module's own records (an advisor never touches a case).
 */
import type { Cond, ProcedureDef } from '../../core/procedure/engine.ts';
import { CONCLUSION_LABELS, MATTER_TYPE_LABELS } from './labels.ts';

const standalone: Cond = { not: { last: 'submit', field: 'hasSubject', eq: true } };
const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const LEGAL_REVIEW: ProcedureDef = {
  code: 'legalReview',
  label: '合法性审查',
  statuses: [
    { code: 'new', label: '待提交' },
    { code: 'submitted', label: '待分派审查人员' },
    { code: 'reviewing', label: '审查中' },
    { code: 'concluded', label: '已出具审查意见', final: true },
    { code: 'withdrawn', label: '已撤回', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { staff: '送审科室工作人员', leader: '局领导', legalOfficer: '法制审核人员' },
  // A matter from a subject procedure (规范性文件, 重大行政决策) is already in 我的待办 as that
  // procedure's own 合法性审查 step; only stand-alone matters (合同协议 …) get steps here.
  steps: [
    {
      code: 'assignReviewers',
      label: '分派审查人员',
      roles: ['legalOfficer'],
      open: { all: [{ status: 'submitted' }, standalone] },
      clock: 'review',
    },
    {
      code: 'review',
      label: '合法性审查',
      roles: ['legalOfficer'],
      open: { all: [{ status: 'reviewing' }, standalone] },
      clock: 'review',
    },
  ],
  actions: [
    {
      code: 'submit',
      label: '提交合法性审查',
      roles: ['staff', 'leader', 'legalOfficer'],
      statuses: ['new'],
      fields: [
        {
          name: 'matterType',
          label: '事项类型',
          type: 'select',
          required: true,
          options: opts(MATTER_TYPE_LABELS),
        },
        { name: 'title', label: '事项名称', type: 'text', required: true },
        { name: 'requestedBy', label: '要求完成日期', type: 'date' },
        { name: 'dueOn', label: '审查期限', type: 'date', required: true },
        { name: 'hasSubject', label: '来自其他办件', type: 'boolean' },
      ],
      effects: [{ status: 'submitted' }],
    },
    {
      code: 'assign',
      label: '分派审查人员',
      roles: ['legalOfficer'],
      statuses: ['submitted', 'reviewing'],
      fields: [{ name: 'reviewers', label: '审查人员', type: 'text', required: true }],
      effects: [{ status: 'reviewing' }],
    },
    {
      code: 'conclude',
      label: '出具合法性审查意见',
      roles: ['legalOfficer'],
      statuses: ['submitted', 'reviewing'],
      fields: [
        {
          name: 'conclusion',
          label: '审查结论',
          type: 'select',
          required: true,
          options: opts(CONCLUSION_LABELS),
        },
        { name: 'opinion', label: '审查意见', type: 'longText', required: true },
        { name: 'opinionCount', label: '法审意见条数', type: 'number', min: 0 },
      ],
      effects: [{ status: 'concluded', outcome: { field: 'conclusion' } }],
    },
    {
      code: 'withdraw',
      label: '撤回送审',
      roles: ['staff', 'leader'],
      statuses: ['submitted', 'reviewing'],
      fields: [{ name: 'reason', label: '撤回理由', type: 'longText', required: true }],
      effects: [{ status: 'withdrawn', outcome: 'withdrawn' }],
    },
  ],
  clocks: [
    {
      code: 'review',
      label: '合法性审查期限',
      unit: 'workday',
      dueField: 'dueOn',
      start: [{ action: 'submit' }],
      stop: ['conclude', 'withdraw'],
    },
  ],
  outcomes: [
    ...opts(CONCLUSION_LABELS).map((o) => ({ code: o.value, label: o.label })),
    { code: 'withdrawn', label: '撤回送审' },
  ],
};

/** Every act goes through the reviews service (it keeps the matter row and the subject case in step). */
export const LEGAL_REVIEW_MODULE_ACTIONS = ['submit', 'assign', 'conclude', 'withdraw'];
