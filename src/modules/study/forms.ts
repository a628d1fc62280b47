/**
 * 登记学法 and 登记述法 (the records behind part (三) of the annual report), declared once: POST
 * /api/reports/study/sessions and /statements derive their bodies from them (apiSchemas.ts: whole
 * minutes and people, and the 述法年度 the page sends besides), and GET /api/reports/study serves them
 * to the 学法述法记录 page as `recordForms`, which draws the served fields.
 */
import { choice, date, num, sized, text, yes } from '../../core/procedure/fields.ts';
import { STATEMENT_FORMS, STATEMENT_RANKS, STUDY_KINDS } from './sessions.ts';

const pairs = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

export const STUDY_FORMS = {
  session: [
    date('heldOn', '学法日期'),
    choice('kind', '学法形式', ...pairs(STUDY_KINDS)),
    sized(text('topic', '学习内容', true), 200, 2),
    // Left out, a session has no speaker and was not led by the head (as the API always took it).
    { ...sized(text('speaker', '主讲人'), 60), default: '' },
    num('durationMinutes', '时长（分钟）', { min: 10, max: 1440, integer: true }, true),
    num('attendees', '参加人数', { min: 1, max: 10_000, integer: true }, true),
    { ...yes('ledByHead', '主要负责人主持或讲授'), required: false as const, default: false },
  ],
  statement: [
    date('statedOn', '述法日期'),
    sized(text('personName', '述法人', true), 40, 2),
    sized(text('position', '职务', true), 60, 2),
    choice('rank', '身份', ...pairs(STATEMENT_RANKS)),
    choice('form', '述法形式', ...pairs(STATEMENT_FORMS)),
    { ...sized(text('summary', '述法要点'), 5000), default: '' },
  ],
} as const;
export type StudyForm = keyof typeof STUDY_FORMS;
