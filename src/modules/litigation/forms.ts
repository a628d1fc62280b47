/**
 * The litigation forms, declared once. 登记行政复议 and 登记行政诉讼 (REGISTER_FORMS): the routes derive
 * their bodies from them (routes.ts) and GET /api/litigation/forms serves them (the manifest's `forms`).
 * What the case page's act form asks besides the engine act's own fields (procedure.ts): the date of the
 * act, and for the answer (书面答复, 答辩状) its evidence, which the route takes as the form's lines or as
 * a list (routes.ts actBody). The view sends each act's whole form (view.ts).
 */
import type { FieldSpec } from '../../core/procedure/types.ts';
import { date, formLines, long, opts, ref, sized, text } from '../../core/procedure/fields.ts';
import { ACT_MODULES, type ActModule } from './labels.ts';

export const ACT_DATE = date('on', '办理日期');
export const EVIDENCE = long(
  'evidence',
  '证据',
  false,
  '每行一项：证据名称 取得日期（如：申请登记表 2025-01-10）。案件开始后自行收集的证据不能提交（行政复议法第四十六条、行政诉讼法第三十五条）',
);
/** The acts that submit evidence with them: the 复议 answer and the suit's defence. */
export const ANSWER_ACTIONS: ReadonlySet<string> = new Set(['answer', 'defend']);

/** An act's form: its date, the engine act's fields, and the evidence of an answer. */
export const actForm = (action: string, fields: readonly FieldSpec[] = []): FieldSpec[] => [
  ACT_DATE,
  ...fields,
  ...(ANSWER_ACTIONS.has(action) ? [EVIDENCE] : []),
];

/** "名称 2025-01-10" per line → the evidence list of an answer (a line without a date keeps none). */
export const parseEvidence = (lines: string) =>
  formLines(lines).map((l) => {
    const m = /^(.*?)[\s，,]+(\d{4}-\d{2}-\d{2})$/.exec(l);
    return m ? { title: m[1].trim(), gatheredOn: m[2] } : { title: l, gatheredOn: '' };
  });

const example = <F extends FieldSpec>(f: F, placeholder: string) => ({ ...f, placeholder });

/** The bureau's record the case challenges: its type, then one of the department's records of it. */
const ACT_FIELDS = [
  {
    name: 'actModule' as const,
    label: '行政行为类型',
    type: 'select' as const,
    required: false as const,
    nullable: true as const,
    options: opts(
      ...(Object.entries(ACT_MODULES) as Array<[ActModule, { label: string }]>).map(
        ([k, v]): [ActModule, string] => [k, v.label],
      ),
    ),
    // The empty choice: the act is not one of the bureau's records here.
    placeholder: '其他行政行为（不关联记录）',
    help: '被复议（诉讼）的行政行为是本机关系统中的记录时请选择，将建立关联',
  },
  // Offered by the page once a type is chosen (GET /api/litigation/targets), and then required.
  { ...ref('actRecordId', '本机关的记录'), required: false as const, nullable: true as const },
  {
    ...sized(text('actTitle', '被复议（诉讼）的行政行为'), 300),
    help: '关联记录时可不填，自动取记录名称',
  },
] as const;

/** 登记行政复议 (from the 复议机构's copy) and 登记行政诉讼 (from the court's complaint copy). */
export const REGISTER_FORMS = {
  reconsideration: [
    example(sized(text('caseNo', '案号', true), 100), '示政复〔2025〕1号'),
    sized(text('applicant', '申请人', true), 200),
    example(sized(text('body', '复议机关', true), 100), '示范市人民政府'),
    {
      name: 'procedureType' as const,
      label: '审理程序',
      type: 'select' as const,
      required: false as const,
      options: opts(['ordinary', '普通程序'], ['simple', '简易程序']),
      default: 'ordinary',
      help: '简易程序：答复期限5个工作日（行政复议法第五十四条）',
    },
    ...ACT_FIELDS,
    { ...date('filedOn', '申请日期', false), nullable: true as const },
    {
      ...date('acceptedOn', '复议机关受理日期', false),
      nullable: true as const,
      help: '复议机关作出决定的期限自受理之日起计算（行政复议法第六十二条）；不填则暂按收到副本之日计算',
    },
    date('receivedOn', '收到复议申请书副本日期'),
  ],
  lawsuit: [
    example(sized(text('caseNo', '案号', true), 100), '（2025）皖1602行初1号'),
    sized(text('applicant', '原告', true), 200),
    example(sized(text('body', '人民法院', true), 100), '示范市人民法院'),
    {
      name: 'afterReconsideration' as const,
      label: '复议后起诉',
      type: 'select' as const,
      required: false as const,
      options: opts(['false', '否（未经复议直接起诉）'], ['true', '是（复议后起诉）']),
      default: 'false',
    },
    ...ACT_FIELDS,
    { ...date('filedOn', '立案日期', false), nullable: true as const },
    date('receivedOn', '收到起诉状副本日期'),
  ],
} as const;
