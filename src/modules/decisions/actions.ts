/**
 * The acts of a 重大行政决策 (国务院令第713号, article numbers in the comments and messages): who
 * records each, its fields (the form and the evidence), its gates and its date rules.
 */
import type { ActionDef, Cond, FieldSpec } from '../../core/procedure/engine.ts';
import {
  beforeDiscussion,
  beforeLegalReview,
  conds,
  flag,
  gates,
  partyReportOk,
  submittedToMeeting,
} from './gates.ts';

const opts = (...pairs: Array<[string, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));
const text = (name: string, label: string, required = false, help?: string): FieldSpec => ({
  name,
  label,
  type: 'text',
  required,
  help,
});
const long = (name: string, label: string, required = false, help?: string): FieldSpec => ({
  name,
  label,
  type: 'longText',
  required,
  help,
});
const date = (name: string, label: string, required = true): FieldSpec => ({
  name,
  label,
  type: 'date',
  required,
});
const yes = (name: string, label: string, help?: string): FieldSpec => ({
  name,
  label,
  type: 'boolean',
  required: true,
  help,
});
/** Refuses the act when the event's boolean field is false (evaluate() has no event, so it never blocks there). */
const mustBeTrue = (field: string, code: string, message: string) => ({
  when: { not: { data: field, eq: false } } as Cond,
  code,
  message,
});

export const PARTICIPATION_METHODS = opts(
  ['symposium', '座谈会'],
  ['fieldVisit', '实地走访'],
  ['writtenConsultation', '书面征求意见'],
  ['questionnaire', '问卷调查'],
  ['poll', '民意调查'],
  ['groupConsultation', '与人民团体、社会组织、群众代表沟通协商'],
  ['expertInterview', '专家访谈解释说明'],
);
export const REVIEW_CONCLUSIONS = opts(
  ['lawful', '合法'],
  ['lawfulAfterRevision', '修改后合法'],
  ['unlawful', '不合法'],
);
export const MEETING_KINDS = opts(['directorsOffice', '局长办公会'], ['partyGroup', '党组会']);
export const DECISION_RESULTS = opts(
  ['adopted', '审议通过'],
  ['adoptedWithRevision', '原则通过，修改后实施'],
  ['deferred', '暂缓决定，修改后再议'],
  ['rejected', '不予通过'],
);
const adoptedCond: Cond = { data: 'decision', in: ['adopted', 'adoptedWithRevision'] };
const noReview = {
  when: conds.reviewRunning,
  code: 'no_review_pending',
  message: '没有待审查的决策草案',
};
const drafting = ['drafting'];
const afterDecision = ['implementing', 'suspended', 'readjusting'];

