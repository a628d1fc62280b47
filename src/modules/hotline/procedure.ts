/**
 * A 12345 ticket or 网民留言 (HotlineTicket) as data: 国办发〔2020〕53号 (受理、派单、办理、回复、督办、办结、
 * 回访、评价) and the 2025 意见 (派单异议/退单, 并单, conversion to legal routes), RULES §7.2. The deadlines are
 * provincial ([V-loc]: 广东 咨询 2 WD, 求助/建议 10 WD, 投诉/举报 15 WD), so the service computes them from the
 * configured table (settings.ts) — or takes the platform's own — and puts them on the receiving act.
 */
import type { ProcedureDef } from '../../core/procedure/engine.ts';
import { CHANNELS, KINDS, SATISFACTION } from './labels.ts';

const BASIS = '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）';
const BASIS_2025 = '《国务院办公厅关于进一步规范和提升12345热线服务的意见》（2025年）';
const HANDLERS = ['staff', 'leader'];

/** Acts only the module's services record (they change its records or apply its handler rule): all of them. */
export const HOTLINE_MODULE_ACTIONS = [
  'receive',
  'sign',
  'dispute',
  'assign',
  'requestExtension',
  'approveExtension',
  'reply',
  'visit',
  'reopen',
  'merge',
  'convert',
];

