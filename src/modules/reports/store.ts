/** Reading reports and versions (shared by the service, the view, the export and the oversight view). */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { cases } from '../../core/cases/schema.ts';
import { notFound } from '../../core/errors.ts';
import type { Figure, ReportDocument } from './document.ts';
import { ruleOfLawReportVersions, ruleOfLawReports } from './schema.ts';

export type ReportRow = typeof ruleOfLawReports.$inferSelect;
export type VersionRow = typeof ruleOfLawReportVersions.$inferSelect;
export type Figures = Record<string, Figure>;
export type ReportStatus = 'new' | 'drafting' | 'reviewed' | 'approved' | 'submitted' | 'published';

/** The passing 保密审查 recorded on the published report: the reviewing account, by name and id. */
export interface Review {
  reviewer: string;
  reviewerId: string;
  opinion: string;
  on: string;
}
export interface Approval {
  meetingKind: string;
  meetingOn: string;
  session: string;
  on: string;
}
export interface Submission {
  on: string;
  recipients: string[];
  versionId: string;
}

export async function findReport(
  db: DbOrTx,
  departmentId: string,
  year: number,
  forUpdate = false,
): Promise<ReportRow | undefined> {
  const q = db
    .select()
    .from(ruleOfLawReports)
    .where(and(eq(ruleOfLawReports.departmentId, departmentId), eq(ruleOfLawReports.year, year)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function mustFindReport(
  db: DbOrTx,
  departmentId: string,
  year: number,
  forUpdate = false,
): Promise<ReportRow> {
  const r = await findReport(db, departmentId, year, forUpdate);
  if (!r) throw notFound(`${year}年度法治政府建设年度报告`);
  return r;
}

export async function versionById(db: DbOrTx, id: string): Promise<VersionRow> {
  const [v] = await db
    .select()
    .from(ruleOfLawReportVersions)
    .where(eq(ruleOfLawReportVersions.id, id));
  if (!v) throw notFound('报告版本');
  return v;
}

export async function versionsOf(db: DbOrTx, reportId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(ruleOfLawReportVersions)
    .where(eq(ruleOfLawReportVersions.reportId, reportId))
    .orderBy(asc(ruleOfLawReportVersions.seq));
}

export async function statusOf(db: DbOrTx, caseId: string): Promise<ReportStatus> {
  const [c] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  return (c?.status ?? 'new') as ReportStatus;
}

/** Redrafting from today's records replaces the text: only before the 保密审查 (a later change is a revision). */
export const redraftable = (s: ReportStatus) => s === 'drafting';

export const contentOf = (v: VersionRow) => v.content as ReportDocument;
/** The figures a version states: frozen at approval, else those seen when it was saved. */
export const figuresOf = (v: VersionRow) => (v.frozen ?? v.figures) as Figures;

/** The version the oversight body reads: the one last submitted to it. */
export const submittedVersionId = (r: ReportRow) =>
  (r.submission as Submission | null)?.versionId ?? null;

/** Scope for the policy: the department, and whether the report has reached the oversight body. */
export const reportScope = (r: ReportRow) => ({
  departmentId: r.departmentId,
  submitted: !!r.submittedOn,
});
