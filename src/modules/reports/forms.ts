/**
 * The report screen's sign-off forms, declared once: 记录审定 (its meeting is the engine act's fields,
 * procedure.ts), 报送年度报告 and 在门户网站公开. The routes derive their bodies from them (routes.ts);
 * the report's view sends them (view.ts reportForms), the session's example given the report's year and
 * 报送 asking to name only the recipients the org tree does not know.
 */
import type { FieldSpec } from '../../core/procedure/types.ts';
import { choice, date, formLines, long, opts, sized, text } from '../../core/procedure/fields.ts';

const KINDS: Array<['directorsOffice' | 'partyGroup', string]> = [
  ['directorsOffice', '局长办公会议'],
  ['partyGroup', '党组（党委）会议'],
];
/** The meetings that approve a report (厅字〔2019〕28号). */
export const MEETING_KINDS = opts(...KINDS);

/** The 审定 act's fields (the engine's, procedure.ts): which meeting, its name and date. */
export const APPROVAL_FIELDS = [
  choice('meetingKind', '审定会议', ...KINDS),
  sized(text('session', '会议名称及期次', true), 100, 2),
  date('meetingOn', '会议日期'),
] as const;

/** The day the act is done (not later than today, the page's own bound). */
export const ACT_DATE = date('on', '办理日期');

/** The kinds of recipient the org tree may not know, staff naming each (RULES §11), by field. */
export const NAMED_RECIPIENTS = {
  government: '本级党委和政府',
  superior: '上一级主管部门',
} as const;
const named = <N extends keyof typeof NAMED_RECIPIENTS>(name: N) =>
  sized(text(name, `${NAMED_RECIPIENTS[name]}（填写单位全称）`, true), 100, 2);
/** The other recipients, one a line (the API also takes the list of all of them, routes.ts). */
export const OTHER_RECIPIENTS = long('recipients', '其他报送单位（每行一个）');

export const APPROVE_FORM = [...APPROVAL_FIELDS, ACT_DATE] as const;
export const SUBMIT_FORM = [
  named('government'),
  named('superior'),
  OTHER_RECIPIENTS,
  ACT_DATE,
] as const;
export const PUBLISH_FORM = [ACT_DATE] as const;

/**
 * The forms as a report's screen shows them: the session's example is the next year's first meeting,
 * and 报送 names only the kinds of recipient in `toName` (the tree knows the others).
 */
export const reportForms = (
  year: number,
  toName: readonly string[],
): Record<'approve' | 'submit' | 'publish', FieldSpec[]> => ({
  approve: APPROVE_FORM.map((f) =>
    f.name === 'session' ? { ...f, placeholder: `${year + 1}年第1次局长办公会议` } : f,
  ),
  submit: SUBMIT_FORM.filter((f) => {
    const kind = NAMED_RECIPIENTS[f.name as keyof typeof NAMED_RECIPIENTS];
    return !kind || toName.includes(kind);
  }),
  publish: [...PUBLISH_FORM],
});

/** The recipients a 报送 form posts: the named ones, then the others (lines or the API's list). */
export const allRecipients = (b: {
  government?: string;
  superior?: string;
  recipients?: string | string[];
}) =>
  [
    b.government,
    b.superior,
    ...(typeof b.recipients === 'string' ? formLines(b.recipients) : (b.recipients ?? [])),
  ].filter((r): r is string => !!r);
