/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { MAJOR_DECISION } from './procedure.ts';

export const decisionsAudit = {
  actions: {
    // Each engine act is audited as decision.<act> with its evidence (evidence.ts).
    ...procedureActionLabels('decision.', [MAJOR_DECISION]),
    'decision.start': '启动重大行政决策',
    'decision.dispose': '处理公众意见',
    'decision.publishFeedback': '公布意见采纳情况',
    'decision.addEvidence': '补充过程材料',
    'decision.correctEvidence': '更正过程材料',
    'decision.abandoned': '决策终止',
    'decision.superseded': '决策被调整后的决策替代',
    'decision.revisionResult': '记录调整结果',
    'decisionCatalogue.create': '编制决策事项目录',
    'decisionCatalogue.addItem': '目录增加事项',
    'decisionCatalogue.updateItem': '修改目录事项',
    'decisionCatalogue.deleteItem': '删除目录事项',
    'decisionCatalogue.approve': '目录经审定同意',
    'decisionCatalogue.publish': '公布决策事项目录',
    'decisionCatalogue.approveAdjustment': '目录调整经同意',
    'decisionCatalogue.adjust': '调整决策事项目录',
  },
  fields: {
    caseEventSeq: '办理环节序号',
    inCatalogue: '列入目录',
    revisionOf: '调整的原决策',
    itemId: '目录事项',
    approvalRef: '审定文号',
    approvedBy: '审定机关',
    approvedOn: '审定日期',
    adjustmentId: '调整',
    commentId: '意见',
    disposition: '处理结果',
  },
  entities: {
    majorDecision: { label: '重大行政决策', table: 'major_decisions', name: 'title', quoted: true },
    decisionCatalogue: {
      label: '决策事项目录',
      table: 'decision_catalogues',
      name: 'title',
      quoted: true,
    },
  },
} as const satisfies ModuleAudit;
