/**
 * The acts of drafting a 行政规范性文件 (RULES §2.3 steps 1–5): 起草, 公开征求意见 (or the recorded
 * 依法需要保密 exemption), 公平竞争审查, 合法性审核 and 集体审议.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import type { DocumentProcedureSettings } from './procedureSettings.ts';
import { date, sized, text, yes } from '../../core/procedure/fields.ts';
import { adopted, gates, market, opts, reviewConcluded, reviewRunning } from './procedureGates.ts';

/** The 起草 act's fields that the 起草 form asks too (forms.ts DRAFT_FORM), declared once. */
export const DRAFT_TITLE = sized(text('title', '文件名称', true), 200, 4);
export const CONCERNS_MARKET = yes(
  'concernsMarket',
  '是否涉及市场主体生产经营活动',
  '涉及的，征求意见不少于30日并须经公平竞争审查',
);

/**
 * 公开征求意见's fields, declared once: the act's, and the document page's form that opens the period
 * (forms.ts, POST /api/documents/:id/comment/open) derives its body from them.
 */
export const OPEN_COMMENT_FIELDS = [
  date('startOn', '征求意见开始日期'),
  { ...date('endOn', '征求意见截止日期'), help: '一般不少于7个工作日；涉及市场主体的不少于30日' },
  sized(text('channel', '发布渠道', false, '如：政府网站意见征集栏目'), 200),
];

