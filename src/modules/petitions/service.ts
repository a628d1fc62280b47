/**
 * Handling a 信访事项 (信访工作条例 Art 23–36): every act goes through `actOnPetition`, which checks the
 * module's rules (检举控告 handlers, the accused division), records the act on the case (the engine
 * applies the statutory clocks and gates) and keeps the petition row in step, in one transaction.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { caseState, recordAction } from '../../core/cases/service.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { cases } from '../../core/cases/schema.ts';
import { users } from '../../core/auth/schema.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { CATEGORIES, DECISIONS } from './labels.ts';
import { petitionPolicy, type PetitionScope } from './policy.ts';
import { petitions } from './schema.ts';
import type { PetitionRow } from './intake.ts';

export const scopeOf = (p: PetitionRow): PetitionScope => ({
  departmentId: p.departmentId,
  orgId: p.orgId,
  category: p.category,
  handlerIds: p.handlerIds,
  accusedOrgId: p.accusedOrgId,
});

/** The module's loader: the matter if the actor may read it, else 404 (a 检举控告 for anyone but its handlers). */
export async function loadPetition(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<PetitionRow> {
  const q = db.select().from(petitions).where(eq(petitions.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  if (!p) throw notFound('信访事项');
  petitionPolicy.authorize(actor, 'petition', 'read', scopeOf(p));
  return p;
}

const str = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
const on = isoDate('办理日期');
export const actSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept').describe('办理事项'),
    on,
    noticeText: str('告知内容', 5000, 2),
  }),
  z.object({
    action: z.literal('object').describe('办理事项'),
    on,
    reason: str('异议理由', 5000, 2),
  }),
  z.object({
    action: z.literal('classify').describe('办理事项'),
    on,
    category: z.enum(CATEGORIES).describe('信访事项类别'),
    handlerIds: z.array(z.uuid().describe('承办人')).max(20).optional().describe('承办人'),
    accusedOrgId: z.uuid().nullish().describe('被检举控告的科室'),
  }),
  z.object({
    action: z.literal('redirect').describe('办理事项'),
    on,
    route: str('法定途径', 500, 2),
  }),
  z.object({
    action: z.literal('extend').describe('办理事项'),
    on,
    days: z.number().int().min(1).max(30).describe('延长天数'),
    reason: str('延期理由', 2000, 2),
    approvedBy: str('批准的负责人', 50).optional(),
    toldOn: isoDate('告知信访人延期理由日期'),
  }),
  z.object({
    action: z.literal('answer').describe('办理事项'),
    on,
    decision: z.enum(DECISIONS).describe('处理意见'),
    facts: str('事实和理由', 20_000, 2),
    opinion: str('处理意见', 20_000, 2),
    basis: str('法律依据', 5000, 2),
    servedOn: isoDate('送达日期'),
  }),
  z.object({
    action: z.literal('requestReview').describe('办理事项'),
    on,
    request: str('复查请求', 5000, 2),
  }),
  z.object({
    action: z.literal('reviewOpinion').describe('办理事项'),
    on,
    decision: z.enum(DECISIONS).describe('复查意见'),
    servedOn: isoDate('送达日期'),
  }),
  z.object({
    action: z.literal('requestRecheck').describe('办理事项'),
    on,
    request: str('复核请求', 5000, 2),
  }),
  z.object({
    action: z.literal('hearingStart').describe('办理事项'),
    on,
    note: str('听证说明', 500).optional(),
  }),
  z.object({ action: z.literal('hearingEnd').describe('办理事项'), on }),
  z.object({
    action: z.literal('recheckOpinion').describe('办理事项'),
    on,
    decision: z.enum(DECISIONS).describe('复核意见'),
  }),
]);
export type PetitionAct = z.input<typeof actSchema>;

/** 检举控告: named handlers of the department, none of them in the accused division (条例 Art 30). */
async function checkHandlers(
  tx: Tx,
  p: PetitionRow,
  handlerIds: string[],
  accusedOrgId: string | null,
): Promise<void> {
  const bad = (message: string) =>
    new AppError('VALIDATION', `承办人：${message}`, { fields: [{ path: 'handlerIds', message }] });
  if (!handlerIds.length) throw bad('检举控告类事项应指定承办人，只有承办人可以查看');
  if (accusedOrgId) {
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, accusedOrgId),
          sql`${organisations.id} = ${p.departmentId} or ${organisations.parentId} = ${p.departmentId}`,
        ),
      );
    if (!org)
      throw new AppError('VALIDATION', '被检举控告的科室：不是本部门的科室', {
        fields: [{ path: 'accusedOrgId', message: '不是本部门的科室' }],
      });
  }
  const rows = await tx
    .select({ id: users.id, orgId: users.orgId, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.id, handlerIds));
  if (
    rows.length !== new Set(handlerIds).size ||
    rows.some((u) => u.departmentId !== p.departmentId)
  )
    throw bad('不是本部门的人员');
  if (accusedOrgId && rows.some((u) => u.orgId === accusedOrgId))
    throw bad('不得由被检举控告科室的人员承办（信访工作条例第三十条）');
}

