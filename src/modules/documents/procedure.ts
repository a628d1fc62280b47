/**
 * 行政规范性文件 (NormativeDocument) making procedure, RULES §2.3: draft → public comment (or a
 * recorded 依法需要保密 exemption) → 公平竞争审查 when market entities are concerned → 合法性审核 →
 * 集体审议 → 统一登记编号 → 公开发布 → 备案. Declared as data; the procedure engine enforces it.
 */
import type {
  ActionDef,
  ClockDef,
  Cond,
  Gate,
  ProcedureDef,
  StepDef,
} from '../../core/procedure/engine.ts';

export interface NormativeDocumentSettings {
  /** 合法性审核 time, 国办发〔2018〕115号 (RULES §14.1: from memory, to confirm): 一般不少于5个工作日，最长不超过15个工作日. */
  legalReviewMinWorkdays?: number;
  legalReviewMaxWorkdays?: number;
  /** Comment period for documents affecting rights and obligations: 一般不少于7个工作日 (示范指标体系 item 24). */
  commentMinWorkdays?: number;
  /** Comment period for documents closely related to market entities: 一般不少于30日 (优化营商环境条例 Art 62). */
  marketCommentMinDays?: number;
  /**
   * 备案审查 by the oversight body and the 纠错 by the department (RULES §2.3 step 9, 37号 有备必审、有错必纠).
   * Neither period is national: local 规范性文件管理办法 set them (commonly 15个工作日 to review, 30日 to
   * correct and report); RULES.md does not list them, so they are settings, not statute.
   */
  filingReviewWorkdays?: number;
  correctionDays?: number;
}

const opts = (...pairs: Array<[string, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));
const DEFAULTS: Required<NormativeDocumentSettings> = {
  legalReviewMinWorkdays: 5,
  legalReviewMaxWorkdays: 15,
  commentMinWorkdays: 7,
  marketCommentMinDays: 30,
  filingReviewWorkdays: 15,
  correctionDays: 30,
};
const market: Cond = { last: 'draft', field: 'concernsMarket', eq: true };
const commentDone: Cond = { done: ['closeComment', 'exemptComment'] };
const fairReviewOk: Cond = {
  any: [
    { not: market },
    { last: 'fairCompetitionReview', field: 'conclusion', in: ['pass', 'passAfterRevision'] },
  ],
};
const reviewConcluded: Cond = {
  latest: ['submitLegalReview', 'concludeLegalReview'],
  is: 'concludeLegalReview',
};
const foundLawful: Cond = {
  all: [
    reviewConcluded,
    { last: 'concludeLegalReview', field: 'conclusion', in: ['lawful', 'lawfulAfterRevision'] },
  ],
};
const adopted: Cond = {
  last: 'collectiveDecision',
  field: 'decision',
  in: ['adopted', 'adoptedWithRevision'],
};
const reviewRunning: Cond = { clock: 'legalReview', state: 'running' };

const gates = {
  commentDone: {
    when: commentDone,
    code: 'comment_missing',
    message:
      '未完成公开征求意见（或未记录依法需要保密不予公开征求意见的理由），不得进行此项（国办发〔2018〕37号）',
  },
  fairReview: {
    when: fairReviewOk,
    code: 'fair_competition_missing',
    message:
      '涉及市场主体经济活动的文件，应当经公平竞争审查且符合审查标准后方可提交合法性审核（优化营商环境条例第六十三条）',
  },
} satisfies Record<string, Gate>;

