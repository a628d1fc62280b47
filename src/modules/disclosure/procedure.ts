/**
 * 依申请公开 (DisclosureRequest) under the 政府信息公开条例 (国务院令第711号, in force 2019-05-15),
 * RULES §5.4 and §13. Declared as data; the procedure engine enforces it.
 */
import type {
  ActionDef,
  ClockDef,
  Cond,
  FieldSpec,
  Gate,
  ProcedureDef,
  StepDef,
} from '../../core/procedure/engine.ts';
import {
  ANSWER_OUTCOMES,
  APPLICANT_TYPES,
  CHANNELS,
  DISCLOSURE_OUTCOMES,
  NEEDS_REASONS,
  OPINIONS,
  outcomeLabel,
} from './outcomes.ts';

export interface DisclosureSettings {
  /**
   * Whether the time between a fee notice and payment is excluded from the answer period.
   * RULES §5.4 5c / §14.3: unverified ([M], "likely yes"), hence configurable.
   */
  feePausesClock?: boolean;
}

const GIO = '《政府信息公开条例》';

/**
 * 条例 Art 31: the receipt date, which starts the clocks (counted from the next day), by channel — the field of
 * the intake that holds it (requests/receipt.ts). By default the date typed as 收到申请之日: 当面 = the day of
 * submission (Art 31(1)), 互联网/传真/电子邮件 = the day both sides confirm (Art 31(3)), 口头 = the day it is
 * taken down (Art 29). By post (Art 31(2)): the day this organ signs for it; post needing no signature
 * (平常信函) = the day the office confirms with the applicant, which it must do on the day the letter arrives.
 */
export const RECEIPT_DATE_FIELD: Readonly<Record<string, 'signedOn' | 'confirmedOn'>> = {
  registeredPost: 'signedOn',
  mail: 'confirmedOn',
};

const byPost = (channel: 'registeredPost' | 'mail') => ({ data: 'channel', eq: channel });

const deliveredOn = (who: string): FieldSpec => ({
  name: 'deliveredOn',
  label: `${who}收到征求意见书之日`,
  type: 'date',
  help: '不填则按发出之日计算',
});

