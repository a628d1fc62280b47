/**
 * The oversight body's view (依法治市办 / 司法局, RULES §11): every department's report status for a
 * year (not started, drafting, overdue, submitted on time or late, published), and the departments
 * compared on the indicators their submitted reports state (frozen at approval). Drafts stay with
 * their department: only submitted figures are compared. Read-only.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { cases } from '../../core/cases/schema.ts';
import { getSetting } from '../../core/settings/service.ts';
import { REPORT_AREAS } from '../../core/facts.ts';
import { ruleOfLawReportVersions, ruleOfLawReports } from './schema.ts';
import { submittedVersionId, type Figures, type ReportStatus } from './store.ts';
import { deadlinesOf, reportTemplateSetting } from './template.ts';
import { listImportedReports, type ImportedReport } from './analyser/service.ts';
import { overseenDepartments } from '../../core/orgs/service.ts';
import { PART_LABELS as IMPORT_PART_LABELS } from './analyser/types.ts';

const partLabel = (code: string) => (IMPORT_PART_LABELS as Record<string, string>)[code] ?? code;

export const OVERSIGHT_STATES = {
  notStarted: '未编制',
  drafting: '编制中',
  overdue: '逾期未报送',
  submittedOnTime: '按期报送',
  submittedLate: '逾期报送',
  published: '已公开',
} as const;
export type OversightState = keyof typeof OVERSIGHT_STATES;

export interface DepartmentRow {
  departmentId: string;
  department: string;
  state: OversightState;
  stateLabel: string;
  status: ReportStatus | null;
  submittedOn: string | null;
  submittedLate: boolean | null;
  publishedOn: string | null;
  publishedLate: boolean | null;
  /** The submitted report can be opened (read-only). */
  readable: boolean;
}

export interface Indicator {
  key: string;
  label: string;
  unit: string;
  area: string;
  values: Record<string, number | null>;
}
/** A column of the comparison: a department's generated report (id = department) or an imported one (id = import:…). */
export interface Column {
  id: string;
  name: string;
  kind: 'generated' | 'imported';
}

function stateOf(
  status: ReportStatus | null,
  submittedOn: string | null,
  publishedOn: string | null,
  submitDueOn: string,
  today: string,
): OversightState {
  if (publishedOn) return 'published';
  if (submittedOn) return submittedOn > submitDueOn ? 'submittedLate' : 'submittedOnTime';
  if (today > submitDueOn) return 'overdue';
  return status ? 'drafting' : 'notStarted';
}

