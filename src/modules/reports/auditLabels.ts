/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const reportsAudit = {
  actions: {
    'reports.generate': '生成法治政府建设年度报告初稿',
    'reports.save': '保存年度报告',
    'reports.revise': '修订年度报告',
    'reports.review': '保密审查',
    'reports.approve': '审定年度报告',
    'reports.submit': '报送年度报告',
    'reports.publish': '公开年度报告',
    'reports.template': '修改年度报告章节设置',
    'reportImport.create': '导入外单位年度报告',
    'reportImport.correct': '更正导入报告的单位或年度',
  },
  fields: {
    facts: '数据项',
    origin: '来源',
    departmentId: '部门',
    fileName: '文件名',
    format: '格式',
    encoding: '编码',
    orgName: '单位',
    partsMissing: '缺少的部分',
  },
  entities: {
    ruleOfLawReport: {
      label: '法治政府建设年度报告',
      table: 'rule_of_law_reports',
      name: 'year',
      suffix: '年度',
    },
    reportImport: { label: '导入的年度报告', table: 'report_imports', name: 'title', quoted: true },
  },
} as const satisfies ModuleAudit;