const clocks = (s: Required<DisclosureSettings>): ClockDef[] => [
  {
    code: 'answer',
    label: '答复期限',
    unit: 'workday',
    count: 20, // 条例 Art 33 ¶2: 20 工作日 from receipt
    legalBasis: `${GIO}第三十三条`,
    start: [{ action: 'receive' }],
    // 条例 Art 30: the period runs from the receipt of the corrected application.
    restart: [
      {
        action: 'supplementReceived',
        note: '收到补正后的申请，答复期限自收到之日重新起算（条例第三十条）',
      },
    ],
    stop: ['answer', 'abandon', 'withdraw', 'feeUnpaid'],
    pause: [
      // Superseded by the restart on supplementReceived (or closed by abandon).
      { action: 'supplementRequest', reason: '等待申请人补正', resume: [] },
      // 条例 Art 33 ¶3: time for consulting third parties and other organs is not counted.
      {
        action: 'thirdPartyConsult',
        reason: '征求第三方意见',
        resume: ['thirdPartyReplied'],
        lapse: 'thirdPartyReply',
      },
      {
        action: 'organConsult',
        reason: '征求有关机关意见',
        resume: ['organReplied'],
        lapse: 'organReply',
      },
      // RULES §5.4 5c / §13: the time from the fee notice to payment is not counted ([M], "likely yes"; setting).
      // It cannot outlast the 20-WD payment window: after it the applicant is deemed to have abandoned
      // the request, the answer clock runs again and staff close the request as 其他处理-2.
      ...(s.feePausesClock
        ? [
            {
              action: 'feeNotice',
              reason: '等待申请人缴纳信息处理费',
              resume: ['feePaid'],
              lapse: 'feePayment',
            },
          ]
        : []),
    ],
    extend: { action: 'extend', field: 'workdays', cap: 20 }, // 条例 Art 33 ¶2: 延长 ≤ 20 工作日
    override: { action: 'setDeadline', dateField: 'dueOn', reasonField: 'reason' }, // 条例 Art 35
  },
  {
    code: 'supplementNotice',
    label: '补正告知期限',
    unit: 'workday',
    count: 7, // 条例 Art 30: 一次性告知 within 7 工作日 of receipt
    legalBasis: `${GIO}第三十条`,
    window: true,
    start: [{ action: 'receive' }],
    stop: ['supplementRequest', 'answer', 'abandon', 'withdraw'],
  },
  {
    code: 'applicantSupplement',
    label: '申请人补正期限',
    unit: 'day',
    dueField: 'supplementDueOn', // the 合理的补正期限 set in the notice (条例 Art 30)
    legalBasis: `${GIO}第三十条`,
    start: [{ action: 'supplementRequest' }],
    stop: ['supplementReceived', 'abandon', 'withdraw'],
  },
  {
    code: 'thirdPartyReply',
    label: '第三方答复期限',
    unit: 'workday',
    count: 15, // 条例 Art 32: 15 工作日 from the third party's receipt of the letter
    legalBasis: `${GIO}第三十二条`,
    start: [{ action: 'thirdPartyConsult', dateField: 'deliveredOn' }],
    stop: ['thirdPartyReplied', 'answer', 'withdraw', 'abandon'],
  },
  {
    code: 'organReply',
    label: '有关机关答复期限',
    unit: 'workday',
    count: 15, // 条例 Art 34: 15 工作日; silence = consent
    legalBasis: `${GIO}第三十四条`,
    start: [{ action: 'organConsult', dateField: 'deliveredOn' }],
    stop: ['organReplied', 'answer', 'withdraw', 'abandon'],
  },
  {
    code: 'feePayment',
    label: '缴费期限',
    unit: 'workday',
    count: 20, // 国办函〔2020〕109号 (via local implementing rules, RULES §5.4 5c): 20 工作日 from receipt of the notice
    legalBasis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    start: [{ action: 'feeNotice', dateField: 'deliveredOn' }],
    stop: ['feePaid', 'feeUnpaid', 'answer', 'withdraw'],
  },
];

/**
 * The procedure role of the account that approves (the 政府信息公开工作机构负责人, 条例 Art 33 ¶2): no account
 * holds it; the request service records an approval as this role after checking the configured approver role
 * (approval.ts) and that the approver is not the clerk who asked, and routes the approval step to that role.
 */
export const APPROVER = 'approver';

// An approval is pending while the request is the latest of its request/decision acts.
const extensionPending: Cond = {
  latest: ['extendRequest', 'extend', 'extendRefuse'],
  is: 'extendRequest',
};
const answerPending: Cond = {
  latest: ['answerDraft', 'answerReturn', 'answer'],
  is: 'answerDraft',
};

const steps: StepDef[] = [
  {
    code: 'answer',
    label: '答复申请人',
    roles: ['staff'],
    open: {
      all: [{ status: 'open' }, { not: { clock: 'applicantSupplement', state: 'running' } }],
    },
    clock: 'answer',
  },
  // 条例 Art 33 ¶2: the extension needs the 负责人's consent before the answer period ends.
  {
    code: 'extensionApproval',
    label: '审批延长答复期限',
    roles: [APPROVER],
    open: { all: [{ status: 'open' }, extensionPending] },
    clock: 'answer',
  },
  {
    code: 'extensionNotice',
    label: '告知申请人延长答复期限',
    roles: ['staff'],
    open: { all: [{ status: 'open' }, { latest: ['extend', 'extensionNotice'], is: 'extend' }] },
  },
  // The answer goes out under the organ's name only once signed off (审签) by the approver.
  {
    code: 'answerApproval',
    label: '审签答复',
    roles: [APPROVER],
    open: { all: [{ status: 'open' }, answerPending] },
    clock: 'answer',
  },
  {
    code: 'applicantSupplement',
    label: '申请人补正',
    roles: ['applicant'],
    open: { clock: 'applicantSupplement', state: 'running' },
    clock: 'applicantSupplement',
  },
  {
    code: 'thirdPartyReply',
    label: '第三方提出意见',
    roles: ['thirdParty'],
    open: { clock: 'thirdPartyReply', state: 'running', overdue: false },
    clock: 'thirdPartyReply',
  },
  {
    code: 'organReply',
    label: '有关机关提出意见',
    roles: ['otherOrgan'],
    open: { clock: 'organReply', state: 'running', overdue: false },
    clock: 'organReply',
  },
  {
    code: 'feePayment',
    label: '申请人缴纳信息处理费',
    roles: ['applicant'],
    open: { clock: 'feePayment', state: 'running' },
    clock: 'feePayment',
  },
];

