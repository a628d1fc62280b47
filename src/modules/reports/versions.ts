/**
 * Versions of a report and their comparison: paragraph by paragraph, each version read with its
 * own figures (frozen at approval, else as saved), so a changed figure shows as a changed paragraph.
 */
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { users } from '../../core/auth/schema.ts';
import { notFound } from '../../core/errors.ts';
import { blockText, isBlankBlock, numberedParts, type ReportDocument } from './document.ts';
import {
  contentOf,
  figuresOf,
  mustFindReport,
  submittedVersionId,
  versionsOf,
  type Figures,
  type VersionRow,
} from './store.ts';

const ORIGIN_LABELS: Record<string, string> = {
  generated: '系统生成',
  edited: '编辑保存',
  revision: '修订',
};

export async function listVersions(ctx: Ctx, actor: Actor, year: number) {
  authorize(actor, 'ruleOfLawReport', 'view');
  const r = await mustFindReport(ctx.db, actor.departmentId, year);
  authorize(actor, 'ruleOfLawReport', 'read', { departmentId: r.departmentId });
  const vs = await versionsOf(ctx.db, r.id);
  const ids = [...new Set(vs.map((v) => v.createdBy).filter((x): x is string => !!x))];
  const names = new Map(
    (ids.length
      ? await ctx.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ids))
      : []
    ).map((u) => [u.id, u.name]),
  );
  return vs
    .map((v) => ({
      id: v.id,
      seq: v.seq,
      origin: v.origin,
      originLabel: ORIGIN_LABELS[v.origin] ?? v.origin,
      createdAt: v.createdAt.toISOString(),
      createdBy: (v.createdBy && names.get(v.createdBy)) ?? '',
      current: v.id === r.currentVersionId,
      approved: !!v.frozen,
      submitted: v.id === submittedVersionId(r),
      published: v.id === r.publishedVersionId,
    }))
    .reverse();
}

/** The document as labelled paragraphs of text (headings numbered; empty paragraphs left out). */
export function documentLines(doc: ReportDocument, figures: Figures): string[] {
  const resolve = (k: string) => figures[k];
  const lines = [
    doc.title,
    ...doc.preface.filter((b) => !isBlankBlock(b, resolve)).map((b) => blockText(b, resolve)),
  ];
  for (const p of numberedParts(doc)) {
    lines.push(p.heading);
    for (const { block, label } of p.blocks)
      if (!isBlankBlock(block, resolve)) lines.push(`${label ?? ''}${blockText(block, resolve)}`);
  }
  return lines;
}

export type DiffOp =
  | { op: 'same'; text: string }
  | { op: 'added'; text: string }
  | { op: 'removed'; text: string }
  | { op: 'changed'; before: string; after: string };

/** Paragraph diff (longest common subsequence); a removal followed by an addition reads as a change. */
export function diffLines(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const raw: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) (raw.push({ op: 'same', text: a[i++] }), j++);
    else if (L[i + 1][j] >= L[i][j + 1]) raw.push({ op: 'removed', text: a[i++] });
    else raw.push({ op: 'added', text: b[j++] });
  }
  while (i < n) raw.push({ op: 'removed', text: a[i++] });
  while (j < m) raw.push({ op: 'added', text: b[j++] });
  const out: DiffOp[] = [];
  for (const d of raw) {
    const last = out[out.length - 1];
    if (d.op === 'added' && last?.op === 'removed')
      out[out.length - 1] = { op: 'changed', before: last.text, after: d.text };
    else out.push(d);
  }
  return out;
}

export async function compareVersions(
  ctx: Ctx,
  actor: Actor,
  year: number,
  aId: string,
  bId: string,
) {
  authorize(actor, 'ruleOfLawReport', 'view');
  const r = await mustFindReport(ctx.db, actor.departmentId, year);
  const vs = await versionsOf(ctx.db, r.id);
  const find = (id: string): VersionRow => {
    const v = vs.find((x) => x.id === id);
    if (!v) throw notFound('报告版本');
    return v;
  };
  const a = find(aId);
  const b = find(bId);
  const ops = diffLines(
    documentLines(contentOf(a), figuresOf(a)),
    documentLines(contentOf(b), figuresOf(b)),
  );
  return {
    from: { id: a.id, seq: a.seq },
    to: { id: b.id, seq: b.seq },
    ops,
    changed: ops.filter((o) => o.op !== 'same').length,
  };
}
