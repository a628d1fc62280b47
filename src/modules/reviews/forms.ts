/**
 * 提交合法性审查 (a 科室's own matter: 合同协议, 其他法律事务 …), declared once: the submitting schema
 * (service.ts submitSchema, also for the modules that submit inside their own transaction) and
 * POST /api/reviews derive their bodies from it, and the new-matter page draws it from
 * GET /api/reviews/forms (the manifest's `forms`); the materials are uploaded beside it.
 */
import { choice, date, long, sized, text } from '../../core/procedure/fields.ts';
import { MATTER_TYPE_LABELS } from './labels.ts';

const pairs = <L extends Record<string, string>>(labels: L) =>
  Object.entries(labels) as Array<[keyof L & string, string]>;

export const MATTER_FORMS = {
  submit: [
    choice('type', '事项类型', ...pairs(MATTER_TYPE_LABELS)),
    sized(text('title', '事项名称', true), 200, 2),
    sized(long('summary', '送审说明', false, '审查事项的背景、依据和需要重点审查的问题'), 20_000),
    { ...date('requestedBy', '要求完成日期', false), help: '留空按该类事项的默认审查期限计算' },
  ],
};
