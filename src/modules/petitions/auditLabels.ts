/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { PETITION } from './procedure.ts';

export const petitionsAudit = {
  // Each engine act is audited as petition.<act>.
  actions: {
    ...procedureActionLabels('petition.', [PETITION]),
    'petition.register': '登记信访事项',
  },
  fields: {
    number: '编号',
    sourceRef: '来源编号',
    noticeOn: '告知日期',
    accusedOrgId: '被反映单位',
    handlerIds: '承办人',
    opinionBasis: '依据',
    opinionFacts: '事实',
    opinionText: '处理意见',
  },
  entities: { petition: { label: '信访事项', table: 'petitions', name: 'number' } },
} as const satisfies ModuleAudit;
