/**
 * The review queue (scoped in SQL: the legal office and leaders see the department's matters, a 科室 its
 * own, a 法律顾问 only those assigned to them), the reviewer candidates and the opinion list.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { users } from '../../core/auth/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { daysLeft } from '../../core/calendar/calendar.ts';
import { cases } from '../../core/cases/schema.ts';
import { legalAdvisors, legalOpinions, reviewAssignments, reviewMatters } from './schema.ts';
import {
  ADOPTION_LABELS,
  ADVISOR_KIND_LABELS,
  CONCLUSION_LABELS,
  MATTER_STATUS_LABELS,
  MATTER_TYPE_LABELS,
  type Adoption,
  type AdvisorKind,
  type Conclusion,
  type MatterStatus,
  type ReviewMatterType,
} from './labels.ts';
import { inTerm } from './advisors.ts';
import { isOpen, matterColumns, type MatterRow } from './matters.ts';

export interface QueueFilter {
  type?: ReviewMatterType;
  status?: MatterStatus;
  /** 'me', 'none' (not yet assigned), 'u:<userId>' (a staff reviewer) or 'a:<advisorId>'. */
  assignee?: string;
  /** Matters concluded in this year (the facts' records). */
  concludedIn?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const assignedTo = (userId: string) =>
  sql`exists (select 1 from review_assignments ra where ra.matter_id = ${reviewMatters.id} and ra.user_id = ${userId})`;

/** What the actor may see, as SQL: the union of what each of their roles grants (policy reviewMatter.read). */
export function matterScope(actor: Actor): SQL {
  const dept = eq(reviewMatters.departmentId, actor.departmentId);
  const parts: SQL[] = [];
  if (hasRole(actor, 'legalOfficer', 'leader')) parts.push(sql`true`);
  if (hasRole(actor, 'staff'))
    parts.push(
      actor.orgId === actor.departmentId ? sql`true` : eq(reviewMatters.orgId, actor.orgId),
    );
  if (hasRole(actor, 'legalAdvisor')) parts.push(assignedTo(actor.userId));
  return and(dept, parts.length ? or(...parts) : sql`false`)!;
}

function assigneeCond(actor: Actor, assignee: string): SQL {
  if (assignee === 'me') return assignedTo(actor.userId);
  if (assignee === 'none')
    return sql`not exists (select 1 from review_assignments ra where ra.matter_id = ${reviewMatters.id})`;
  const [kind, id] = [assignee.slice(0, 2), assignee.slice(2)];
  if (kind === 'u:') return assignedTo(id);
  return sql`exists (select 1 from review_assignments ra where ra.matter_id = ${reviewMatters.id} and ra.advisor_id = ${id})`;
}

