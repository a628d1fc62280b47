/**
 * Importing 法治政府建设年度报告 written elsewhere (issue 6 item 4; RULES §11): read the file, analyse
 * it, store the original, the normalised text and the analysis in one transaction with the audit
 * event; list and show imports within the actor's scope (a department its own, oversight those of the
 * departments of its own government).
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors.ts';
import { newId } from '../../../core/clock.ts';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { DbOrTx } from '../../../core/db/client.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { hasRole, type Actor } from '../../../core/auth/actor.ts';
import { authorize, can } from '../policy.ts';
import { organisations } from '../../../core/orgs/schema.ts';
import { overseenDepartments, oversightBodyOf } from '../../../core/orgs/service.ts';
import {
  fileAccessOf,
  loadFile,
  storeFile,
  type FileAccess,
  type FileRow,
} from '../../../core/files/service.ts';
import { analyseText, MAX_TEXT_CHARS, notAReport } from './analyse.ts';
import { extractText, type SourceEncoding, type SourceFormat } from './extract.ts';
import { compareReports, repetitionFlag, type Repetition } from './repeated.ts';
import { reportImports } from './schema.ts';
import type { Analysis } from './types.ts';

export interface ImportInput {
  /** Whose report it is; defaults to the actor's department (only oversight may name another). */
  departmentId?: string;
  source:
    { kind: 'file'; name: string; mime: string; content: Buffer } | { kind: 'paste'; text: string };
  /** Corrections of what the analyser detects (seed 002 names no organisation). */
  orgName?: string | null;
  year?: number | null;
}

const invalid = (path: string, message: string): never => {
  throw new AppError('VALIDATION', message, { fields: [{ path, message }] });
};

/** A department's report-import scope: the department and the oversight body it answers to. */
async function importScope(
  db: DbOrTx,
  departmentId: string,
): Promise<{ departmentId: string; oversightOrgId: string | null }> {
  return { departmentId, oversightOrgId: (await oversightBodyOf(db, departmentId))?.id ?? null };
}

/** The departments whose reports the actor may import: its own; for oversight also those it oversees. */
export async function importTargets(
  ctx: Ctx,
  actor: Actor,
): Promise<{ id: string; name: string }[]> {
  authorize(actor, 'reportImport', 'list');
  const own = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.departmentId));
  return hasRole(actor, 'oversight')
    ? [...own, ...(await overseenDepartments(ctx.db, actor.departmentId))]
    : own;
}

async function targetDepartment(
  ctx: Ctx,
  actor: Actor,
  departmentId: string | undefined,
): Promise<string> {
  const id = departmentId ?? actor.departmentId;
  if (id === actor.departmentId) {
    authorize(actor, 'reportImport', 'create', { departmentId: id });
    return id;
  }
  // Another department: only the oversight body that oversees it (anything else, or no such department: 404).
  authorize(actor, 'reportImport', 'create', await importScope(ctx.db, id));
  return id;
}

export async function importReport(
  ctx: Ctx,
  actor: Actor,
  input: ImportInput,
): Promise<{ id: string }> {
  authorize(actor, 'reportImport', 'list');
  const departmentId = await targetDepartment(ctx, actor, input.departmentId);
  let raw: string;
  let format: SourceFormat;
  let encoding: SourceEncoding | null;
  let original: { name: string; mime: string; content: Buffer };
  if (input.source.kind === 'file') {
    original = { name: input.source.name, mime: input.source.mime, content: input.source.content };
    ({ text: raw, format, encoding } = await extractText(original));
  } else {
    raw = input.source.text;
    format = 'paste';
    encoding = null;
    original = {
      name: '粘贴文本.txt',
      mime: 'text/plain; charset=utf-8',
      content: Buffer.from(raw, 'utf8'),
    };
  }
  const [field, label] = input.source.kind === 'file' ? ['file', '文件'] : ['text', '正文'];
  if (raw.length > MAX_TEXT_CHARS)
    invalid(
      field,
      `${label}：报告正文过长（超过${MAX_TEXT_CHARS / 10_000}万字），请确认导入的是一份年度报告`,
    );
  const result = analyseText(raw);
  const problem = notAReport(result);
  if (problem) invalid(field, `${label}：${problem}`);
  const { analysis, text } = result;
  const orgName = input.orgName?.trim() || analysis.orgName;
  const year = input.year ?? analysis.year;
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    const file = await storeFile(tx, ctx, actor, original);
    const id = newId();
    await tx.insert(reportImports).values({
      id,
      departmentId,
      fileId: file.id,
      fileName: file.name,
      format,
      encoding,
      text,
      analysis,
      analyserVersion: analysis.version,
      title: analysis.title,
      orgName,
      year,
      reportDate: analysis.reportDate,
      partsPresent: analysis.partsPresent,
      partsMissing: analysis.partsMissing,
      factCount: analysis.figures.length,
      emptySentenceShare: analysis.sentences.emptyShare,
      indicators: analysis.indicators,
      importedBy: actor.userId,
      importedAt: now,
      updatedAt: now,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'reportImport.create',
        entityType: 'reportImport',
        entityId: id,
        payload: {
          departmentId,
          fileId: file.id,
          fileName: file.name,
          sha256: file.sha256,
          format,
          encoding,
          orgName,
          year,
          partsMissing: analysis.partsMissing,
        },
      },
      now,
    );
    return { id };
  });
}

