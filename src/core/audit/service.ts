import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { users } from '../auth/schema.ts';
import { organisations } from '../orgs/schema.ts';
import { auditEvents } from './schema.ts';
import type { AuditCatalogue } from './labels.ts';
import { detailsOf, objectText, resolveNames, type AuditDetail } from './present.ts';

export interface AuditFilter {
  before?: number;
  limit: number;
  actorId?: string;
  /** A module code or a core group (labels.ts). */
  module?: string;
  /** An action code, or `case.<act>|<procedure>` for one procedure's act. */
  action?: string;
  /** China dates, both inclusive. */
  from?: string;
  to?: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string;
  orgName: string;
  module: string;
  action: string;
  code: string;
  object: string;
  details: AuditDetail[];
  hash: string;
}

/** Midnight of a China date as an instant. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

function conditions(
  cat: AuditCatalogue,
  procedures: Array<{ code: string; module: string }>,
  q: AuditFilter,
): SQL[] {
  const where: SQL[] = [];
  if (q.before) where.push(lt(auditEvents.seq, q.before));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) {
    const [code, procedure] = q.action.split('|');
    where.push(eq(auditEvents.action, code));
    if (procedure) where.push(sql`${auditEvents.payload}->>'procedure' = ${procedure}`);
  }
  if (q.module) {
    const codes = cat.actions
      .filter((a) => a.module === q.module && !a.procedure)
      .map((a) => a.code);
    const procs = procedures.filter((p) => p.module === q.module).map((p) => p.code);
    const parts: SQL[] = [];
    if (codes.length) parts.push(inArray(auditEvents.action, codes));
    // The engine's acts belong to the module whose procedure they are.
    if (procs.length)
      parts.push(
        and(
          sql`${auditEvents.action} like 'case.%'`,
          inArray(sql`${auditEvents.payload}->>'procedure'`, procs),
        )!,
      );
    where.push(parts.length ? or(...parts)! : sql`false`);
  }
  if (q.from) where.push(gte(auditEvents.at, chinaMidnight(q.from)));
  if (q.to) where.push(lt(auditEvents.at, new Date(chinaMidnight(q.to).getTime() + 86_400_000)));
  return where;
}

/** Newest first, keyset-paginated by seq; only the audit administrator reaches this (policy). */
export async function listAudit(
  ctx: Ctx,
  cat: AuditCatalogue,
  q: AuditFilter,
  opts: { total?: boolean } = {},
): Promise<{ items: AuditRow[]; nextBefore: number | null; total: number | null }> {
  const procedures = ctx.procedures.all().map((p) => ({ code: p.def.code, module: p.module }));
  const where = conditions(cat, procedures, q);
  const filter = where.length ? and(...where) : undefined;
  const rows = await ctx.db
    .select({ e: auditEvents, actorName: users.displayName, orgName: organisations.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.orgId))
    .where(filter)
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit);
  // The count of everything the filter matches (the first page's 「共 N 条记录」).
  const totalWhere = conditions(cat, procedures, { ...q, before: undefined });
  const n =
    opts.total === false
      ? null
      : (
          await ctx.db
            .select({ n: sql<number>`count(*)::int` })
            .from(auditEvents)
            .where(totalWhere.length ? and(...totalWhere) : undefined)
        )[0].n;
  const names = await resolveNames(
    ctx.db,
    cat.entityKinds(),
    rows.map((r) => ({ ...r.e, payload: r.e.payload as Record<string, unknown> })),
  );
  return {
    items: rows.map(({ e, actorName, orgName }) => {
      const payload = (e.payload ?? {}) as Record<string, unknown>;
      const raw = { action: e.action, entityType: e.entityType, entityId: e.entityId, payload };
      const info = cat.action(
        e.action,
        typeof payload.procedure === 'string' ? payload.procedure : undefined,
      );
      return {
        seq: e.seq,
        at: e.at.toISOString(),
        actorName: actorName ?? (e.actorId ? '（已删除的账号）' : '系统'),
        orgName: orgName ?? '',
        module: info ? cat.moduleLabel(info.module) : '',
        action: info?.label ?? `未登记的操作（${e.action}）`,
        code: e.action,
        object: objectText(cat, raw, names),
        details: detailsOf(cat, raw, names),
        hash: e.hash,
      };
    }),
    nextBefore: rows.length === q.limit ? rows[rows.length - 1].e.seq : null,
    total: n,
  };
}

/** The filter's choices: everyone who appears in the log, the modules and their actions. */
export async function auditFilterOptions(ctx: Ctx, cat: AuditCatalogue) {
  const actors = await ctx.db
    .select({
      id: users.id,
      name: users.displayName,
      username: users.username,
      orgName: organisations.name,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(sql`exists (select 1 from audit_events a where a.actor_id = ${users.id})`)
    .orderBy(users.displayName);
  return {
    // Demo and real names often carry the department already: 「王晓明（高新技术科）」.
    actors: actors.map((a) => ({
      id: a.id,
      label: a.name.includes('（') ? a.name : `${a.name}（${a.orgName ?? a.username}）`,
    })),
    modules: cat.modules.map((m) => ({ value: m.code, label: m.label })),
    actions: cat.actions.map((a) => ({ value: a.value, label: a.label, module: a.module })),
  };
}
