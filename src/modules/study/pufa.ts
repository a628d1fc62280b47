/**
 * 谁执法谁普法 (RULES §10.1, 中办 国办 意见 2017): the 普法责任清单, each item a tracked task on the
 * shared engine (its deadline is a date clock: 我的待办, reminders and overdue marking come from the
 * sweep), completed with its evidence; and the publicity events with their audience.
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { newId } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { ProcedureDef } from '../../core/procedure/engine.ts';
import { authorizeStudy } from './policy.ts';
import { publicityEvents, pufaDuties } from './schema.ts';
import { yearRange } from './sessions.ts';

export const CAMPAIGNS = {
  constitutionWeek: '宪法宣传周',
  nationalSecurityDay: '全民国家安全教育日',
  sciTechWeek: '科技活动周',
  civilCodeMonth: '民法典宣传月',
  other: '其他普法活动',
} as const;
export type Campaign = keyof typeof CAMPAIGNS;

export const PUFA_DUTY: ProcedureDef = {
  code: 'pufaDuty',
  label: '普法责任清单事项',
  statuses: [
    { code: 'new', label: '待下达' },
    { code: 'open', label: '落实中' },
    { code: 'done', label: '已完成', final: true },
  ],
  initialStatus: 'new',
  roleLabels: { staff: '工作人员', leader: '局领导', legalOfficer: '法制机构' },
  steps: [
    {
      code: 'complete',
      label: '落实普法责任清单事项',
      roles: ['staff', 'leader', 'legalOfficer'],
      open: { notDone: 'complete' },
      clock: 'deadline',
    },
  ],
  actions: [
    {
      code: 'assign',
      label: '下达',
      roles: ['staff', 'leader', 'legalOfficer'],
      statuses: ['new'],
      fields: [{ name: 'dueOn', label: '完成期限', type: 'date', required: true }],
      effects: [{ status: 'open' }],
    },
    {
      code: 'complete',
      label: '完成',
      roles: ['staff', 'leader', 'legalOfficer'],
      statuses: ['open'],
      fields: [{ name: 'evidence', label: '完成佐证', type: 'text', required: true }],
      effects: [{ status: 'done' }],
    },
  ],
  clocks: [
    {
      code: 'deadline',
      label: '普法责任清单完成期限',
      unit: 'day',
      dueField: 'dueOn',
      legalBasis: '《关于实行国家机关“谁执法谁普法”普法责任制的意见》',
      start: [{ action: 'assign' }],
      stop: ['complete'],
    },
  ],
};
export const PUFA_MODULE_ACTIONS = PUFA_DUTY.actions.map((a) => a.code);

export interface DutyInput {
  year: number;
  title: string;
  content: string;
  owner: string;
  dueOn: string;
  assignedOn?: string;
}
export interface EventInput {
  heldOn: string;
  campaign: Campaign;
  title: string;
  location: string;
  audience: number;
}

const audit =
  (
    ctx: Ctx,
    actor: Actor,
    action: string,
    entityType: string,
    entityId: string,
    payload: Record<string, unknown>,
  ) =>
  (tx: Parameters<typeof appendAudit>[0]) =>
    appendAudit(
      tx,
      { actorId: actor.userId, orgId: actor.orgId, action, entityType, entityId, payload },
      ctx.clock.now(),
    );

export async function addDuty(ctx: Ctx, actor: Actor, input: DutyInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  if (!input.dueOn.startsWith(`${input.year}-`) && !input.dueOn.startsWith(`${input.year + 1}-`))
    throw new AppError('VALIDATION', `完成期限应在${input.year}年内（或次年年初）`);
  const assignedOn = input.assignedOn ?? ctx.clock.today();
  if (assignedOn > ctx.clock.today()) throw new AppError('VALIDATION', '下达日期不能晚于今天');
  if (input.dueOn < assignedOn) throw new AppError('VALIDATION', '完成期限不能早于下达日期');
  return inTx(ctx, async (tx) => {
    const id = newId();
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'pufaDuty',
        title: input.title,
        orgId: actor.departmentId,
        first: { action: 'assign', on: assignedOn, data: { dueOn: input.dueOn } },
      },
      tx,
    );
    await tx.insert(pufaDuties).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      assignedOn,
      caseId: c.id,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await audit(ctx, actor, 'study.duty.add', 'pufaDuty', id, { ...input })(tx);
    return id;
  });
}

export async function loadDuty(db: DbOrTx, actor: Actor, id: string) {
  authorizeStudy(actor, 'study', 'read');
  const [d] = await db.select().from(pufaDuties).where(eq(pufaDuties.id, id));
  if (!d || d.departmentId !== actor.departmentId) throw notFound('普法责任清单事项');
  return d;
}

/** Completion with its evidence (once: a completed item is refused by the engine's status rule). */
export async function completeDuty(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { completedOn: string; evidence: string },
): Promise<void> {
  const d = await loadDuty(ctx.db, actor, id);
  authorizeStudy(actor, 'study', 'edit', d);
  if (d.completedOn)
    throw new AppError('ACTION_NOT_ALLOWED', `该事项已于${d.completedOn}完成，不能重复办结`);
  if (input.completedOn > ctx.clock.today())
    throw new AppError('VALIDATION', '完成日期不能晚于今天');
  if (input.completedOn < d.assignedOn)
    throw new AppError('VALIDATION', `完成日期不能早于下达日期${d.assignedOn}`);
  await inTx(ctx, async (tx) => {
    await recordAction(
      ctx,
      actor,
      d.caseId,
      { action: 'complete', on: input.completedOn, data: { evidence: input.evidence } },
      tx,
    );
    await tx
      .update(pufaDuties)
      .set({ completedOn: input.completedOn, evidence: input.evidence })
      .where(eq(pufaDuties.id, id));
    await audit(ctx, actor, 'study.duty.complete', 'pufaDuty', id, { ...input })(tx);
  });
}

