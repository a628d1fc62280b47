/** 行政处罚法 Arts 44–45 and Ch. V §4 (听证程序, Arts 63–65): 告知, 陈述申辩 and 听证, as the engine's acts. */
import { defineActions } from '../../core/procedure/engine.ts';
import { HANDLERS, amountFields, gates } from './procedureGates.ts';

/** 告知 (Art 44), 陈述申辩 (Art 45) and 听证 (Arts 63–65). */
export const HEARING_ACTIONS = defineActions([
  {
    code: 'serveNotice',
    label: '行政处罚事先告知',
    roles: HANDLERS,
    statuses: ['investigating'],
    requires: [gates.officers],
    fields: [
      ...amountFields,
      { name: 'facts', label: '违法事实', type: 'longText', required: true },
      { name: 'reasons', label: '理由', type: 'longText', required: true },
      { name: 'basis', label: '依据', type: 'longText', required: true },
      { name: 'hearingEligible', label: '告知听证权利', type: 'boolean', required: true },
      { name: 'statementUntil', label: '陈述申辩期限', type: 'date', required: true },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'statementUntil' },
        min: { count: 3, unit: 'workday' },
        code: 'statement_window',
        message: '陈述申辩期限过短',
      },
    ],
    effects: [{ status: 'notified' }],
  },
  {
    code: 'statement',
    label: '听取陈述申辩',
    roles: HANDLERS,
    statuses: ['notified'],
    fields: [
      { name: 'content', label: '陈述申辩意见', type: 'longText', required: true },
      { name: 'review', label: '复核意见', type: 'longText', required: true },
    ],
  },
  {
    code: 'waiveRights',
    label: '当事人放弃陈述申辩和听证权利',
    roles: HANDLERS,
    statuses: ['notified'],
    once: { message: '已记录当事人放弃权利' },
    fields: [{ name: 'note', label: '放弃情况', type: 'longText', required: true }],
  },
  {
    code: 'requestHearing',
    label: '当事人要求听证',
    roles: HANDLERS,
    statuses: ['notified'],
    once: { message: '当事人已要求听证' },
    requires: [gates.eligible],
    within: {
      clock: 'hearingRequest',
      code: 'hearing_request_late',
      message:
        '当事人要求听证的，应当在行政机关告知后五个工作日内提出（行政处罚法第六十四条第一项、第八十五条）',
    },
  },
  {
    code: 'withdrawHearing',
    label: '当事人撤回听证要求',
    roles: HANDLERS,
    statuses: ['notified'],
    requires: [gates.hearingRequested],
    fields: [{ name: 'note', label: '撤回情况', type: 'longText', required: true }],
  },
  {
    code: 'scheduleHearing',
    label: '听证通知',
    roles: HANDLERS,
    statuses: ['notified'],
    requires: [gates.hearingRequested],
    fields: [
      { name: 'hearingOn', label: '听证日期', type: 'date', required: true },
      { name: 'place', label: '听证地点', type: 'text', required: true },
      { name: 'chair', label: '听证主持人', type: 'text', required: true },
      { name: 'isPublic', label: '公开举行', type: 'boolean', required: true },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'hearingOn' },
        min: { count: 7, unit: 'workday' },
        code: 'hearing_notice_short',
        message:
          '行政机关应当在举行听证的七个工作日前通知当事人听证的时间、地点（行政处罚法第六十四条第二项、第八十五条）',
      },
    ],
  },
  {
    code: 'holdHearing',
    label: '举行听证',
    roles: HANDLERS,
    statuses: ['notified'],
    requires: [gates.hearingRequested, gates.hearingScheduled],
    fields: [
      { name: 'record', label: '听证笔录', type: 'longText', required: true },
      { name: 'signed', label: '笔录经当事人核对签字', type: 'boolean', required: true },
    ],
    dateRules: [
      {
        from: { action: 'scheduleHearing', field: 'hearingOn' },
        to: 'event',
        min: { count: 0, unit: 'day' },
        code: 'hearing_early',
        message: '不能早于通知的听证日期举行听证',
      },
    ],
  },
]);
