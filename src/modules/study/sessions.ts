/**
 * 学法 sessions and 述法 entries (RULES §10.1), moved here from the reports module with their tables
 * and audit actions unchanged, and the annual 学法计划 they are held under. Part (三) of the annual
 * report reads them through this module's fact provider.
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { authorizeStudy } from './policy.ts';
import { legalDutyStatements, studyPlans, studySessions } from './schema.ts';

export const STUDY_KINDS = {
  centralGroup: '党组理论学习中心组学法',
  preMeeting: '会前学法',
  lecture: '法治讲座',
  training: '法治培训',
} as const;
export const STATEMENT_FORMS = {
  yearEnd: '年终述职述法',
  special: '专题述法',
  written: '书面述法',
} as const;
export const STATEMENT_RANKS = { head: '主要负责人', member: '领导班子成员' } as const;
export type StudyKind = keyof typeof STUDY_KINDS;

export interface StudyInput {
  heldOn: string;
  kind: StudyKind;
  topic: string;
  speaker: string;
  durationMinutes: number;
  attendees: number;
  ledByHead: boolean;
}
export interface StatementInput {
  year: number;
  personName: string;
  position: string;
  rank: keyof typeof STATEMENT_RANKS;
  statedOn: string;
  form: keyof typeof STATEMENT_FORMS;
  summary: string;
}
export interface PlanTopic {
  quarter: number;
  topic: string;
}
/** `topics` omitted: the plan's topics are kept (they are edited on their own, savePlanTopics). */
export interface PlanInput {
  year: number;
  title: string;
  issuedOn: string;
  preMeetingTarget: number;
  trainingHoursTarget: number;
  topics?: PlanTopic[];
}

export const QUARTERS: Record<number, string> = {
  1: '第一季度',
  2: '第二季度',
  3: '第三季度',
  4: '第四季度',
};

/**
 * The fields of one planned topic, declared once: the API schema (routes.ts) takes its labels and limits
 * from here and the workbench builds its form from the copy the overview sends.
 */
export const TOPIC_FIELDS = {
  quarter: {
    name: 'quarter',
    label: '季度',
    type: 'select',
    options: Object.entries(QUARTERS).map(([value, label]) => ({ value, label })),
  },
  topic: { name: 'topic', label: '学习内容', type: 'text', min: 2, max: 200 },
} as const;
export const MAX_TOPICS = 40;

export const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

export async function listStudy(ctx: Ctx, actor: Actor, year: number) {
  authorizeStudy(actor, 'study', 'read');
  const [sessions, statements, [plan]] = await Promise.all([
    ctx.db
      .select()
      .from(studySessions)
      .where(
        and(
          eq(studySessions.departmentId, actor.departmentId),
          between(studySessions.heldOn, ...yearRange(year)),
        ),
      )
      .orderBy(asc(studySessions.heldOn)),
    ctx.db
      .select()
      .from(legalDutyStatements)
      .where(
        and(
          eq(legalDutyStatements.departmentId, actor.departmentId),
          eq(legalDutyStatements.year, year),
        ),
      )
      .orderBy(asc(legalDutyStatements.statedOn)),
    ctx.db
      .select()
      .from(studyPlans)
      .where(and(eq(studyPlans.departmentId, actor.departmentId), eq(studyPlans.year, year))),
  ]);
  return {
    sessions,
    statements,
    plan: plan ?? null,
    quarters: quartersOf(plan?.topics ?? [], sessions),
  };
}

/** The plan quarter by quarter: its topics and the 会前学法 sessions held in that quarter (RULES §10.1: ≥ 1 a quarter [V-loc]). */
export function quartersOf(topics: PlanTopic[], sessions: Array<{ kind: string; heldOn: string }>) {
  return Object.entries(QUARTERS).map(([q, label]) => {
    const quarter = Number(q);
    const held = sessions.filter(
      (x) => x.kind === 'preMeeting' && Math.ceil(Number(x.heldOn.slice(5, 7)) / 3) === quarter,
    ).length;
    return {
      quarter,
      label,
      topics: topics.filter((t) => t.quarter === quarter).map((t) => t.topic),
      preMeetingHeld: held,
    };
  });
}