export async function dutiesOf(db: DbOrTx, departmentId: string, year: number, today: string) {
  const rows = await db
    .select()
    .from(pufaDuties)
    .where(and(eq(pufaDuties.departmentId, departmentId), eq(pufaDuties.year, year)))
    .orderBy(asc(pufaDuties.dueOn));
  return rows.map((d) => ({
    ...d,
    onTime: d.completedOn ? d.completedOn <= d.dueOn : null,
    overdue: !d.completedOn && d.dueOn < today,
  }));
}

export async function addEvent(ctx: Ctx, actor: Actor, input: EventInput): Promise<string> {
  authorizeStudy(actor, 'study', 'edit');
  return inTx(ctx, async (tx) => {
    const id = newId();
    await tx.insert(publicityEvents).values({
      id,
      departmentId: actor.departmentId,
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
    await audit(ctx, actor, 'study.event.add', 'publicityEvent', id, { ...input })(tx);
    return id;
  });
}

export async function removeEvent(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  authorizeStudy(actor, 'study', 'edit');
  await inTx(ctx, async (tx) => {
    const [row] = await tx
      .delete(publicityEvents)
      .where(and(eq(publicityEvents.id, id), eq(publicityEvents.departmentId, actor.departmentId)))
      .returning();
    if (!row) throw notFound('普法活动');
    await audit(
      ctx,
      actor,
      'study.event.remove',
      'publicityEvent',
      id,
      row as unknown as Record<string, unknown>,
    )(tx);
  });
}

export async function eventsOf(db: DbOrTx, departmentId: string, year: number) {
  return db
    .select()
    .from(publicityEvents)
    .where(
      and(
        eq(publicityEvents.departmentId, departmentId),
        between(publicityEvents.heldOn, ...yearRange(year)),
      ),
    )
    .orderBy(asc(publicityEvents.heldOn));
}
