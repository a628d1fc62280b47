/**
 * Two small procedures on the shared engine, so that 我的待办, reminders and overdue marking come from
 * the case machinery:
 * - 抽查结果公示: after an inspection's result is recorded, the result is to be published within 20个工作日
 *   of the inspection's end (RULES §8.3 “谁检查、谁录入、谁公开”; 20 工作日 [M], a department setting).
 *   The service computes the due date and the clock reads it from the record act (`dueOn`).
 * - 执法证换证: a certificate that expires within the notice days (default 60) opens a reminder for the
 *   legal office, due on the expiry date; renewing or closing the certificate stops it.
 */
import type { ProcedureDef } from '../../core/procedure/engine.ts';

export const INSPECTION_PUBLICATION: ProcedureDef = {
  code: 'inspectionPublication',
  label: '抽查结果公示',
  statuses: [
    { code: 'new', label: '待录入' },
    { code: 'recorded', label: '待公示' },
    { code: 'published', label: '已公示', final: true },
  ],
  initialStatus: 'new',
  roleLabels: {
    staff: '业务科室工作人员',
    officer: '执法人员',
    legalOfficer: '法制审核人员',
    leader: '局领导',
  },
  steps: [
    {
      code: 'publishResult',
      label: '公示抽查结果',
      roles: ['staff', 'officer', 'legalOfficer', 'leader'],
      open: { status: 'recorded' },
      clock: 'publish',
    },
  ],
  actions: [
    {
      code: 'record',
      label: '录入检查结果',
      roles: ['staff', 'officer', 'legalOfficer', 'leader'],
      statuses: ['new'],
      fields: [
        { name: 'endedOn', label: '检查结束日期', type: 'date', required: true },
        { name: 'dueOn', label: '公示期限', type: 'date', required: true },
        { name: 'result', label: '检查结果', type: 'text', required: true },
      ],
      effects: [{ status: 'recorded' }],
    },
    {
      code: 'publish',
      label: '公示抽查结果',
      roles: ['staff', 'officer', 'legalOfficer', 'leader'],
      statuses: ['recorded'],
      fields: [],
      effects: [{ status: 'published', outcome: 'published' }],
    },
  ],
  clocks: [
    {
      code: 'publish',
      label: '抽查结果公示期限',
      unit: 'workday',
      dueField: 'dueOn',
      legalBasis: '“双随机、一公开”：检查结束之日起20个工作日内公示',
      start: [{ action: 'record' }],
      stop: ['publish'],
    },
  ],
  outcomes: [{ code: 'published', label: '已公示' }],
};

export const CERTIFICATE_RENEWAL: ProcedureDef = {
  code: 'certificateRenewal',
  label: '执法证到期换证',
  statuses: [
    { code: 'new', label: '新建' },
    { code: 'expiring', label: '即将到期' },
    { code: 'closed', label: '已处理', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { legalOfficer: '法制审核人员' },
  steps: [
    {
      code: 'renew',
      label: '办理执法证换证',
      roles: ['legalOfficer'],
      open: { status: 'expiring' },
      clock: 'expiry',
    },
  ],
  actions: [
    {
      code: 'flag',
      label: '执法证即将到期',
      roles: ['legalOfficer'],
      statuses: ['new'],
      fields: [
        { name: 'officerId', label: '执法人员', type: 'text', required: true },
        { name: 'dueOn', label: '执法证有效期至', type: 'date', required: true },
      ],
      effects: [{ status: 'expiring' }],
    },
    {
      code: 'close',
      label: '已换证或已注销',
      roles: ['legalOfficer'],
      statuses: ['expiring'],
      fields: [{ name: 'validTo', label: '新的有效期至', type: 'text' }],
      effects: [{ status: 'closed', outcome: 'closed' }],
    },
  ],
  clocks: [
    {
      code: 'expiry',
      label: '执法证有效期',
      unit: 'day',
      dueField: 'dueOn',
      start: [{ action: 'flag' }],
      stop: ['close'],
    },
  ],
  outcomes: [{ code: 'closed', label: '已处理' }],
};

export const MODULE_ACTIONS = {
  inspectionPublication: ['record', 'publish'],
  certificateRenewal: ['flag', 'close'],
};
