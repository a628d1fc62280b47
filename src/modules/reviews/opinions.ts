/**
 * Reviewers and their 法审意见: the legal office assigns its staff, 公职律师 or external 法律顾问 (who
 * must give legal opinions, 重大行政决策程序暂行条例第二十八条); each reviewer writes numbered opinions;
 * the requesting side marks each one 采纳 / 部分采纳 / 未采纳 with a reason.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { users } from '../../core/auth/schema.ts';
import { cases } from '../../core/cases/schema.ts';
import { assignToCase, recordAction } from '../../core/cases/service.ts';
import { legalAdvisors, legalOpinions, reviewAssignments } from './schema.ts';
import { loadMatter, scopeOfMatter, type MatterRow } from './matters.ts';
import { reviewsAudit } from './auditLabels.ts';
import { advisorOf, inTerm } from './advisors.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { ADOPTION_LABELS, ADVISOR_KIND_LABELS, type Adoption, type AdvisorKind } from './labels.ts';

const audit = auditRecorder(reviewsAudit);
const matter = (id: string) => ({ type: 'reviewMatter' as const, id });

const refuse = (message: string): never => {
  throw new AppError('ACTION_NOT_ALLOWED', message);
};

function stillOpen(m: MatterRow, what: string): void {
  if (m.status === 'concluded') refuse(`该事项已出具合法性审查意见，不能再${what}`);
  if (m.status === 'withdrawn') refuse(`该事项已撤回，不能再${what}`);
}

export interface AssignInput {
  userIds?: string[];
  advisorIds?: string[];
}

/** 分派审查人员: staff of the legal office (法制审核人员) and advisors in term from the registry. */
export async function assignReviewers(
  ctx: Ctx,
  actor: Actor,
  matterId: string,
  input: AssignInput,
): Promise<void> {
  const userIds = [...new Set(input.userIds ?? [])];
  const advisorIds = [...new Set(input.advisorIds ?? [])];
  if (!userIds.length && !advisorIds.length)
    throw new AppError('VALIDATION', '审查人员：请至少选择一名', {
      fields: [{ path: 'userIds', message: '请至少选择一名' }],
    });
  await inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, matterId, true);
    authorize(actor, 'reviewMatter', 'manage', scopeOfMatter(m, false));
    stillOpen(m, '分派审查人员');
    const today = ctx.clock.today();
    const staff = userIds.length
      ? await tx
          .select({
            id: users.id,
            name: users.displayName,
            roles: users.roles,
            departmentId: users.departmentId,
            active: users.active,
          })
          .from(users)
          .where(inArray(users.id, userIds))
      : [];
    for (const id of userIds) {
      const u = staff.find((s) => s.id === id);
      if (
        !u ||
        u.departmentId !== m.departmentId ||
        !u.active ||
        !u.roles.includes('legalOfficer')
      ) {
        throw new AppError(
          'VALIDATION',
          '审查人员：只能分派本部门的法制审核人员，法律顾问、公职律师请从名册中选择',
          { fields: [{ path: 'userIds', message: '只能分派本部门的法制审核人员' }] },
        );
      }
    }
    const advisors = [];
    for (const id of advisorIds) {
      const a = await advisorOf(tx, actor, id);
      if (!inTerm(a, today))
        refuse(`${a.name}的聘任期限为${a.termStart}至${a.termEnd}，不在聘任期内，不能分派`);
      advisors.push(a);
    }
    const existing = await tx
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.matterId, m.id));
    const added: string[] = [];
    const now = ctx.clock.now();
    // The reviewers are listed in the order they were assigned (reviewersOf sorts by createdAt): the rows
    // of one act are a millisecond apart, so the order never rests on how the database breaks a tie.
    const at = () => new Date(now.getTime() + added.length);
    for (const u of staff) {
      if (existing.some((e) => e.userId === u.id)) continue;
      await tx.insert(reviewAssignments).values({
        id: newId(),
        matterId: m.id,
        userId: u.id,
        assignedBy: actor.userId,
        assignedOn: today,
        createdAt: at(),
      });
      added.push(u.name);
    }
    for (const a of advisors) {
      if (existing.some((e) => e.advisorId === a.id)) continue;
      if (a.userId && existing.some((e) => e.userId === a.userId)) continue;
      await tx.insert(reviewAssignments).values({
        id: newId(),
        matterId: m.id,
        userId: a.userId,
        advisorId: a.id,
        assignedBy: actor.userId,
        assignedOn: today,
        createdAt: at(),
      });
      added.push(a.name);
    }
    if (!added.length) refuse('所选人员均已分派');
    // The assigned accounts (an advisor's too) find the matter's steps in their 我的待办.
    await assignToCase(
      tx,
      m.caseId,
      [...staff.map((u) => u.id), ...advisors.flatMap((a) => (a.userId ? [a.userId] : []))],
      now,
    );
    await recordAction(
      ctx,
      actor,
      m.caseId,
      { action: 'assign', on: today, data: { reviewers: added.join('、') } },
      tx,
    );
    await audit(tx, ctx, actor, 'review.assign', matter(m.id), { userIds, advisorIds, added });
  });
}

export interface OpinionInput {
  body: string;
  assignmentId?: string;
}

/**
 * 法审意见 第N条. A reviewer writes under their own assignment. The legal office may also enter the
 * opinion of an assigned advisor who has no account (given on paper); nobody else may.
 */
