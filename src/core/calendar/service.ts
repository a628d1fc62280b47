import { eq } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { inTx, type Ctx } from '../context.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { recomputeOpenDeadlines } from '../cases/service.ts';
import { Assumed, builtinYears, createCalendar, DayKind } from './calendar.ts';
import { loadCalendarData } from './store.ts';
import { calendarDays, calendarYears } from './schema.ts';

export interface NoticeInput {
  year: number;
  title: string;
  holidays: { name: string; from: string; to: string }[];
  makeUpWorkdays: { date: string; name: string }[];
}

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const plusDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Enters a year's State Council holiday notice (国务院办公厅关于…部分节假日安排的通知): it replaces
 * that year's overrides, makes the year official, and recomputes every open deadline in the same
 * transaction; each moved deadline is recorded on its case.
 */
export async function enterNotice(
  ctx: Ctx,
  actor: Actor,
  input: NoticeInput,
): Promise<{ recomputed: number }> {
  const days: { date: string; kind: 'holiday' | 'workday'; name: string; year: number }[] = [];
  const fieldErr = (path: string, message: string) =>
    new AppError('VALIDATION', message, { fields: [{ path, message }] });
  input.holidays.forEach((h, i) => {
    if (h.to < h.from)
      throw fieldErr(`holidays.${i}.to`, `放假日期：${h.name}的结束日期早于开始日期`);
    for (let d = h.from; d <= h.to; d = plusDay(d)) {
      // A block may straddle New Year (e.g. 元旦 2023-12-30 to 2024-01-01 in the 2024 notice).
      if (d < `${input.year - 1}-12-01` || d > `${input.year + 1}-01-31`) {
        throw fieldErr(`holidays.${i}.from`, `放假日期：${d} 不在 ${input.year} 年内`);
      }
      days.push({ date: d, kind: 'holiday', name: h.name, year: input.year });
    }
  });
  input.makeUpWorkdays.forEach((m, i) => {
    const wd = weekday(m.date);
    if (wd !== 0 && wd !== 6)
      throw fieldErr(`makeUpWorkdays.${i}.date`, `调休上班日期：${m.date} 不是周六或周日`);
    days.push({ date: m.date, kind: 'workday', name: m.name, year: input.year });
  });
  const seen = new Set<string>();
  for (const d of days) {
    if (seen.has(d.date)) throw new AppError('VALIDATION', `日期 ${d.date} 重复出现`);
    seen.add(d.date);
  }
  const now = ctx.clock.now();
  const result = await inTx(ctx, async (tx) => {
    await tx.delete(calendarDays).where(eq(calendarDays.year, input.year));
    if (days.length) await tx.insert(calendarDays).values(days);
    await tx
      .insert(calendarYears)
      .values({ year: input.year, title: input.title, enteredBy: actor.userId, enteredAt: now })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { title: input.title, enteredBy: actor.userId, enteredAt: now },
      });
    const cal = createCalendar(await loadCalendarData(tx));
    const recomputed = await recomputeOpenDeadlines(
      tx,
      ctx,
      cal,
      actor.userId,
      `录入${input.year}年节假日安排：${input.title}`,
    );
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'calendar.notice',
        entityType: 'calendarYear',
        entityId: String(input.year),
        payload: { ...input, recomputed },
      },
      now,
    );
    return { recomputed };
  });
  await ctx.calendar.reload(ctx.db);
  return result;
}

export async function listYears(ctx: Ctx) {
  const notices = await ctx.db.select().from(calendarYears);
  const builtin = new Set(builtinYears());
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  const years = new Set<number>([
    ...builtin,
    ...notices.map((n) => n.year),
    thisYear,
    thisYear + 1,
  ]);
  return {
    items: [...years]
      .filter((y) => y >= thisYear - 5)
      .sort((a, b) => b - a)
      .map((year) => {
        const notice = notices.find((n) => n.year === year);
        return {
          year,
          official: !!notice || builtin.has(year),
          source: notice ? 'notice' : builtin.has(year) ? 'builtin' : 'none',
          noticeTitle: notice?.title ?? null,
        };
      }),
  };
}

/**
 * The year's exceptional days: weekday holidays and weekend make-up working days. In a year without
 * its notice, the rest days assumed from the 全国年节及纪念日放假办法 are listed as 'statutory'.
 */
export async function listDays(ctx: Ctx, year: number) {
  const cal = ctx.calendar.current();
  const overrides = new Set(
    (
      await ctx.db
        .select({ date: calendarDays.date })
        .from(calendarDays)
        .where(eq(calendarDays.year, year))
    ).map((r) => r.date),
  );
  const items: {
    date: string;
    kind: 'holiday' | 'workday';
    name: string;
    source: 'builtin' | 'override' | 'statutory';
  }[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}`); d = plusDay(d)) {
    const kind = cal.dayKind(d);
    const wd = weekday(d);
    const weekend = wd === 0 || wd === 6;
    const source = overrides.has(d)
      ? 'override'
      : cal.assumedAt(cal.index(d)) !== Assumed.None
        ? 'statutory'
        : 'builtin';
    if (kind === DayKind.Holiday && (!weekend || cal.dayName(d)))
      items.push({ date: d, kind: 'holiday', name: cal.dayName(d) ?? '节假日', source });
    if (kind === DayKind.MakeUp)
      items.push({ date: d, kind: 'workday', name: cal.dayName(d) ?? '调休上班', source });
  }
  return { year, items };
}
