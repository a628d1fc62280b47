/**
 * Reading 决策事项目录: a catalogue with its status (its case's), its items and adjustments, the
 * department's list with what the engine allows on each (the page's buttons), and the published text.
 */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { cases } from '../../core/cases/schema.ts';
import { caseEvents } from '../../core/cases/schema.ts';
import { actionsFor, evaluate, type CaseEvent } from '../../core/procedure/engine.ts';
import { authorize, can } from './policy.ts';
import { CATALOGUE_STATUS_LABELS, DECISION_CATALOGUE } from './catalogueProcedure.ts';
import {
  decisionCatalogueAdjustments,
  decisionCatalogueItems,
  decisionCatalogues,
} from './schema.ts';

export type CatalogueStatus = keyof typeof CATALOGUE_STATUS_LABELS;
export type CatalogueRow = typeof decisionCatalogues.$inferSelect & { status: CatalogueStatus };
export type ItemRow = typeof decisionCatalogueItems.$inferSelect;
export type AdjustmentRow = typeof decisionCatalogueAdjustments.$inferSelect;
export interface ItemInput {
  title: string;
  content?: string;
  undertakingUnit: string;
  basis?: string;
  plannedTime?: string;
}

/** A catalogue's status, for queries: its case's (catalogueProcedure.ts). */
export const catalogueStatus = sql<CatalogueStatus>`(select ${cases.status} from ${cases} where ${cases.id} = ${decisionCatalogues.caseId})`;

export async function loadCatalogue(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<CatalogueRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('决策事项目录');
  const q = db
    .select({ c: decisionCatalogues, status: cases.status })
    .from(decisionCatalogues)
    .innerJoin(cases, eq(cases.id, decisionCatalogues.caseId))
    .where(eq(decisionCatalogues.id, id));
  const [row] = forUpdate ? await q.for('update', { of: decisionCatalogues }) : await q;
  if (!row) throw notFound('决策事项目录');
  authorize(actor, 'majorDecision', 'read', row.c);
  return { ...row.c, status: row.status as CatalogueStatus };
}

export async function itemsOf(db: DbOrTx, catalogueId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(decisionCatalogueItems)
    .where(eq(decisionCatalogueItems.catalogueId, catalogueId))
    .orderBy(asc(decisionCatalogueItems.seq));
}

export async function adjustmentsOf(db: DbOrTx, catalogueId: string): Promise<AdjustmentRow[]> {
  return db
    .select()
    .from(decisionCatalogueAdjustments)
    .where(eq(decisionCatalogueAdjustments.catalogueId, catalogueId))
    .orderBy(asc(decisionCatalogueAdjustments.seq));
}

export const catalogueText = (items: ItemRow[]) =>
  items
    .filter((i) => i.status === 'listed')
    .map(
      (i, k) =>
        `${k + 1}. ${i.title}\n承办单位：${i.undertakingUnit}${i.basis ? `\n决策依据：${i.basis}` : ''}${i.plannedTime ? `\n计划完成时间：${i.plannedTime}` : ''}${i.content ? `\n主要内容：${i.content}` : ''}`,
    )
    .join('\n\n');

/** The engine's history of each case, one query for the whole list. */
async function histories(db: DbOrTx, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const rows = caseIds.length
    ? await db
        .select()
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, caseIds))
        .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq))
    : [];
  const out = new Map<string, CaseEvent[]>();
  for (const r of rows) {
    const list = out.get(r.caseId) ?? [];
    list.push({
      type: r.type,
      on: r.on,
      seq: r.seq,
      actorRoles: r.actorRoles,
      data: r.data as Record<string, unknown>,
    });
    out.set(r.caseId, list);
  }
  return out;
}

/**
 * The department's catalogues, newest year first, each with its items and adjustments and `actions`:
 * the acts the engine allows on it now (catalogueProcedure.ts) that this actor may do.
 */
export async function listCatalogues(ctx: Ctx, actor: Actor) {
  authorize(actor, 'majorDecision', 'list');
  const rows = await ctx.db
    .select({ c: decisionCatalogues, status: cases.status })
    .from(decisionCatalogues)
    .innerJoin(cases, eq(cases.id, decisionCatalogues.caseId))
    .where(eq(decisionCatalogues.departmentId, actor.departmentId))
    .orderBy(desc(decisionCatalogues.year));
  const events = await histories(
    ctx.db,
    rows.map((r) => r.c.caseId),
  );
  const cal = ctx.calendar.current();
  const today = ctx.clock.today();
  return Promise.all(
    rows.map(async ({ c, status }) => {
      const manage = can(actor, 'majorDecision', 'catalogue', c);
      const state = evaluate(DECISION_CATALOGUE, events.get(c.caseId) ?? [], cal, today);
      const allowed = new Set(manage ? actionsFor(state, actor.roles).map((a) => a.action) : []);
      const history = events.get(c.caseId) ?? [];
      // An adjustment agreed and not yet published (it waits for its 保密审查).
      const agreed = history.findLast((e) =>
        ['approveAdjustment', 'publishAdjustment'].includes(e.type),
      );
      return {
        ...c,
        status: status as CatalogueStatus,
        statusLabel: CATALOGUE_STATUS_LABELS[status as CatalogueStatus],
        items: await itemsOf(ctx.db, c.id),
        adjustments: await adjustmentsOf(ctx.db, c.id),
        actions: {
          editItems: allowed.has('editItems'),
          approve: allowed.has('approve'),
          publish: allowed.has('publish'),
          adjust: allowed.has('approveAdjustment'),
          publishAdjustment: allowed.has('publishAdjustment'),
        },
        pendingAdjustment:
          agreed?.type === 'approveAdjustment'
            ? (agreed.data as {
                reason: string;
                approvedOn: string;
                approvedBy: string;
                add: ItemInput[];
                remove: string[];
              })
            : null,
      };
    }),
  );
}
