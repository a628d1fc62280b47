import { useQuery } from '@tanstack/react-query';
import { get } from '../lib/api.ts';
import type { CalendarDay, CalendarYear } from '../lib/types.ts';

export const yearsKey = ['calendar', 'years'] as const;
export const daysKey = (year: number) => ['calendar', 'days', year] as const;

export function useCalendarYears() {
  return useQuery({
    queryKey: yearsKey,
    queryFn: () => get<{ items: CalendarYear[] }>('/api/calendar/years'),
  });
}

export function useCalendarDays(year: number | null) {
  return useQuery({
    queryKey: daysKey(year ?? 0),
    queryFn: () =>
      get<{ year: number; items: CalendarDay[] }>('/api/calendar/days', {
        year: year ?? undefined,
      }),
    enabled: year !== null,
  });
}

export function yearStatus(y: CalendarYear): string {
  if (y.source === 'builtin') return '已内置官方安排';
  if (y.source === 'notice') return `已录入通知${y.noticeTitle ? `：${y.noticeTitle}` : ''}`;
  return '尚无官方安排（暂按放假办法计算）';
}
