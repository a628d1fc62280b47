/**
 * The 合法性审查 forms, declared once and served at GET /api/reviews/forms (the manifest's `forms`).
 * 提交合法性审查 (a 科室's own matter: 合同协议, 其他法律事务 …): the submitting schema (service.ts
 * submitSchema, also for the modules that submit inside their own transaction) and POST /api/reviews
 * derive their bodies from it; the new-matter page draws it beside the materials upload. The acts on a
 * matter (分派, 法审意见, 审查意见, 采纳情况, 撤回) and the 法律顾问 register: their routes derive their
 * bodies from them (routes.ts, advisors.ts) and the matter page's dialogs and the register draw them,
 * offering the records (reviewers, advisors in term, accounts) themselves. The time limits per matter
 * type are the setting's fields (labels.ts LIMIT_FIELDS), one row a type.
 */
import { choice, date, long, ref, sized, text } from '../../core/procedure/fields.ts';
import {
  ADOPTION_LABELS,
  ADVISOR_KIND_LABELS,
  CONCLUSION_LABELS,
  LIMIT_FIELDS,
  MATTER_TYPE_LABELS,
} from './labels.ts';

const pairs = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

/** Several of the records the page offers (ticked): their ids, at most `maxItems`, none if left out. */
const records = <N extends string>(name: N, label: string, maxItems: number, help?: string) => ({
  name,
  label,
  type: 'tags' as const,
  required: false as const,
  ref: true,
  maxItems,
  help,
});

export const MATTER_FORMS = {
  submit: [
    choice('type', '事项类型', ...pairs(MATTER_TYPE_LABELS)),
    sized(text('title', '事项名称', true), 200, 2),
    sized(long('summary', '送审说明', false, '审查事项的背景、依据和需要重点审查的问题'), 20_000),
    { ...date('requestedBy', '要求完成日期', false), help: '留空按该类事项的默认审查期限计算' },
  ],
  assign: [
    records('userIds', '法制审核人员', 20),
    records(
      'advisorIds',
      '法律顾问、公职律师（聘任期内）',
      20,
      '重大行政决策应当组织法律顾问、公职律师提出法律意见（条例第二十八条）',
    ),
  ],
  // 提出人 left out: the actor's own opinion (the empty choice of one who may opine).
  opinion: [
    {
      ...ref('assignmentId', '提出人'),
      required: false as const,
      placeholder: '本人',
      help: '代为录入未开通账号的法律顾问、公职律师的书面意见',
    },
    sized(long('body', '意见内容', true), 20_000, 2),
  ],
  conclude: [
    choice('conclusion', '审查结论', ...pairs(CONCLUSION_LABELS)),
    sized(long('opinion', '审查意见', true), 20_000, 2),
  ],
  adoption: [
    choice('adoption', '采纳情况', ...pairs(ADOPTION_LABELS)),
    sized(long('reason', '理由', false, '部分采纳或未采纳的，应当说明理由'), 2000),
  ],
  withdraw: [sized(long('reason', '撤回理由', true), 2000, 2)],
} as const;

/** 执业证号's form, checked by the route (advisors.ts) beside the declared length. */
export const LICENCE_NUMBER = { source: '^[0-9A-Za-z-]{6,30}$', message: '应为6至30位数字或字母' };

/** 新增法律顾问 / 编辑 (the register, kept by the legal office); 登录账号 offers the advisor accounts. */
export const ADVISOR_FORMS = {
  advisor: [
    choice('kind', '类别', ...pairs(ADVISOR_KIND_LABELS)),
    sized(text('name', '姓名', true), 50, 2),
    sized(text('affiliation', '律师事务所或单位职务', true), 200, 2),
    { ...sized(text('licenceNumber', '执业证号', true), 30), pattern: LICENCE_NUMBER },
    date('termStart', '聘任起始日期'),
    date('termEnd', '聘任截止日期'),
    // Left out (未开通): the advisor's opinions are entered for them.
    {
      ...ref('userId', '登录账号'),
      required: false as const,
      nullable: true as const,
      placeholder: '未开通',
      help: '开通账号的法律顾问可自行提出意见，只能看到分派给本人的事项',
    },
    sized(text('phone', '联系电话'), 30),
    sized(long('note', '备注'), 2000),
  ],
} as const;

/** Every form the reviews screens draw (GET /api/reviews/forms). */
export const REVIEW_FORMS = { ...MATTER_FORMS, ...ADVISOR_FORMS, limits: LIMIT_FIELDS };