/** One imported report as the oversight view lists it beside generated ones. */
export interface ImportedReport {
  id: string;
  orgName: string | null;
  year: number | null;
  reportDate: string | null;
  partsPresent: string[];
  partsMissing: string[];
  factCount: number;
  /** Per cent (one decimal) of the sentences of the year's account that state no concrete fact. */
  emptySentenceShare: number;
  /** Figures of the year's work by Fact key (the keys of the modules' facts.ts). */
  indicators: Record<string, number>;
}

export interface ImportFilter {
  year?: number;
  orgName?: string;
  departmentId?: string;
  /** Only these departments' imports (an oversight body: its own and those it oversees, overseenDepartments). */
  departmentIds?: string[];
}

const SUMMARY = {
  id: reportImports.id,
  orgName: reportImports.orgName,
  year: reportImports.year,
  reportDate: reportImports.reportDate,
  partsPresent: reportImports.partsPresent,
  partsMissing: reportImports.partsMissing,
  factCount: reportImports.factCount,
  emptySentenceShare: reportImports.emptySentenceShare,
  indicators: reportImports.indicators,
};

function where(filter: ImportFilter) {
  return and(
    filter.year !== undefined ? eq(reportImports.year, filter.year) : undefined,
    filter.orgName ? eq(reportImports.orgName, filter.orgName) : undefined,
    filter.departmentId ? eq(reportImports.departmentId, filter.departmentId) : undefined,
    filter.departmentIds
      ? filter.departmentIds.length
        ? inArray(reportImports.departmentId, filter.departmentIds)
        : sql`false`
      : undefined,
  );
}

/**
 * Imported reports, unscoped: the caller has decided what the actor may see (the oversight view
 * lists every department's). Newest year first.
 */
export async function listImportedReports(
  db: DbOrTx,
  filter: ImportFilter,
): Promise<ImportedReport[]> {
  return db
    .select(SUMMARY)
    .from(reportImports)
    .where(where(filter))
    .orderBy(
      sql`${reportImports.year} desc nulls last`,
      reportImports.orgName,
      desc(reportImports.importedAt),
    );
}

export interface ImportListItem extends ImportedReport {
  departmentId: string;
  departmentName: string;
  title: string | null;
  fileName: string;
  format: SourceFormat;
  importedAt: Date;
  warnings: number;
}

