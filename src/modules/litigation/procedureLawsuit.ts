/**
 * 行政应诉 (the bureau as 被告) as a procedure on the shared engine (RULES §9). 行政诉讼法 (2017): 答辩状 and
 * evidence within 15 日 of receiving the complaint copy (Art 67), calendar days rolled past a holiday
 * (Art 101 → 民事诉讼法 Art 85); the appeal windows are 15 日 for a judgment and 10 日 for a ruling from
 * service (Art 85); the 负责人 appears in court or delegates (Art 3).
 */
import { defineProcedure } from '../../core/procedure/engine.ts';
import { JUDGMENT_LABELS, RULING_LABELS, opts } from './labels.ts';
import { ROLES, ROLE_LABELS, SSF, notHeadThere } from './procedure.ts';

const result = (labels: Record<string, string>, label: string) => ({
  name: 'result',
  label,
  type: 'select' as const,
  required: true,
  options: opts(labels),
});
const hearingGate = {
  when: { done: 'hearing' },
  code: 'no_hearing',
  message: '尚未登记开庭审理，不能登记裁判结果（请先登记出庭应诉情况）',
};

export const LAWSUIT = defineProcedure({
  code: 'adminLitigation',
  label: '行政应诉',
  statuses: [
    { code: 'new', label: '登记中' },
    { code: 'defending', label: '待提交答辩状' },
    { code: 'trial', label: '一审审理中' },
    { code: 'judged', label: '一审已裁判' },
    { code: 'appeal', label: '二审审理中' },
    { code: 'concluded', label: '已审结' },
  ],
  initialStatus: 'new',
  roleLabels: ROLE_LABELS,
  steps: [
    {
      code: 'defend',
      label: '提交答辩状和证据',
      roles: ROLES,
      open: { all: [{ done: 'receive' }, { notDone: ['defend', 'judgment', 'ruling'] }] },
      clock: 'defence',
    },
    {
      code: 'appealJudgment',
      label: '决定是否对一审判决上诉',
      roles: ROLES,
      open: { all: [{ status: 'judged' }, { done: 'judgment' }] },
      clock: 'appealJudgment',
    },
    {
      code: 'appealRuling',
      label: '决定是否对一审裁定上诉',
      roles: ROLES,
      open: { all: [{ status: 'judged' }, { done: 'ruling' }] },
      clock: 'appealRuling',
    },
    {
      code: 'answerSuggestion',
      label: '回复司法建议',
      roles: ROLES,
      open: { all: [{ done: 'suggestion' }, { notDone: 'answerSuggestion' }] },
      clock: 'suggestion',
    },
  ],
  actions: [
    {
      code: 'receive',
      label: '收到起诉状副本',
      roles: ROLES,
      statuses: ['new'],
      effects: [{ status: 'defending' }],
    },
    {
      code: 'defend',
      label: '提交答辩状和证据',
      roles: ROLES,
      statuses: ['defending'],
      once: { message: '已提交答辩状' },
      fields: [{ name: 'summary', label: '答辩要点', type: 'longText', required: true }],
      effects: [{ status: 'trial' }],
    },
    {
      code: 'hearing',
      label: '登记开庭和出庭应诉',
      roles: ROLES,
      statuses: ['defending', 'trial', 'appeal'],
      fields: [
        {
          name: 'instance',
          label: '审级',
          type: 'select',
          required: true,
          options: [
            { value: 'first', label: '一审' },
            { value: 'second', label: '二审' },
          ],
        },
        // 行政诉讼法 Art 3: 负责人应当出庭应诉；不能出庭的，应当委托相应的工作人员出庭.
        { name: 'headAppeared', label: '负责人出庭应诉', type: 'boolean' },
        {
          name: 'delegate',
          label: '委托出庭人员',
          type: 'text',
          requiredWhen: notHeadThere('headAppeared'),
        },
      ],
    },
    {
      code: 'judgment',
      label: '登记一审判决',
      roles: ROLES,
      statuses: ['defending', 'trial'],
      requires: [hearingGate],
      fields: [result(JUDGMENT_LABELS, '判决结果')],
      effects: [{ status: 'judged', outcome: { field: 'result' } }],
    },
    {
      code: 'ruling',
      label: '登记一审裁定或调解',
      roles: ROLES,
      statuses: ['defending', 'trial'],
      requires: [hearingGate],
      fields: [result(RULING_LABELS, '裁定结果')],
      effects: [{ status: 'judged', outcome: { field: 'result' } }],
    },
    {
      code: 'appeal',
      label: '登记上诉',
      roles: ROLES,
      statuses: ['judged'],
      fields: [
        {
          name: 'appellant',
          label: '上诉人',
          type: 'select',
          required: true,
          options: [
            { value: 'self', label: '本机关' },
            { value: 'other', label: '对方当事人' },
          ],
        },
      ],
      effects: [{ status: 'appeal' }],
    },
    {
      code: 'noAppeal',
      label: '裁判生效（未上诉）',
      roles: ROLES,
      statuses: ['judged'],
      effects: [{ status: 'concluded' }],
    },
    {
      code: 'appealResult',
      label: '登记二审结果',
      roles: ROLES,
      statuses: ['appeal'],
      fields: [result({ ...JUDGMENT_LABELS, ...RULING_LABELS }, '二审后的结果')],
      effects: [{ status: 'concluded', outcome: { field: 'result' } }],
    },
    {
      code: 'suggestion',
      label: '收到司法建议',
      roles: ROLES,
      once: { message: '已登记司法建议' },
      fields: [
        { name: 'content', label: '司法建议内容', type: 'longText', required: true },
        { name: 'replyBy', label: '回复期限', type: 'date', required: true },
      ],
    },
    {
      code: 'answerSuggestion',
      label: '回复司法建议',
      roles: ROLES,
      once: { message: '已回复司法建议' },
      requires: [
        { when: { done: 'suggestion' }, code: 'no_suggestion', message: '尚未收到司法建议' },
      ],
      fields: [{ name: 'reply', label: '回复内容', type: 'longText', required: true }],
    },
  ],
  clocks: [
    {
      code: 'defence',
      label: '答辩期限',
      unit: 'day',
      count: 15,
      rollForward: true,
      legalBasis: `${SSF}第六十七条、第一百零一条；《中华人民共和国民事诉讼法》第八十五条`,
      start: [{ action: 'receive' }],
      stop: ['defend', 'judgment', 'ruling'],
    },
    {
      code: 'appealJudgment',
      label: '判决上诉期限',
      unit: 'day',
      count: 15,
      rollForward: true,
      window: true,
      legalBasis: `${SSF}第八十五条`,
      start: [{ action: 'judgment' }],
      stop: ['appeal', 'noAppeal'],
    },
    {
      code: 'appealRuling',
      label: '裁定上诉期限',
      unit: 'day',
      count: 10,
      rollForward: true,
      window: true,
      legalBasis: `${SSF}第八十五条`,
      start: [{ action: 'ruling' }],
      stop: ['appeal', 'noAppeal'],
    },
    {
      code: 'suggestion',
      label: '司法建议回复期限',
      unit: 'day',
      dueField: 'replyBy',
      start: [{ action: 'suggestion' }],
      stop: ['answerSuggestion'],
    },
  ],
  outcomes: opts({ ...JUDGMENT_LABELS, ...RULING_LABELS }).map((o) => ({
    code: o.value,
    label: o.label,
  })),
});

export const LAWSUIT_MODULE_ACTIONS = [
  'receive',
  'defend',
  'judgment',
  'ruling',
  'appeal',
  'noAppeal',
  'appealResult',
];
