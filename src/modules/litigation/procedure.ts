/**
 * 行政复议 (the bureau as 被申请人) and 行政应诉 (the bureau as 被告) as procedures on the shared engine,
 * so that 我的待办, reminders and overdue marking come from the case machinery (RULES §9).
 *
 * 行政复议法 (2023): the 书面答复 and evidence within 10 日 of receiving the copy (Art 48; 简易程序 5 日,
 * Art 54); Art 88 ¶2 makes 三日、五日、七日、十日 working days, longer periods stay calendar days and follow
 * 民事诉讼法 (Art 88 ¶1: a last day on a holiday rolls forward). 中止 (Art 39) pauses the answer clock.
 * A 复议意见书 is answered within 60 日 (Art 76). A late answer is recorded (and marked late), never refused:
 * the consequence (Art 70) is the 复议机关's to draw.
 * The 复议机关's own decision period (Art 62: 60 日 from 受理, extendable once approved by ≤ 30 日; 简易程序
 * 30 日) is a clock with no step: the bureau watches it on the case page, it is never the bureau's 待办.
 * 行政应诉 (行政诉讼法) is in procedureLawsuit.ts.
 */
import { defineProcedure, type ClockDef, type Cond } from '../../core/procedure/engine.ts';
import { DECISION_LABELS, opts } from './labels.ts';

export const ROLES = ['legalOfficer', 'leader'];
export const ROLE_LABELS = { legalOfficer: '法制机构工作人员', leader: '局领导' };
const FYF = '《中华人民共和国行政复议法》';
export const SSF = '《中华人民共和国行政诉讼法》';
export const notHeadThere = (field: string): Cond => ({ not: { data: field, eq: true } });
// The 复议机关's decision period runs from 受理 (Art 62), which precedes the copy (Arts 48, 54).
const ACCEPTED_ON = { name: 'acceptedOn', label: '复议机关受理日期', type: 'date' as const };

/** The 复议机关's own periods: shown on the case, never a step of the bureau (no 待办, no overdue 待办). */
export const BODY_CLOCKS = ['decision', 'decisionSimple'];

/** Art 62: calendar days from 受理 (Art 88 ¶1: rolled past a holiday), 中止 not counted. */
const decisionClock = (
  code: string,
  suffix: string,
  count: number,
  para: string,
  start: string,
  extend?: ClockDef['extend'],
): ClockDef => ({
  code,
  label: `复议机关作出决定期限${suffix}`,
  unit: 'day',
  count,
  rollForward: true,
  legalBasis: `${FYF}第六十二条${para}、第八十八条第一款`,
  start: [{ action: start, dateField: 'acceptedOn' }],
  stop: ['decide'],
  pause: [{ action: 'suspend', reason: '复议中止', resume: ['resume'] }],
  extend,
});

