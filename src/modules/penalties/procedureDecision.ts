/** 行政处罚法 Arts 57–60: 法制审核, 集体讨论 and 决定, as the engine's acts. */
import { defineActions } from '../../core/procedure/engine.ts';
import { CONCLUSION_LABELS } from '../reviews/index.ts';
import { HANDLERS, amountFields, gates, opts } from './procedureGates.ts';

/** 法制审核 (Art 58), 集体讨论 (Art 57 ¶2) and 决定 (Arts 57, 59–60). */
export const DECISION_ACTIONS = defineActions([
  {
    code: 'submitLegalCheck',
    label: '提交法制审核',
    roles: HANDLERS,
    statuses: ['notified'],
    requires: [gates.notice],
    fields: [{ name: 'matterId', label: '审查事项', type: 'text', required: true }],
  },
  {
    code: 'concludeLegalReview',
    label: '出具法制审核意见',
    roles: ['legalOfficer'],
    statuses: ['notified'],
    requires: [
      {
        when: { latest: ['submitLegalCheck', 'concludeLegalReview'], is: 'submitLegalCheck' },
        code: 'not_submitted',
        message: '尚未提交法制审核',
      },
    ],
    fields: [
      {
        name: 'conclusion',
        label: '审核结论',
        type: 'select',
        required: true,
        options: opts(CONCLUSION_LABELS),
      },
      { name: 'opinion', label: '审核意见', type: 'longText', required: true },
    ],
  },
  {
    code: 'collectiveDiscussion',
    label: '负责人集体讨论',
    roles: ['leader'],
    statuses: ['notified'],
    requires: [gates.notice, gates.legalCheck],
    fields: [
      { name: 'meeting', label: '会议', type: 'text', required: true },
      { name: 'conclusion', label: '讨论结论', type: 'longText', required: true },
    ],
  },
  {
    code: 'extendDecision',
    label: '延长办案期限',
    roles: ['leader'],
    statuses: ['investigating', 'notified'],
    fields: [
      { name: 'days', label: '延长日数', type: 'number', required: true, min: 1, max: 90 },
      { name: 'reason', label: '延长理由', type: 'longText', required: true },
      { name: 'approvedBy', label: '批准', type: 'text', required: true },
    ],
  },
  {
    code: 'decide',
    label: '作出行政处罚决定',
    roles: ['leader'],
    statuses: ['notified'],
    requires: [gates.notice, gates.hearingHeld, gates.legalCheck, gates.collective],
    within: {
      clock: 'decide',
      code: 'decision_late',
      message:
        '应当自立案之日起九十日内作出行政处罚决定；超过期限须先记录经批准的延长（行政处罚法第六十条）',
    },
    fields: [
      {
        name: 'decisionType',
        label: '决定类型',
        type: 'select',
        required: true,
        options: [
          { value: 'penalty', label: '给予行政处罚' },
          { value: 'noPenalty', label: '不予行政处罚' },
        ],
      },
      ...amountFields,
      { name: 'decisionNo', label: '决定书文号', type: 'text', required: true },
      { name: 'reconsiderationBody', label: '行政复议机关', type: 'text', required: true },
    ],
    // Art 44/45/62: not while the party may still state and defend (unless they waived it).
    dateRules: [
      {
        from: { action: 'serveNotice', field: 'statementUntil' },
        to: 'event',
        min: { count: 1, unit: 'day' },
        when: { notDone: 'waiveRights' },
        code: 'statement_running',
        message:
          '当事人陈述、申辩期限届满前不得作出行政处罚决定（行政处罚法第四十四条、第四十五条、第六十二条）',
      },
    ],
    effects: [
      { status: 'decided', outcome: { field: 'decisionType' } },
      { when: { data: 'decisionType', eq: 'noPenalty' }, status: 'closed' },
    ],
  },
]);
