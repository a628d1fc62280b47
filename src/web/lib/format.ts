import dayjs from 'dayjs';
import type { Unit } from './types.ts';

export const DATE = 'YYYY-MM-DD';

export function unitText(unit: Unit): string {
  return unit === 'workday' ? '个工作日' : '日';
}

/** "剩余N个工作日" / "剩余N日" / "已超期N个工作日" / "今日到期". */
export function daysLeftText(daysLeft: number | null, unit: Unit, overdue: boolean): string {
  if (daysLeft === null) return '—';
  if (overdue) return `已超期${Math.max(Math.abs(daysLeft), 1)}${unitText(unit)}`;
  if (daysLeft === 0) return '今日到期';
  return `剩余${daysLeft}${unitText(unit)}`;
}

/** '2025-01-20' → '2025年1月20日' */
export function dateCn(date: string | null | undefined): string {
  if (!date) return '—';
  const d = dayjs(date);
  return d.isValid() ? d.format('YYYY年M月D日') : date;
}

/** An ISO timestamp in local time. */
export function dateTime(at: string | null | undefined): string {
  if (!at) return '—';
  const d = dayjs(at);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : at;
}
