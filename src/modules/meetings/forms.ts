/**
 * The meetings' forms, declared once: the routes derive their bodies from them (fieldsSchema,
 * routes.ts), the list page gets LIST_FORMS from GET /api/meetings/forms (the manifest's `forms`) and
 * the meeting page gets MEETING_FORMS with the meeting (routes.ts meetingView), the 关联事项 select
 * filled with the records the meeting may link to.
 */
import {
  choice,
  date,
  formLines,
  long,
  ref,
  sized,
  text,
  yes,
} from '../../core/procedure/fields.ts';
import { MEETING_KIND_LABELS } from './labels.ts';

const pairs = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

/** The kind of meeting: also the list's filter. */
export const KIND = choice('kind', '会议类型', ...pairs(MEETING_KIND_LABELS));
/** 列席的公众代表 as the form asks for them: one a line (the API also takes the list, routes.ts). */
export const PUBLIC_ATTENDEES = long(
  'publicAttendees',
  '列席的公众代表',
  false,
  '每行一人：姓名，身份（如：赵某，企业代表）',
);

/** 安排会议 (POST /api/meetings): the session's number is the next of its kind in the year. */
export const LIST_FORMS = {
  create: [
    KIND,
    date('meetingOn', '会议日期'),
    sized(text('location', '会议地点'), 100),
    sized(text('chair', '主持人'), 50),
  ],
};

/** The meeting page's forms: 增加议题 (POST …/agenda) and 登记会议记录 (POST …/held). */
export const MEETING_FORMS = {
  // The linked record is chosen by its id; its type (document or review matter) is found from it
  // (subjects.ts subjectTypeOf). A decision goes on the agenda from its own page (条例第二十九条).
  topic: [
    sized(text('title', '议题名称', true), 200, 2),
    {
      ...ref('subjectId', '关联事项'),
      required: false as const,
      help: '行政规范性文件、合法性审查事项；不关联的为其他议题',
    },
    sized(text('presenter', '汇报单位'), 100),
    { ...yes('isPublic', '是否向社会公开'), required: false as const },
    sized(long('publicSummary', '公开的议题说明'), 2000),
  ],
  held: [
    sized(long('attendees', '出席人员', true), 2000, 2),
    sized(text('absentees', '缺席人员'), 2000),
    PUBLIC_ATTENDEES,
    sized(long('minutes', '会议纪要', true), 50_000, 10),
  ],
};
export type MeetingForm = keyof typeof MEETING_FORMS;

/** The 列席 form's lines ("赵某，企业代表", one a line) as the API's list of representatives. */
export const parseAttendees = (lines: string) =>
  formLines(lines).map((l) => {
    const [name, ...rest] = l.split(/[，,、\s]+/);
    return { name, identity: rest.join(' ') || '公众代表' };
  });