export async function oversightOverview(
  ctx: Ctx,
  actor: Actor,
  year: number,
): Promise<{
  year: number;
  submitDueOn: string;
  publishDueOn: string;
  departments: DepartmentRow[];
  columns: Column[];
  indicators: Indicator[];
  imports: ImportedReport[];
}> {
  authorize(actor, 'ruleOfLawReport', 'oversee');
  const template = await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime());
  const { submitDueOn, publishDueOn } = deadlinesOf(template, year);
  const today = ctx.clock.today();
  // An oversight body oversees the departments of its own government (as filings go), no others.
  const depts = await overseenDepartments(ctx.db, actor.departmentId);
  const reports = depts.length
    ? await ctx.db
        .select({ r: ruleOfLawReports, status: cases.status })
        .from(ruleOfLawReports)
        .innerJoin(cases, eq(cases.id, ruleOfLawReports.caseId))
        .where(
          and(
            eq(ruleOfLawReports.year, year),
            inArray(
              ruleOfLawReports.departmentId,
              depts.map((d) => d.id),
            ),
          ),
        )
    : [];
  const byDept = new Map(reports.map((x) => [x.r.departmentId, x]));
  const versionIds = reports.map((x) => submittedVersionId(x.r)).filter((v): v is string => !!v);
  const frozen = versionIds.length
    ? await ctx.db
        .select({ id: ruleOfLawReportVersions.id, frozen: ruleOfLawReportVersions.frozen })
        .from(ruleOfLawReportVersions)
        .where(inArray(ruleOfLawReportVersions.id, versionIds))
    : [];
  const frozenById = new Map(frozen.map((f) => [f.id, (f.frozen ?? {}) as Figures]));

  const departments: DepartmentRow[] = depts.map((d) => {
    const x = byDept.get(d.id);
    const status = (x?.status ?? null) as ReportStatus | null;
    const submittedOn = x?.r.submittedOn ?? null;
    const publishedOn = x?.r.publishedOn ?? null;
    const state = stateOf(status, submittedOn, publishedOn, submitDueOn, today);
    return {
      departmentId: d.id,
      department: d.name,
      state,
      stateLabel: OVERSIGHT_STATES[state],
      status,
      submittedOn,
      submittedLate: submittedOn ? submittedOn > submitDueOn : null,
      publishedOn,
      publishedLate: publishedOn ? publishedOn > publishDueOn : null,
      readable: !!submittedOn,
    };
  });

  // Indicators: every fact key a submitted report states, in report-area order; null where a department has none.
  const indicators = new Map<string, Indicator>();
  for (const d of departments) {
    const vid = byDept.get(d.departmentId) && submittedVersionId(byDept.get(d.departmentId)!.r);
    const figs = vid ? frozenById.get(vid) : undefined;
    if (!figs) continue;
    for (const f of Object.values(figs)) {
      if (f.area === 'timeliness') continue;
      const ind = indicators.get(f.key) ?? {
        key: f.key,
        label: f.label,
        unit: f.unit,
        area: f.area ?? 'other',
        values: {},
      };
      ind.values[d.departmentId] = f.value;
      indicators.set(f.key, ind);
    }
  }
  const areaRank = (a: string) => {
    const i = (REPORT_AREAS as readonly string[]).indexOf(a);
    return i < 0 ? REPORT_AREAS.length : i;
  };
  // Reports written elsewhere, side by side: the analyser maps their figures to the same fact keys.
  const imports = await listImportedReports(ctx.db, {
    year,
    departmentIds: [actor.departmentId, ...depts.map((d) => d.id)],
  });
  for (const imp of imports) {
    for (const [key, value] of Object.entries(imp.indicators)) {
      const ind = indicators.get(key) ?? { key, label: key, unit: '', area: 'other', values: {} };
      ind.values[`import:${imp.id}`] = value;
      indicators.set(key, ind);
    }
  }
  const columns: Column[] = [
    ...departments.map((d) => ({
      id: d.departmentId,
      name: d.department,
      kind: 'generated' as const,
    })),
    ...imports.map((i) => ({
      id: `import:${i.id}`,
      name: `${i.orgName ?? '未识别单位'}（导入）`,
      kind: 'imported' as const,
    })),
  ];
  const list = [...indicators.values()].sort((a, b) => areaRank(a.area) - areaRank(b.area));
  for (const ind of list)
    for (const c of columns) if (!(c.id in ind.values)) ind.values[c.id] = null;
  return { year, submitDueOn, publishDueOn, departments, columns, indicators: list, imports };
}

/** The overview as an Excel workbook: statuses, and the indicators department by department. */
export async function oversightXlsx(ctx: Ctx, actor: Actor, year: number): Promise<Buffer> {
  const o = await oversightOverview(ctx, actor, year);
  // Loaded on first use (exceljs is heavy and rarely needed).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('报送情况');
  s1.columns = [
    { header: '部门', key: 'department', width: 28 },
    { header: '状态', key: 'state', width: 14 },
    { header: `报送日期（期限${o.submitDueOn}）`, key: 'submittedOn', width: 24 },
    { header: `公开日期（期限${o.publishDueOn}）`, key: 'publishedOn', width: 24 },
  ];
  for (const d of o.departments)
    s1.addRow({
      department: d.department,
      state: d.stateLabel,
      submittedOn: d.submittedOn ?? '',
      publishedOn: d.publishedOn ?? '',
    });
  const s2 = wb.addWorksheet('指标对比');
  s2.addRow(['指标', '单位', ...o.columns.map((c) => c.name)]);
  for (const ind of o.indicators)
    s2.addRow([ind.label, ind.unit, ...o.columns.map((c) => ind.values[c.id] ?? '')]);
  const s3 = wb.addWorksheet('导入报告');
  s3.columns = [
    { header: '单位', key: 'org', width: 28 },
    { header: '报告日期', key: 'date', width: 14 },
    { header: '具备的部分', key: 'present', width: 40 },
    { header: '缺少的部分', key: 'missing', width: 40 },
    { header: '具体数据（处）', key: 'facts', width: 14 },
    { header: '无具体事实的句子占比（%）', key: 'empty', width: 24 },
  ];
  for (const i of o.imports)
    s3.addRow({
      org: i.orgName ?? '未识别单位',
      date: i.reportDate ?? '',
      present: i.partsPresent.map(partLabel).join('、'),
      missing: i.partsMissing.map(partLabel).join('、'),
      facts: i.factCount,
      empty: i.emptySentenceShare,
    });
  for (const s of [s1, s2, s3]) s.getRow(1).font = { bold: true };
  s2.getColumn(1).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
