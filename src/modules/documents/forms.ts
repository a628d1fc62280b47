/**
 * The fields of the 规范性文件 forms that post to routes of their own (not the engine's acts, whose
 * fields come with the case), declared once: each route's body is derived from them (fieldsSchema),
 * the document view, the filing queue and GET /api/documents/forms send them to the web forms, and the
 * OpenAPI document and the field-named error messages take their labels and limits from them.
 */
import { choice, date, long, ref, sized, text, yes } from '../../core/procedure/fields.ts';
import { DISPOSITION_FORM } from '../consultation/index.ts';
import { NORMATIVE_DOCUMENT } from './procedure.ts';
import { CONCERNS_MARKET, DRAFT_TITLE, OPEN_COMMENT_FIELDS } from './procedureDrafting.ts';
import type { CollectiveResult } from './collective.ts';
import { CLEANUP_DECISION_LABELS, DOC_TYPE_LABELS, EVALUATION_LABELS } from './labels.ts';

/** A label map as [value, label] pairs for `choice`, the values kept literal. */
const pairsOf = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

// 审议结果: the options of the engine's collectiveDecision act (the procedure declares them once).
const engineDecision = NORMATIVE_DOCUMENT.actions
  .find((a) => a.code === 'collectiveDecision')
  ?.fields?.find((f) => f.name === 'decision');
const decision = {
  name: 'decision' as const,
  label: engineDecision?.label ?? '审议结果',
  type: 'select' as const,
  required: true as const,
  options: (engineDecision?.options ?? []) as Array<{ value: CollectiveResult; label: string }>,
};

/** The document page's forms (documentView sends them with the meetings offered). */
export const DOCUMENT_FORMS = {
  // The date an engine act is done (the act's own fields follow it, as the procedure declares them).
  act: [date('on', '办理日期')],
  // 公开征求意见 (国办发〔2018〕37号): the engine act's own fields (procedureDrafting.ts).
  openComment: OPEN_COMMENT_FIELDS,
  disposition: DISPOSITION_FORM,
  // 集体审议: at a held meeting whose agenda lists the document (the view offers those meetings).
  decide: [
    { ...ref('meetingId', '会议'), help: '已召开并将本文件列入议题的会议' },
    decision,
    sized(long('minutes', '会议纪要摘录', false, '留空则采用会议记录中的会议纪要'), 5000),
  ],
  number: [
    sized(text('docNumber', '文号', false, '留空则按机关代字自动编号，如 科规〔2025〕3号'), 50),
    sized(text('registrationNumber', '统一登记号'), 50),
  ],
  publish: [
    sized(long('interpretation', '政策解读', true), 50_000, 1),
    date('effectiveOn', '施行日期', false),
    {
      ...date('validUntil', '有效期至', false),
      help: '留空为最长有效期（5年；试行、暂行2年）',
    },
    sized(text('keywords', '关键词'), 200),
  ],
  filing: [sized(text('filingNo', '备案登记号'), 50)],
  evaluation: [
    date('on', '评估日期'),
    choice('conclusion', '评估结论', ...pairsOf(EVALUATION_LABELS)),
    sized(long('evaluation', '评估情况', true), 20_000, 4),
  ],
  end: [
    choice('kind', '决定类型', ['abolished', '废止'], ['declaredInvalid', '宣布失效']),
    date('on', '决定日期'),
    sized(text('act', '决定依据（文号或会议）', true), 200, 1),
    sized(long('note', '说明'), 2000),
  ],
};

/** 备案审查 (国办发〔2018〕37号 有备必审、有错必纠): the oversight body's decision, the department's answer. */
export const FILING_FORMS = {
  accept: [sized(long('opinion', '审查意见'), 5000)],
  return: [
    sized(long('correctionRequest', '纠错意见', true), 5000, 1),
    { ...date('answerDueOn', '纠错期限', false), help: '留空为30日' },
  ],
  answer: [
    sized(long('answer', '纠错情况', true), 5000, 1),
    sized(
      long('correctedText', '纠正后的文本', true, '按纠错意见修改后的正文，保存为文件的新版本'),
      200_000,
      1,
    ),
  ],
};

/** 清理 (RULES §2.3 step 11): opening a campaign, the opinion on each document in force. */
export const CLEANUP_FORMS = {
  openCleanup: [
    sized(text('title', '清理工作名称', true, '如：2025年规范性文件专项清理'), 200, 4),
    sized(long('basis', '清理依据', false, '如：《中华人民共和国科学技术进步法》修订'), 2000),
  ],
  cleanupDecision: [
    choice('decision', '清理意见', ...pairsOf(CLEANUP_DECISION_LABELS)),
    sized(
      long('note', '说明', false, '修改、废止或宣布失效的，写明理由（如：上位法已修改）'),
      2000,
    ),
  ],
};

/**
 * 起草 and 修改草稿 (POST /api/documents, PUT /api/documents/:id; the page /documents/new and
 * /documents/:id/edit): whether the document concerns market actors is fixed when it is drafted (its
 * comment period and 公平竞争审查 depend on it, service.ts updateDraft).
 */
export const DRAFT_FORM = [
  DRAFT_TITLE,
  choice('docType', '文件类型', ...pairsOf(DOC_TYPE_LABELS)),
  {
    ...choice('trial', '试行/暂行', ['none', '否'], ['trial', '试行'], ['interim', '暂行']),
    required: false as const,
  },
  CONCERNS_MARKET,
  yes('touchesPublicInterest', '是否涉及群众切身利益'),
  sized(long('draftingExplanation', '起草说明'), 20_000),
  sized(long('legalBases', '制定依据'), 5_000),
  sized(
    long(
      'bodyText',
      '正文',
      false,
      '每段一行；条文以“第一条”等开头。也可保存后在文件页面上传 .docx 正文',
    ),
    200_000,
  ),
  sized(text('keywords', '关键词'), 200),
];

/** The forms GET /api/documents/forms serves: 起草 and the 清理 forms. */
export const LIST_FORMS = { draft: DRAFT_FORM, ...CLEANUP_FORMS };

export type DocumentForm = keyof typeof DOCUMENT_FORMS;