/** One act on a matter, with its records, in one transaction. */
export async function actOnPetition(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: PetitionAct,
): Promise<PetitionRow> {
  const a = parse(actSchema, input);
  return inTx(ctx, async (tx) => {
    const p = await loadPetition(tx, actor, id, true);
    petitionPolicy.authorize(actor, 'petition', 'act', scopeOf(p));
    const patch: Partial<PetitionRow> = {};
    let data: Record<string, unknown> = {};
    switch (a.action) {
      case 'accept':
        data = { noticeText: a.noticeText };
        patch.noticeOn = a.on;
        break;
      case 'object':
        data = { reason: a.reason };
        break;
      case 'classify': {
        const handlerIds = [...new Set(a.handlerIds ?? [])];
        if (a.category === 'accusation') {
          await checkHandlers(tx, p, handlerIds, a.accusedOrgId ?? null);
          // The classifier keeps access only as a named handler.
        }
        data = { category: a.category };
        Object.assign(patch, {
          category: a.category,
          handlerIds: a.category === 'accusation' ? handlerIds : [],
          accusedOrgId: a.category === 'accusation' ? (a.accusedOrgId ?? null) : null,
        });
        break;
      }
      case 'redirect':
        data = { route: a.route };
        patch.redirectRoute = a.route;
        break;
      case 'extend':
        data = { days: a.days, reason: a.reason, approvedBy: a.approvedBy, toldOn: a.toldOn };
        break;
      case 'answer':
        if (a.servedOn < a.on)
          throw new AppError('VALIDATION', '送达日期：不能早于出具日期', {
            fields: [{ path: 'servedOn', message: '不能早于出具日期' }],
          });
        data = { decision: a.decision, servedOn: a.servedOn };
        Object.assign(patch, {
          decision: a.decision,
          opinionFacts: a.facts,
          opinionText: a.opinion,
          opinionBasis: a.basis,
          answeredOn: a.on,
        });
        break;
      case 'requestReview':
      case 'requestRecheck':
        data = { request: a.request };
        break;
      case 'reviewOpinion':
        data = { decision: a.decision, servedOn: a.servedOn };
        break;
      case 'hearingStart':
        data = { note: a.note };
        break;
      case 'hearingEnd':
        break;
      case 'recheckOpinion':
        data = { decision: a.decision };
        break;
    }
    const state = await recordAction(
      ctx,
      actor,
      p.caseId,
      { action: a.action, on: a.on, data },
      tx,
    );
    const [row] = await tx
      .update(petitions)
      .set({ ...patch, status: state.status })
      .where(eq(petitions.id, p.id))
      .returning();
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: `petition.${a.action}`,
        entityType: 'petition',
        entityId: p.id,
        payload: { on: a.on, ...patch, status: state.status },
      },
      ctx.clock.now(),
    );
    return row;
  });
}

const stars = (v: string, head: number, tail: number) => {
  const cs = [...v];
  if (cs.length <= head + tail) return '*'.repeat(Math.max(cs.length, 1));
  return (
    cs.slice(0, head).join('') +
    '*'.repeat(cs.length - head - tail) +
    cs.slice(cs.length - tail).join('')
  );
};

/** The matter as the actor may see it: the petitioner's data masked for readers who do not handle it. */
export function petitionForActor(actor: Actor, p: PetitionRow) {
  const full = petitionPolicy.can(actor, 'petition', 'personalData', scopeOf(p));
  return {
    ...p,
    createdAt: p.createdAt.toISOString(),
    petitionerName: full ? p.petitionerName : stars(p.petitionerName, 1, 0),
    petitionerPhone:
      full || !p.petitionerPhone ? p.petitionerPhone : stars(p.petitionerPhone, 3, 4),
    petitionerIdNumber:
      full || !p.petitionerIdNumber ? p.petitionerIdNumber : stars(p.petitionerIdNumber, 4, 4),
    petitionerAddress:
      full || !p.petitionerAddress
        ? p.petitionerAddress
        : `${[...p.petitionerAddress].slice(0, 3).join('')}****`,
    // The petitioner's key to 好差评: only for those who see their personal data.
    trackingCode: full ? p.trackingCode : '',
    personalDataMasked: !full,
  };
}

export async function petitionView(ctx: Ctx, actor: Actor, id: string) {
  const p = await loadPetition(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, p.caseId));
  const state = await caseState(ctx, c);
  return { petition: petitionForActor(actor, p), state, today: ctx.clock.today() };
}

/** The department's matters the actor may read (检举控告 only to their handlers), newest first. */
export async function listPetitions(
  ctx: Ctx,
  actor: Actor,
  q: { year?: number; page: number; pageSize: number },
) {
  petitionPolicy.authorize(actor, 'petition', 'list');
  const visible = sql`${petitions.departmentId} = ${actor.departmentId} and (${petitions.category} is distinct from 'accusation' or (${actor.userId}::uuid = any(${petitions.handlerIds}) and ${petitions.accusedOrgId} is distinct from ${actor.orgId}::uuid))`;
  const where = q.year
    ? sql`${visible} and extract(year from ${petitions.receivedOn}) = ${q.year}`
    : visible;
  const rows = await ctx.db
    .select()
    .from(petitions)
    .where(where)
    .orderBy(desc(petitions.receivedOn), desc(petitions.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(petitions)
    .where(where);
  return { total: n, items: rows.map((r) => petitionForActor(actor, r)), today: ctx.clock.today() };
}
