/**
 * Proleptic Gregorian dates as day numbers (days since 1970-01-01), without Date objects, so that no
 * time zone can shift a day (H. Hinnant's days_from_civil / civil_from_days).
 */

export function civilToDays(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** Day number → 'YYYY-MM-DD'. */
export function daysToDate(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekendDay(z: number): boolean {
  const wd = (((z + 3) % 7) + 7) % 7; // 0 = Monday … 5 = Saturday, 6 = Sunday
  return wd >= 5;
}
