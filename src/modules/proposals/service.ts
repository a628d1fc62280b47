/**
 * 人大代表建议 / 政协提案办理 (RULES §7.3): 交办 with 主办/协办 units, contact with the deputy, 协办 opinions,
 * the 6-month extension for difficult items, the reply with its result code, the deputy's feedback and
 * the 复文 published on the portal without contact details (国办发〔2014〕46号). One transaction per act.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { caseState, openCase, recordAction } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { parse } from '../../core/http/validate.ts';
import { fieldView } from '../../core/http/forms.ts';
import { fieldsSchema, type FieldsInput } from '../../core/procedure/fieldSchema.ts';
import { addMonths, KIND_LABELS } from './procedure.ts';
import { LIST_FORMS, PROPOSAL_FORMS, type ProposalForm } from './forms.ts';
import { proposalPolicy, type ProposalScope } from './policy.ts';
import { proposalOpinions, proposals } from './schema.ts';
import { personalDataIn } from './personalData.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export const scopeOf = (p: ProposalRow): ProposalScope => ({
  departmentId: p.departmentId,
  orgId: p.orgId,
  coOrgIds: p.coOrgIds,
});

// The form's one 协办单位 (coOrgId) and the API's list of them (coOrgIds) are joined by the service.
export const assignSchema = fieldsSchema(LIST_FORMS.create).extend({
  coOrgIds: z.array(z.uuid().describe('协办单位')).max(10).default([]).describe('协办单位'),
});

async function checkOrgs(tx: Tx, departmentId: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const [o] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, id),
          sql`(${organisations.id} = ${departmentId} or ${organisations.parentId} = ${departmentId})`,
        ),
      );
    if (!o)
      throw new AppError('VALIDATION', '主办、协办单位：不是本部门的科室', {
        fields: [{ path: 'leadOrgId', message: '不是本部门的科室' }],
      });
  }
}

/** 交办: the reply is due 3 months after 交办 (代表法 Art 51), 协办 opinions 1 month after. */
export async function assignProposal(
  ctx: Ctx,
  actor: Actor,
  input: FieldsInput<typeof LIST_FORMS.create> & { coOrgIds?: string[] },
): Promise<{ id: string }> {
  proposalPolicy.authorize(actor, 'proposal', 'assign');
  const p = parse(assignSchema, input);
  if (p.assignedOn > ctx.clock.today())
    throw new AppError('VALIDATION', '交办日期：不能晚于今天', {
      fields: [{ path: 'assignedOn', message: '不能晚于今天' }],
    });
  const coOrgIds = [...new Set([...p.coOrgIds, ...(p.coOrgId ? [p.coOrgId] : [])])].filter(
    (o) => o !== p.leadOrgId,
  );
  return inTx(ctx, async (tx) => {
    await checkOrgs(tx, actor.departmentId, [p.leadOrgId, ...coOrgIds]);
    const [dup] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(
        and(
          eq(proposals.departmentId, actor.departmentId),
          eq(proposals.kind, p.kind),
          eq(proposals.number, p.number),
        ),
      );
    if (dup)
      throw new AppError('CONFLICT', `建议提案编号：${p.number}已经登记`, {
        fields: [{ path: 'number', message: '已经登记' }],
      });
    const dueOn = addMonths(p.assignedOn, 3);
    const coDueOn = addMonths(p.assignedOn, 1);
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'proposal',
        title: `${KIND_LABELS[p.kind]}第${p.number}号：${p.title}`,
        orgId: p.leadOrgId,
        first: {
          action: 'assign',
          on: p.assignedOn,
          data: { kind: p.kind, dueOn, coDueOn, hasCo: coOrgIds.length > 0 },
        },
      },
      tx,
    );
    const id = newId();
    await tx.insert(proposals).values({
      id,
      caseId: c.id,
      departmentId: actor.departmentId,
      orgId: p.leadOrgId,
      kind: p.kind,
      number: p.number,
      title: p.title,
      proposer: p.proposer,
      proposerContact: p.proposerContact ?? '',
      content: p.content ?? '',
      assignedBy: p.assignedBy,
      assignedOn: p.assignedOn,
      dueOn,
      coOrgIds,
      coDueOn,
      status: c.status,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await audit(
      tx,
      ctx,
      actor,
      'proposal.assign',
      { type: 'proposal', id },
      {
        number: p.number,
        kind: p.kind,
        caseId: c.id,
        dueOn,
        coOrgIds,
      },
    );
    return { id };
  });
}

