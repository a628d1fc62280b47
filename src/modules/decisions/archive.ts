/**
 * 决策档案 (条例 Art 33: 过程记录和材料归档): everything about a decision in order — the procedure's
 * acts, every piece of evidence, and the audit events (SM3 chain) that prove when each was added.
 * One view (JSON) and one export: a .zip streamed to the client with a .docx index in 公文格式, a
 * machine-readable manifest with the audit hashes, and every evidence file, fetched from the
 * database one at a time while the zip is written, so memory does not grow with the number of files.
 */
import { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import yazl from 'yazl';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import { auditEvents } from '../../core/audit/schema.ts';
import { caseEvents } from '../../core/cases/schema.ts';
import { caseState, getCase } from '../../core/cases/service.ts';
import { files } from '../../core/files/schema.ts';
import type { CaseEvent } from '../../core/procedure/engine.ts';
import { evidenceOf } from './evidence.ts';
import { loadDecision } from './service.ts';
import { flowChart } from './flow.ts';
import { materialsChecklist } from './materials.ts';
import { MAJOR_DECISION } from './procedure.ts';
import { archiveIndexDocx } from './archiveDocx.ts';

const ACTION_LABELS = new Map(MAJOR_DECISION.actions.map((a) => [a.code, a.label]));
const EXTRA_LABELS: Record<string, string> = {
  dispose: '处理公众意见',
  publishFeedback: '公布意见采纳情况',
  addEvidence: '补充材料',
  correctEvidence: '更正材料',
  other: '其他材料',
};
export const stageLabel = (code: string) => ACTION_LABELS.get(code) ?? EXTRA_LABELS[code] ?? code;

/** The audit actions that belong to a decision: its case's acts and the module's own events. */
const AUDIT_ACTIONS = [...ACTION_LABELS.keys()]
  .flatMap((a) => [`case.${a}`, `decision.${a}`])
  .concat(['case.deadlinesRecomputed', ...Object.keys(EXTRA_LABELS).map((a) => `decision.${a}`)]);

export async function archiveData(ctx: Ctx, actor: Actor, id: string) {
  const d = await loadDecision(ctx.db, actor, id);
  const c = await getCase(ctx, actor, d.caseId);
  const eventRows = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, d.caseId))
    .orderBy(asc(caseEvents.seq));
  const history: CaseEvent[] = eventRows.map((r) => ({
    type: r.type,
    on: r.on,
    seq: r.seq,
    actorRoles: r.actorRoles,
    data: r.data as Record<string, unknown>,
  }));
  const state = await caseState(ctx, c, history);
  const evidence = await evidenceOf(ctx.db, d.id);
  // The action index narrows the audit log to these kinds of events; the entity ids to this decision.
  const audit = await ctx.db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      entityType: auditEvents.entityType,
      payload: auditEvents.payload,
      prevHash: auditEvents.prevHash,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.action, AUDIT_ACTIONS),
        inArray(auditEvents.entityId, [d.id, d.caseId]),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  const actorIds = [
    ...new Set(
      [...eventRows.map((e) => e.actorId), ...evidence.map((e) => e.addedBy)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const names = new Map(
    (actorIds.length
      ? await ctx.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, actorIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  // Each act is proven by the audit event its recording appended (case.<act>, payload.seq).
  const caseAudit = new Map<number, (typeof audit)[number]>();
  for (const a of audit)
    if (a.entityType === 'case' && a.action !== 'case.deadlinesRecomputed')
      caseAudit.set(Number((a.payload as { seq?: number }).seq), a);
  const bySeq = new Map(audit.map((a) => [a.seq, a]));
  const superseded = new Set(evidence.map((e) => e.supersedesId).filter(Boolean));
  const events = eventRows.map((e) => {
    const proof = caseAudit.get(e.seq);
    return {
      seq: e.seq,
      type: e.type,
      label: stageLabel(e.type),
      on: e.on,
      at: e.at.toISOString(),
      actorName: e.actorId ? (names.get(e.actorId) ?? '') : '系统',
      data: e.data as Record<string, unknown>,
      auditSeq: proof?.seq ?? null,
      auditHash: proof?.hash ?? null,
    };
  });
  const items = evidence.map((e) => {
    const proof = bySeq.get(e.auditSeq);
    return {
      ...e,
      addedAt: e.addedAt.toISOString(),
      stage: stageLabel(e.kind),
      addedByName: e.addedBy ? (names.get(e.addedBy) ?? '') : '系统',
      superseded: superseded.has(e.id),
      auditAt: proof?.at.toISOString() ?? null,
      auditHash: proof?.hash ?? null,
      path: archivePath(e),
    };
  });
  const missingProof = [
    ...events.filter((e) => !e.auditSeq).map((e) => `办理记录第${e.seq}项`),
    ...items.filter((e) => !e.auditHash).map((e) => `材料第${e.seq}项`),
  ];
  return {
    decision: {
      id: d.id,
      title: d.title,
      undertakingUnit: d.undertakingUnit,
      proposer: d.proposer,
      year: d.year,
      catalogue: d.catalogueItemId
        ? '列入年度决策事项目录'
        : `目录外事项（${d.outsideCatalogueReason ?? ''}）`,
      status: state.status,
      statusLabel: state.statusLabel,
      decidedOn: d.decidedOn,
      publishedOn: d.publishedOn,
    },
    generatedAt: ctx.clock.now().toISOString(),
    flow: flowChart(MAJOR_DECISION, history, state),
    materials: materialsChecklist(history),
    events,
    evidence: items,
    audit: audit.map((a) => ({
      seq: a.seq,
      at: a.at.toISOString(),
      action: a.action,
      prevHash: a.prevHash,
      hash: a.hash,
    })),
    completeness: {
      events: events.length,
      evidence: items.length,
      files: items.filter((e) => e.fileId).length,
      auditEvents: audit.length,
      missingProof,
    },
  };
}

export type ArchiveData = Awaited<ReturnType<typeof archiveData>>;

export async function archiveView(ctx: Ctx, actor: Actor, id: string) {
  const data = await archiveData(ctx, actor, id);
  return {
    ...data,
    evidence: data.evidence.map((e) => ({
      ...e,
      body: e.body.length > 500 ? `${e.body.slice(0, 500)}…` : e.body,
    })),
  };
}

const safe = (s: string, max = 60) =>
  s
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, max) || '材料';

/** Where a piece of evidence lives in the zip: 材料/0001_环节_名称.ext, numbered in the order it was added. */
export function archivePath(e: {
  seq: number;
  kind: string;
  title: string;
  fileName: string | null;
}): string {
  const n = String(e.seq).padStart(4, '0');
  if (!e.fileName) return `材料/${n}_${safe(stageLabel(e.kind), 20)}_${safe(e.title)}.txt`;
  return `材料/${n}_${safe(stageLabel(e.kind), 20)}_${safe(e.fileName, 100)}`;
}

const BOM = '\ufeff';
const cell = (v: unknown) => {
  const t = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
/** A UTF-8 CSV with a BOM (opens correctly in Excel). */
const csv = (header: string[], rows: unknown[][]) =>
  Buffer.from(BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n'));
const COMPRESSED =
  /^(image\/(png|jpeg|gif|webp)|application\/(zip|pdf|x-7z|gzip|vnd\.openxmlformats)|video\/|audio\/)/;

/** Files are read in batches of at most 16 files or 4 MiB, in archive order, one batch ahead of the zip. */
const BATCH_FILES = 16;
const BATCH_BYTES = 4 * 2 ** 20;

function fileFeeder(ctx: Ctx, list: Array<{ id: string; size: number }>) {
  const batches: string[][] = [];
  const batchOf = new Map<string, number>();
  let bytes = Infinity;
  for (const f of list) {
    if (bytes + f.size > BATCH_BYTES || batches[batches.length - 1].length >= BATCH_FILES) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(f.id);
    batchOf.set(f.id, batches.length - 1);
    bytes += f.size;
  }
  const loaded = new Map<number, Promise<Map<string, Buffer>>>();
  const load = (b: number) => {
    if (b < batches.length && !loaded.has(b)) {
      const p = ctx.db
        .select({ id: files.id, content: files.content })
        .from(files)
        .where(inArray(files.id, batches[b]))
        .then((rows) => new Map(rows.map((r) => [r.id, r.content])));
      // A batch read ahead may fail after the client went away: handled here, reported to whoever awaits it.
      p.catch(() => undefined);
      loaded.set(b, p);
    }
    return loaded.get(b);
  };
  return async (id: string): Promise<Buffer> => {
    const b = batchOf.get(id)!;
    const got = await load(b)!;
    void load(b + 1);
    const content = got.get(id);
    if (!content) throw new Error(`file ${id} missing`);
    got.delete(id);
    if (!got.size) loaded.delete(b);
    return content;
  };
}

/** The archive as a streamed .zip: index, manifest, audit CSV, then each piece of evidence in order. */
export async function streamArchive(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ name: string; stream: Readable; data: ArchiveData }> {
  const data = await archiveData(ctx, actor, id);
  const zip = new yazl.ZipFile();
  const feed = fileFeeder(
    ctx,
    data.evidence.filter((e) => e.fileId).map((e) => ({ id: e.fileId!, size: e.fileSize ?? 0 })),
  );
  const mtime = new Date(data.generatedAt);
  zip.addBuffer(await archiveIndexDocx(data), '00_决策档案目录.docx', { mtime });
  zip.addBuffer(
    Buffer.from(
      JSON.stringify(
        { ...data, evidence: data.evidence.map(({ body: _b, ...rest }) => rest) },
        null,
        1,
      ),
    ),
    '01_决策档案清单.json',
    { mtime },
  );
  zip.addBuffer(
    csv(
      ['审计序号', '时间', '操作', '前序哈希', '哈希'],
      data.audit.map((a) => [a.seq, a.at, a.action, a.prevHash, a.hash]),
    ),
    '02_审计记录.csv',
    { mtime },
  );
  zip.addBuffer(
    csv(
      ['序号', '办理日期', '环节', '办理人', '记录时间', '审计序号', '哈希'],
      data.events.map((e) => [e.seq, e.on, e.label, e.actorName, e.at, e.auditSeq, e.auditHash]),
    ),
    '03_办理记录.csv',
    { mtime },
  );
  zip.addBuffer(
    csv(
      [
        '序号',
        '档案包内文件',
        '材料名称',
        '环节',
        '添加人',
        '添加时间',
        '大小（字节）',
        'SHA-256',
        '审计序号',
        '审计哈希',
        '更正的材料',
        '说明',
      ],
      data.evidence.map((e) => [
        e.seq,
        e.path,
        e.title,
        e.stage,
        e.addedByName,
        e.addedAt,
        e.fileSize,
        e.fileSha256,
        e.auditSeq,
        e.auditHash,
        e.supersedesId,
        e.note,
      ]),
    ),
    '04_材料目录.csv',
    { mtime },
  );
  for (const e of data.evidence) {
    if (!e.fileId) {
      const header = `${e.title}\n环节：${e.stage}\n添加时间：${e.addedAt}（审计序号${e.auditSeq}）${e.supersedesId ? `\n更正/补充：${e.note ?? ''}` : ''}\n\n`;
      zip.addBuffer(Buffer.from(BOM + header + e.body), e.path, { mtime: new Date(e.addedAt) });
      continue;
    }
    const fileId = e.fileId;
    // Lazy: yazl asks for the stream only when it reaches this entry; the feeder keeps at most two small batches in memory.
    zip.addReadStreamLazy(
      e.path,
      {
        mtime: new Date(e.addedAt),
        size: e.fileSize ?? undefined,
        compress: !COMPRESSED.test(e.mime ?? ''),
      },
      (cb) => {
        feed(fileId).then(
          (content) => cb(null, Readable.from([content])),
          (err) => cb(err, null as never),
        );
      },
    );
  }
  zip.end();
  const out = zip.outputStream as unknown as Readable;
  zip.on('error', (err: Error) => out.destroy(err));
  return { name: `${safe(data.decision.title, 80)}_决策档案.zip`, stream: out, data };
}