export const HOTLINE_TICKET: ProcedureDef = {
  code: 'hotlineTicket',
  label: '12345热线工单',
  statuses: [
    { code: 'new', label: '新建' },
    { code: 'received', label: '待签收' },
    { code: 'handling', label: '办理中' },
    { code: 'replied', label: '已答复待回访' },
    // Not final for the engine: 重新办理 after 不满意 must stay possible (the ticket's closed_on marks closure).
    { code: 'closed', label: '已办结' },
    { code: 'disputed', label: '已退单', final: true },
    { code: 'merged', label: '已并单', final: true },
    { code: 'converted', label: '已转其他程序', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { staff: '工作人员', leader: '领导' },
  clocks: [
    {
      code: 'handle',
      label: '办理时限',
      unit: 'workday',
      dueField: 'dueOn',
      legalBasis: BASIS,
      start: [{ action: 'receive' }],
      restart: [{ action: 'reopen', note: '回访不满意，重新办理' }],
      stop: ['reply', 'dispute', 'merge', 'convert'],
      override: { action: 'approveExtension', dateField: 'dueOn', reasonField: 'reason' },
    },
    {
      code: 'sign',
      label: '签收时限',
      unit: 'workday',
      dueField: 'signBy',
      legalBasis: BASIS,
      start: [{ action: 'receive' }],
      stop: ['sign', 'dispute', 'merge', 'convert'],
    },
    // 2025 意见: 派单异议 within the window the platform sets; after it the ticket must be handled.
    {
      code: 'disputeWindow',
      label: '派单异议期限',
      unit: 'workday',
      dueField: 'disputeBy',
      window: true,
      legalBasis: BASIS_2025,
      start: [{ action: 'receive' }],
      stop: ['dispute'],
    },
  ],
  steps: [
    {
      code: 'sign',
      label: '签收工单',
      roles: ['staff'],
      open: { status: 'received' },
      clock: 'sign',
    },
    {
      code: 'handle',
      label: '办理并答复',
      roles: ['staff'],
      open: { status: 'handling' },
      clock: 'handle',
    },
    {
      code: 'approveExtension',
      label: '审批延期申请',
      roles: ['leader'],
      open: {
        all: [
          { status: 'handling' },
          { latest: ['requestExtension', 'approveExtension'], is: 'requestExtension' },
        ],
      },
    },
    { code: 'visit', label: '登记回访结果', roles: ['staff'], open: { status: 'replied' } },
  ],
  actions: [
    {
      code: 'receive',
      label: '接收工单',
      roles: HANDLERS,
      statuses: ['new'],
      fields: [
        { name: 'ticketNo', label: '工单编号', type: 'text', required: true },
        {
          name: 'channel',
          label: '来源渠道',
          type: 'select',
          required: true,
          options: [...CHANNELS],
        },
        { name: 'kind', label: '诉求类型', type: 'select', required: true, options: [...KINDS] },
        { name: 'dueOn', label: '办理时限', type: 'date', required: true },
        { name: 'signBy', label: '签收时限', type: 'date', required: true },
        { name: 'disputeBy', label: '派单异议期限', type: 'date', required: true },
      ],
      effects: [{ status: 'received' }],
    },
    {
      code: 'sign',
      label: '签收',
      roles: HANDLERS,
      statuses: ['received'],
      effects: [{ status: 'handling' }],
    },
    {
      code: 'dispute',
      label: '退单（派单异议）',
      roles: HANDLERS,
      statuses: ['received', 'handling'],
      within: {
        clock: 'disputeWindow',
        message:
          '已超过派单异议期限，不能退单，请按时办理（《国务院办公厅关于进一步规范和提升12345热线服务的意见》）',
      },
      fields: [{ name: 'reason', label: '退单理由', type: 'longText', required: true }],
      effects: [{ status: 'disputed' }],
    },
    {
      code: 'assign',
      label: '交办科室',
      roles: HANDLERS,
      statuses: ['received', 'handling'],
      fields: [
        { name: 'orgName', label: '主办科室', type: 'text', required: true },
        { name: 'coOrgNames', label: '协办科室', type: 'text' },
      ],
    },
    {
      code: 'requestExtension',
      label: '申请延期',
      roles: HANDLERS,
      statuses: ['handling'],
      requires: [
        {
          when: {
            not: { latest: ['requestExtension', 'approveExtension'], is: 'requestExtension' },
          },
          code: 'extension_pending',
          message: '已有待审批的延期申请',
        },
      ],
      fields: [
        { name: 'dueOn', label: '申请延长至', type: 'date', required: true },
        { name: 'reason', label: '延期理由', type: 'longText', required: true },
      ],
    },
    {
      code: 'approveExtension',
      label: '审批延期',
      roles: ['leader'],
      statuses: ['handling'],
      requires: [
        {
          when: { latest: ['requestExtension', 'approveExtension'], is: 'requestExtension' },
          code: 'no_extension_request',
          message: '没有待审批的延期申请',
        },
      ],
      fields: [
        {
          name: 'decision',
          label: '审批意见',
          type: 'select',
          required: true,
          options: [
            { value: 'approved', label: '同意' },
            { value: 'rejected', label: '不同意' },
          ],
        },
        {
          name: 'dueOn',
          label: '延长至',
          type: 'date',
          requiredWhen: { data: 'decision', eq: 'approved' },
        },
        { name: 'reason', label: '延期理由', type: 'longText' },
      ],
    },
    {
      code: 'reply',
      label: '答复',
      roles: HANDLERS,
      statuses: ['handling'],
      fields: [{ name: 'summary', label: '答复摘要', type: 'longText', required: true }],
      effects: [{ status: 'replied' }],
    },
    {
      code: 'visit',
      label: '登记回访结果',
      roles: HANDLERS,
      statuses: ['replied'],
      fields: [
        {
          name: 'satisfaction',
          label: '满意度',
          type: 'select',
          required: true,
          options: [...SATISFACTION],
        },
        { name: 'note', label: '回访情况', type: 'longText' },
      ],
      effects: [{ status: 'closed', outcome: { field: 'satisfaction' } }],
    },
    {
      code: 'reopen',
      label: '重新办理',
      roles: HANDLERS,
      statuses: ['closed'],
      requires: [
        {
          when: { last: 'visit', field: 'satisfaction', eq: 'unsatisfied' },
          code: 'not_unsatisfied',
          message: '只有回访结果为"不满意"的工单才能重新办理',
        },
      ],
      fields: [
        { name: 'reason', label: '重新办理原因', type: 'longText', required: true },
        { name: 'dueOn', label: '办理时限', type: 'date', required: true },
      ],
      effects: [{ status: 'handling' }],
    },
    {
      code: 'merge',
      label: '并单',
      roles: HANDLERS,
      statuses: ['received', 'handling'],
      fields: [{ name: 'intoTicketNo', label: '并入工单编号', type: 'text', required: true }],
      effects: [{ status: 'merged' }],
    },
    {
      code: 'convert',
      label: '转其他程序办理',
      roles: HANDLERS,
      statuses: ['received', 'handling'],
      fields: [
        {
          name: 'target',
          label: '转入程序',
          type: 'select',
          required: true,
          options: [
            { value: 'disclosure', label: '政府信息公开申请' },
            { value: 'petition', label: '信访事项' },
          ],
        },
      ],
      effects: [{ status: 'converted', outcome: { field: 'target' } }],
    },
  ],
  outcomes: [
    ...SATISFACTION.map((s) => ({ code: s.value, label: s.label })),
    { code: 'disclosure', label: '转政府信息公开申请' },
    { code: 'petition', label: '转信访事项' },
  ],
};