/** The workbench list, scoped in SQL: a department sees its own imports, oversight those of the departments it oversees. */
export async function listImports(
  ctx: Ctx,
  actor: Actor,
  filter: ImportFilter,
): Promise<ImportListItem[]> {
  authorize(actor, 'reportImport', 'list');
  const oversight = hasRole(actor, 'oversight');
  const scoped = oversight ? filter : { ...filter, departmentId: actor.departmentId };
  if (filter.departmentId && scoped.departmentId !== filter.departmentId) return [];
  const overseen = oversight
    ? [
        actor.departmentId,
        ...(await overseenDepartments(ctx.db, actor.departmentId)).map((d) => d.id),
      ]
    : [];
  return ctx.db
    .select({
      ...SUMMARY,
      departmentId: reportImports.departmentId,
      departmentName: organisations.name,
      title: reportImports.title,
      fileName: reportImports.fileName,
      format: reportImports.format,
      importedAt: reportImports.importedAt,
      warnings: sql<number>`(select count(*) from jsonb_array_elements(${reportImports.analysis}->'flags') f where f->>'severity' = 'warning')::int`,
    })
    .from(reportImports)
    .innerJoin(organisations, eq(organisations.id, reportImports.departmentId))
    .where(where(oversight ? { ...scoped, departmentIds: overseen } : scoped))
    .orderBy(desc(reportImports.importedAt));
}

type ImportRow = typeof reportImports.$inferSelect;

async function loadImport(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: 'read' | 'edit',
): Promise<ImportRow> {
  const [row] = await db.select().from(reportImports).where(eq(reportImports.id, id));
  if (!row) throw notFound('导入的报告');
  authorize(actor, 'reportImport', action, await importScope(db, row.departmentId));
  return row;
}

/** A file is readable as the original of an imported report the actor may read (getImport's rule). */
export async function originalFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: reportImports.id })
    .from(reportImports)
    .where(eq(reportImports.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadImport(db, actor, id, 'read'),
  );
}

export interface ImportView extends Omit<ImportRow, 'analysis'> {
  analysis: Analysis;
  departmentName: string;
  /** Compared with the same department's (and organisation's) latest earlier report, if imported. */
  repetition: (Repetition & { earlierId: string; earlierYear: number | null }) | null;
  canEdit: boolean;
}

export async function getImport(ctx: Ctx, actor: Actor, id: string): Promise<ImportView> {
  const row = await loadImport(ctx.db, actor, id, 'read');
  const [dept] = await ctx.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.departmentId));
  const analysis = row.analysis as Analysis;
  let repetition: ImportView['repetition'] = null;
  if (row.year) {
    const [earlier] = await ctx.db
      .select({ id: reportImports.id, year: reportImports.year, text: reportImports.text })
      .from(reportImports)
      .where(
        and(
          eq(reportImports.departmentId, row.departmentId),
          lt(reportImports.year, row.year),
          row.orgName
            ? sql`(${reportImports.orgName} = ${row.orgName} or ${reportImports.orgName} is null)`
            : undefined,
        ),
      )
      .orderBy(desc(reportImports.year), desc(reportImports.importedAt))
      .limit(1);
    if (earlier)
      repetition = {
        ...compareReports(row.text, earlier.text),
        earlierId: earlier.id,
        earlierYear: earlier.year,
      };
  }
  const flag = repetition && repetitionFlag(repetition, repetition.earlierYear);
  return {
    ...row,
    analysis: { ...analysis, flags: flag ? [...analysis.flags, flag] : analysis.flags },
    departmentName: dept?.name ?? '',
    repetition,
    canEdit: can(actor, 'reportImport', 'edit', await importScope(ctx.db, row.departmentId)),
  };
}

/** A reviewer corrects the organisation or the year the analyser detected (audited, old and new). */
export async function correctImport(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: { orgName?: string | null; year?: number | null },
): Promise<void> {
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    const row = await loadImport(tx, actor, id, 'edit');
    const next = {
      orgName: patch.orgName === undefined ? row.orgName : patch.orgName?.trim() || null,
      year: patch.year === undefined ? row.year : patch.year,
    };
    if (next.orgName === row.orgName && next.year === row.year) return;
    await tx
      .update(reportImports)
      .set({ ...next, updatedAt: now })
      .where(eq(reportImports.id, id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'reportImport.correct',
        entityType: 'reportImport',
        entityId: id,
        payload: { from: { orgName: row.orgName, year: row.year }, to: next },
      },
      now,
    );
  });
}

/** The file as uploaded (or the pasted text), for whoever may read the import. */
export async function originalFile(ctx: Ctx, actor: Actor, id: string): Promise<FileRow> {
  const row = await loadImport(ctx.db, actor, id, 'read');
  const file = await loadFile(ctx.db, row.fileId);
  if (!file) throw notFound('原始文件');
  return file;
}