const notAwaitingSupplement: Gate = {
  when: { not: { clock: 'applicantSupplement', state: 'running' } },
  code: 'awaiting_supplement',
  message: '正在等待申请人补正，暂不能办理此项',
};
const answerClockActive: Gate = {
  when: { clock: 'answer', state: ['running', 'paused'] },
  code: 'clock_inactive',
  message: '答复期限不在计算中（尚未登记收到申请或已办结）',
};

/** Consult-and-reply action pairs: third parties (条例 Art 32) and co-producing organs (Art 34). */
function consultation(prefix: 'thirdParty' | 'organ', who: string, clock: string): ActionDef[] {
  return [
    {
      code: `${prefix}Consult`,
      label: prefix === 'thirdParty' ? '书面征求第三方意见' : '征求有关机关意见',
      roles: ['staff'],
      requires: [
        answerClockActive,
        notAwaitingSupplement,
        {
          when: { not: { clock, state: 'running', overdue: false } },
          code: 'consultation_pending',
          message: `正在征求${who}意见，尚未收到答复或答复期限未满`,
        },
      ],
      fields: [
        { name: prefix, label: who, type: 'text', required: true },
        deliveredOn(who),
        { name: 'matter', label: '征求意见事项', type: 'longText' },
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'deliveredOn' },
          min: { count: 0, unit: 'day' },
          code: 'delivered_before_sent',
          message: `${who}收到之日不能早于发出之日`,
        },
      ],
    },
    {
      code: `${prefix}Replied`,
      label: `收到${who}意见`,
      roles: ['staff'],
      requires: [
        {
          when: { clock, state: 'running' },
          code: 'no_consultation',
          message: `没有正在进行的${who}意见征求`,
        },
      ],
      fields: [
        { name: 'opinion', label: `${who}意见`, type: 'select', required: true, options: OPINIONS },
        { name: 'summary', label: '意见摘要', type: 'longText' },
      ],
    },
  ];
}

