/**
 * 法律顾问 / 公职律师 registry (RULES §4 suggested model: name, firm or post, 执业证号, contract term),
 * kept by the legal office. An advisor may be linked to a user account with the role legalAdvisor so
 * that they write their opinions themselves and see the matters assigned to them.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import { reviewsAudit } from './auditLabels.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { users } from '../../core/auth/schema.ts';
import { fieldsSchema, type FieldsInput } from '../../core/procedure/fieldSchema.ts';
import { legalAdvisors, reviewAssignments } from './schema.ts';
import { ADVISOR_KIND_LABELS, type AdvisorKind } from './labels.ts';
import { ADVISOR_FORMS } from './forms.ts';

const audit = auditRecorder(reviewsAudit);
const advisor = (id: string) => ({ type: 'legalAdvisor' as const, id });

export type AdvisorRow = typeof legalAdvisors.$inferSelect;

// The register's form (forms.ts): 执业证号 in its form, 登录账号 also taken as null (未开通).
export const advisorBody = fieldsSchema(ADVISOR_FORMS.advisor);
export type AdvisorInput = FieldsInput<typeof ADVISOR_FORMS.advisor>;

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', message, {
    fields: [{ path, message: message.replace(/^[^：]*：/, '') }],
  });
}

export const inTerm = (a: Pick<AdvisorRow, 'termStart' | 'termEnd'>, day: string) =>
  a.termStart <= day && day <= a.termEnd;

async function checkAdvisor(
  tx: Tx,
  actor: Actor,
  input: AdvisorInput,
  selfId?: string,
): Promise<void> {
  if (input.termEnd < input.termStart) invalid('termEnd', '聘任截止日期：不能早于起始日期');
  const [dup] = await tx
    .select({ id: legalAdvisors.id })
    .from(legalAdvisors)
    .where(
      and(
        eq(legalAdvisors.departmentId, actor.departmentId),
        eq(legalAdvisors.licenceNumber, input.licenceNumber),
        selfId ? ne(legalAdvisors.id, selfId) : undefined,
      ),
    );
  if (dup) invalid('licenceNumber', '执业证号：已在名册中');
  if (input.userId) {
    const [u] = await tx
      .select({ roles: users.roles, departmentId: users.departmentId })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!u || u.departmentId !== actor.departmentId || !u.roles.includes('legalAdvisor'))
      invalid('userId', '登录账号：应为本部门具有“法律顾问/公职律师”角色的账号');
    const [taken] = await tx
      .select({ id: legalAdvisors.id })
      .from(legalAdvisors)
      .where(
        and(
          eq(legalAdvisors.userId, input.userId),
          selfId ? ne(legalAdvisors.id, selfId) : undefined,
        ),
      );
    if (taken) invalid('userId', '登录账号：已关联其他法律顾问');
  }
}

const values = (input: AdvisorInput) => ({
  kind: input.kind,
  name: input.name,
  affiliation: input.affiliation,
  licenceNumber: input.licenceNumber,
  termStart: input.termStart,
  termEnd: input.termEnd,
  userId: input.userId ?? null,
  phone: input.phone ?? '',
  note: input.note ?? '',
});

export async function createAdvisor(
  ctx: Ctx,
  actor: Actor,
  input: AdvisorInput,
): Promise<AdvisorRow> {
  authorize(actor, 'legalAdvisor', 'manage');
  return inTx(ctx, async (tx) => {
    await checkAdvisor(tx, actor, input);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(legalAdvisors)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        ...values(input),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(tx, ctx, actor, 'legalAdvisor.create', advisor(row.id), values(input));
    return row;
  });
}

export async function updateAdvisor(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: AdvisorInput,
): Promise<AdvisorRow> {
  return inTx(ctx, async (tx) => {
    const [old] = await tx
      .select()
      .from(legalAdvisors)
      .where(eq(legalAdvisors.id, id))
      .for('update');
    if (!old) throw notFound('法律顾问');
    authorize(actor, 'legalAdvisor', 'manage', old);
    await checkAdvisor(tx, actor, input, id);
    const now = ctx.clock.now();
    const [row] = await tx
      .update(legalAdvisors)
      .set({ ...values(input), updatedAt: now })
      .where(eq(legalAdvisors.id, id))
      .returning();
    // The account is copied onto the advisor's assignments: the one rule scoping what an advisor sees.
    if (row.userId !== old.userId)
      await tx
        .update(reviewAssignments)
        .set({ userId: row.userId })
        .where(eq(reviewAssignments.advisorId, id));
    await audit(tx, ctx, actor, 'legalAdvisor.update', advisor(id), {
      before: values(old as AdvisorInput),
      after: values(input),
    });
    return row;
  });
}

/** An advisor of the actor's department (404 otherwise). */
export async function advisorOf(db: DbOrTx, actor: Actor, id: string): Promise<AdvisorRow> {
  const [row] = await db.select().from(legalAdvisors).where(eq(legalAdvisors.id, id));
  if (!row || row.departmentId !== actor.departmentId) throw notFound('法律顾问');
  return row;
}

/** The registry with what each advisor did: matters assigned and opinions given (in `year` when given, else ever). */
export async function listAdvisors(ctx: Ctx, actor: Actor, year?: number) {
  authorize(actor, 'legalAdvisor', 'list');
  const today = ctx.clock.today();
  const inYear = year ? sql`and extract(year from o.given_on) = ${year}` : sql``;
  const rows = await ctx.db
    .select({
      advisor: legalAdvisors,
      username: users.username,
      matters: sql<number>`(select count(distinct ra.matter_id)::int from review_assignments ra where ra.advisor_id = ${legalAdvisors.id})`,
      opinions: sql<number>`(select count(*)::int from legal_opinions o join review_assignments ra on ra.id = o.assignment_id where ra.advisor_id = ${legalAdvisors.id} ${inYear})`,
    })
    .from(legalAdvisors)
    .leftJoin(users, eq(users.id, legalAdvisors.userId))
    .where(
      and(
        eq(legalAdvisors.departmentId, actor.departmentId),
        year
          ? sql`${legalAdvisors.termStart} <= ${`${year}-12-31`}::date and ${legalAdvisors.termEnd} >= ${`${year}-01-01`}::date`
          : undefined,
      ),
    )
    .orderBy(asc(legalAdvisors.kind), asc(legalAdvisors.name));
  return rows.map((r) => ({
    ...r.advisor,
    kindLabel: ADVISOR_KIND_LABELS[r.advisor.kind as AdvisorKind] ?? r.advisor.kind,
    username: r.username,
    inTerm: inTerm(r.advisor, today),
    matters: r.matters,
    opinions: r.opinions,
  }));
}