export async function giveOpinion(
  ctx: Ctx,
  actor: Actor,
  matterId: string,
  input: OpinionInput,
): Promise<{ id: string; seq: number }> {
  const body = input.body.trim();
  if (body.length < 2)
    throw new AppError('VALIDATION', '意见内容：不少于2个字', {
      fields: [{ path: 'body', message: '不少于2个字' }],
    });
  return inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, matterId, true);
    const mine = await tx
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.matterId, m.id), eq(reviewAssignments.userId, actor.userId)));
    let assignment = mine[0];
    if (input.assignmentId && input.assignmentId !== assignment?.id) {
      const [other] = await tx
        .select()
        .from(reviewAssignments)
        .where(
          and(eq(reviewAssignments.id, input.assignmentId), eq(reviewAssignments.matterId, m.id)),
        );
      // An advisor's account is copied onto their assignments (advisors.ts), so no user = on paper.
      const onPaper = !!other?.advisorId && !other.userId;
      if (!onPaper || !hasRole(actor, 'legalOfficer'))
        refuse('只能以本人名义提出意见；法制审核人员可代为录入未开通账号的法律顾问的意见');
      assignment = other;
    }
    if (!assignment) refuse('您未被分派审查该事项，不能提出法审意见');
    authorize(actor, 'reviewMatter', 'opine', scopeOfMatter(m, true));
    stillOpen(m, '提出法审意见');
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${legalOpinions.seq}), 0)::int + 1` })
      .from(legalOpinions)
      .where(eq(legalOpinions.matterId, m.id));
    const id = newId();
    await tx.insert(legalOpinions).values({
      id,
      matterId: m.id,
      seq: next,
      assignmentId: assignment.id,
      body,
      givenOn: ctx.clock.today(),
      enteredBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await audit(tx, ctx, actor, 'review.opinion', matter(m.id), {
      opinionId: id,
      seq: next,
      assignmentId: assignment.id,
      body,
    });
    if (assignment.advisorId)
      await noteAdvisorOpinion(ctx, tx, actor, m, assignment.advisorId, next);
    return { id, seq: next };
  });
}

/**
 * 条例第二十八条: a subject procedure that waits for a 法律顾问's or 公职律师's opinion (a major decision's
 * `advisorOpinion`) gets the act on its case in the same transaction. An advisor is no case worker, so
 * the act is recorded for the legal office (the opinion's own audit event names the advisor).
 */
async function noteAdvisorOpinion(
  ctx: Ctx,
  tx: Tx,
  actor: Actor,
  m: MatterRow,
  advisorId: string,
  seq: number,
): Promise<void> {
  if (!m.subjectCaseId) return;
  const [subject] = await tx
    .select({ procedure: cases.procedure })
    .from(cases)
    .where(eq(cases.id, m.subjectCaseId));
  if (
    !subject ||
    !ctx.procedures.get(subject.procedure).def.actions.some((a) => a.code === 'advisorOpinion')
  )
    return;
  const [a] = await tx
    .select({ name: legalAdvisors.name, kind: legalAdvisors.kind })
    .from(legalAdvisors)
    .where(eq(legalAdvisors.id, advisorId));
  const legalOffice = systemActor({
    departmentId: m.departmentId,
    orgId: m.orgId,
    roles: ['legalOfficer'],
  });
  const data = {
    advisor: `${a.name}（${ADVISOR_KIND_LABELS[a.kind as AdvisorKind]}）`,
    advisorKind: a.kind,
    seq,
    matterId: m.id,
  };
  await recordAction(
    ctx,
    hasRole(actor, 'legalOfficer') ? actor : legalOffice,
    m.subjectCaseId,
    { action: 'advisorOpinion', on: ctx.clock.today(), data },
    tx,
  );
}

export interface AdoptionInput {
  adoption: Adoption;
  reason?: string;
}

/** 采纳情况 of one opinion, by the requesting side, once; a reason unless adopted in full. */
export async function markAdoption(
  ctx: Ctx,
  actor: Actor,
  matterId: string,
  opinionId: string,
  input: AdoptionInput,
): Promise<void> {
  const reason = input.reason?.trim() ?? '';
  if (input.adoption !== 'adopted' && !reason)
    throw new AppError('VALIDATION', `理由：${ADOPTION_LABELS[input.adoption]}的，应当说明理由`, {
      fields: [{ path: 'reason', message: '应当说明理由' }],
    });
  await inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, matterId, true);
    authorize(actor, 'reviewMatter', 'respond', scopeOfMatter(m, false));
    if (m.status === 'withdrawn') refuse('该事项已撤回');
    const [o] = await tx
      .select()
      .from(legalOpinions)
      .where(and(eq(legalOpinions.id, opinionId), eq(legalOpinions.matterId, m.id)));
    if (!o) throw new AppError('NOT_FOUND', '法审意见不存在或无权访问');
    if (o.adoption)
      refuse(
        `第${o.seq}条意见已反馈采纳情况（${ADOPTION_LABELS[o.adoption as Adoption]}），不能重复反馈`,
      );
    const today = ctx.clock.today();
    await tx
      .update(legalOpinions)
      .set({
        adoption: input.adoption,
        adoptionReason: reason || null,
        adoptionOn: today,
        adoptionBy: actor.userId,
      })
      .where(eq(legalOpinions.id, o.id));
    await audit(tx, ctx, actor, 'review.adoption', matter(m.id), {
      opinionId: o.id,
      seq: o.seq,
      adoption: input.adoption,
      reason,
    });
  });
}
