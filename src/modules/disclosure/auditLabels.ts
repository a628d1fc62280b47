/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import { procedureActionLabels, type ModuleAudit } from '../../core/audit/labels.ts';
import { DISCLOSURE_REQUEST } from './procedure.ts';

export const disclosureAudit = {
  actions: {
    // The approvals (延长答复期限, 审签) are audited as disclosure.request.<act> (requests/approvals.ts).
    ...procedureActionLabels('disclosure.request.', [DISCLOSURE_REQUEST]),
    'publication.publish': '主动公开信息',
    'publication.validity': '变更公开信息有效性',
    'publication.withdraw': '撤回公开信息',
    'publication.review.request': '提请保密审查',
    'publication.review.pass': '保密审查通过并公开',
    'publication.review.return': '保密审查退回',
    'secrecyReview.request': '提请保密审查',
    'secrecyReview.pass': '保密审查通过',
    'secrecyReview.return': '保密审查退回',
    'disclosure.guide.update': '修改政府信息公开指南',
    'disclosure.report.save': '保存政府信息公开年度报告',
    'disclosure.report.submit': '报送政府信息公开年度报告',
    'disclosure.report.publish': '公布政府信息公开年度报告',
    'disclosure.request.receive': '登记依申请公开',
    'disclosure.request.answer': '作出答复',
    // Named here too (the procedure's labels), so auditRecorder types the approval acts' codes.
    'disclosure.request.extendRequest': '申请延长答复期限',
    'disclosure.request.extend': '同意延长答复期限',
    'disclosure.request.extendRefuse': '不同意延长答复期限',
    'disclosure.request.answerDraft': '拟定答复并提请审签',
    'disclosure.request.answerReturn': '退回修改答复',
    'disclosure.request.feeNotice': '发出收费通知',
    'disclosure.request.deliver': '送达答复',
    'disclosure.request.attachFiles': '附上答复材料',
    'disclosure.request.supplement': '申请人补正',
    'settings.disclosureClassifications': '修改信息公开分类',
    'disclosure.settings.approval': '修改依申请公开审批角色',
  },
  fields: {
    formedOn: '形成日期',
    publishedVia: '公开途径',
    confidentialityReview: '保密审查',
    reviewerId: '保密审查人',
    requestedBy: '起草人',
    validity: '有效性',
    column: '栏目',
    incomplete: '待补正事项',
    fields: '补正事项',
    officeName: '机构名称',
    hours: '办公时间',
    fax: '传真',
    postcode: '邮编',
    onlineContact: '网上联系方式',
    updatedOn: '更新日期',
    quote: '收费金额',
  },
  entities: {
    publication: { label: '公开信息', table: 'publications', name: 'title', quoted: true },
    publicationRequest: {
      label: '待保密审查的公开信息',
      table: 'publication_requests',
      name: 'title',
      quoted: true,
    },
    disclosureRequest: { label: '依申请公开', table: 'disclosure_requests', name: 'tracking_code' },
    disclosureReport: {
      label: '政府信息公开年度报告',
      table: 'disclosure_reports',
      name: 'year',
      suffix: '年度',
    },
    disclosureGuide: { label: '政府信息公开指南' },
    // A case of any module whose procedure carries the 保密审查 (secrecyReview.ts).
    secrecyReview: { label: '保密审查事项', table: 'cases', name: 'title', quoted: true },
  },
} as const satisfies ModuleAudit;
