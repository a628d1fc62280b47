/**
 * 行政处罚 (PenaltyCase) under 行政处罚法 (2021-01-22 revision, in force 2021-07-15), RULES §8.2, as data:
 * 立案 (Art 54; limitation Art 36, checked by the service) → 调查取证 (≥ 2 officers, Art 42; 先行登记保存
 * decided within 7 工作日, Art 56 with Art 85) → 告知 (Art 44) → 陈述申辩 (Art 45) → 听证 where Art 63
 * applies (request within 5 工作日, notice ≥ 7 工作日 before, Art 64 with Art 85) → 法制审核 (Art 58) →
 * 集体讨论 (Art 57 ¶2) → 决定 within 90 日 of 立案 (Art 60, extensions recorded) → 送达 within 7 工作日
 * (Art 61 with Art 85) → 执行 (15 日, Art 67; 加处罚款 Art 72) → 事后公开 within 7 工作日 (国办发〔2018〕
 * 118号) and withdrawal within 3 工作日 when revoked (Art 48 ¶2 with Art 85) → 结案.
 * Art 85: “本法中‘二日’‘三日’‘五日’‘七日’的规定是指工作日，不含法定节假日” — longer periods are 日.
 * 简易程序 (Arts 51–52) is the second procedure below.
 */
import type {
  ActionDef,
  ClockDef,
  Cond,
  Gate,
  ProcedureDef,
  StepDef,
} from '../../core/procedure/engine.ts';
import { CONCLUSION_LABELS } from '../reviews/index.ts';

const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const ALL = ['officer', 'staff', 'legalOfficer', 'leader'];
const HANDLERS = ['officer', 'staff', 'leader'];

// ---------- conditions ----------
/** 重大执法决定 (Art 57 ¶2, Art 58 (一)(三)): as recorded at 立案, or as re-classified later. */
const major: Cond = {
  any: [
    { all: [{ notDone: 'classify' }, { last: 'open', field: 'major', eq: true }] },
    { last: 'classify', field: 'major', eq: true },
  ],
};
/** Art 58 (二): 直接关系当事人或者第三人重大权益，经过听证程序的. */
const needsLegalCheck: Cond = { any: [major, { done: 'holdHearing' }] };
const reviewConcluded: Cond = {
  latest: ['submitLegalCheck', 'concludeLegalReview'],
  is: 'concludeLegalReview',
};
const foundLawful: Cond = {
  all: [
    reviewConcluded,
    { last: 'concludeLegalReview', field: 'conclusion', in: ['lawful', 'lawfulAfterRevision'] },
  ],
};
const hearingRequested: Cond = {
  all: [{ done: 'requestHearing' }, { notDone: 'withdrawHearing' }],
};
const hearingEligible: Cond = { last: 'serveNotice', field: 'hearingEligible', eq: true };
const discussed: Cond = {
  latest: ['concludeLegalReview', 'collectiveDiscussion'],
  is: 'collectiveDiscussion',
};
const decided: Cond = { last: 'decide', field: 'decisionType', eq: 'penalty' };

