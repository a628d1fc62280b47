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
import { parse } from '../../core/http/validate.ts';
import { fieldsSchema, type FieldsInput } from '../../core/procedure/fieldSchema.ts';
import type { FieldSpec } from '../../core/procedure/types.ts';
import { fieldView } from '../../core/http/forms.ts';
import { ACT_FORMS, type ActForm } from './forms.ts';
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

/** One act's body: its declared form (forms.ts) under its `action`. */
const act = <A extends ActForm, const Fs extends readonly FieldSpec[]>(action: A, fields: Fs) =>
  fieldsSchema(fields).extend({ action: z.literal(action).describe('办理事项') });
const ACT_BODIES = [
  act('accept', ACT_FORMS.accept),
  act('object', ACT_FORMS.object),
  // The form names one or two handlers; an API client may name more at once (handlerIds).
  act('classify', ACT_FORMS.classify).extend({
    handlerIds: z.array(z.uuid().describe('承办人')).max(20).optional().describe('承办人'),
  }),
  act('redirect', ACT_FORMS.redirect),
  act('extend', ACT_FORMS.extend),
  act('answer', ACT_FORMS.answer),
  act('requestReview', ACT_FORMS.requestReview),
  act('reviewOpinion', ACT_FORMS.reviewOpinion),
  act('requestRecheck', ACT_FORMS.requestRecheck),
  act('hearingStart', ACT_FORMS.hearingStart),
  act('hearingEnd', ACT_FORMS.hearingEnd),
  act('recheckOpinion', ACT_FORMS.recheckOpinion),
] as const;
export const actSchema = z.discriminatedUnion('action', ACT_BODIES);
/** An act as a caller gives it: its `action` and its form's values (classify: also `handlerIds`). */
export type PetitionAct = {
  [A in ActForm]: { action: A } & FieldsInput<(typeof ACT_FORMS)[A]>;
}[ActForm] & { handlerIds?: string[] };

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
        const named = [...(a.handlerIds ?? []), a.handler1, a.handler2];
        const handlerIds = [...new Set(named.filter((h): h is string => !!h))];
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
  // The acts' forms as declared (forms.ts); the page fills the handlers and divisions it offers.
  const forms = Object.fromEntries(
    Object.entries(ACT_FORMS).map(([a, fields]) => [a, fields.map((f) => fieldView(f))]),
  );
  return { petition: petitionForActor(actor, p), state, forms, today: ctx.clock.today() };
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
