/**
 * 督办 as data (GLOSSARY SupervisedTask): a task with its deadline (set when assigned; adjusted only by a
 * leader with the reason), progress reports and closure. An overdue task is escalated by the sweep: the
 * `escalated` step opens for the department's leaders (their 工作台 / 我的待办 and notifications).
 */
import { defineProcedure } from '../../core/procedure/engine.ts';

export const SOURCE_LABELS = {
  workPlan: '年度工作要点',
  instruction: '领导批示',
  inspection: '巡察反馈问题',
  superior: '上级交办',
} as const;
export type SourceKind = keyof typeof SOURCE_LABELS;
const HANDLERS = ['staff', 'leader'];

export const SUPERVISED_TASK = defineProcedure({
  code: 'supervisedTask',
  label: '督办事项',
  statuses: [
    { code: 'open', label: '办理中' },
    { code: 'closed', label: '已办结', final: true },
  ],
  initialStatus: 'open',
  roleLabels: { staff: '责任科室', leader: '局领导' },
  steps: [
    {
      code: 'handle',
      label: '办理督办事项',
      roles: HANDLERS,
      open: { status: 'open' },
      clock: 'task',
    },
    {
      code: 'escalated',
      label: '督办事项逾期未办结（提请领导督办）',
      roles: ['leader'],
      open: { all: [{ status: 'open' }, { latest: ['escalate', 'adjustDue'], is: 'escalate' }] },
      clock: 'task',
    },
  ],
  actions: [
    {
      code: 'assign',
      label: '交办督办事项',
      roles: HANDLERS,
      statuses: ['open'],
      once: { message: '已经交办' },
      fields: [
        {
          name: 'sourceKind',
          label: '督办来源',
          type: 'select',
          required: true,
          options: Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label })),
        },
        { name: 'dueOn', label: '办结期限', type: 'date', required: true },
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'dueOn' },
          min: { count: 0, unit: 'day' },
          code: 'due_before_assign',
          message: '办结期限不能早于交办日期',
        },
      ],
    },
    {
      code: 'progress',
      label: '报送进展情况',
      roles: HANDLERS,
      statuses: ['open'],
      fields: [
        {
          name: 'percent',
          label: '完成进度（%）',
          type: 'number',
          required: true,
          min: 0,
          max: 100,
        },
      ],
    },
    {
      code: 'adjustDue',
      label: '调整办结期限',
      roles: ['leader'],
      statuses: ['open'],
      fields: [
        { name: 'dueOn', label: '新的办结期限', type: 'date', required: true },
        { name: 'reason', label: '调整理由', type: 'longText', required: true },
      ],
    },
    { code: 'escalate', label: '逾期提请领导督办', roles: ['leader'], statuses: ['open'] },
    {
      code: 'close',
      label: '办结',
      roles: HANDLERS,
      statuses: ['open'],
      effects: [{ status: 'closed', outcome: 'closed' }],
    },
  ],
  clocks: [
    {
      code: 'task',
      label: '办结期限',
      unit: 'day',
      dueField: 'dueOn',
      start: [{ action: 'assign' }],
      stop: ['close'],
      override: { action: 'adjustDue', dateField: 'dueOn', reasonField: 'reason' },
    },
  ],
  outcomes: [{ code: 'closed', label: '已办结' }],
});

export const SUPERVISED_TASK_MODULE_ACTIONS = [
  'assign',
  'progress',
  'adjustDue',
  'escalate',
  'close',
];
