/**
 * 重大行政决策程序暂行条例 第三章第二节 集体讨论决定和决策公布 (Arts 29–33): the submission to the
 * meeting, its decision, the report to the Party committee and the publication.
 */
import type { ActionDef, Cond } from '../../core/procedure/engine.ts';
import { beforeDiscussion, conds, flag, partyReportOk, submittedToMeeting } from './gates.ts';
import { date, drafting, long, opts, text, yes } from './actionFields.ts';

export const MEETING_KINDS = opts(['directorsOffice', '局长办公会'], ['partyGroup', '党组会']);
export const DECISION_RESULTS = opts(
  ['adopted', '审议通过'],
  ['adoptedWithRevision', '原则通过，修改后实施'],
  ['deferred', '暂缓决定，修改后再议'],
  ['rejected', '不予通过'],
);
const adoptedCond: Cond = { data: 'decision', in: ['adopted', 'adoptedWithRevision'] };

export function decidingActions(): ActionDef[] {
  return [
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
  ];
}