export async function loadProposal(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<ProposalRow> {
  const q = db.select().from(proposals).where(eq(proposals.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  if (!p) throw notFound('建议提案');
  proposalPolicy.authorize(actor, 'proposal', 'read', scopeOf(p));
  return p;
}

const action = <A extends string>(a: A) => z.literal(a).describe('办理事项');
export const actSchema = z.discriminatedUnion('action', [
  fieldsSchema(PROPOSAL_FORMS.contact).extend({ action: action('contact') }),
  fieldsSchema(PROPOSAL_FORMS.markDifficult).extend({ action: action('markDifficult') }),
  fieldsSchema(PROPOSAL_FORMS.reply).extend({ action: action('reply') }),
  fieldsSchema(PROPOSAL_FORMS.feedback).extend({ action: action('feedback') }),
]);
type Acts = Omit<typeof PROPOSAL_FORMS, 'coOpinion' | 'publish'>;
type ActInput = { [A in keyof Acts]: FieldsInput<Acts[A]> & { action: A } }[keyof Acts];
export const coOpinionSchema = fieldsSchema(PROPOSAL_FORMS.coOpinion);
export const publishSchema = fieldsSchema(PROPOSAL_FORMS.publish);

export async function actOnProposal(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ActInput,
): Promise<void> {
  const a = parse(actSchema, input);
  await inTx(ctx, async (tx) => {
    const p = await loadProposal(tx, actor, id, true);
    proposalPolicy.authorize(actor, 'proposal', 'act', scopeOf(p));
    const patch: Partial<ProposalRow> = {};
    let data: Record<string, unknown> = {};
    if (a.action === 'contact') {
      data = { method: a.method };
      Object.assign(patch, { contactMethod: a.method, contactedOn: a.on, contactNote: a.note });
    } else if (a.action === 'markDifficult') {
      const dueOn = addMonths(p.assignedOn, 6);
      data = { dueOn, reason: a.reason };
      Object.assign(patch, { difficult: true, difficultReason: a.reason, dueOn });
    } else if (a.action === 'reply') {
      // The engine refuses a reply without its result code in Chinese (a required field).
      data = { resultCode: a.resultCode };
      Object.assign(patch, {
        resultCode: a.resultCode ?? null,
        replyText: a.replyText,
        repliedOn: a.on,
      });
    } else {
      data = { feedback: a.feedback };
      Object.assign(patch, {
        feedback: a.feedback,
        feedbackNote: a.note ?? null,
        feedbackOn: a.on,
      });
    }
    const state = await recordAction(
      ctx,
      actor,
      p.caseId,
      { action: a.action, on: a.on, data },
      tx,
    );
    await tx
      .update(proposals)
      .set({ ...patch, status: state.status })
      .where(eq(proposals.id, p.id));
    await audit(
      tx,
      ctx,
      actor,
      `proposal.${a.action}`,
      { type: 'proposal', id: p.id },
      { on: a.on, ...patch, status: state.status },
    );
  });
}

/** A 协办 科室's opinion to the lead unit; the last one stops the 1-month clock. */
export async function submitCoOpinion(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { opinion: string; on: string },
): Promise<void> {
  const b = parse(coOpinionSchema, input);
  await inTx(ctx, async (tx) => {
    const p = await loadProposal(tx, actor, id, true);
    proposalPolicy.authorize(actor, 'proposal', 'coOpinion', scopeOf(p));
    if (p.status !== 'assigned')
      throw new AppError('ACTION_NOT_ALLOWED', '该建议提案已经答复，不能再提出协办意见');
    const res = await tx
      .insert(proposalOpinions)
      .values({
        id: newId(),
        proposalId: p.id,
        orgId: actor.orgId,
        opinion: b.opinion,
        submittedOn: b.on,
        submittedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: proposalOpinions.id });
    if (!res.length) throw new AppError('CONFLICT', '本科室已经提出协办意见');
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(proposalOpinions)
      .where(eq(proposalOpinions.proposalId, p.id));
    if (n >= p.coOrgIds.length)
      await recordAction(ctx, actor, p.caseId, { action: 'coOpinionsIn', on: b.on }, tx);
    await audit(
      tx,
      ctx,
      actor,
      'proposal.coOpinion',
      { type: 'proposal', id: p.id },
      { orgId: actor.orgId, on: b.on },
    );
  });
}

/** 复文公开 (国办发〔2014〕46号): the reply text as published, refused while it carries contact details. */
export async function publishReply(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { text: string },
): Promise<void> {
  const b = parse(publishSchema, input);
  await inTx(ctx, async (tx) => {
    const p = await loadProposal(tx, actor, id, true);
    proposalPolicy.authorize(actor, 'proposal', 'act', scopeOf(p));
    if (!p.repliedOn) throw new AppError('ACTION_NOT_ALLOWED', '尚未答复，不能公开复文');
    const found = personalDataIn(b.text, [p.proposerContact]);
    if (found.length)
      throw new AppError(
        'VALIDATION',
        `公开的答复全文：含有${found.join('、')}，请删除联系方式等个人信息后再公开`,
        { fields: [{ path: 'text', message: `含有${found.join('、')}` }] },
      );
    const today = ctx.clock.today();
    await tx
      .update(proposals)
      .set({ publishedText: b.text, publishedOn: today })
      .where(eq(proposals.id, p.id));
    await audit(
      tx,
      ctx,
      actor,
      'proposal.publish',
      { type: 'proposal', id: p.id },
      { publishedOn: today },
    );
  });
}

export async function proposalView(ctx: Ctx, actor: Actor, id: string) {
  const p = await loadProposal(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, p.caseId));
  const opinions = await ctx.db
    .select()
    .from(proposalOpinions)
    .where(eq(proposalOpinions.proposalId, p.id));
  return {
    proposal: { ...p, createdAt: p.createdAt.toISOString() },
    opinions: opinions.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    state: await caseState(ctx, c),
    canAct: proposalPolicy.can(actor, 'proposal', 'act', scopeOf(p)),
    canCoOpinion: proposalPolicy.can(actor, 'proposal', 'coOpinion', scopeOf(p)),
    // The forms of the page, declared once (forms.ts): the page adds only the initial values.
    forms: Object.fromEntries(
      Object.entries(PROPOSAL_FORMS).map(([k, fields]) => [k, fields.map((f) => fieldView(f))]),
    ) as Record<ProposalForm, Array<ReturnType<typeof fieldView>>>,
    today: ctx.clock.today(),
  };
}

export async function listProposals(
  ctx: Ctx,
  actor: Actor,
  q: { year?: number; fact?: 'handled' | 'published'; page: number; pageSize: number },
) {
  proposalPolicy.authorize(actor, 'proposal', 'list');
  const conds = [eq(proposals.departmentId, actor.departmentId)];
  if (q.year) conds.push(sql`extract(year from ${proposals.assignedOn}) = ${q.year}`);
  if (q.fact === 'handled') conds.push(isNotNull(proposals.repliedOn));
  if (q.fact === 'published') conds.push(isNotNull(proposals.publishedOn));
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.assignedOn), desc(proposals.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .where(where);
  return {
    total: n,
    items: rows.map((r) => ({ ...r, proposerContact: '', createdAt: r.createdAt.toISOString() })),
    today: ctx.clock.today(),
  };
}
