/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const documentsAudit = {
  actions: {
    'document.draft': '起草规范性文件',
    'document.edit': '修改文件草案',
    'document.amend': '修订规范性文件（新版本）',
    'document.importDocx': '导入 Word 文稿',
    'document.openComment': '开始公开征求意见',
    'document.closeComment': '结束公开征求意见',
    'document.dispose': '处理公众意见',
    'document.publishFeedback': '公布意见采纳情况',
    'document.collectiveDecision': '集体审议决定',
    'document.assignNumber': '编发文号',
    'document.publish': '公布规范性文件',
    'document.file': '报送备案',
    'document.evaluate': '实施后评估',
    'document.expired': '有效期届满失效',
    'document.abolished': '废止规范性文件',
    'document.declaredInvalid': '宣布规范性文件失效',
    'document.cleanup.open': '启动文件清理',
    'document.cleanup.decide': '确定清理意见',
    'document.cleanup.publish': '公布清理结果',
    'filing.accept': '准予备案',
    'filing.return': '备案审查：要求纠错',
    'filing.answer': '答复纠错意见',
    'settings.documents': '修改规范性文件设置',
    'consultation.comment': '公众提交征求意见',
  },
  fields: {
    supersedes: '被替代的版本', version: '版本', registrationNumber: '登记号', effectiveOn: '施行日期', validUntil: '有效期至',
    filingId: '备案', oversight: '备案审查机关', correctionRequest: '纠错意见', answerDueOn: '答复期限', consultationId: '征求意见',
    commentId: '意见', disposition: '处理结果', commentCount: '意见数', startOn: '开始日期', endOn: '截止日期', act: '依据文件',
    conclusion: '结论', documents: '文件数', chars: '字数', articleNo: '条款', length: '字数',
  },
  entities: {
    normativeDocument: { label: '规范性文件', table: 'normative_documents', name: 'title', quoted: true },
    documentFiling: { label: '备案' },
    cleanupCampaign: { label: '文件清理', table: 'cleanup_campaigns', name: 'title' },
    consultation: { label: '公开征求意见', table: 'consultations', name: 'title', quoted: true },
  },
} as const satisfies ModuleAudit;
