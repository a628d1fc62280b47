/**
 * 重大行政决策程序暂行条例 第二章第二节 公众参与 (Arts 14–18): the public comment period, the hearing,
 * the other ways of hearing the public, and how their opinions were studied and adopted.
 */
import type { ActionDef } from '../../core/procedure/engine.ts';
import { conds, gates, submittedToMeeting } from './gates.ts';
import { date, drafting, long, mustBeTrue, opts, text, yes } from './actionFields.ts';

export const PARTICIPATION_METHODS = opts(
  ['symposium', '座谈会'],
  ['fieldVisit', '实地走访'],
  ['writtenConsultation', '书面征求意见'],
  ['questionnaire', '问卷调查'],
  ['poll', '民意调查'],
  ['groupConsultation', '与人民团体、社会组织、群众代表沟通协商'],
  ['expertInterview', '专家访谈解释说明'],
);

export function participationActions(): ActionDef[] {
  return [
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
  ];
}
