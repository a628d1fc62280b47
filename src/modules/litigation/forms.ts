/**
 * What the case page's act form asks besides the engine act's own fields (procedure.ts), declared once:
 * the date of the act, and for the answer (书面答复, 答辩状) its evidence, which the route takes as the
 * form's lines or as a list (routes.ts actBody). The view sends each act's whole form (view.ts).
 */
import type { FieldSpec } from '../../core/procedure/types.ts';
import { date, formLines, long } from '../../core/procedure/fields.ts';

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
