/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const enforcementAudit = {
  actions: {
    'enforcement.officer.create': '登记执法人员',
    'enforcement.officer.update': '修改执法人员信息',
    'enforcement.officer.training': '登记执法培训',
    'enforcement.officer.conflict': '登记回避关系',
    'enforcement.item.create': '新增抽查事项',
    'enforcement.item.activate': '启用抽查事项',
    'enforcement.item.deactivate': '停用抽查事项',
    'enforcement.items.publish': '公开抽查事项清单',
    'enforcement.info.publish': '公开执法信息',
    'enforcement.targets.import': '导入检查对象名录',
    'enforcement.plan.create': '制定抽查计划',
    'enforcement.plan.approve': '批准抽查计划',
    'enforcement.plan.publish': '公开抽查计划',
    'enforcement.draw.commit': '抽取前锁定随机种子',
    'enforcement.draw.execute': '随机抽取检查对象',
    'enforcement.draw.cancel': '作废抽取结果',
    'enforcement.inspection.record': '记录检查结果',
    'enforcement.inspection.publish': '公开检查结果',
    'enforcement.settings': '修改行政执法设置',
  },
  fields: {
    certificateNo: '执法证号', hours: '学时', ratio: '抽查比例', planId: '抽查计划', commitment: '承诺值', seed: '随机种子',
    snapshotHash: '名录快照摘要', drawn: '抽中数', imported: '导入数', file: '文件', inspectedOn: '检查日期', endedOn: '结束日期',
    publishDue: '公开期限', result: '检查结果',
  },
  entities: {
    officer: { label: '执法人员', table: 'enforcement_officers', name: 'name' },
    enforcementItem: { label: '抽查事项', table: 'enforcement_items', name: 'name' },
    inspectionPlan: { label: '抽查计划', table: 'enforcement_plans', name: 'name' },
    inspectionDraw: { label: '随机抽取' },
    inspection: { label: '检查' },
    enforcementDisclosure: { label: '执法信息公开' },
    enforcementTargetPool: { label: '检查对象名录' },
  },
} as const satisfies ModuleAudit;
