/**
 * 人大代表建议 / 政协提案办理 as data (RULES §7.3): the reply within 3个月 of 交办, or 6个月 for
 * wide-ranging or difficult items with the reason (代表法 Art 51; the CPPCC practice is the same); the
 * deputy contacted before the reply (Art 51 "应当与代表联系沟通", 面商 recorded); 协办 opinions to the lead
 * unit within 1个月 (local rule [V-loc]); the result code A/B/C/D required on the reply (local practice).
 * Months are not a unit of the engine: the service computes the due dates and the clocks read them.
 */
import { defineProcedure } from '../../core/procedure/engine.ts';

export const KIND_LABELS = { deputy: '人大代表建议', cppcc: '政协提案' } as const;
export type ProposalKind = keyof typeof KIND_LABELS;
export const RESULT_LABELS = {
  A: 'A类（已经解决或基本解决）',
  B: 'B类（正在解决或列入计划解决）',
  C: 'C类（因条件限制留作参考或以后解决）',
  D: 'D类（留作参考）',
} as const;
export type ResultCode = keyof typeof RESULT_LABELS;
export const CONTACT_LABELS = {
  faceToFace: '当面沟通（面商）',
  phone: '电话沟通',
  letter: '书面沟通',
  visit: '走访调研',
} as const;
export const FEEDBACK_LABELS = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const HANDLERS = ['staff', 'leader'];

export const PROPOSAL = defineProcedure({
  code: 'proposal',
  label: '建议提案办理',
  statuses: [
    { code: 'assigned', label: '办理中' },
    { code: 'replied', label: '已答复待反馈' },
    { code: 'done', label: '已办结', final: true },
  ],
  initialStatus: 'assigned',
  roleLabels: { staff: '承办人员', leader: '局领导' },
  steps: [
    {
      code: 'coOpinions',
      label: '协办单位提出协办意见',
      roles: HANDLERS,
      open: {
        all: [
          { status: 'assigned' },
          { last: 'assign', field: 'hasCo', eq: true },
          { notDone: 'coOpinionsIn' },
        ],
      },
      clock: 'coOpinion',
    },
    {
      code: 'reply',
      label: '答复代表委员',
      roles: HANDLERS,
      open: { status: 'assigned' },
      clock: 'reply',
    },
  ],
  actions: [
    {
      code: 'assign',
      label: '交办',
      roles: HANDLERS,
      statuses: ['assigned'],
      once: { message: '已经交办' },
      fields: [
        { name: 'kind', label: '类别', type: 'select', required: true, options: opts(KIND_LABELS) },
        { name: 'dueOn', label: '答复期限', type: 'date', required: true },
        { name: 'coDueOn', label: '协办意见期限', type: 'date', required: true },
        { name: 'hasCo', label: '有协办单位', type: 'boolean' },
      ],
    },
    {
      code: 'contact',
      label: '与代表委员联系沟通',
      roles: HANDLERS,
      statuses: ['assigned'],
      fields: [
        {
          name: 'method',
          label: '沟通方式',
          type: 'select',
          required: true,
          options: opts(CONTACT_LABELS),
        },
      ],
    },
    {
      code: 'coOpinionsIn',
      label: '协办意见已全部提出',
      roles: HANDLERS,
      statuses: ['assigned'],
      once: { message: '协办意见已全部提出' },
    },
    {
      code: 'markDifficult',
      label: '确定为涉及面广、处理难度大的事项（6个月内答复）',
      roles: HANDLERS,
      statuses: ['assigned'],
      once: { message: '已经确定为难度大的事项' },
      fields: [
        { name: 'dueOn', label: '答复期限', type: 'date', required: true },
        { name: 'reason', label: '理由', type: 'longText', required: true },
      ],
    },
    {
      code: 'reply',
      label: '答复代表委员',
      roles: HANDLERS,
      statuses: ['assigned'],
      requires: [
        {
          when: { done: 'contact' },
          code: 'no_contact',
          message: '答复前应当与代表委员联系沟通并记录（代表法第五十一条）',
        },
      ],
      fields: [
        {
          name: 'resultCode',
          label: '办理结果类别',
          type: 'select',
          required: true,
          options: opts(RESULT_LABELS),
        },
      ],
      effects: [{ status: 'replied', outcome: { field: 'resultCode' } }],
    },
    {
      code: 'feedback',
      label: '登记代表委员反馈意见',
      roles: HANDLERS,
      statuses: ['replied'],
      fields: [
        {
          name: 'feedback',
          label: '反馈意见',
          type: 'select',
          required: true,
          options: opts(FEEDBACK_LABELS),
        },
      ],
      effects: [{ status: 'done' }],
    },
  ],
  clocks: [
    {
      code: 'reply',
      label: '答复期限',
      unit: 'day',
      dueField: 'dueOn',
      legalBasis: '代表法第五十一条',
      start: [{ action: 'assign' }],
      stop: ['reply'],
      override: { action: 'markDifficult', dateField: 'dueOn', reasonField: 'reason' },
    },
    {
      code: 'coOpinion',
      label: '协办意见期限',
      unit: 'day',
      dueField: 'coDueOn',
      legalBasis: '建议提案办理工作规定（协办单位1个月内提出协办意见）',
      start: [{ action: 'assign' }],
      stop: ['coOpinionsIn'],
    },
  ],
  outcomes: Object.entries(RESULT_LABELS).map(([code, label]) => ({ code, label })),
});

export const PROPOSAL_MODULE_ACTIONS = [
  'assign',
  'contact',
  'coOpinionsIn',
  'markDifficult',
  'reply',
  'feedback',
];

/** `date` + n calendar months, the same day of the month (the month's last day when it has no such day). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
