/**
 * The 录入国务院放假通知 form, declared once: POST /api/calendar/notices derives its body from it (the
 * year is the route's own), GET /api/calendar/forms serves it to the calendar screen, which draws its
 * rows (放假安排, 调休上班日) with add and remove buttons. A problem in a row is named by the row
 * (「放假安排第2行：开始日期：…」); the service's checks (a range in the year, a weekend worked) stay.
 */
import { choice, date, dateRange, list, num, sized, text } from '../procedure/fields.ts';

export const CALENDAR_FORMS = {
  notice: [
    sized(text('title', '通知标题', true), 200, 4),
    list(
      'holidays',
      '放假安排',
      [
        { ...sized(text('name', '名称', true), 20), placeholder: '如：春节' },
        dateRange('range', '放假起止日期', 'from', '开始日期', 'to', '结束日期'),
      ],
      { minItems: 1, maxItems: 20, rowLabel: '第{n}项' },
    ),
    list(
      'makeUpWorkdays',
      '调休上班日',
      [
        date('date', '日期', true),
        // Left out, a 调休上班日 is called 调休上班 (as the API always took it).
        { ...sized(text('name', '说明'), 20), placeholder: '如：春节调休', default: '调休上班' },
      ],
      { maxItems: 20, rowLabel: '第{n}天', removeLabel: '删除第{n}个调休上班日' },
    ),
  ],
};

/**
 * The 期限试算 form (the calendar screen's calculator), declared once: GET /api/calendar/due derives its
 * query from it (the count as text, whole days; rollForward is the API's own), GET
 * /api/calendar/due/forms serves it to every signed-in account (the due date itself is public).
 */
export const DUE_FORMS = {
  due: [
    { ...date('from', '起算日期'), help: '事件发生之日，期限自次日起算' },
    { ...num('count', '期限', {}, true), min: 1, max: 3650 },
    choice('unit', '单位', ['workday', '工作日'], ['day', '日']),
  ],
} as const;