/** Reviewer names and opinion counts of some matters. */
export async function reviewersOf(db: DbOrTx, ids: string[]) {
  if (!ids.length)
    return {
      reviewers: new Map<string, ReviewerRef[]>(),
      counts: new Map<string, { opinions: number; pending: number }>(),
    };
  const rows = await db
    .select({
      a: reviewAssignments,
      userName: users.displayName,
      advisorName: legalAdvisors.name,
      advisorKind: legalAdvisors.kind,
      affiliation: legalAdvisors.affiliation,
    })
    .from(reviewAssignments)
    .leftJoin(users, eq(users.id, reviewAssignments.userId))
    .leftJoin(legalAdvisors, eq(legalAdvisors.id, reviewAssignments.advisorId))
    .where(inArray(reviewAssignments.matterId, ids))
    .orderBy(asc(reviewAssignments.createdAt));
  const reviewers = new Map<string, ReviewerRef[]>();
  for (const r of rows) {
    const list = reviewers.get(r.a.matterId) ?? [];
    list.push({
      assignmentId: r.a.id,
      userId: r.a.userId,
      advisorId: r.a.advisorId,
      name: r.advisorName ?? r.userName ?? '',
      kindLabel: r.advisorKind ? ADVISOR_KIND_LABELS[r.advisorKind as AdvisorKind] : '法制审核人员',
      affiliation: r.affiliation ?? '',
      assignedOn: r.a.assignedOn,
    });
    reviewers.set(r.a.matterId, list);
  }
  const c = await db
    .select({
      id: legalOpinions.matterId,
      opinions: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${legalOpinions.adoption} is null))::int`,
    })
    .from(legalOpinions)
    .where(inArray(legalOpinions.matterId, ids))
    .groupBy(legalOpinions.matterId);
  return {
    reviewers,
    counts: new Map(c.map((x) => [x.id, { opinions: x.opinions, pending: x.pending }])),
  };
}

export interface ReviewerRef {
  assignmentId: string;
  userId: string | null;
  advisorId: string | null;
  name: string;
  kindLabel: string;
  affiliation: string;
  assignedOn: string;
}

export async function listMatters(ctx: Ctx, actor: Actor, f: QueueFilter) {
  authorize(actor, 'reviewMatter', 'list');
  const conds: SQL[] = [matterScope(actor)];
  if (f.type) conds.push(eq(reviewMatters.type, f.type));
  if (f.status) conds.push(eq(cases.status, f.status));
  if (f.assignee) conds.push(assigneeCond(actor, f.assignee));
  if (f.concludedIn)
    conds.push(sql`extract(year from ${reviewMatters.concludedOn}) = ${f.concludedIn}`);
  if (f.q)
    conds.push(
      sql`${reviewMatters.title} ilike ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`,
    );
  const where = and(...conds);
  // Open matters first, soonest due first; then the finished ones, latest first.
  const rows = await ctx.db
    .select({ m: matterColumns, orgName: organisations.name })
    .from(reviewMatters)
    .innerJoin(cases, eq(cases.id, reviewMatters.caseId))
    .innerJoin(organisations, eq(organisations.id, reviewMatters.orgId))
    .where(where)
    .orderBy(
      sql`(${cases.status} in ('concluded','withdrawn'))`,
      sql`case when ${cases.status} in ('concluded','withdrawn') then null else ${reviewMatters.dueOn} end asc nulls last`,
      desc(reviewMatters.submittedOn),
      desc(reviewMatters.id),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewMatters)
    .innerJoin(cases, eq(cases.id, reviewMatters.caseId))
    .where(where);
  const { reviewers, counts } = await reviewersOf(
    ctx.db,
    rows.map((r) => r.m.id),
  );
  const today = ctx.clock.today();
  const cal = ctx.calendar.current();
  return {
    total: n,
    today,
    items: rows.map(({ m, orgName }) => {
      const open = isOpen(m);
      return {
        ...matterLabels(m),
        orgName,
        reviewers: (reviewers.get(m.id) ?? []).map((r) => r.name),
        opinionCount: counts.get(m.id)?.opinions ?? 0,
        pendingAdoption: counts.get(m.id)?.pending ?? 0,
        overdue: open && m.dueOn < today,
        daysLeft: open ? daysLeft(cal, today, m.dueOn, 'workday') : null,
      };
    }),
  };
}

export function matterLabels(m: MatterRow) {
  return {
    id: m.id,
    type: m.type,
    typeLabel: MATTER_TYPE_LABELS[m.type as ReviewMatterType] ?? m.type,
    title: m.title,
    status: m.status,
    statusLabel: MATTER_STATUS_LABELS[m.status as MatterStatus] ?? m.status,
    submittedOn: m.submittedOn,
    requestedBy: m.requestedBy,
    dueOn: m.dueOn,
    dueExplanation: m.dueExplanation,
    conclusion: m.conclusion,
    conclusionLabel: m.conclusion ? CONCLUSION_LABELS[m.conclusion as Conclusion] : null,
    concludedOn: m.concludedOn,
  };
}

/** Whom the legal office can assign: its 法制审核人员 and the advisors of the registry (in term today or not). */
export async function reviewerCandidates(ctx: Ctx, actor: Actor) {
  authorize(actor, 'reviewMatter', 'configure');
  const staff = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.departmentId, actor.departmentId),
        eq(users.active, true),
        sql`'legalOfficer' = any(${users.roles})`,
      ),
    )
    .orderBy(asc(users.displayName));
  const advisors = await ctx.db
    .select()
    .from(legalAdvisors)
    .where(eq(legalAdvisors.departmentId, actor.departmentId))
    .orderBy(asc(legalAdvisors.name));
  // Accounts an advisor of the registry may be linked to.
  const accounts = await ctx.db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.departmentId, actor.departmentId),
        eq(users.active, true),
        sql`'legalAdvisor' = any(${users.roles})`,
      ),
    )
    .orderBy(asc(users.displayName));
  const today = ctx.clock.today();
  return {
    staff,
    accounts,
    advisors: advisors.map((a) => ({
      id: a.id,
      name: a.name,
      kindLabel: ADVISOR_KIND_LABELS[a.kind as AdvisorKind],
      affiliation: a.affiliation,
      inTerm: inTerm(a, today),
      termEnd: a.termEnd,
    })),
  };
}

/** 法审意见 given in a year (the records behind the opinion facts), scoped like the queue. */
export async function listOpinions(ctx: Ctx, actor: Actor, f: { year: number; adopted?: boolean }) {
  authorize(actor, 'reviewMatter', 'list');
  const rows = await ctx.db
    .select({ o: legalOpinions, title: reviewMatters.title, type: reviewMatters.type })
    .from(legalOpinions)
    .innerJoin(reviewMatters, eq(reviewMatters.id, legalOpinions.matterId))
    .where(
      and(
        matterScope(actor),
        sql`extract(year from ${legalOpinions.givenOn}) = ${f.year}`,
        f.adopted ? sql`${legalOpinions.adoption} in ('adopted','partlyAdopted')` : undefined,
      ),
    )
    .orderBy(asc(legalOpinions.givenOn), asc(reviewMatters.title), asc(legalOpinions.seq))
    .limit(5000);
  return {
    items: rows.map(({ o, title, type }) => ({
      id: o.id,
      matterId: o.matterId,
      matterTitle: title,
      typeLabel: MATTER_TYPE_LABELS[type as ReviewMatterType] ?? type,
      seq: o.seq,
      body: o.body,
      givenOn: o.givenOn,
      adoption: o.adoption,
      adoptionLabel: o.adoption ? ADOPTION_LABELS[o.adoption as Adoption] : null,
    })),
  };
}