export async function addStudySession(ctx: Ctx, actor: Actor, input: StudyInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(studySessions).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'reports.study.add',
        entityType: 'studySession',
        entityId: id,
        payload: { ...input },
      },
      ctx.clock.now(),
    );
    return id;
  });
}

export async function addStatement(ctx: Ctx, actor: Actor, input: StatementInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(legalDutyStatements).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'reports.statement.add',
        entityType: 'legalDutyStatement',
        entityId: id,
        payload: { ...input, summary: undefined },
      },
      ctx.clock.now(),
    );
    return id;
  });
}

/** Removes a record entered by mistake (the audit keeps what it was). */
export async function removeStudyRecord(
  ctx: Ctx,
  actor: Actor,
  kind: 'session' | 'statement',
  id: string,
): Promise<void> {
  authorizeStudy(actor, 'study', 'edit');
  const table = kind === 'session' ? studySessions : legalDutyStatements;
  await inTx(ctx, async (tx) => {
    const [row] = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.departmentId, actor.departmentId)))
      .returning();
    if (!row) throw notFound(kind === 'session' ? '学法记录' : '述法记录');
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: `reports.${kind}.remove`,
        entityType: kind === 'session' ? 'studySession' : 'legalDutyStatement',
        entityId: id,
        payload: row as unknown as Record<string, unknown>,
      },
      ctx.clock.now(),
    );
  });
}

/** The year's 学法计划 (江西: issued in Q1, ≥ 1 会前学法 a quarter — RULES §10.1 [V-loc]); one per year. */
export async function savePlan(ctx: Ctx, actor: Actor, input: PlanInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  if (
    !input.issuedOn.startsWith(`${input.year - 1}-`) &&
    !input.issuedOn.startsWith(`${input.year}-`)
  )
    throw new AppError('VALIDATION', `印发日期应在${input.year - 1}年或${input.year}年内`);
  return inTx(ctx, async (tx) => {
    const [old] = await tx
      .select()
      .from(studyPlans)
      .where(and(eq(studyPlans.departmentId, actor.departmentId), eq(studyPlans.year, input.year)));
    const id = old?.id ?? newId();
    const row = { ...input, topics: input.topics ?? old?.topics ?? [] };
    if (old) await tx.update(studyPlans).set(row).where(eq(studyPlans.id, id));
    else
      await tx.insert(studyPlans).values({
        id,
        departmentId: actor.departmentId,
        ...row,
        createdAt: ctx.clock.now(),
        createdBy: actor.userId,
      });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: old ? 'study.plan.update' : 'study.plan.add',
        entityType: 'studyPlan',
        entityId: id,
        payload: { ...row },
      },
      ctx.clock.now(),
    );
    return id;
  });
}

/** Replaces the quarterly topics of the year's plan; the plan must have been registered first. */
export async function savePlanTopics(
  ctx: Ctx,
  actor: Actor,
  year: number,
  topics: PlanTopic[],
): Promise<void> {
  authorizeStudy(actor, 'study', 'edit');
  await inTx(ctx, async (tx) => {
    const [plan] = await tx
      .select()
      .from(studyPlans)
      .where(and(eq(studyPlans.departmentId, actor.departmentId), eq(studyPlans.year, year)))
      .for('update');
    if (!plan)
      throw new AppError('VALIDATION', `学习安排：${year}年度尚未登记学法计划，请先登记计划`, {
        fields: [{ path: 'year', message: '尚未登记学法计划' }],
      });
    await tx.update(studyPlans).set({ topics }).where(eq(studyPlans.id, plan.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'study.plan.topics',
        entityType: 'studyPlan',
        entityId: plan.id,
        payload: { year, before: plan.topics, topics },
      },
      ctx.clock.now(),
    );
  });
}