function clocks(s: Required<NormativeDocumentSettings>): ClockDef[] {
  return [
    {
      code: 'consultation',
      label: '公开征求意见期间',
      unit: 'day',
      dueField: 'endOn',
      window: true,
      start: [{ action: 'openComment' }],
      stop: ['closeComment', 'withdraw'],
    },
    {
      code: 'legalReview',
      label: '合法性审核期限',
      unit: 'workday',
      count: s.legalReviewMaxWorkdays, // 115号: 最长不超过15个工作日
      // The legal office's deadline for the matter (reviews/due.ts, capped by the same 15个工作日), recorded with the act.
      dueField: 'dueOn',
      legalBasis:
        '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）',
      start: [{ action: 'submitLegalReview' }],
      stop: ['concludeLegalReview', 'withdraw'],
    },
    {
      // The period is a local rule (15日 / 30日 / 3个工作日, RULES §2.3 step 9), a setting: publishing
      // computes the due date from it and records it with the act (documents/labels.ts documentSettings).
      code: 'filing',
      label: '备案期限',
      unit: 'day',
      dueField: 'filingDueOn',
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'publish' }],
      stop: ['file'],
    },
    {
      // 有备必审 (37号, RULES §2.3 step 9): the oversight body reviews the filing; an answered 纠错 is reviewed afresh.
      code: 'filingReview',
      label: '备案审查期限',
      unit: 'workday',
      count: s.filingReviewWorkdays,
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'file' }],
      restart: [{ action: 'answerCorrection' }],
      stop: ['acceptFiling', 'requestCorrection'],
    },
    {
      // 有错必纠: the department corrects and reports within the period the oversight body sets (default: the local rule).
      code: 'correction',
      label: '纠错期限',
      unit: 'day',
      count: s.correctionDays,
      dueField: 'answerDueOn',
      legalBasis:
        '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）及本地规范性文件管理办法',
      start: [{ action: 'requestCorrection' }],
      stop: ['answerCorrection'],
    },
  ];
}

const steps: StepDef[] = [
  {
    code: 'comment',
    label: '公开征求意见',
    roles: ['staff'],
    open: { all: [{ status: 'drafting' }, { notDone: ['openComment', 'exemptComment'] }] },
  },
  {
    code: 'consultation',
    label: '征求意见期满后汇总意见',
    roles: ['staff'],
    open: { clock: 'consultation', state: 'running' },
    clock: 'consultation',
  },
  {
    code: 'fairCompetitionReview',
    label: '公平竞争审查',
    roles: ['staff'],
    open: { all: [{ status: 'drafting' }, market, commentDone, { not: fairReviewOk }] },
  },
  {
    code: 'submitLegalReview',
    label: '提交合法性审核',
    roles: ['staff'],
    // Open first after comment (and fair-competition review), and again after an unlawful finding.
    open: {
      all: [
        { status: 'drafting' },
        commentDone,
        fairReviewOk,
        { not: reviewRunning },
        {
          any: [
            { notDone: 'submitLegalReview' },
            { last: 'concludeLegalReview', field: 'conclusion', eq: 'unlawful' },
          ],
        },
      ],
    },
  },
  {
    code: 'legalReview',
    label: '合法性审核',
    roles: ['legalOfficer'],
    open: reviewRunning,
    clock: 'legalReview',
  },
  {
    code: 'collectiveDecision',
    label: '集体审议',
    roles: ['leader'],
    open: { all: [{ status: 'drafting' }, foundLawful, { not: adopted }] },
  },
  {
    code: 'assignNumber',
    label: '统一登记编号',
    roles: ['staff'],
    open: { all: [adopted, { notDone: 'assignNumber' }] },
  },
  {
    code: 'publish',
    label: '公开发布',
    roles: ['staff'],
    open: { all: [{ done: 'assignNumber' }, { notDone: 'publish' }] },
  },
  {
    code: 'file',
    label: '报送备案',
    roles: ['staff'],
    open: { status: 'published' },
    clock: 'filing',
  },
  // The oversight body's work: in the 司法局's 我的待办, not the department's (StepDef.heldBy).
  {
    code: 'filingReview',
    label: '备案审查',
    roles: ['oversight'],
    open: { status: 'filed' },
    clock: 'filingReview',
    heldBy: 'oversight',
  },
  {
    code: 'answerCorrection',
    label: '纠错并报告纠错情况',
    roles: ['staff'],
    open: { status: 'correcting' },
    clock: 'correction',
  },
];