const actions: ActionDef[] = [
  {
    code: 'receive',
    label: '登记收到申请',
    roles: ['staff'],
    statuses: ['new'],
    fields: [
      {
        name: 'channel',
        label: '申请渠道',
        type: 'select',
        required: true,
        options: CHANNELS,
        help: '办理日期填写条例第三十一条规定的收到申请之日',
      },
      {
        name: 'applicantType',
        label: '申请人类型',
        type: 'select',
        required: true,
        options: APPLICANT_TYPES,
      },
      // Not required: a request lacking identity or description is received and goes down the 补正 path (条例 Art 30).
      // Personal data stays in disclosure_requests (visible to the disclosure office only), not in the case history.
      { name: 'applicantName', label: '申请人', type: 'text' },
      { name: 'content', label: '申请内容', type: 'longText' },
      // 条例 Art 31(2), by post: the 签收 (and the parcel's number), or the letter's arrival and the confirmation.
      { name: 'signedOn', label: '签收日期', type: 'date', requiredWhen: byPost('registeredPost') },
      { name: 'mailNumber', label: '邮件号码', type: 'text' },
      { name: 'arrivedOn', label: '信函收到日期', type: 'date', requiredWhen: byPost('mail') },
      {
        name: 'confirmedOn',
        label: '与申请人确认日期',
        type: 'date',
        requiredWhen: byPost('mail'),
      },
      { name: 'confirmation', label: '确认情况', type: 'text' },
      { name: 'lateReason', label: '未能当日确认的原因', type: 'longText' },
    ],
    dateRules: [
      {
        when: byPost('registeredPost'),
        from: { field: 'signedOn' },
        to: 'event',
        min: { count: 0, unit: 'day' },
        max: { count: 0, unit: 'day' },
        code: 'receipt_signed',
        message: '以邮寄方式提交的申请，以本机关签收之日为收到申请之日（条例第三十一条第（二）项）',
      },
      {
        when: byPost('mail'),
        from: { field: 'confirmedOn' },
        to: 'event',
        min: { count: 0, unit: 'day' },
        max: { count: 0, unit: 'day' },
        code: 'receipt_confirmed',
        message:
          '以无需签收的邮寄方式提交的申请，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）',
      },
      {
        when: byPost('mail'),
        from: { field: 'arrivedOn' },
        to: { field: 'confirmedOn' },
        min: { count: 0, unit: 'day' },
        code: 'confirmed_before_arrival',
        message: '与申请人确认日期不能早于信函收到日期',
      },
      {
        when: byPost('mail'),
        from: { field: 'arrivedOn' },
        to: { field: 'confirmedOn' },
        max: { count: 0, unit: 'day' },
        severity: 'warn',
        code: 'confirmed_late',
        message: '应当于收到申请的当日与申请人确认（条例第三十一条第（二）项）',
      },
    ],
    effects: [{ status: 'open' }],
  },
  {
    code: 'supplementRequest',
    label: '一次性告知补正',
    roles: ['staff'],
    once: {
      code: 'supplement_once',
      message: '补正告知应当一次性作出，不能再次告知补正（条例第三十条）',
    },
    requires: [answerClockActive],
    within: {
      clock: 'supplementNotice',
      message: '应当自收到申请之日起7个工作日内一次性告知申请人补正（条例第三十条）',
    },
    fields: [
      { name: 'items', label: '需要补正的事项', type: 'longText', required: true },
      {
        name: 'supplementDueOn',
        label: '补正期限',
        type: 'date',
        required: true,
        help: '给予申请人合理的补正期限',
      },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'supplementDueOn' },
        min: { count: 1, unit: 'day' },
        code: 'supplement_period',
        message: '补正期限应当晚于告知之日',
      },
    ],
  },
  {
    code: 'supplementReceived',
    label: '收到补正后的申请',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'applicantSupplement', state: 'running' },
        code: 'no_supplement_pending',
        message: '没有待补正的事项',
      },
    ],
    fields: [{ name: 'note', label: '补正情况', type: 'longText' }],
    dateRules: [
      {
        from: { action: 'supplementRequest', field: 'supplementDueOn' },
        to: 'event',
        max: { count: 0, unit: 'day' },
        severity: 'warn',
        code: 'supplement_late',
        message: '已超过补正期限；申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）',
      },
    ],
  },
  {
    code: 'abandon',
    label: '逾期未补正，视为放弃申请',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'applicantSupplement', state: 'running' },
        code: 'no_supplement_pending',
        message: '未告知补正或已收到补正，不能视为放弃申请',
      },
      {
        when: { clock: 'applicantSupplement', overdue: true },
        code: 'supplement_not_lapsed',
        message: '补正期限尚未届满，不能视为放弃申请（条例第三十条）',
      },
    ],
    effects: [{ status: 'closed', outcome: 'other1' }],
  },
  ...consultation('thirdParty', '第三方', 'thirdPartyReply'),
  ...consultation('organ', '有关机关', 'organReply'),
  {
    code: 'extendRequest',
    label: '申请延长答复期限',
    // 条例 Art 33 ¶2: the clerk asks; the extension takes effect only when the 负责人 consents (extend).
    roles: ['staff', 'leader'],
    requires: [
      answerClockActive,
      {
        when: { not: extensionPending },
        code: 'extension_pending',
        message: '已申请延长答复期限，正在等待审批',
      },
    ],
    within: { clock: 'answer', message: '延长答复期限应当在答复期限届满前申请并经批准' },
    fields: [
      { name: 'workdays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 20 },
      { name: 'reason', label: '延长理由', type: 'longText', required: true },
    ],
  },
  {
    code: 'extend',
    label: '同意延长答复期限',
    // 条例 Art 33 ¶2: 经政府信息公开工作机构负责人同意 — recorded by the approving account in its own session.
    roles: [APPROVER],
    requires: [
      answerClockActive,
      {
        when: extensionPending,
        code: 'no_extension_request',
        message: '没有待审批的延长答复期限申请',
      },
    ],
    within: { clock: 'answer', message: '延长答复期限应当在答复期限届满前批准' },
    fields: [
      { name: 'workdays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 20 },
      { name: 'opinion', label: '审批意见', type: 'longText' },
    ],
  },
  {
    code: 'extendRefuse',
    label: '不同意延长答复期限',
    roles: [APPROVER],
    requires: [
      {
        when: extensionPending,
        code: 'no_extension_request',
        message: '没有待审批的延长答复期限申请',
      },
    ],
    fields: [{ name: 'opinion', label: '审批意见', type: 'longText', required: true }],
  },
  {
    code: 'extensionNotice',
    label: '告知申请人延长答复期限',
    // 条例 Art 33 ¶2: 并告知申请人.
    roles: ['staff', 'leader'],
    requires: [
      {
        when: { latest: ['extend', 'extensionNotice'], is: 'extend' },
        code: 'no_extension',
        message: '没有已批准、尚未告知申请人的延长',
      },
    ],
    fields: [{ name: 'method', label: '告知方式', type: 'text', required: true }],
  },
  {
    code: 'setDeadline',
    label: '确定延迟答复的合理期限',
    // 条例 Art 35: excessive requests — reasonable deadline, applicant notified.
    roles: ['staff', 'leader'],
    requires: [answerClockActive],
    fields: [
      { name: 'dueOn', label: '答复期限', type: 'date', required: true },
      { name: 'reason', label: '理由', type: 'longText', required: true },
      { name: 'noticeOn', label: '告知申请人日期', type: 'date', required: true },
    ],
    dateRules: [
      {
        from: 'event',
        to: { field: 'dueOn' },
        min: { count: 1, unit: 'day' },
        code: 'deadline_in_past',
        message: '答复期限应当晚于确定之日',
      },
    ],
  },
  {
    code: 'feeNotice',
    label: '发出收费通知',
    roles: ['staff'],
    requires: [
      answerClockActive,
      {
        when: { not: { clock: 'feePayment', state: 'running' } },
        code: 'fee_pending',
        message: '已发出收费通知，正在等待缴费',
      },
    ],
    within: { clock: 'answer', message: '收费通知应当在答复期限内发出' },
    fields: [
      { name: 'amount', label: '收费金额（元）', type: 'number', required: true, min: 0 },
      // 国办函〔2020〕109号: 按件 or 按量, one method per request.
      {
        name: 'method',
        label: '计收方式',
        type: 'select',
        options: [
          { value: 'perRequest', label: '按件计收' },
          { value: 'perPage', label: '按量计收' },
        ],
      },
      { name: 'pages', label: '页数（按量计收）', type: 'number', min: 0 },
      { name: 'deliveredOn', label: '申请人收到通知之日', type: 'date' },
    ],
  },
  {
    code: 'feePaid',
    label: '申请人已缴费',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'feePayment', state: 'running' },
        code: 'no_fee_pending',
        message: '没有待缴纳的信息处理费',
      },
      // 109号 (via local rules): 逾期未缴纳的，视为放弃申请 — a payment after the window does not revive the request.
      {
        when: { clock: 'feePayment', overdue: false },
        code: 'fee_lapsed',
        message: '缴费期限已届满，申请人逾期未缴费的视为放弃申请，应按“逾期未缴费，不再处理”办理',
      },
    ],
  },
  {
    code: 'feeUnpaid',
    label: '逾期未缴费，不再处理',
    roles: ['staff'],
    requires: [
      {
        when: { clock: 'feePayment', overdue: true },
        code: 'fee_not_lapsed',
        message: '缴费期限尚未届满',
      },
    ],
    effects: [{ status: 'closed', outcome: 'other2' }],
  },
  {
    code: 'legalCheck',
    label: '法制审核答复意见',
    roles: ['legalOfficer'],
    requires: [answerClockActive],
    fields: [{ name: 'opinion', label: '审核意见', type: 'longText', required: true }],
  },
  ...answerActions(),
  {
    code: 'withdraw',
    label: '申请人撤回申请',
    roles: ['staff'],
    statuses: ['open'],
    fields: [{ name: 'reason', label: '撤回情况', type: 'longText' }],
    effects: [{ status: 'closed', outcome: 'other3' }],
  },
];

