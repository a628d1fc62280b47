/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { HOTLINE_TICKET } from './procedure.ts';

export const hotlineAudit = {
  actions: {
    // Each engine act is audited as hotline.ticket.<act> (service.ts).
    ...procedureActionLabels('hotline.ticket.', [HOTLINE_TICKET]),
    'hotline.ticket.import': '批量导入工单',
    'hotline.ticket.receive': '接收工单',
    'hotline.ticket.convert': '工单转办',
    'hotline.ticket.publish': '公开网民留言答复',
    'hotline.token.create': '新建接口令牌',
    'hotline.token.revoke': '吊销接口令牌',
    'hotline.rating.record': '记录好差评',
    'hotline.settings.change': '修改热线办理时限',
  },
  fields: {
    ticketNo: '工单编号',
    ticketNos: '工单编号',
    coOrgNames: '协办单位',
    orgName: '承办单位',
    satisfaction: '满意度',
    score: '评分',
    target: '转为',
    targetId: '转办后的事项',
    label: '名称',
    module: '业务模块',
  },
  entities: {
    hotlineTicket: { label: '热线工单', table: 'hotline_tickets', name: 'ticket_no' },
    hotlineImport: { label: '工单导入' },
    hotlineToken: { label: '接口令牌', table: 'hotline_tokens', name: 'label' },
  },
} as const satisfies ModuleAudit;
