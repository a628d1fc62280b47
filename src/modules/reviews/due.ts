/**
 * The review deadline of a matter on the official calendar, with its Chinese explanation. Pure.
 * 重大行政决策: the submitter must leave ≥ 7 个工作日 (重大行政决策程序暂行条例第二十六条), so a
 * requested-by date leaving fewer is refused; a statutory maximum (规范性文件: 15 个工作日, 115号) caps it.
 */
import { AppError } from '../../core/errors.ts';
import { computeDue, type Calendar } from '../../core/calendar/calendar.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import {
  LIMIT_BASIS,
  MATTER_TYPE_LABELS,
  type ReviewMatterType,
  type TimeLimit,
} from './labels.ts';

export interface MatterDue {
  dueOn: string;
  explanation: string;
  provisional: boolean;
}

function invalid(message: string): never {
  throw new AppError('VALIDATION', `要求完成日期：${message}`, {
    fields: [{ path: 'requestedBy', message }],
  });
}

export function matterDue(
  cal: Calendar,
  type: ReviewMatterType,
  limit: TimeLimit,
  submittedOn: string,
  requestedBy?: string | null,
): MatterDue {
  const basis = LIMIT_BASIS[type] ? `（${LIMIT_BASIS[type]}）` : '';
  const typeLabel = MATTER_TYPE_LABELS[type];
  const cap =
    limit.maxWorkdays > 0
      ? computeDue(cal, { from: submittedOn, count: limit.maxWorkdays, unit: 'workday' })
      : null;
  if (requestedBy) {
    if (requestedBy < submittedOn) invalid('不能早于送审日期');
    const left = cal.workdaysBetween(submittedOn, requestedBy);
    if (left < limit.minWorkdays) {
      invalid(
        `${typeLabel}的合法性审查应当为审查机构预留不少于${limit.minWorkdays}个工作日${basis}，自${formatDateZh(submittedOn)}送审至${formatDateZh(requestedBy)}仅有${left}个工作日，请推迟要求完成日期`,
      );
    }
    if (cap && requestedBy > cap.due) {
      return {
        dueOn: cap.due,
        provisional: cap.provisional,
        explanation: `${typeLabel}合法性审查时间最长不超过${limit.maxWorkdays}个工作日${basis}：${cap.explanation}（送审单位要求的${formatDateZh(requestedBy)}晚于该期限）`,
      };
    }
    const provisional =
      cal.provisionalYears(Number(submittedOn.slice(0, 4)), Number(requestedBy.slice(0, 4)))
        .length > 0;
    return {
      dueOn: requestedBy,
      provisional,
      explanation: `送审单位要求于${formatDateZh(requestedBy)}前出具审查意见（自${formatDateZh(submittedOn)}送审起${left}个工作日）`,
    };
  }
  const r =
    cap && limit.defaultWorkdays >= limit.maxWorkdays
      ? cap
      : computeDue(cal, { from: submittedOn, count: limit.defaultWorkdays, unit: 'workday' });
  return {
    dueOn: r.due,
    provisional: r.provisional,
    explanation: `${typeLabel}合法性审查期限：${r.explanation}${basis}`,
  };
}
