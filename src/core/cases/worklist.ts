import { and, eq, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import { daysLeft, type Unit } from '../calendar/calendar.ts';
import { organisations } from '../orgs/schema.ts';
import { cases, caseSteps } from './schema.ts';

/** Within this many working days a due date shows amber (issue #2: 3 个工作日). */
export const DUE_SOON_WORKDAYS = 3;

export interface WorkItem {
  stepId: string;
  caseId: string;
  caseTitle: string;
  module: string;
  moduleLabel: string;
  procedureLabel: string;
  stepCode: string;
  stepLabel: string;
  dueDate: string | null;
  unit: Unit;
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  provisional: boolean;
  explanation: string;
  orgName: string;
}

export type WorklistFilter = 'all' | 'dueSoon' | 'overdue';
export interface WorklistQuery {
  filter: WorklistFilter;
  page: number;
  pageSize: number;
}
export interface Worklist {
  today: string;
  items: WorkItem[];
  /** Items matching the filter (for pagination). */
  total: number;
  counts: { all: number; dueSoon: number; overdue: number };
}

const P = sql.placeholder;

/**
 * The worklist statements, prepared once per database handle and variant (department-level or
 * division user × filter): 我的待办 is the busiest read, so it skips query building and planning.
 */
function statements(db: Ctx['db'], division: boolean, filter: WorklistFilter) {
  const byRole = and(
    sql`${caseSteps.roles} && ${P('roles')}::text[]`,
    // A division user sees the division's steps and the department-wide ones for their roles.
    division ? sql`${caseSteps.orgId} = any(${P('orgs')}::uuid[])` : undefined,
  );
  const scope = and(
    eq(caseSteps.status, 'open'),
    eq(caseSteps.departmentId, P('departmentId')),
    // …and the open steps of cases the actor is named on (case_assignees), whatever their role.
    or(
      byRole,
      sql`exists (select 1 from case_assignees a where a.case_id = ${caseSteps.caseId} and a.user_id = ${P('userId')}::uuid)`,
    ),
  );
  const isOverdue = sql`${caseSteps.dueDate} < ${P('today')}::date`;
  const isSoon = sql`${caseSteps.dueDate} >= ${P('today')}::date and ${caseSteps.dueDate} <= ${P('soonLimit')}::date`;
  const filterSql = filter === 'overdue' ? isOverdue : filter === 'dueSoon' ? isSoon : undefined;
  const key = `${division ? 'd' : 'a'}_${filter}`;
  const counts = db
    .select({
      all: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${isOverdue}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${isSoon}))::int`,
    })
    .from(caseSteps)
    .where(scope)
    .prepare(`fazhi_worklist_counts_${key}`);
  const page = db
    .select({
      stepId: caseSteps.id,
      caseId: caseSteps.caseId,
      caseTitle: cases.title,
      module: cases.module,
      procedure: cases.procedure,
      stepCode: caseSteps.step,
      stepLabel: caseSteps.label,
      dueDate: caseSteps.dueDate,
      unit: caseSteps.unit,
      provisional: caseSteps.provisional,
      explanation: caseSteps.explanation,
      orgName: organisations.name,
    })
    .from(caseSteps)
    .innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(scope, filterSql))
    .orderBy(sql`${caseSteps.dueDate} asc nulls last`, caseSteps.id)
    .limit(P('limit'))
    .offset(P('offset'))
    .prepare(`fazhi_worklist_page_${key}`);
  return { counts, page };
}

type Statements = ReturnType<typeof statements>;
const prepared = new WeakMap<Ctx['db'], Map<string, Statements>>();

function statementsFor(db: Ctx['db'], division: boolean, filter: WorklistFilter): Statements {
  let byKey = prepared.get(db);
  if (!byKey) prepared.set(db, (byKey = new Map()));
  const key = `${division}:${filter}`;
  let s = byKey.get(key);
  if (!s) byKey.set(key, (s = statements(db, division, filter)));
  return s;
}

/**
 * 我的待办: open steps of the actor's department for a role the actor holds, restricted to the
 * actor's division for division-level steps; soonest due first, undated last; one page at a time
 * (an ordered scan of the partial index) plus one index-only aggregate for the counts.
 */
export async function worklist(
  ctx: Ctx,
  actor: Actor,
  q: WorklistQuery = { filter: 'all', page: 1, pageSize: 50 },
): Promise<Worklist> {
  const today = ctx.clock.today();
  const cal = ctx.calendar.current();
  const division = actor.orgId !== actor.departmentId;
  const { counts: countStmt, page } = statementsFor(ctx.db, division, q.filter);
  const params = {
    departmentId: actor.departmentId,
    userId: actor.userId,
    roles: actor.roles,
    orgs: [actor.departmentId, actor.orgId],
    today,
    soonLimit: cal.addWorkdays(today, DUE_SOON_WORKDAYS),
  };
  const [counts] = await countStmt.execute(params);
  const rows = await page.execute({
    ...params,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = rows.map((r): WorkItem => {
    const unit = (r.unit ?? 'workday') as Unit;
    const left = r.dueDate ? daysLeft(cal, today, r.dueDate, unit) : null;
    const overdue = !!r.dueDate && r.dueDate < today;
    const soonLine = r.dueDate ? cal.workdaysBetween(today, r.dueDate) : null;
    const entry = ctx.procedures.get(r.procedure);
    return {
      stepId: r.stepId,
      caseId: r.caseId,
      caseTitle: r.caseTitle,
      module: r.module,
      moduleLabel: entry.moduleLabel,
      procedureLabel: entry.def.label,
      stepCode: r.stepCode,
      stepLabel: r.stepLabel,
      dueDate: r.dueDate,
      unit,
      daysLeft: left,
      overdue,
      dueSoon: !overdue && soonLine !== null && soonLine <= DUE_SOON_WORKDAYS,
      provisional: r.provisional,
      explanation: r.explanation,
      orgName: r.orgName,
    };
  });
  const total = q.filter === 'all' ? counts.all : counts[q.filter];
  return { today, items, total, counts };
}
