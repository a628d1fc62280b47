/**
 * The fields of the 信访 forms, declared once (issue 11 item 2): the procedure's acts record them
 * (ACT_DATA, procedure.ts), the routes derive their bodies from them (registerSchema, actSchema), the
 * matter's view sends each act's form (ACT_FORMS) and the manifest serves the registration form
 * (GET /api/petitions/forms), so the OpenAPI document, the field-named 400s and the web forms share
 * one label, one limit and one option list.
 */
import { date, long, num, ref, sized, text } from '../../core/procedure/fields.ts';
import { CATEGORY_LABELS, CHANNEL_LABELS, DECISION_LABELS, SOURCE_LABELS } from './labels.ts';

/** A required select of a module's code → label list (the values kept literal for the body's type). */
const select = <N extends string, L extends Record<string, string>>(
  name: N,
  label: string,
  labels: L,
) => ({
  name,
  label,
  type: 'select' as const,
  required: true as const,
  options: Object.entries(labels).map(([value, l]) => ({
    value: value as keyof L & string,
    label: l,
  })),
});
/** A select of the department's people or divisions the page offers, left empty if not needed. */
const optionalRef = <N extends string>(name: N, label: string) => ({
  ...ref(name, label),
  required: false as const,
});

// Registration (条例 Art 21–23): a matter comes directly from the petitioner or is transferred
// (转送、交办) by the 信访部门 or a superior (Art 23 ¶3).
const CHANNEL = select('channel', '信访渠道', CHANNEL_LABELS);
const SOURCE = select('source', '来源', SOURCE_LABELS);
const TRANSFERRED_BY = sized(
  text('transferredBy', '转送、交办机关', false, '转送、交办的事项填写'),
  100,
);
const RECEIVED_ON = date('receivedOn', '收到日期');
/** The petitioner (the route's body nests them as `petitioner`). */
export const PETITIONER = [
  sized(text('name', '信访人姓名', true), 100),
  sized(text('phone', '联系电话'), 40),
  sized(text('idNumber', '身份证号码'), 40),
  sized(text('address', '通信地址'), 200),
];
const CONTENT = sized(long('content', '信访内容', true), 20_000, 2);
/** The matter's own fields of the registration form (the petitioner's apart). */
export const MATTER = [CHANNEL, SOURCE, TRANSFERRED_BY, RECEIVED_ON, CONTENT];

const decision = <N extends string>(name: N, label: string) => select(name, label, DECISION_LABELS);
const SERVED_ON = date('servedOn', '送达日期');
const ANSWER = decision('decision', '处理意见');

/** Each act's fields as the engine records them on the case (the procedure's `fields`). */
export const ACT_DATA = {
  register: [CHANNEL, SOURCE],
  // Art 23: the written notice of acceptance.
  accept: [sized(long('noticeText', '告知内容', true), 5000, 2)],
  // Art 23 ¶3: a transferred matter outside the bureau's powers.
  object: [sized(long('reason', '异议理由', true), 5000, 2)],
  // Art 29–31: the three kinds of matters.
  classify: [select('category', '信访事项类别', CATEGORY_LABELS)],
  // Art 31: 申诉求决类 going to a legal route.
  redirect: [sized(text('route', '法定途径', true, '如：行政复议、行政诉讼、仲裁'), 500, 2)],
  // Art 34: at most 30 days more, approved by the unit's head, the petitioner told why.
  extend: [
    {
      ...num('days', '延长天数', { min: 1, max: 30 }, true),
      help: '不超过30日（信访工作条例第三十四条）',
    },
    sized(long('reason', '延期理由', true), 2000, 2),
    { ...sized(text('approvedBy', '批准的负责人'), 50), requiredUnlessRole: ['leader'] },
    date('toldOn', '告知信访人延期理由日期'),
  ],
  // Art 32–33: the 处理意见书 and the day it reached the petitioner (the 复查 window starts then).
  answer: [ANSWER, SERVED_ON],
  // Art 35: 复查.
  requestReview: [sized(long('request', '复查请求', true), 5000, 2)],
  reviewOpinion: [decision('decision', '复查意见'), SERVED_ON],
  // Art 36: 复核, a hearing's time not counted.
  requestRecheck: [sized(long('request', '复核请求', true), 5000, 2)],
  hearingStart: [sized(text('note', '听证说明'), 500)],
  recheckOpinion: [decision('decision', '复核意见')],
};

const ON = date('on', '办理日期');
/**
 * The form of each act on the matter's page (POST /api/petitions/:id/act with its `action`): the date
 * the act was done and its fields; the 意见书's text and the 检举控告 handlers are the module's own.
 */
export const ACT_FORMS = {
  accept: [ON, ...ACT_DATA.accept],
  object: [ON, ...ACT_DATA.object],
  // Art 30: a 检举控告 is handled by named people, none of the accused division.
  classify: [
    ON,
    ...ACT_DATA.classify,
    optionalRef('handler1', '承办人（检举控告类必填）'),
    optionalRef('handler2', '第二承办人'),
    optionalRef('accusedOrgId', '被检举控告的科室'),
  ],
  redirect: [ON, ...ACT_DATA.redirect],
  extend: [ON, ...ACT_DATA.extend],
  answer: [
    ON,
    ANSWER,
    sized(long('facts', '事实和理由', true), 20_000, 2),
    sized(long('opinion', '处理意见书内容', true), 20_000, 2),
    sized(long('basis', '法律依据', true), 5000, 2),
    SERVED_ON,
  ],
  requestReview: [ON, ...ACT_DATA.requestReview],
  reviewOpinion: [ON, ...ACT_DATA.reviewOpinion],
  requestRecheck: [ON, ...ACT_DATA.requestRecheck],
  hearingStart: [ON, ...ACT_DATA.hearingStart],
  hearingEnd: [ON],
  recheckOpinion: [ON, ...ACT_DATA.recheckOpinion],
};
export type ActForm = keyof typeof ACT_FORMS;

/** The forms not tied to one matter (GET /api/petitions/forms): registration, in the order shown. */
export const PETITION_FORMS = {
  register: [CHANNEL, SOURCE, TRANSFERRED_BY, RECEIVED_ON, ...PETITIONER, CONTENT],
};
