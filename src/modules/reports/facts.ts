/**
 * The facts a report is written from: every registered provider's (src/server/modules.ts
 * factProviders; the report never names a module) plus the report's own timeliness facts, read
 * from the generic case steps every module's procedure writes: steps finished after their due date
 * in the year, and steps overdue at the end of the period. Those feed part (二) with the facts
 * whose value falls outside their expected range.
 *
 * A report speaks for its year: what is "as at" is as at 12月31日 of that year (or today while
 * the year runs), never as at the day the draft is generated, so a 2025 report drafted in
 * February 2026 neither counts 2026 cases nor misses a step that was overdue on 2025-12-31 and
 * done in January. A fact whose sentence is empty has nothing to add to the prose (assemble.ts
 * leaves it out); its figure stays available to insert and to compare.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import type { Fact, FactProvider, ReportArea } from '../../core/facts.ts';
import type { Figure } from './document.ts';

/** `module`: the provider the fact came from (part (一) writes one paragraph per provider). */
export type AreaFigure = Omit<Figure, 'area'> & {
  area: ReportArea | 'timeliness';
  expect?: Fact['expect'];
  module?: string;
};

/**
 * The end of the period a year's figures are taken at: `asOf` is the last day counted (12月31日, or
 * today while the year runs); a due date before `cutoff` has passed by the end of `asOf`.
 */
export interface PeriodEnd {
  asOf: string;
  cutoff: string;
}

export function periodEnd(year: number, today: string): PeriodEnd {
  const end = `${year}-12-31`;
  return today > end ? { asOf: end, cutoff: `${year + 1}-01-01` } : { asOf: today, cutoff: today };
}

/** "截至2025年12月31日" */
export const asOfText = (p: PeriodEnd) => `截至${formatDateZh(p.asOf)}`;

/**
 * A case step (alias `s`) that was overdue at the end of the period: its due date had passed, it
 * had opened by then and was not done by then (done later, or still open). Open steps overdue at
 * the end of the period are late: they count against timeliness like steps done late.
 */
export const stepOverdueAt = (p: PeriodEnd): SQL =>
  sql`s.due_date < ${p.cutoff} and s.opened_on <= ${p.asOf} and (s.status = 'open' or s.done_on > ${p.asOf})`;

/** A case step (alias `s`) done in the year after its due date. */
export const stepDoneLateIn = (year: number): SQL =>
  sql`s.status = 'done' and s.done_on between ${`${year}-01-01`} and ${`${year}-12-31`} and s.done_on > s.due_date`;

export interface FactSet {
  figures: AreaFigure[];
  byKey: Map<string, AreaFigure>;
  /** Providers that failed (their facts are missing from this report view). */
  unavailable: string[];
}

/**
 * Late and overdue steps per procedure and step, for one department (window steps excluded: they
 * just close): done late in the year, and overdue at the end of the period (a step both done late
 * in the year and still overdue at its end cannot be: it was done by then).
 */
export async function timelinessFacts(
  ctx: Ctx,
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<AreaFigure[]> {
  const period = periodEnd(year, ctx.clock.today());
  const rows = await queryRows<{
    procedure: string;
    step: string;
    label: string;
    late: number;
    overdue: number;
  }>(
    db,
    sql`select c.procedure, s.step, min(s.label) as label,
          count(*) filter (where ${stepDoneLateIn(year)})::int as late,
          count(*) filter (where ${stepOverdueAt(period)})::int as overdue
        from case_steps s join cases c on c.id = s.case_id
        where s.department_id = ${departmentId} and s.due_date is not null
          and ((${stepDoneLateIn(year)}) or (${stepOverdueAt(period)}))
        group by c.procedure, s.step
        order by c.procedure, s.step`,
  );
  const out: AreaFigure[] = [];
  for (const r of rows) {
    const entry = ctx.procedures.all().find((e) => e.def.code === r.procedure);
    const stepDef = entry?.def.steps.find((s) => s.code === r.step);
    const clock = stepDef?.clock
      ? entry?.def.clocks.find((c) => c.code === stepDef.clock)
      : undefined;
    if (clock?.window) continue;
    const what = `${entry?.def.label ?? r.procedure}“${r.label}”`;
    const records = (kind: string) => ({
      path: '/api/reports/step-records',
      query: { procedure: r.procedure, step: r.step, kind, year },
    });
    if (r.late) {
      out.push({
        key: `timeliness.late.${r.procedure}.${r.step}`,
        label: `${what}超过期限办理`,
        value: r.late,
        unit: '件',
        sentence: `${year}年，${what}环节有${r.late}件超过期限才办理完毕。`,
        method: '本年度办结的办理环节中，完成日期晚于法定或规定期限的件数（按工作日历计算期限）。',
        area: 'timeliness',
        records: records('late'),
        expect: {
          max: 0,
          shortfall: `${what}环节存在超期办理`,
          suggestion: `对${what}环节实行到期前提醒和逾期督办`,
        },
      });
    }
    if (r.overdue) {
      out.push({
        key: `timeliness.overdue.${r.procedure}.${r.step}`,
        label: `${what}逾期未办`,
        value: r.overdue,
        unit: '件',
        sentence: `${asOfText(period)}，${what}环节仍有${r.overdue}件已过期限尚未办理。`,
        method:
          '截至本年度末（年度未结束的截至当日），期限已届满而尚未办理的环节，含其后才办理的。',
        area: 'timeliness',
        records: records('overdue'),
        expect: {
          max: 0,
          shortfall: `${what}环节存在逾期未办`,
          suggestion: `逐件清理${what}逾期事项并明确办结时限`,
        },
      });
    }
  }
  return out;
}

/** Runs every provider for the department-year (in parallel) and adds the timeliness facts. */
export async function gatherFacts(
  ctx: Ctx,
  providers: FactProvider[],
  departmentId: string,
  year: number,
): Promise<FactSet> {
  const unavailable: string[] = [];
  const results = await Promise.all(
    providers.map(async (p) => {
      try {
        return (await p.facts(ctx, departmentId, year)).map((f): AreaFigure => ({
          ...f,
          area: f.area ?? p.area,
          module: p.module,
        }));
      } catch (err) {
        // One module's failure must not stop the report; the view names what is missing.
        ctx.log?.error({ err, module: p.module }, 'fact provider failed');
        unavailable.push(p.module);
        return [];
      }
    }),
  );
  const figures = [...results.flat(), ...(await timelinessFacts(ctx, ctx.db, departmentId, year))];
  return { figures, byKey: new Map(figures.map((f) => [f.key, f])), unavailable };
}

/** The part of a fact a report keeps (no expectation, no functions). */
export const toFigure = (f: AreaFigure): Figure => ({
  key: f.key,
  label: f.label,
  value: f.value,
  unit: f.unit,
  sentence: f.sentence,
  method: f.method,
  area: f.area,
  records: f.records,
});

/** True when the fact's value is outside its expected range. */
export const missesExpectation = (f: Pick<Fact, 'value' | 'expect'>) =>
  !!f.expect &&
  ((f.expect.min !== undefined && f.value < f.expect.min) ||
    (f.expect.max !== undefined && f.value > f.expect.max));
