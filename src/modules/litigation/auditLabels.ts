/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { LAWSUIT } from './procedureLawsuit.ts';
import { RECONSIDERATION } from './procedure.ts';

export const litigationAudit = {
  // Each engine act is audited as litigation.<act>.
  actions: {
    ...procedureActionLabels('litigation.', [RECONSIDERATION, LAWSUIT]),
    'litigation.register': '登记复议或诉讼案件',
  },
  fields: { caseNo: '案号', receivedOn: '收到日期' },
  entities: {
    litigationCase: { label: '复议应诉案件', table: 'litigation_cases', name: 'case_no' },
  },
} as const satisfies ModuleAudit;