/**
 * The answer: the clerk drafts it and asks for 审签 (answerDraft); the approver signs it off (answer: the
 * request is answered and closed) or returns it with an opinion (answerReturn). The gates of the answer
 * apply to the draft and again to the sign-off.
 */
function answerActions(): ActionDef[] {
  const gates: Gate[] = [
    {
      ...notAwaitingSupplement,
      message: '正在等待申请人补正，不能作出答复；补正期限届满未补正的，按“视为放弃申请”办理',
    },
    {
      when: { not: { clock: 'feePayment', state: 'running' } },
      code: 'fee_pending',
      message: '正在等待申请人缴纳信息处理费',
    },
    {
      when: {
        any: [{ not: { data: 'outcome', eq: 'unable_unclear' } }, { done: 'supplementReceived' }],
      },
      code: 'outcome_needs_supplement',
      message: '“补正后申请内容仍不明确”只能在申请人补正后适用',
    },
  ];
  const fields: FieldSpec[] = [
    {
      name: 'outcome',
      label: '答复类型',
      type: 'select',
      required: true,
      options: ANSWER_OUTCOMES.map((o) => ({ value: o.code, label: outcomeLabel(o) })),
    },
    {
      name: 'reasons',
      label: '理由及依据',
      type: 'longText',
      requiredWhen: { data: 'outcome', in: NEEDS_REASONS },
    },
    { name: 'legalBasis', label: '法律依据（条例条款）', type: 'text' },
    { name: 'replyLetterNo', label: '答复书编号', type: 'text' },
    { name: 'delivery', label: '送达方式', type: 'text' },
  ];
  const pending: Gate = {
    when: answerPending,
    code: 'no_answer_draft',
    message: '没有待审签的答复',
  };
  return [
    {
      code: 'answerDraft',
      label: '拟定答复并提请审签',
      roles: ['staff', 'leader'],
      requires: [
        ...gates,
        {
          when: { not: answerPending },
          code: 'answer_pending',
          message: '答复已提请审签，正在等待审签',
        },
      ],
      fields,
    },
    {
      code: 'answer',
      label: '审签同意并作出答复',
      roles: [APPROVER],
      requires: [pending, ...gates],
      fields: [...fields, { name: 'opinion', label: '审签意见', type: 'longText' }],
      effects: [{ status: 'closed', outcome: { field: 'outcome' } }],
    },
    {
      code: 'answerReturn',
      label: '退回修改答复',
      roles: [APPROVER],
      requires: [pending],
      fields: [{ name: 'opinion', label: '审签意见', type: 'longText', required: true }],
    },
  ];
}

/** Builds the procedure; settings cover rules that are not verified nationally (RULES §14). */
export function disclosureRequestProcedure(settings: DisclosureSettings = {}): ProcedureDef {
  const s: Required<DisclosureSettings> = { feePausesClock: settings.feePausesClock ?? true };
  return {
    code: 'disclosureRequest',
    label: '依申请公开',
    statuses: [
      { code: 'new', label: '待登记' },
      { code: 'open', label: '办理中' },
      { code: 'closed', label: '办结', final: true },
    ],
    initialStatus: 'new',
    roleLabels: {
      staff: '工作人员',
      leader: '负责人',
      [APPROVER]: '审批人（政府信息公开工作机构负责人）',
      legalOfficer: '法制审核人员',
      applicant: '申请人',
      thirdParty: '第三方',
      otherOrgan: '有关机关',
    },
    steps,
    actions,
    clocks: clocks(s),
    outcomes: DISCLOSURE_OUTCOMES.map((o) => ({ code: o.code, label: outcomeLabel(o) })),
  };
}

/** The default 依申请公开 procedure. */
export const DISCLOSURE_REQUEST: ProcedureDef = disclosureRequestProcedure();