export const gates = {
  officers: {
    when: { done: 'assignOfficers' },
    code: 'no_officers',
    message: '尚未指派两名以上具有行政执法资格的执法人员（行政处罚法第四十二条）',
  },
  notice: {
    when: { done: 'serveNotice' },
    code: 'no_notice',
    message:
      '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利；未告知的不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）',
  },
  hearingHeld: {
    when: { any: [{ not: hearingRequested }, { done: 'holdHearing' }] },
    code: 'hearing_pending',
    message: '当事人已要求听证，听证结束前不得作出行政处罚决定（行政处罚法第六十三条、第六十五条）',
  },
  legalCheck: {
    when: { any: [{ not: needsLegalCheck }, foundLawful] },
    code: 'legal_check_missing',
    message:
      '本案属于应当进行法制审核的情形，未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）',
  },
  collective: {
    when: { any: [{ not: major }, discussed] },
    code: 'collective_missing',
    message:
      '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）',
  },
  eligible: {
    when: hearingEligible,
    code: 'hearing_not_applicable',
    message: '告知书载明的处罚不属于应当告知听证权利的情形（行政处罚法第六十三条）',
  },
  hearingRequested: {
    when: hearingRequested,
    code: 'hearing_not_requested',
    message: '当事人未要求听证',
  },
  hearingScheduled: {
    when: { done: 'scheduleHearing' },
    code: 'hearing_not_scheduled',
    message: '尚未通知当事人举行听证的时间、地点（行政处罚法第六十四条）',
  },
  decided: { when: { done: 'decide' }, code: 'not_decided', message: '尚未作出行政处罚决定' },
  penaltyDecided: {
    when: decided,
    code: 'no_penalty',
    message: '本案决定不予行政处罚，无须执行或公开',
  },
  delivered: {
    when: { done: 'deliver' },
    code: 'not_delivered',
    message: '行政处罚决定书尚未送达（行政处罚法第六十一条）',
  },
  executed: {
    when: { any: [{ done: 'execute' }, { not: decided }] },
    code: 'not_executed',
    message: '行政处罚决定尚未执行完毕（行政处罚法第六十六条）',
  },
  published: {
    when: { any: [{ done: 'publish' }, { done: 'exemptPublication' }, { not: decided }] },
    code: 'not_published',
    message: '行政处罚决定尚未按规定公开（行政处罚法第四十八条，国办发〔2018〕118号）',
  },
} satisfies Record<string, Gate>;

// ---------- clocks ----------
const clocks: ClockDef[] = [
  {
    code: 'decide',
    label: '作出行政处罚决定期限',
    unit: 'day',
    count: 90,
    legalBasis: '《行政处罚法》第六十条',
    start: [{ action: 'open' }],
    stop: ['decide', 'terminate'],
    extend: { action: 'extendDecision', field: 'days', cap: 90 },
  },
  {
    code: 'preservation',
    label: '先行登记保存处理决定期限',
    unit: 'workday',
    count: 7,
    legalBasis: '《行政处罚法》第五十六条、第八十五条',
    start: [{ action: 'preserveEvidence' }],
    stop: ['decidePreservation'],
  },
  {
    code: 'statement',
    label: '陈述申辩期限',
    unit: 'workday',
    dueField: 'statementUntil',
    window: true,
    start: [{ action: 'serveNotice' }],
    stop: ['waiveRights', 'decide', 'terminate'],
  },
  {
    code: 'hearingRequest',
    label: '要求听证期限',
    unit: 'workday',
    count: 5,
    window: true,
    legalBasis: '《行政处罚法》第六十四条第一项、第八十五条',
    start: [{ action: 'serveNotice' }],
    stop: ['requestHearing', 'waiveRights'],
  },
  {
    code: 'delivery',
    label: '送达行政处罚决定书期限',
    unit: 'workday',
    count: 7,
    legalBasis: '《行政处罚法》第六十一条、第八十五条',
    start: [{ action: 'decide' }],
    stop: ['deliver'],
  },
  {
    code: 'payment',
    label: '缴纳罚款期限',
    unit: 'day',
    count: 15,
    legalBasis: '《行政处罚法》第六十七条',
    start: [{ action: 'deliver' }],
    stop: ['execute', 'revoke'],
  },
  {
    code: 'publication',
    label: '行政处罚决定公开期限',
    unit: 'workday',
    count: 7,
    legalBasis: '国办发〔2018〕118号（行政执法公示制度）；《行政处罚法》第四十八条',
    start: [{ action: 'decide' }],
    stop: ['publish', 'exemptPublication', 'revoke'],
  },
  {
    code: 'withdrawal',
    label: '撤回已公开处罚决定期限',
    unit: 'workday',
    count: 3,
    legalBasis: '《行政处罚法》第四十八条第二款、第八十五条',
    start: [{ action: 'revoke' }],
    stop: ['withdrawPublication'],
  },
];

