/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { SUPERVISED_TASK } from './procedure.ts';

export const supervisionAudit = {
  // Each engine act is audited as supervision.<act>.
  actions: {
    ...procedureActionLabels('supervision.', [SUPERVISED_TASK]),
    'supervision.assign': '交办督办事项',
    'supervision.escalate': '提请领导督办',
  },
  fields: { sourceKind: '来源', sourceRef: '来源编号' },
  entities: { supervisedTask: { label: '督办事项', table: 'supervised_tasks', name: 'title' } },
} as const satisfies ModuleAudit;