export function decisionActions(): ActionDef[] {
  return [
    {
      // Arts 10–11: the proposal (problem, reasons and basis, initial plan, necessity and feasibility),
      // the decision to start and the 决策承办单位; the scope flags decide which steps apply.
      code: 'start',
      label: '决策启动',
      roles: ['staff', 'leader'],
      statuses: ['new'],
      fields: [
        text('title', '决策事项名称', true),
        text('proposer', '建议提出方', true),
        {
          name: 'proposerKind',
          label: '建议来源',
          type: 'select',
          required: true,
          options: opts(
            ['leader', '决策机关领导人员'],
            ['department', '所属部门或内设机构'],
            ['lowerGov', '下一级人民政府'],
            ['deputy', '人大代表、政协委员'],
            ['public', '公民、法人或者其他组织'],
          ),
        },
        text('undertakingUnit', '决策承办单位（牵头）', true),
        text('coUnits', '协办单位'),
        long('problem', '拟解决的主要问题', true),
        long('reasonsAndBasis', '建议理由和依据', true),
        long('initialPlan', '解决问题的初步方案', true),
        long('necessity', '必要性、可行性', true),
        yes('inCatalogue', '是否列入年度决策事项目录'),
        {
          ...long('outsideCatalogueReason', '目录外启动的理由'),
          requiredWhen: { data: 'inCatalogue', eq: false },
        },
        yes(
          'confidential',
          '是否依法不予公开的决策事项',
          '依法不予公开的，不向社会公开征求意见，决策不予公布（条例第十四条、第三十二条）',
        ),
        {
          ...long('confidentialReason', '不予公开的依据'),
          requiredWhen: { data: 'confidential', eq: true },
        },
        yes('technical', '是否专业性、技术性较强（需专家论证）'),
        yes('riskRelevant', '是否可能对社会稳定、公共安全等造成不利影响（需风险评估）'),
        yes('concernsMarket', '是否涉及市场主体经济活动（需公平竞争审查）'),
        yes('hearingPlanned', '是否召开听证会'),
        yes('partyReportRequired', '出台前是否需向同级党委请示报告'),
        { ...text('startApprovedBy', '决定启动的领导或会议'), requiredUnlessRole: ['leader'] },
        text('revisionOf', '重大调整的原决策'),
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      // Art 12: research, a full sort of the applicable laws and policies, cost-benefit analysis as
      // needed, two or more options when views diverge; Art 13: consult the units concerned. Repeatable (revisions).
      code: 'draftPlan',
      label: '拟订决策草案',
      roles: ['staff'],
      statuses: drafting,
      fields: [
        long('legalSort', '有关法律、法规、规章和政策梳理情况', true),
        long('costBenefit', '成本效益分析'),
        long('alternatives', '备选方案'),
        long('coordination', '与有关单位协商情况'),
        long('revisionNote', '修改说明'),
        { name: 'version', label: '草案版本', type: 'number', min: 1 },
      ],
    },
    {
      code: 'openComment',
      label: '向社会公开征求意见',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: conds.participationRequired,
          code: 'confidential_matter',
          message: '依法不予公开的决策事项，不向社会公开征求意见（条例第十四条）',
        },
        {
          when: { not: conds.commentRunning },
          code: 'comment_running',
          message: '公开征求意见正在进行中',
        },
        // Arts 29–30: the draft before the meeting is the one consulted on; to consult again the meeting first defers it.
        {
          when: { not: submittedToMeeting },
          code: 'on_agenda',
          message:
            '决策草案已提请集体讨论，不能再公开征求意见；需要修改后重新征求意见的，应当由会议作出暂缓决定（条例第二十九条、第三十条）',
        },
      ],
      fields: [
        date('startOn', '征求意见开始日期'),
        date('endOn', '征求意见截止日期'),
        text('channel', '发布渠道', false, '政府网站、政务新媒体等'),
        long(
          'shortenedReason',
          '缩短征求意见期限的理由',
          false,
          '因情况紧急等原因不足30日的，须在征求意见公告中说明理由',
        ),
      ],
      dateRules: [
        {
          // Art 15: 一般不少于30日; shorter only with the reason stated in the notice.
          from: { field: 'startOn' },
          to: { field: 'endOn' },
          min: { count: 30, unit: 'day' },
          when: { not: { data: 'shortenedReason' } },
          code: 'comment_too_short',
          message:
            '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，应当在征求意见时说明理由（条例第十五条）',
        },
      ],
    },
    {
      code: 'closeComment',
      label: '结束征求意见',
      roles: ['staff'],
      requires: [
        {
          when: conds.commentRunning,
          code: 'no_comment_running',
          message: '没有正在进行的公开征求意见',
        },
      ],
      fields: [
        { name: 'commentCount', label: '收到意见条数', type: 'number', required: true, min: 0 },
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
      // Art 18: the 意见采纳情况 of a closed comment period, published on the portal (consultation component).
      code: 'publishFeedback',
      label: '公布意见采纳情况',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        {
          when: { latest: ['closeComment', 'publishFeedback'], is: 'closeComment' },
          code: 'no_closed_comment',
          message: '没有已结束、尚未公布意见采纳情况的公开征求意见',
        },
      ],
      fields: [
        { name: 'total', label: '收到意见条数', type: 'number', min: 0 },
        { name: 'adopted', label: '采纳条数', type: 'number', min: 0 },
      ],
    },
    {
      // Arts 16–17: materials, time and place announced in advance; the participant list published in
      // advance; materials delivered ≥ 7日 before; the record confirmed and signed by the participants.
      code: 'hearing',
      label: '举行听证会',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: conds.participationRequired,
          code: 'confidential_matter',
          message: '依法不予公开的决策事项，不公开举行听证会（条例第十四条、第十七条）',
        },
        mustBeTrue(
          'recordConfirmed',
          'record_unconfirmed',
          '听证会记录应当经听证参加人确认并签字（条例第十七条）',
        ),
      ],
      fields: [
        date('announcedOn', '公布听证时间、地点及材料的日期'),
        text('place', '听证地点', true),
        date('heldOn', '听证会日期'),
        long('selectionMethod', '听证参加人遴选办法'),
        date('participantListPublishedOn', '听证参加人名单公布日期'),
        long('participants', '听证参加人名单', true),
        date('materialsSentOn', '听证会材料送达日期'),
        yes('recordConfirmed', '听证参加人已确认听证会记录并签字'),
        long('summary', '听证情况', true),
      ],
      dateRules: [
        {
          from: { field: 'materialsSentOn' },
          to: { field: 'heldOn' },
          min: { count: 7, unit: 'day' },
          code: 'hearing_materials_late',
          message: '听证会材料应当于召开听证会7日前送达听证参加人（条例第十六条）',
        },
        {
          from: { field: 'participantListPublishedOn' },
          to: { field: 'heldOn' },
          min: { count: 1, unit: 'day' },
          code: 'hearing_list_late',
          message: '听证参加人名单应当提前向社会公布（条例第十六条）',
        },
        {
          from: { field: 'announcedOn' },
          to: { field: 'heldOn' },
          min: { count: 1, unit: 'day' },
          code: 'hearing_notice_late',
          message: '应当提前公布决策草案及其说明等材料，明确听证时间、地点（条例第十六条）',
        },
        {
          from: { field: 'heldOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'hearing_not_held',
          message: '听证会尚未举行，不能记录听证情况',
        },
      ],
    },
    {
      code: 'otherParticipation',
      label: '其他方式听取意见',
      roles: ['staff'],
      statuses: drafting,
      requires: [gates.draft],
      fields: [
        {
          name: 'method',
          label: '公众参与方式',
          type: 'select',
          required: true,
          options: PARTICIPATION_METHODS,
        },
        date('heldOn', '日期'),
        long('participants', '参加对象'),
        long('summary', '听取意见情况', true),
      ],
      dateRules: [
        {
          from: { field: 'heldOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'not_yet_held',
          message: '尚未举行，不能记录',
        },
      ],
    },
    {
      // Art 18: opinions sorted and studied, reasonable ones adopted; the 研究采纳情况 goes to the meeting (Art 29(2)).
      code: 'summarizeParticipation',
      label: '公众意见研究采纳情况',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: { not: conds.commentRunning },
          code: 'comment_running',
          message: '公开征求意见尚未结束，不能汇总意见采纳情况',
        },
        {
          when: { done: ['closeComment', 'hearing', 'otherParticipation'] },
          code: 'no_participation',
          message: '尚未采取任何方式听取社会公众意见（条例第十四条）',
        },
        gates.feedback,
        gates.hearing,
      ],
      fields: [
        text('methods', '采取的公众参与方式'),
        { name: 'commentTotal', label: '收到意见条数', type: 'number', min: 0 },
        { name: 'adoptedCount', label: '采纳（含部分采纳）条数', type: 'number', min: 0 },
        long('adoptionSummary', '社会公众主要意见的研究采纳情况', true),
      ],
    },
    {
      // Art 20: professional, representative and neutral; never an expert or agency with a direct interest.
      code: 'addExpert',
      label: '遴选论证专家',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: { not: { data: 'hasConflict', eq: true } },
          code: 'expert_conflict',
          message: '不得选择与决策事项有直接利害关系的专家、专业机构（条例第二十条）',
        },
      ],
      fields: [
        text('name', '专家或专业机构名称', true),
        {
          name: 'kind',
          label: '类别',
          type: 'select',
          required: true,
          options: opts(['expert', '专家'], ['agency', '专业机构']),
        },
        text('affiliation', '工作单位或资质', true),
        text('field', '专业领域', true),
        yes('hasConflict', '是否与决策事项有直接利害关系'),
        long('declaration', '无利害关系声明', true),
        date('declaredOn', '声明日期'),
      ],
    },
    {
      code: 'expertOpinion',
      label: '专家论证',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        {
          when: { done: 'addExpert' },
          code: 'no_experts',
          message: '尚未遴选论证专家或专业机构（条例第二十条）',
        },
        // Art 19 ¶2: written opinions are signed (experts) and sealed (agencies).
        {
          when: {
            not: {
              all: [
                { data: 'method', in: ['written', 'commissioned'] },
                { data: 'signedAndSealed', eq: false },
              ],
            },
          },
          code: 'opinion_unsigned',
          message: '提供书面论证意见的，应当署名、盖章（条例第十九条）',
        },
      ],
      fields: [
        {
          name: 'method',
          label: '论证方式',
          type: 'select',
          required: true,
          options: opts(
            ['meeting', '论证会'],
            ['written', '书面咨询'],
            ['commissioned', '委托咨询论证'],
          ),
        },
        date('heldOn', '论证日期'),
        text('organiser', '组织或承担论证的单位', true),
        long('experts', '参加论证的专家、专业机构', true),
        long('opinion', '论证意见（必要性、可行性、科学性）', true),
        yes('signedAndSealed', '书面论证意见已署名、盖章'),
      ],
      dateRules: [
        {
          from: { field: 'heldOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'not_yet_held',
          message: '论证尚未进行，不能记录论证意见',
        },
      ],
    },
    {
      code: 'expertAdoption',
      label: '专家论证意见研究采纳情况',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        {
          when: { done: 'expertOpinion' },
          code: 'no_expert_opinion',
          message: '尚未取得专家论证意见（条例第十九条）',
        },
      ],
      fields: [long('adoptionSummary', '专家论证意见的研究采纳情况', true)],
    },
    {
      // Arts 22–24: report with risk points, countermeasures and a contingency plan; departments heard.
      code: 'riskAssessment',
      label: '风险评估',
      roles: ['staff'],
      statuses: drafting,
      requires: [gates.draft],
      fields: [
        text('assessor', '评估单位', true),
        yes('thirdParty', '是否委托第三方评估'),
        text('methods', '评估方式', false, '舆情跟踪、重点走访、会商分析等'),
        long('departmentsHeard', '听取有关部门意见情况', true),
        long('riskPoints', '风险点', true),
        long('countermeasures', '风险防范措施', true),
        long('contingencyPlan', '处置预案', true),
        {
          name: 'riskLevel',
          label: '风险等级',
          type: 'select',
          required: true,
          options: opts(['low', '低风险'], ['medium', '中风险'], ['high', '高风险']),
        },
        {
          name: 'controllable',
          label: '评估结论',
          type: 'select',
          required: true,
          options: opts(
            ['controllable', '风险可控'],
            ['controllableAfterAdjustment', '调整决策草案后风险可控'],
            ['uncontrollable', '风险不可控'],
          ),
        },
        text(
          'existingAssessment',
          '已按有关规定开展的评估',
          false,
          '已评估的风险不作重复评估（条例第二十二条）',
        ),
      ],
    },
    {
      code: 'fairCompetitionReview',
      label: '公平竞争审查',
      roles: ['staff', 'legalOfficer'],
      statuses: drafting,
      requires: [
        gates.draft,
        {
          when: flag('concernsMarket'),
          code: 'not_market',
          message: '决策草案不涉及市场主体经济活动，无需公平竞争审查',
        },
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
        long('opinion', '审查意见'),
      ],
    },
    {
      // Arts 25–26: the draft, its legal bases and an explanation of the procedure followed; ≥ 7 个工作日 reserved.
      code: 'submitLegalReview',
      label: '送请合法性审查',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        ...beforeLegalReview,
        {
          when: { not: conds.reviewRunning },
          code: 'review_running',
          message: '合法性审查正在进行中',
        },
      ],
      fields: [
        long('materials', '送审材料（决策草案、依据、履行法定程序的说明）', true),
        date('requestedBy', '要求审查完成日期'),
        text('matterId', '审查事项编号'),
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'requestedBy' },
          min: { count: 7, unit: 'workday' },
          code: 'review_time_too_short',
          message: '送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日（条例第二十六条）',
        },
      ],
    },
    {
      // Art 28: each opinion of a 法律顾问 or 公职律师 on the review, noted by the review queue (reviews/opinions.ts).
      code: 'advisorOpinion',
      label: '法律顾问、公职律师提出法律意见',
      roles: ['legalOfficer'],
      statuses: drafting,
      requires: [noReview],
      fields: [
        text('advisor', '法律顾问或公职律师', true),
        {
          name: 'advisorKind',
          label: '类别',
          type: 'select',
          required: true,
          options: opts(['external', '法律顾问'], ['governmentLawyer', '公职律师']),
        },
        { name: 'seq', label: '法审意见序号', type: 'number', min: 1 },
        text('matterId', '审查事项编号'),
      ],
    },
    {
      // Art 28: recorded by the legal office through the review queue (reviews module), after the advisors' opinions.
      code: 'concludeLegalReview',
      label: '出具合法性审查意见',
      roles: ['legalOfficer'],
      requires: [noReview, gates.advisorOpinion],
      fields: [
        {
          name: 'conclusion',
          label: '审查结论',
          type: 'select',
          required: true,
          options: REVIEW_CONCLUSIONS,
        },
        long('opinion', '合法性审查意见', true),
        text('matterId', '审查事项编号'),
      ],
    },
    {
      code: 'submitToMeeting',
      label: '提请集体讨论',
      roles: ['staff'],
      statuses: drafting,
      requires: [
        ...beforeDiscussion,
        {
          when: { not: submittedToMeeting },
          code: 'already_submitted',
          message: '已提请会议讨论，请等待会议决定',
        },
      ],
      fields: [
        text('meetingId', '会议', true),
        text('meetingName', '会议名称及期次'),
        text('agendaItemId', '议题编号'),
        long('materials', '报送材料清单'),
      ],
    },
    {
      // Art 30: the head speaks last and decides; a decision against the majority is explained at
      // the meeting; the discussion and dissent are recorded truthfully.
      code: 'collectiveDecision',
      label: '集体讨论决定',
      roles: ['leader'],
      statuses: drafting,
      requires: [
        ...beforeDiscussion,
        {
          when: submittedToMeeting,
          code: 'not_on_agenda',
          message: '决策草案尚未提请局长办公会或党组会讨论（条例第二十九条、第三十条）',
        },
      ],
      fields: [
        text('meetingId', '会议', true),
        {
          name: 'meetingKind',
          label: '会议类型',
          type: 'select',
          required: true,
          options: MEETING_KINDS,
        },
        text('meetingName', '会议名称及期次', true),
        date('meetingOn', '会议日期'),
        long('attendees', '出席人员', true),
        long('publicAttendees', '列席的公众代表'),
        long('discussion', '会议组成人员发表意见情况', true),
        long('headOpinion', '行政首长意见（最后发表）', true),
        yes('differsFromMajority', '行政首长的决定是否与多数人意见不一致'),
        {
          ...long('differenceReason', '在会上说明的理由'),
          requiredWhen: { data: 'differsFromMajority', eq: true },
        },
        long('dissent', '不同意见', true, '如实载明不同意见；没有不同意见的，填写“无”'),
        {
          name: 'decision',
          label: '决定',
          type: 'select',
          required: true,
          options: DECISION_RESULTS,
        },
        { ...text('executionUnit', '决策执行单位'), requiredWhen: adoptedCond },
      ],
      dateRules: [
        {
          from: { field: 'meetingOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'meeting_not_held',
          message: '会议尚未召开，不能记录集体讨论决定',
        },
      ],
      effects: [
        { when: adoptedCond, status: 'decided' },
        { when: { data: 'decision', eq: 'rejected' }, status: 'rejected', outcome: 'rejected' },
      ],
    },
    {
      code: 'partyReport',
      label: '向同级党委请示报告',
      roles: ['staff', 'leader'],
      statuses: ['decided'],
      once: { message: '已向同级党委请示报告' },
      fields: [
        text('reportedTo', '请示报告对象', true),
        date('reportedOn', '请示报告日期'),
        long('reply', '请示报告结果', true),
      ],
      dateRules: [
        {
          from: { field: 'reportedOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'future_date',
          message: '请示报告日期不能晚于办理日期',
        },
      ],
    },
    {
      // Art 32: published with how public and expert opinions were adopted, and a 解读.
      code: 'publish',
      label: '公布决策',
      roles: ['staff'],
      statuses: ['decided'],
      requires: [
        {
          when: partyReportOk,
          code: 'party_report_missing',
          message: '重大行政决策出台前应当按照规定向同级党委请示报告（条例第三十一条）',
        },
        {
          when: conds.participationRequired,
          code: 'confidential_matter',
          message: '依法不予公开的决策事项不予公布（条例第三十二条）',
        },
      ],
      fields: [
        long('adoptedText', '决策文本（通过稿）', true, '集体讨论决定通过的文本，不是征求意见稿'),
        text('channel', '公布途径', true),
        long('adoptionExplanation', '公众意见、专家论证意见的采纳情况说明', true),
        text('interpretationForm', '解读方式', false, '新闻发布会、接受访谈、图文解读等'),
        text('publicationId', '主动公开编号'),
        text('indexNumber', '索引号'),
      ],
      effects: [{ status: 'implementing', outcome: 'implementing' }],
    },
    {
      code: 'exemptPublication',
      label: '依法不予公布',
      roles: ['leader'],
      statuses: ['decided'],
      requires: [
        {
          when: flag('confidential'),
          code: 'must_publish',
          message: '只有依法不予公开的决策事项才能不予公布（条例第三十二条）',
        },
        {
          when: partyReportOk,
          code: 'party_report_missing',
          message: '重大行政决策出台前应当按照规定向同级党委请示报告（条例第三十一条）',
        },
      ],
      fields: [long('reason', '不予公布的依据', true)],
      effects: [{ status: 'implementing', outcome: 'implementing' }],
    },
    {
      // Arts 34–35: the execution unit reports progress, problems and major changes.
      code: 'executionReport',
      label: '报告决策执行情况',
      roles: ['staff'],
      statuses: afterDecision,
      fields: [
        text('unit', '决策执行单位', true),
        long('progress', '执行情况', true),
        long('problems', '存在的问题'),
        yes('majorChange', '是否存在问题或客观情况发生重大变化'),
      ],
    },
    {
      // Art 36 (the same-unit exclusion is checked by the service against the recorded 论证评估 units).
      code: 'postEvaluation',
      label: '决策后评估',
      roles: ['staff', 'leader'],
      statuses: afterDecision,
      fields: [
        {
          name: 'trigger',
          label: '评估情形',
          type: 'select',
          required: true,
          options: opts(
            ['notEffective', '实施后明显未达到预期效果'],
            ['manyObjections', '公民、法人或者其他组织提出较多意见'],
            ['deemedNecessary', '决策机关认为有必要'],
          ),
        },
        text('evaluator', '承担评估具体工作的单位', true),
        yes('thirdParty', '是否委托第三方评估'),
        long('publicHeard', '听取社会公众意见情况', true),
        long('participants', '人大代表、政协委员、人民团体等参与情况'),
        {
          name: 'conclusion',
          label: '评估结论',
          type: 'select',
          required: true,
          options: opts(['continue', '继续执行'], ['adjust', '建议调整'], ['stop', '建议停止执行']),
        },
        long('report', '评估报告摘要', true),
      ],
    },
    {
      // Art 37: only the head may suspend first, and only in an emergency of the Art 35 kind; otherwise a meeting decides.
      code: 'suspend',
      label: '中止执行',
      roles: ['leader'],
      statuses: ['implementing', 'readjusting'],
      fields: [
        long('reason', '中止执行的理由', true),
        yes('emergency', '是否情况紧急，由行政首长先行决定'),
        { ...text('decidedAt', '作出决定的会议'), requiredWhen: { data: 'emergency', eq: false } },
      ],
      effects: [{ status: 'suspended' }],
    },
    {
      code: 'resume',
      label: '恢复执行',
      roles: ['leader'],
      statuses: ['suspended'],
      fields: [long('reason', '恢复执行的理由', true), text('decidedAt', '作出决定的会议', true)],
      effects: [{ status: 'implementing' }],
    },
    {
      // Art 37: no change or stop without the statutory procedure; a major adjustment repeats it (a new decision).
      code: 'adjust',
      label: '决策调整',
      roles: ['leader'],
      statuses: ['implementing', 'suspended'],
      fields: [
        {
          name: 'kind',
          label: '调整类型',
          type: 'select',
          required: true,
          options: opts(
            ['minor', '一般调整'],
            ['major', '重大调整（重新履行决策程序）'],
            ['stop', '停止执行'],
          ),
        },
        long(
          'reason',
          '调整理由及依据',
          true,
          '决策后评估结果应当作为调整的重要依据（条例第三十六条）',
        ),
        text('decidedAt', '作出决定的会议', true),
        text('revisionId', '重新履行程序的决策编号'),
      ],
      effects: [
        { when: { data: 'kind', eq: 'major' }, status: 'readjusting' },
        { when: { data: 'kind', eq: 'stop' }, status: 'stopped', outcome: 'stopped' },
        { when: { data: 'kind', eq: 'minor' }, status: 'implementing' },
      ],
    },
    {
      code: 'revisionResult',
      label: '重大调整结果',
      roles: ['staff', 'leader'],
      statuses: ['readjusting'],
      fields: [
        {
          name: 'outcome',
          label: '结果',
          type: 'select',
          required: true,
          options: opts(
            ['superseded', '调整后的决策已公布，原决策被替代'],
            ['abandoned', '调整程序终止，原决策继续执行'],
          ),
        },
        text('revisionId', '调整后的决策编号', true),
      ],
      effects: [
        {
          when: { data: 'outcome', eq: 'superseded' },
          status: 'superseded',
          outcome: 'superseded',
        },
        { when: { data: 'outcome', eq: 'abandoned' }, status: 'implementing' },
      ],
    },
    {
      code: 'withdraw',
      label: '终止决策程序',
      roles: ['leader'],
      statuses: ['new', 'drafting', 'decided'],
      fields: [long('reason', '理由', true)],
      effects: [{ status: 'withdrawn', outcome: 'withdrawn' }],
    },
  ];
}

/** The acts recorded through the generic decision form (evidence attached); the others have their own service. */
export const FORM_ACTIONS = [
  'hearing',
  'otherParticipation',
  'addExpert',
  'expertOpinion',
  'expertAdoption',
  'riskAssessment',
  'fairCompetitionReview',
  'partyReport',
  'exemptPublication',
  'executionReport',
  'suspend',
  'resume',
  'withdraw',
] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];