// ---------- steps ----------
const active: Cond = { status: ['investigating', 'notified'] };
const steps: StepDef[] = [
  {
    code: 'assignOfficers',
    label: '指派执法人员',
    roles: ['leader', 'staff', 'officer'],
    open: { all: [{ status: 'investigating' }, { notDone: 'assignOfficers' }] },
  },
  {
    code: 'preservation',
    label: '先行登记保存物品处理决定',
    roles: HANDLERS,
    open: { clock: 'preservation', state: 'running' },
    clock: 'preservation',
  },
  {
    code: 'serveNotice',
    label: '行政处罚事先告知',
    roles: HANDLERS,
    open: { all: [{ status: 'investigating' }, { done: 'assignOfficers' }] },
  },
  {
    code: 'scheduleHearing',
    label: '通知听证',
    roles: HANDLERS,
    open: { all: [active, hearingRequested, { notDone: 'scheduleHearing' }] },
  },
  {
    code: 'holdHearing',
    label: '举行听证',
    roles: HANDLERS,
    open: {
      all: [active, hearingRequested, { done: 'scheduleHearing' }, { notDone: 'holdHearing' }],
    },
  },
  {
    code: 'legalCheck',
    label: '法制审核',
    roles: ['legalOfficer'],
    open: {
      all: [
        active,
        { latest: ['submitLegalCheck', 'concludeLegalReview'], is: 'submitLegalCheck' },
      ],
    },
  },
  {
    code: 'collectiveDiscussion',
    label: '负责人集体讨论',
    roles: ['leader'],
    open: { all: [active, major, foundLawful, { not: discussed }] },
  },
  {
    code: 'decide',
    label: '作出行政处罚决定',
    roles: ['leader'],
    open: { all: [active, { done: 'serveNotice' }] },
    clock: 'decide',
  },
  {
    code: 'deliver',
    label: '送达行政处罚决定书',
    roles: HANDLERS,
    open: { all: [{ status: 'decided' }, { notDone: 'deliver' }] },
    clock: 'delivery',
  },
  {
    code: 'payment',
    label: '执行行政处罚决定',
    roles: HANDLERS,
    open: { all: [{ status: 'executing' }, { notDone: 'execute' }] },
    clock: 'payment',
  },
  {
    code: 'publish',
    label: '公开行政处罚决定',
    roles: ALL,
    open: {
      all: [
        decided,
        { status: ['decided', 'executing'] },
        { notDone: ['publish', 'exemptPublication'] },
      ],
    },
    clock: 'publication',
  },
  {
    code: 'withdrawPublication',
    label: '撤回已公开的处罚决定并说明理由',
    roles: ALL,
    open: { status: 'revoked' },
    clock: 'withdrawal',
  },
  {
    code: 'close',
    label: '结案归档',
    roles: HANDLERS,
    open: {
      all: [
        { status: 'executing' },
        { done: 'execute' },
        { any: [{ done: 'publish' }, { done: 'exemptPublication' }] },
      ],
    },
  },
];

