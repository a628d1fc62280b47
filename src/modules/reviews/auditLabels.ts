/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const reviewsAudit = {
  actions: {
    'review.submit': '提请合法性审查',
    'review.materials': '补充审查材料',
    'review.assign': '分派审查人员',
    'review.opinion': '提出审查意见',
    'review.adoption': '记录意见采纳情况',
    'review.conclude': '作出审查结论',
    'review.withdraw': '撤回审查申请',
    'legalAdvisor.create': '登记法律顾问',
    'legalAdvisor.update': '修改法律顾问信息',
    'settings.reviews': '修改合法性审查设置',
  },
  fields: {
    subjectCaseId: '审查对象',
    requestedBy: '提请人',
    advisorIds: '法律顾问',
    added: '新增人员',
    opinionId: '审查意见',
    adoption: '采纳情况',
    opinionCount: '意见数',
    conclusion: '结论',
    affiliation: '所在单位',
    licenceNumber: '执业证号',
    termStart: '聘期开始',
    termEnd: '聘期结束',
  },
  entities: {
    reviewMatter: { label: '合法性审查', table: 'review_matters', name: 'title', quoted: true },
    legalAdvisor: { label: '法律顾问', table: 'legal_advisors', name: 'name' },
  },
} as const satisfies ModuleAudit;