function actions(s: Required<NormativeDocumentSettings>): ActionDef[] {
  return [
    {
      code: 'draft',
      label: '起草',
      roles: ['staff'],
      statuses: ['new'],
      fields: [
        { name: 'title', label: '文件名称', type: 'text', required: true },
        {
          name: 'concernsMarket',
          label: '是否涉及市场主体生产经营活动',
          type: 'boolean',
          required: true,
        },
        { name: 'assessment', label: '评估论证情况', type: 'longText' },
      ],
      effects: [{ status: 'drafting' }],
    },
    {
      code: 'openComment',
      label: '公开征求意见',
      roles: ['staff'],
      statuses: ['drafting'],
      requires: [
        {
          when: { notDone: 'exemptComment' },
          code: 'comment_exempted',
          message: '已记录依法需要保密、不公开征求意见的理由',
        },
        {
          when: { not: { clock: 'consultation', state: 'running' } },
          code: 'comment_running',
          message: '公开征求意见正在进行中',
        },
      ],
      fields: [
        { name: 'startOn', label: '征求意见开始日期', type: 'date', required: true },
        { name: 'endOn', label: '征求意见截止日期', type: 'date', required: true },
        { name: 'channel', label: '发布渠道', type: 'text', help: '如：政府网站意见征集栏目' },
      ],
      dateRules: [
        {
          from: { field: 'startOn' },
          to: { field: 'endOn' },
          min: { count: s.commentMinWorkdays, unit: 'workday' },
          when: { not: market },
          code: 'comment_too_short',
          message: `公开征求意见期限一般不少于${s.commentMinWorkdays}个工作日（法治政府建设示范指标体系）`,
        },
        {
          from: { field: 'startOn' },
          to: { field: 'endOn' },
          min: { count: s.marketCommentMinDays, unit: 'day' },
          when: market,
          code: 'comment_too_short',
          message: `与市场主体生产经营活动密切相关的文件，征求意见期限一般不少于${s.marketCommentMinDays}日（优化营商环境条例第六十二条）`,
        },
      ],
    },
    {
      code: 'closeComment',
      label: '结束征求意见并汇总',
      roles: ['staff'],
      requires: [
        {
          when: { clock: 'consultation', state: 'running' },
          code: 'no_comment_running',
          message: '没有正在进行的公开征求意见',
        },
      ],
      fields: [
        { name: 'commentCount', label: '收到意见条数', type: 'number', required: true, min: 0 },
        { name: 'adoptionSummary', label: '意见采纳情况', type: 'longText' },
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
      code: 'exemptComment',
      label: '依法需要保密，不公开征求意见',
      roles: ['staff', 'leader'],
      statuses: ['drafting'],
      requires: [
        {
          when: { notDone: 'openComment' },
          code: 'comment_started',
          message: '已公开征求意见，无需记录免于征求意见的理由',
        },
      ],
      once: { message: '已记录不公开征求意见的理由' },
      fields: [
        {
          name: 'reason',
          label: '依法需要保密的理由',
          type: 'longText',
          required: true,
          help: '仅限依法需要保密的情形（国办发〔2018〕37号）',
        },
        { name: 'approver', label: '批准人', type: 'text', requiredUnlessRole: ['leader'] },
      ],
    },
    {
      code: 'fairCompetitionReview',
      label: '公平竞争审查',
      roles: ['staff', 'legalOfficer'],
      statuses: ['drafting'],
      requires: [
        {
          when: market,
          code: 'not_market',
          message: '文件不涉及市场主体经济活动，无需公平竞争审查',
        },
        gates.commentDone,
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
        { name: 'opinion', label: '审查意见', type: 'longText' },
      ],
    },
    {
      code: 'submitLegalReview',
      label: '提交合法性审核',
      roles: ['staff'],
      statuses: ['drafting'],
      requires: [
        gates.commentDone,
        gates.fairReview,
        { when: { not: reviewRunning }, code: 'review_running', message: '合法性审核正在进行中' },
        { when: { not: adopted }, code: 'already_adopted', message: '文件已经集体审议通过' },
      ],
      fields: [{ name: 'materials', label: '送审材料', type: 'longText' }],
    },
    {
      code: 'concludeLegalReview',
      label: '出具合法性审核意见',
      roles: ['legalOfficer'],
      requires: [{ when: reviewRunning, code: 'no_review_pending', message: '没有待审核的送审稿' }],
      fields: [
        {
          name: 'conclusion',
          label: '审核结论',
          type: 'select',
          required: true,
          options: opts(
            ['lawful', '合法'],
            ['lawfulAfterRevision', '修改后合法'],
            ['unlawful', '不合法'],
          ),
        },
        { name: 'opinion', label: '审核意见', type: 'longText', required: true },
        // Recorded by the legal office's review queue (modules/reviews) with the reviewed matter.
        { name: 'matterId', label: '审查事项编号', type: 'text' },
      ],
      dateRules: [
        {
          from: { action: 'submitLegalReview' },
          to: 'event',
          min: { count: s.legalReviewMinWorkdays, unit: 'workday' },
          severity: 'warn',
          code: 'review_too_short',
          message: `合法性审核时间一般不少于${s.legalReviewMinWorkdays}个工作日（国办发〔2018〕115号）`,
        },
      ],
    },
    {
      code: 'collectiveDecision',
      label: '集体审议决定',
      roles: ['leader'],
      statuses: ['drafting'],
      requires: [
        // 国办发〔2018〕37号: 未经合法性审核或者经审核不合法的，不得提交集体审议.
        {
          when: { done: 'concludeLegalReview' },
          code: 'not_reviewed',
          message: '未经合法性审核，不得提交集体审议（国办发〔2018〕37号）',
        },
        {
          when: reviewConcluded,
          code: 'review_pending',
          message: '合法性审核尚未完成，不得提交集体审议（国办发〔2018〕37号）',
        },
        {
          when: { not: { last: 'concludeLegalReview', field: 'conclusion', eq: 'unlawful' } },
          code: 'found_unlawful',
          message:
            '经合法性审核不合法，不得提交集体审议（国办发〔2018〕37号）；请修改后重新提交合法性审核',
        },
        { when: { not: adopted }, code: 'already_adopted', message: '文件已经集体审议通过' },
      ],
      fields: [
        {
          name: 'meeting',
          label: '会议',
          type: 'select',
          required: true,
          options: opts(
            ['directorsOffice', '局长办公会'],
            ['partyGroup', '党组会'],
            ['executive', '政府常务会议'],
          ),
        },
        // The meeting's agenda item the decision is recorded against (modules/meetings); name and date come from it.
        { name: 'meetingId', label: '会议编号', type: 'text' },
        { name: 'agendaItemId', label: '议题编号', type: 'text' },
        {
          name: 'meetingName',
          label: '会议名称及期次',
          type: 'text',
          help: '如：2025年第5次局长办公会',
        },
        { name: 'meetingOn', label: '会议日期', type: 'date' },
        { name: 'attendees', label: '出席人员', type: 'longText' },
        { name: 'minutes', label: '会议纪要摘录', type: 'longText' },
        {
          name: 'decision',
          label: '审议结果',
          type: 'select',
          required: true,
          options: opts(
            ['adopted', '审议通过'],
            ['adoptedWithRevision', '原则通过，修改后印发'],
            ['deferred', '暂缓，修改后再审'],
            ['rejected', '不予通过'],
          ),
        },
      ],
      effects: [
        { when: { data: 'decision', eq: 'rejected' }, status: 'rejected', outcome: 'rejected' },
      ],
    },
    {
      code: 'assignNumber',
      label: '统一登记编号',
      roles: ['staff'],
      requires: [{ when: adopted, code: 'not_adopted', message: '未经集体审议通过，不得登记编号' }],
      once: { message: '文件已统一登记编号' },
      fields: [
        {
          name: 'docNumber',
          label: '文号',
          type: 'text',
          required: true,
          help: '如：科规〔2025〕3号',
        },
        { name: 'registrationNumber', label: '统一登记号', type: 'text' },
      ],
    },
    {
      code: 'publish',
      label: '公开发布',
      roles: ['staff'],
      // 优化营商环境条例 Art 64 ¶2: unpublished documents cannot be a basis for administration.
      requires: [
        {
          when: { done: 'assignNumber' },
          code: 'not_numbered',
          message: '未统一登记编号，不得印发（“三统一”）',
        },
      ],
      once: { message: '文件已公开发布' },
      fields: [
        {
          name: 'channel',
          label: '发布渠道',
          type: 'text',
          required: true,
          help: '政府公报、政府网站或政务新媒体',
        },
        { name: 'effectiveOn', label: '施行日期', type: 'date' },
        { name: 'interpretation', label: '同步发布政策解读', type: 'boolean' },
        { name: 'filingDueOn', label: '备案期限', type: 'date' },
      ],
      effects: [{ status: 'published' }],
    },
    {
      code: 'file',
      label: '报送备案',
      roles: ['staff'],
      statuses: ['published'],
      fields: [
        { name: 'filedWith', label: '备案机关', type: 'text', required: true },
        { name: 'filingNo', label: '备案登记号', type: 'text' },
      ],
      // Filed is not yet 已备案: that is the oversight body's decision (acceptFiling).
      effects: [{ status: 'filed' }],
    },
    {
      code: 'acceptFiling',
      label: '准予备案',
      roles: ['oversight'],
      statuses: ['filed'],
      fields: [{ name: 'opinion', label: '审查意见', type: 'longText' }],
      effects: [{ status: 'accepted', outcome: 'filed' }],
    },
    {
      code: 'requestCorrection',
      label: '退回纠错',
      roles: ['oversight'],
      statuses: ['filed'],
      fields: [
        { name: 'correctionRequest', label: '纠错意见', type: 'longText', required: true },
        { name: 'answerDueOn', label: '纠错期限', type: 'date' },
      ],
      dateRules: [
        {
          from: 'event',
          to: { field: 'answerDueOn' },
          min: { count: 1, unit: 'day' },
          code: 'correction_due_past',
          message: '纠错期限应晚于退回日期',
        },
      ],
      effects: [{ status: 'correcting' }],
    },
    {
      code: 'answerCorrection',
      label: '报告纠错情况',
      roles: ['staff'],
      statuses: ['correcting'],
      fields: [
        { name: 'answer', label: '纠错情况', type: 'longText', required: true },
        // The corrected text is a new version of the document (the filed text never changes).
        {
          name: 'correctedVersionId',
          label: '纠正后的文本（新版本）',
          type: 'text',
          required: true,
        },
      ],
      effects: [{ status: 'filed' }],
    },
    {
      code: 'withdraw',
      label: '终止制定',
      roles: ['leader'],
      statuses: ['new', 'drafting'],
      fields: [{ name: 'reason', label: '理由', type: 'longText', required: true }],
      effects: [{ status: 'withdrawn', outcome: 'withdrawn' }],
    },
  ];
}

/** Builds the normative-document procedure with local settings (filing deadline, review times, comment minimums). */
export function normativeDocumentProcedure(settings: NormativeDocumentSettings = {}): ProcedureDef {
  const s: Required<NormativeDocumentSettings> = { ...DEFAULTS, ...settings };
  return {
    code: 'normativeDocument',
    label: '行政规范性文件制定',
    statuses: [
      { code: 'new', label: '待起草' },
      { code: 'drafting', label: '起草审查中' },
      { code: 'published', label: '已发布待备案' },
      { code: 'filed', label: '报备审查中' },
      { code: 'correcting', label: '退回纠错中' },
      { code: 'accepted', label: '已备案', final: true },
      { code: 'rejected', label: '未通过集体审议', final: true },
      { code: 'withdrawn', label: '已终止制定', final: true },
    ],
    initialStatus: 'new',
    roleLabels: {
      staff: '起草科室或办公室工作人员',
      leader: '局领导',
      legalOfficer: '法制审核人员',
      oversight: '备案审查机关（司法局）',
    },
    steps,
    actions: actions(s),
    clocks: clocks(s),
    outcomes: [
      { code: 'filed', label: '已发布并准予备案' },
      { code: 'rejected', label: '集体审议不予通过' },
      { code: 'withdrawn', label: '终止制定' },
    ],
  };
}

/** Acts the documents module records itself with its own rows; the generic case page cannot (recordAction refuses). */
export const DOCUMENT_MODULE_ACTIONS = [
  'draft',
  'openComment',
  'closeComment',
  'assignNumber',
  'publish',
  'file',
  'acceptFiling',
  'requestCorrection',
  'answerCorrection',
  'submitLegalReview',
  'concludeLegalReview',
  'collectiveDecision',
];
/** The default procedure (30日 filing, 5–15 个工作日 legality review). */
export const NORMATIVE_DOCUMENT: ProcedureDef = normativeDocumentProcedure();