// ---------- actions ----------
const amountFields = [
  { name: 'types', label: '处罚种类', type: 'text' as const, required: true },
  { name: 'fineAmount', label: '罚款金额（元）', type: 'number' as const, min: 0 },
  { name: 'confiscationAmount', label: '没收金额（元）', type: 'number' as const, min: 0 },
];
const actions: ActionDef[] = [
  {
    code: 'open',
    label: '立案',
    roles: HANDLERS,
    statuses: ['new'],
    fields: [
      { name: 'partyName', label: '当事人', type: 'text', required: true },
      { name: 'actOn', label: '违法行为发生（终了）日期', type: 'date', required: true },
      { name: 'discoveredOn', label: '发现日期', type: 'date', required: true },
      { name: 'major', label: '重大执法决定（情节复杂或者重大违法行为）', type: 'boolean' },
      { name: 'approvedBy', label: '立案审批人', type: 'text', requiredUnlessRole: ['leader'] },
    ],
    // The discovery lies within the limitation period (Art 36; the service computes limitationEnd).
    dateRules: [
      {
        from: { field: 'discoveredOn' },
        to: { field: 'limitationEnd' },
        min: { count: 0, unit: 'day' },
        code: 'limitation',
        message: '违法行为已超过行政处罚法第三十六条规定的追责期限，不再给予行政处罚',
      },
    ],
    effects: [{ status: 'investigating' }],
  },
  {
    code: 'assignOfficers',
    label: '指派执法人员',
    roles: ['leader', 'staff', 'officer'],
    statuses: ['investigating', 'notified'],
    fields: [
      { name: 'officerCount', label: '执法人员人数', type: 'number', required: true, min: 2 },
    ],
  },
  {
    code: 'classify',
    label: '认定重大执法决定',
    roles: ['leader', 'legalOfficer'],
    statuses: ['investigating', 'notified'],
    fields: [
      { name: 'major', label: '重大执法决定', type: 'boolean', required: true },
      { name: 'reason', label: '理由', type: 'longText', required: true },
    ],
  },
  {
    code: 'collectEvidence',
    label: '调查取证',
    roles: HANDLERS,
    statuses: ['investigating', 'notified'],
    requires: [gates.officers],
    fields: [{ name: 'summary', label: '取证情况', type: 'longText', required: true }],
  },
  {
    code: 'preserveEvidence',
    label: '先行登记保存',
    roles: HANDLERS,
    statuses: ['investigating'],
    requires: [gates.officers],
    fields: [
      { name: 'items', label: '保存物品', type: 'longText', required: true },
      { name: 'approvedBy', label: '批准负责人', type: 'text', required: true },
    ],
  },
  {
    code: 'decidePreservation',
    label: '先行登记保存处理决定',
    roles: HANDLERS,
    statuses: ['investigating', 'notified'],
    requires: [
      {
        when: { clock: 'preservation', state: 'running' },
        code: 'no_preservation',
        message: '没有待处理的先行登记保存',
      },
    ],
    fields: [{ name: 'measure', label: '处理措施', type: 'longText', required: true }],
  },
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
  {
    code: 'deliver',
    label: '送达行政处罚决定书',
    roles: HANDLERS,
    statuses: ['decided'],
    fields: [
      { name: 'method', label: '送达方式', type: 'text', required: true },
      { name: 'recipient', label: '受送达人', type: 'text', required: true },
    ],
    effects: [{ status: 'executing' }],
  },
  {
    code: 'execute',
    label: '执行完毕',
    roles: HANDLERS,
    statuses: ['executing'],
    requires: [gates.delivered],
    fields: [
      { name: 'paidAmount', label: '实缴罚没款（元）', type: 'number', min: 0 },
      { name: 'surcharge', label: '加处罚款（元）', type: 'number', min: 0 },
      { name: 'note', label: '执行情况', type: 'longText', required: true },
    ],
  },
  {
    code: 'publish',
    label: '公开行政处罚决定',
    roles: ALL,
    statuses: ['decided', 'executing'],
    requires: [gates.penaltyDecided],
    once: { message: '已公开' },
  },
  {
    code: 'exemptPublication',
    label: '不予公开（说明理由）',
    roles: ['leader'],
    statuses: ['decided', 'executing'],
    requires: [gates.penaltyDecided],
    fields: [{ name: 'reason', label: '不予公开理由', type: 'longText', required: true }],
  },
  {
    code: 'close',
    label: '结案',
    roles: HANDLERS,
    statuses: ['executing'],
    requires: [gates.executed, gates.published],
    effects: [{ status: 'closed' }],
  },
  {
    code: 'revoke',
    label: '登记决定被变更、撤销或确认违法、无效',
    roles: ['leader', 'legalOfficer'],
    statuses: ['decided', 'executing', 'closed'],
    requires: [gates.penaltyDecided],
    fields: [
      { name: 'reason', label: '理由', type: 'longText', required: true },
      { name: 'by', label: '作出机关', type: 'text', required: true },
    ],
    effects: [
      { when: { done: 'publish' }, status: 'revoked' },
      { when: { notDone: 'publish' }, status: 'revokedClosed' },
    ],
  },
  {
    code: 'withdrawPublication',
    label: '撤回已公开的处罚决定',
    roles: ALL,
    statuses: ['revoked'],
    fields: [{ name: 'reason', label: '公开说明的理由', type: 'longText', required: true }],
    effects: [{ status: 'revokedClosed' }],
  },
  {
    code: 'terminate',
    label: '撤销案件',
    roles: ['leader'],
    statuses: ['investigating', 'notified'],
    fields: [
      {
        name: 'reason',
        label: '撤案理由（不予处罚、移送司法机关等）',
        type: 'longText',
        required: true,
      },
    ],
    effects: [{ status: 'terminated', outcome: 'terminated' }],
  },
];

