/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { PENALTY_CASE } from './procedure.ts';
import { PENALTY_SUMMARY } from './procedureSummary.ts';

export const penaltiesAudit = {
  actions: {
    // Plain engine acts are audited as penalty.<act> (acts.ts).
    ...procedureActionLabels('penalty.', [PENALTY_CASE, PENALTY_SUMMARY]),
    'penalty.open': '立案',
    'penalty.assignOfficers': '指定执法人员',
    'penalty.attachFile': '归入全过程记录',
    'penalty.withdrawPublication': '撤回处罚决定公开',
    'penalty.settings': '修改行政处罚设置',
    'penalty.statisticsPublish': '公开年度行政执法统计',
  },
  fields: {
    actOn: '违法行为日期',
    discoveredOn: '发现日期',
    inspectionRecordId: '检查记录',
    limitationEnd: '追责期限',
    officerIds: '执法人员',
    partyKind: '当事人类别',
    decisionNo: '决定书文号',
    outsideRange: '超出裁量基准',
    penalty: '处罚',
    reconsiderationBody: '复议机关',
    recipient: '受送达人',
    paidAmount: '缴纳金额',
    surcharge: '加处罚款',
    hearingEligible: '可申请听证',
    statementUntil: '陈述申辩期限',
  },
  entities: {
    penaltyCase: { label: '行政处罚案件', table: 'penalty_cases', name: 'case_no' },
    enforcementStatistics: {
      label: '年度行政执法统计',
      table: 'enforcement_statistics',
      name: 'year',
      suffix: '年度',
    },
  },
} as const satisfies ModuleAudit;