export const RECONSIDERATION = defineProcedure({
  code: 'reconsideration',
  label: '行政复议答复',
  statuses: [
    { code: 'new', label: '登记中' },
    { code: 'answering', label: '待提交书面答复' },
    { code: 'reviewing', label: '复议审理中' },
    { code: 'suspended', label: '复议中止' },
    { code: 'decided', label: '已作出复议决定' },
  ],
  initialStatus: 'new',
  roleLabels: ROLE_LABELS,
  steps: [
    {
      code: 'answer',
      label: '提交书面答复和证据',
      roles: ROLES,
      open: { all: [{ done: 'receive' }, { notDone: ['answer', 'decide'] }] },
      clock: 'answer',
    },
    {
      code: 'answerSimple',
      label: '提交书面答复和证据（简易程序）',
      roles: ROLES,
      open: { all: [{ done: 'receiveSimple' }, { notDone: ['answer', 'decide'] }] },
      clock: 'answerSimple',
    },
    {
      code: 'answerOpinion',
      label: '反馈行政复议意见书落实情况',
      roles: ROLES,
      open: { all: [{ done: 'receiveOpinion' }, { notDone: 'answerOpinion' }] },
      clock: 'opinion',
    },
    {
      code: 'correct',
      label: '按复议决定纠正行政行为',
      roles: ROLES,
      open: {
        all: [{ last: 'decide', field: 'correctionRequired', eq: true }, { notDone: 'correct' }],
      },
    },
  ],
  actions: [
    {
      code: 'receive',
      label: '收到复议申请书副本（普通程序）',
      roles: ROLES,
      statuses: ['new'],
      fields: [ACCEPTED_ON],
      effects: [{ status: 'answering' }],
    },
    {
      code: 'receiveSimple',
      label: '收到复议申请书副本（简易程序）',
      roles: ROLES,
      statuses: ['new'],
      fields: [ACCEPTED_ON],
      effects: [{ status: 'answering' }],
    },
    {
      code: 'answer',
      label: '提交书面答复和证据',
      roles: ROLES,
      statuses: ['answering'],
      once: { message: '已提交书面答复' },
      fields: [{ name: 'summary', label: '答复要点', type: 'longText', required: true }],
      effects: [{ status: 'reviewing' }],
    },
    {
      code: 'hearingNotice',
      label: '登记听证',
      roles: ROLES,
      statuses: ['answering', 'reviewing'],
      fields: [
        { name: 'hearingOn', label: '听证日期', type: 'date', required: true },
        { name: 'headAttends', label: '负责人参加听证', type: 'boolean' },
        // 复议法 Art 51: the 负责人 should attend; if not, the delegated staff are recorded.
        {
          name: 'delegate',
          label: '委托参加人员',
          type: 'text',
          requiredWhen: notHeadThere('headAttends'),
        },
      ],
    },
    {
      code: 'suspend',
      label: '复议中止',
      roles: ROLES,
      statuses: ['answering', 'reviewing'],
      fields: [{ name: 'reason', label: '中止事由', type: 'longText', required: true }],
      effects: [{ status: 'suspended' }],
    },
    {
      code: 'resume',
      label: '恢复审理',
      roles: ROLES,
      statuses: ['suspended'],
      effects: [
        { when: { done: 'answer' }, status: 'reviewing' },
        { when: { notDone: 'answer' }, status: 'answering' },
      ],
    },
    {
      // Art 62 ¶1: the 复议机构's head approves, the parties are told in writing; the bureau records the notice.
      code: 'extendDecision',
      label: '登记复议机关延长审理期限',
      roles: ROLES,
      statuses: ['answering', 'reviewing', 'suspended'],
      requires: [
        {
          when: { done: 'receive' },
          code: 'simple_no_extension',
          message: '简易程序案件的审理期限不能延长（行政复议法第六十二条第二款）',
        },
      ],
      fields: [
        { name: 'days', label: '延长日数', type: 'number', required: true, min: 1, max: 30 },
        { name: 'noticeOn', label: '延期通知书日期', type: 'date', required: true },
      ],
    },
    {
      code: 'decide',
      label: '登记复议决定',
      roles: ROLES,
      statuses: ['answering', 'reviewing', 'suspended'],
      once: { message: '已登记复议决定' },
      fields: [
        {
          name: 'decision',
          label: '复议决定',
          type: 'select',
          required: true,
          options: opts(DECISION_LABELS),
        },
        { name: 'correctionRequired', label: '需要纠正行政行为', type: 'boolean' },
        { name: 'summary', label: '决定要点', type: 'longText' },
      ],
      effects: [{ status: 'decided', outcome: { field: 'decision' } }],
    },
    {
      code: 'receiveOpinion',
      label: '收到行政复议意见书',
      roles: ROLES,
      once: { message: '已登记行政复议意见书' },
      fields: [{ name: 'content', label: '意见书内容', type: 'longText', required: true }],
    },
    {
      code: 'answerOpinion',
      label: '反馈意见书落实情况',
      roles: ROLES,
      once: { message: '已反馈意见书落实情况' },
      requires: [
        { when: { done: 'receiveOpinion' }, code: 'no_opinion', message: '尚未收到行政复议意见书' },
      ],
      fields: [{ name: 'measures', label: '纠正和落实情况', type: 'longText', required: true }],
    },
    {
      code: 'correct',
      label: '纠正行政行为',
      roles: ROLES,
      once: { message: '已登记纠正情况' },
      requires: [
        {
          when: { last: 'decide', field: 'correctionRequired', eq: true },
          code: 'no_correction',
          message: '复议决定未要求纠正行政行为',
        },
      ],
      fields: [{ name: 'measures', label: '纠正措施', type: 'longText', required: true }],
    },
  ],
  clocks: [
    {
      code: 'answer',
      label: '书面答复期限',
      unit: 'workday',
      count: 10,
      legalBasis: `${FYF}第四十八条、第八十八条第二款`,
      start: [{ action: 'receive' }],
      stop: ['answer', 'decide'],
      pause: [{ action: 'suspend', reason: '复议中止', resume: ['resume'] }],
    },
    {
      code: 'answerSimple',
      label: '书面答复期限（简易程序）',
      unit: 'workday',
      count: 5,
      legalBasis: `${FYF}第五十四条、第八十八条第二款`,
      start: [{ action: 'receiveSimple' }],
      stop: ['answer', 'decide'],
      pause: [{ action: 'suspend', reason: '复议中止', resume: ['resume'] }],
    },
    decisionClock('decision', '', 60, '第一款', 'receive', {
      action: 'extendDecision',
      field: 'days',
      cap: 30,
    }),
    decisionClock('decisionSimple', '（简易程序）', 30, '第二款', 'receiveSimple'),
    {
      code: 'opinion',
      label: '意见书反馈期限',
      unit: 'day',
      count: 60,
      rollForward: true,
      legalBasis: `${FYF}第七十六条`,
      start: [{ action: 'receiveOpinion' }],
      stop: ['answerOpinion'],
    },
  ],
  outcomes: opts(DECISION_LABELS).map((o) => ({ code: o.value, label: o.label })),
});

export const RECONSIDERATION_MODULE_ACTIONS = ['receive', 'receiveSimple', 'answer', 'decide'];