export const PENALTY_CASE: ProcedureDef = {
  code: 'penaltyCase',
  label: '行政处罚（普通程序）',
  statuses: [
    { code: 'new', label: '待立案' },
    { code: 'investigating', label: '调查取证' },
    { code: 'notified', label: '已告知' },
    { code: 'decided', label: '已决定待送达' },
    { code: 'executing', label: '执行中' },
    { code: 'closed', label: '已结案' },
    { code: 'revoked', label: '决定已撤销待撤回公开' },
    { code: 'revokedClosed', label: '决定已撤销', final: true },
    { code: 'terminated', label: '已撤销案件', final: true },
  ],
  initialStatus: 'new',
  roleLabels: {
    officer: '执法人员',
    staff: '承办科室工作人员',
    leader: '行政机关负责人',
    legalOfficer: '法制审核人员',
  },
  steps,
  actions,
  clocks,
  outcomes: [
    { code: 'penalty', label: '给予行政处罚' },
    { code: 'noPenalty', label: '不予行政处罚' },
    { code: 'terminated', label: '撤销案件' },
  ],
};

/**
 * 简易程序 (Arts 51–52): 当场作出 a warning or a fine within ¥200 (citizen) / ¥3,000 (organisation) —
 * checked by the service — then 报所属行政机关备案, payment and 结案.
 */
export const PENALTY_SUMMARY: ProcedureDef = {
  code: 'penaltySummary',
  label: '行政处罚（简易程序）',
  statuses: [
    { code: 'new', label: '待决定' },
    { code: 'decided', label: '已当场处罚' },
    { code: 'closed', label: '已结案', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { officer: '执法人员', staff: '承办科室工作人员', leader: '行政机关负责人' },
  steps: [
    {
      code: 'fileRecord',
      label: '当场处罚决定报所属行政机关备案',
      roles: HANDLERS,
      open: { all: [{ status: 'decided' }, { notDone: 'fileRecord' }] },
    },
    {
      code: 'close',
      label: '结案',
      roles: HANDLERS,
      open: { all: [{ status: 'decided' }, { done: 'fileRecord' }] },
    },
  ],
  actions: [
    {
      code: 'decideOnSpot',
      label: '当场作出行政处罚决定',
      roles: HANDLERS,
      statuses: ['new'],
      fields: [
        ...amountFields,
        { name: 'decisionNo', label: '决定书编号', type: 'text', required: true },
        { name: 'partyName', label: '当事人', type: 'text', required: true },
      ],
      effects: [{ status: 'decided', outcome: 'penalty' }],
    },
    {
      code: 'fileRecord',
      label: '报所属行政机关备案',
      roles: HANDLERS,
      statuses: ['decided'],
      once: { message: '已备案' },
    },
    {
      code: 'close',
      label: '结案',
      roles: HANDLERS,
      statuses: ['decided'],
      requires: [
        {
          when: { done: 'fileRecord' },
          code: 'not_filed',
          message: '当场作出的行政处罚决定应当报所属行政机关备案（行政处罚法第五十二条）',
        },
      ],
      fields: [{ name: 'note', label: '执行情况', type: 'longText', required: true }],
      effects: [{ status: 'closed' }],
    },
  ],
  clocks: [],
  outcomes: [{ code: 'penalty', label: '给予行政处罚' }],
};

/** Every act carries module records (amounts, files, publication, the review matter): only the service records them. */
export const PENALTY_MODULE_ACTIONS = [
  ...new Set([...PENALTY_CASE.actions, ...PENALTY_SUMMARY.actions].map((a) => a.code)),
];
