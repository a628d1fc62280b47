/**
 * The 督办 forms that post to routes of their own, declared once: the routes' bodies are derived from
 * them (fieldsSchema, service.ts), the list page gets TASK_FORMS from GET /api/supervision/forms (the
 * manifest's `forms`) and the task page gets ACT_FORMS with the task (view.ts).
 */
import { choice, date, long, num, ref, sized, text } from '../../core/procedure/fields.ts';
import { SOURCE_LABELS, type SourceKind } from './procedure.ts';

const SOURCES = Object.entries(SOURCE_LABELS) as Array<[SourceKind, string]>;
const assignedBy = sized(text('assignedBy', '交办领导或机关', true), 100, 1);

export const TASK_FORMS = {
  // 交办督办事项: the deadline is set when the task is assigned (adjusted only by a leader).
  create: [
    sized(text('title', '督办事项', true), 500, 2),
    choice('sourceKind', '督办来源', ...SOURCES),
    assignedBy,
    ref('orgId', '责任科室'),
    sized(text('ownerName', '责任人'), 50),
    date('dueOn', '办结期限'),
    sized(long('description', '具体要求'), 20_000),
  ],
  // 导入年度工作要点: the items of part (四) of the year's report become tasks in one step.
  importPlan: [
    {
      ...num('year', '报告年度', { min: 2000, max: 2100, integer: true }, true),
      help: '该年度法治政府建设年度报告第四部分的各项安排',
    },
    ref('orgId', '责任科室'),
    date('dueOn', '办结期限'),
    assignedBy,
  ],
};

const on = date('on', '办理日期');
/** The task page's acts (the engine records them; the route takes these fields). */
export const ACT_FORMS = {
  progress: [
    on,
    num('percent', '完成进度（%）', { min: 0, max: 100, integer: true }, true),
    sized(long('text', '进展情况', true), 5000, 2),
  ],
  adjustDue: [on, date('dueOn', '新的办结期限'), sized(long('reason', '调整理由', true), 2000, 2)],
  close: [on, sized(long('result', '办结情况', true), 5000, 2)],
};
export type ActForm = keyof typeof ACT_FORMS;