export function draftingActions(s: DocumentProcedureSettings): ActionDef[] {
  return [
    {
      code: 'draft',
      label: '起草',
      roles: ['staff'],
      statuses: ['new'],
      fields: [
        DRAFT_TITLE,
        CONCERNS_MARKET,
        { name: 'assessment', label: '评估论证情况', type: 'longText' },
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      code: 'openComment',
      label: '公开征求意见',
      roles: ['staff'],
      statuses: ['drafting'],
      requires: [
        {
          when: { notDone: 'exemptComment' },
          code: 'comment_exempted',
          message: '已记录依法需要保密、不公开征求意见的理由',
        },
        {
          when: { not: { clock: 'consultation', state: 'running' } },
          code: 'comment_running',
          message: '公开征求意见正在进行中',
        },
      ],
      fields: [...OPEN_COMMENT_FIELDS],
      dateRules: [
        {
          from: { field: 'startOn' },
          to: { field: 'endOn' },
          min: { count: s.commentMinWorkdays, unit: 'workday' },
          when: { not: market },
          code: 'comment_too_short',
          message: `公开征求意见期限一般不少于${s.commentMinWorkdays}个工作日（法治政府建设示范指标体系）`,
        },
        {
          from: { field: 'startOn' },
          to: { field: 'endOn' },
          min: { count: s.marketCommentMinDays, unit: 'day' },
          when: market,
          code: 'comment_too_short',
          message: `与市场主体生产经营活动密切相关的文件，征求意见期限一般不少于${s.marketCommentMinDays}日（优化营商环境条例第六十二条）`,
        },
      ],
    },
    {
      code: 'closeComment',
      label: '结束征求意见并汇总',
      roles: ['staff'],
      requires: [
        {
          when: { clock: 'consultation', state: 'running' },
          code: 'no_comment_running',
          message: '没有正在进行的公开征求意见',
        },
      ],
      fields: [
        { name: 'commentCount', label: '收到意见条数', type: 'number', required: true, min: 0 },
        { name: 'adoptionSummary', label: '意见采纳情况', type: 'longText' },
      ],
      dateRules: [
        {
          from: { action: 'openComment', field: 'endOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'comment_period_running',
          message: '征求意见期限尚未届满，不能结束征求意见',
        },
      ],
    },
    {
      code: 'exemptComment',
      label: '依法需要保密，不公开征求意见',
      roles: ['staff', 'leader'],
      statuses: ['drafting'],
      requires: [
        {
          when: { notDone: 'openComment' },
          code: 'comment_started',
          message: '已公开征求意见，无需记录免于征求意见的理由',
        },
      ],
      once: { message: '已记录不公开征求意见的理由' },
      fields: [
        {
          name: 'reason',
          label: '依法需要保密的理由',
          type: 'longText',
          required: true,
          help: '仅限依法需要保密的情形（国办发〔2018〕37号）',
        },
        { name: 'approver', label: '批准人', type: 'text', requiredUnlessRole: ['leader'] },
      ],
    },
    {
      code: 'fairCompetitionReview',
      label: '公平竞争审查',
      roles: ['staff', 'legalOfficer'],
      statuses: ['drafting'],
      requires: [
        {
          when: market,
          code: 'not_market',
          message: '文件不涉及市场主体经济活动，无需公平竞争审查',
        },
        gates.commentDone,
      ],
      fields: [
        {
          name: 'conclusion',
          label: '审查结论',
          type: 'select',
          required: true,
          options: opts(
            ['pass', '符合公平竞争审查标准'],
            ['passAfterRevision', '修改后符合公平竞争审查标准'],
            ['fail', '不符合公平竞争审查标准'],
          ),
        },
        { name: 'opinion', label: '审查意见', type: 'longText' },
      ],
    },
    {
      code: 'submitLegalReview',
      label: '提交合法性审核',
      roles: ['staff'],
      statuses: ['drafting'],
      requires: [
        gates.commentDone,
        gates.fairReview,
        { when: { not: reviewRunning }, code: 'review_running', message: '合法性审核正在进行中' },
        { when: { not: adopted }, code: 'already_adopted', message: '文件已经集体审议通过' },
      ],
      fields: [{ name: 'materials', label: '送审材料', type: 'longText' }],
    },
    {
      code: 'concludeLegalReview',
      label: '出具合法性审核意见',
      roles: ['legalOfficer'],
      requires: [{ when: reviewRunning, code: 'no_review_pending', message: '没有待审核的送审稿' }],
      fields: [
        {
          name: 'conclusion',
          label: '审核结论',
          type: 'select',
          required: true,
          options: opts(
            ['lawful', '合法'],
            ['lawfulAfterRevision', '修改后合法'],
            ['unlawful', '不合法'],
          ),
        },
        { name: 'opinion', label: '审核意见', type: 'longText', required: true },
        // Recorded by the legal office's review queue (modules/reviews) with the reviewed matter.
        { name: 'matterId', label: '审查事项编号', type: 'text' },
      ],
      dateRules: [
        {
          from: { action: 'submitLegalReview' },
          to: 'event',
          min: { count: s.legalReviewMinWorkdays, unit: 'workday' },
          severity: 'warn',
          code: 'review_too_short',
          message: `合法性审核时间一般不少于${s.legalReviewMinWorkdays}个工作日（国办发〔2018〕115号）`,
        },
      ],
    },
    {
      code: 'collectiveDecision',
      label: '集体审议决定',
      roles: ['leader'],
      statuses: ['drafting'],
      requires: [
        // 国办发〔2018〕37号: 未经合法性审核或者经审核不合法的，不得提交集体审议.
        {
          when: { done: 'concludeLegalReview' },
          code: 'not_reviewed',
          message: '未经合法性审核，不得提交集体审议（国办发〔2018〕37号）',
        },
        {
          when: reviewConcluded,
          code: 'review_pending',
          message: '合法性审核尚未完成，不得提交集体审议（国办发〔2018〕37号）',
        },
        {
          when: { not: { last: 'concludeLegalReview', field: 'conclusion', eq: 'unlawful' } },
          code: 'found_unlawful',
          message:
            '经合法性审核不合法，不得提交集体审议（国办发〔2018〕37号）；请修改后重新提交合法性审核',
        },
        { when: { not: adopted }, code: 'already_adopted', message: '文件已经集体审议通过' },
      ],
      fields: [
        {
          name: 'meeting',
          label: '会议',
          type: 'select',
          required: true,
          options: opts(
            ['directorsOffice', '局长办公会'],
            ['partyGroup', '党组会'],
            ['executive', '政府常务会议'],
          ),
        },
        // The meeting's agenda item the decision is recorded against (modules/meetings); name and date come from it.
        { name: 'meetingId', label: '会议编号', type: 'text' },
        { name: 'agendaItemId', label: '议题编号', type: 'text' },
        {
          name: 'meetingName',
          label: '会议名称及期次',
          type: 'text',
          help: '如：2025年第5次局长办公会',
        },
        { name: 'meetingOn', label: '会议日期', type: 'date' },
        { name: 'attendees', label: '出席人员', type: 'longText' },
        { name: 'minutes', label: '会议纪要摘录', type: 'longText' },
        {
          name: 'decision',
          label: '审议结果',
          type: 'select',
          required: true,
          options: opts(
            ['adopted', '审议通过'],
            ['adoptedWithRevision', '原则通过，修改后印发'],
            ['deferred', '暂缓，修改后再审'],
            ['rejected', '不予通过'],
          ),
        },
      ],
      effects: [
        { when: { data: 'decision', eq: 'rejected' }, status: 'rejected', outcome: 'rejected' },
      ],
    },
  ];
}
