import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';

/** The report year (native select: antd Select fails axe); this year and the seven before. */
export function YearSelect({
  year,
  onChange,
  label = '报告年度',
}: {
  year: number;
  onChange(year: number): void;
  label?: string;
}) {
  return (
    <select
      aria-label={label}
      value={year}
      onChange={(e) => onChange(Number(e.target.value))}
      style={{ height: 32 }}
    >
      {Array.from({ length: 8 }, (_, i) => dayjs().year() - i).map((y) => (
        <option key={y} value={y}>{`${y}年度`}</option>
      ))}
    </select>
  );
}

/** The year in the page's ?year= (default: last year, the one reports are written for). */
export function useReportYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  return [Number(params.get('year')) || dayjs().year() - 1, (y) => setParams({ year: String(y) })];
}
