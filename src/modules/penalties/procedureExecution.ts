/**
 * 行政处罚法 Art 61 and Ch. VI (执行, Arts 66–73): 送达, 执行, 事后公开 and its withdrawal (Art 48), 结案
 * and 撤销案件, as the engine's acts.
 */
import { defineActions } from '../../core/procedure/engine.ts';
import { ALL, HANDLERS, gates } from './procedureGates.ts';

/** 送达 (Art 61), 执行 (Arts 66–73), 事后公开 and its withdrawal (Art 48), 结案, 撤销案件. */
export const EXECUTION_ACTIONS = defineActions([
  {
    code: 'deliver',
    label: '送达行政处罚决定书',
    roles: HANDLERS,
    statuses: ['decided'],
    fields: [
      { name: 'method', label: '送达方式', type: 'text', required: true },
      { name: 'recipient', label: '受送达人', type: 'text', required: true },
    ],
    effects: [{ status: 'executing' }],
  },
  {
    code: 'execute',
    label: '执行完毕',
    roles: HANDLERS,
    statuses: ['executing'],
    requires: [gates.delivered],
    fields: [
      { name: 'paidAmount', label: '实缴罚没款（元）', type: 'number', min: 0 },
      { name: 'surcharge', label: '加处罚款（元）', type: 'number', min: 0 },
      { name: 'note', label: '执行情况', type: 'longText', required: true },
    ],
  },
  {
    code: 'publish',
    label: '公开行政处罚决定',
    roles: ALL,
    statuses: ['decided', 'executing'],
    requires: [gates.penaltyDecided],
    once: { message: '已公开' },
  },
  {
    code: 'exemptPublication',
    label: '不予公开（说明理由）',
    roles: ['leader'],
    statuses: ['decided', 'executing'],
    requires: [gates.penaltyDecided],
    fields: [{ name: 'reason', label: '不予公开理由', type: 'longText', required: true }],
  },
  {
    code: 'close',
    label: '结案',
    roles: HANDLERS,
    statuses: ['executing'],
    requires: [gates.executed, gates.published],
    effects: [{ status: 'closed' }],
  },
  {
    code: 'revoke',
    label: '登记决定被变更、撤销或确认违法、无效',
    roles: ['leader', 'legalOfficer'],
    statuses: ['decided', 'executing', 'closed'],
    requires: [gates.penaltyDecided],
    fields: [
      { name: 'reason', label: '理由', type: 'longText', required: true },
      { name: 'by', label: '作出机关', type: 'text', required: true },
    ],
    effects: [
      { when: { done: 'publish' }, status: 'revoked' },
      { when: { notDone: 'publish' }, status: 'revokedClosed' },
    ],
  },
  {
    code: 'withdrawPublication',
    label: '撤回已公开的处罚决定',
    roles: ALL,
    statuses: ['revoked'],
    fields: [{ name: 'reason', label: '公开说明的理由', type: 'longText', required: true }],
    effects: [{ status: 'revokedClosed' }],
  },
  {
    code: 'terminate',
    label: '撤销案件',
    roles: ['leader'],
    statuses: ['investigating', 'notified'],
    fields: [
      {
        name: 'reason',
        label: '撤案理由（不予处罚、移送司法机关等）',
        type: 'longText',
        required: true,
      },
    ],
    effects: [{ status: 'terminated', outcome: 'terminated' }],
  },
]);
