/** 行政处罚法 Ch. V §1–§2 (Arts 54–56): 立案 and 调查取证, as the engine's acts. */
import { defineActions } from '../../core/procedure/engine.ts';
import { HANDLERS, gates } from './procedureGates.ts';

/** 立案 and 调查取证 (Arts 54–56; ≥ 2 officers, Art 42; 先行登记保存 decided within 7 工作日). */
export const INVESTIGATION_ACTIONS = defineActions([
  {
    code: 'open',
    label: '立案',
    roles: HANDLERS,
    statuses: ['new'],
    fields: [
      { name: 'partyName', label: '当事人', type: 'text', required: true },
      { name: 'actOn', label: '违法行为发生（终了）日期', type: 'date', required: true },
      { name: 'discoveredOn', label: '发现日期', type: 'date', required: true },
      { name: 'major', label: '重大执法决定（情节复杂或者重大违法行为）', type: 'boolean' },
      { name: 'approvedBy', label: '立案审批人', type: 'text', requiredUnlessRole: ['leader'] },
    ],
    // The discovery lies within the limitation period (Art 36; the service computes limitationEnd).
    dateRules: [
      {
        from: { field: 'discoveredOn' },
        to: { field: 'limitationEnd' },
        min: { count: 0, unit: 'day' },
        code: 'limitation',
        message: '违法行为已超过行政处罚法第三十六条规定的追责期限，不再给予行政处罚',
      },
    ],
    effects: [{ status: 'investigating' }],
  },
  {
    code: 'assignOfficers',
    label: '指派执法人员',
    roles: ['leader', 'staff', 'officer'],
    statuses: ['investigating', 'notified'],
    fields: [
      { name: 'officerCount', label: '执法人员人数', type: 'number', required: true, min: 2 },
    ],
  },
  {
    code: 'classify',
    label: '认定重大执法决定',
    roles: ['leader', 'legalOfficer'],
    statuses: ['investigating', 'notified'],
    fields: [
      { name: 'major', label: '重大执法决定', type: 'boolean', required: true },
      { name: 'reason', label: '理由', type: 'longText', required: true },
    ],
  },
  {
    code: 'collectEvidence',
    label: '调查取证',
    roles: HANDLERS,
    statuses: ['investigating', 'notified'],
    requires: [gates.officers],
    fields: [{ name: 'summary', label: '取证情况', type: 'longText', required: true }],
  },
  {
    code: 'preserveEvidence',
    label: '先行登记保存',
    roles: HANDLERS,
    statuses: ['investigating'],
    requires: [gates.officers],
    fields: [
      { name: 'items', label: '保存物品', type: 'longText', required: true },
      { name: 'approvedBy', label: '批准负责人', type: 'text', required: true },
    ],
  },
  {
    code: 'decidePreservation',
    label: '先行登记保存处理决定',
    roles: HANDLERS,
    statuses: ['investigating', 'notified'],
    requires: [
      {
        when: { clock: 'preservation', state: 'running' },
        code: 'no_preservation',
        message: '没有待处理的先行登记保存',
      },
    ],
    fields: [{ name: 'measure', label: '处理措施', type: 'longText', required: true }],
  },
]);
