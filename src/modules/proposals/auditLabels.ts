/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { PROPOSAL } from './procedure.ts';

export const proposalsAudit = {
  // Each engine act is audited as proposal.<act>.
  actions: {
    ...procedureActionLabels('proposal.', [PROPOSAL]),
    'proposal.assign': '交办建议提案',
    'proposal.coOpinion': '协办单位提出意见',
    'proposal.publish': '公开答复',
  },
  fields: {
    coOrgIds: '协办单位',
    contactMethod: '沟通方式',
    contactNote: '沟通情况',
    contactedOn: '沟通日期',
    repliedOn: '答复日期',
    replyText: '答复内容',
    resultCode: '办理结果',
  },
  entities: { proposal: { label: '建议提案', table: 'proposals', name: 'title', quoted: true } },
} as const satisfies ModuleAudit;
