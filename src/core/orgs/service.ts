import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../clock.ts';
import { inTx, type Ctx } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../auth/roles.ts';
import { organisations } from './schema.ts';
import { users } from '../auth/schema.ts';

export type Organisation = typeof organisations.$inferSelect;
export interface OrgInput {
  name: string;
  kind: OrgKind;
  parentId?: string | null;
  creditCode?: string | null;
  docPrefix?: string | null;
  address?: string | null;
  phone?: string | null;
}

export async function listOrgs(db: DbOrTx): Promise<Organisation[]> {
  return db.select().from(organisations).orderBy(organisations.createdAt, organisations.name);
}

export async function getOrg(db: DbOrTx, id: string): Promise<Organisation> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org) throw notFound('组织机构');
  return org;
}

/**
 * The scope an org belongs to: a division (科室) belongs to its department; a department, an
 * oversight body or a government is its own scope.
 */
export async function scopeOf(db: DbOrTx, orgId: string): Promise<string> {
  const org = await getOrg(db, orgId);
  if (org.kind !== 'division') return org.id;
  if (!org.parentId) throw new AppError('VALIDATION', '内设机构必须隶属于一个部门');
  return scopeOf(db, org.parentId);
}

async function checkParent(
  db: DbOrTx,
  kind: OrgKind,
  parentId: string | null | undefined,
  selfId?: string,
) {
  if (!parentId) {
    if (kind === 'division')
      throw new AppError('VALIDATION', '上级机构：内设机构必须指定所属部门', {
        fields: [{ path: 'parentId', message: '内设机构必须指定所属部门' }],
      });
    return;
  }
  if (parentId === selfId)
    throw new AppError('VALIDATION', '上级机构：不能是自身', {
      fields: [{ path: 'parentId', message: '不能是自身' }],
    });
  const parent = await getOrg(db, parentId);
  if (kind === 'division' && parent.kind !== 'department' && parent.kind !== 'oversight') {
    throw new AppError('VALIDATION', '上级机构：内设机构只能隶属于政府工作部门或监督机关', {
      fields: [{ path: 'parentId', message: '内设机构只能隶属于部门' }],
    });
  }
}

export async function createOrg(ctx: Ctx, actor: Actor, input: OrgInput): Promise<Organisation> {
  await checkParent(ctx.db, input.kind, input.parentId);
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ id: newId(), ...input, parentId: input.parentId ?? null, createdAt: now })
      .returning();
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'org.create',
        entityType: 'organisation',
        entityId: org.id,
        payload: { ...input },
      },
      now,
    );
    return org;
  });
}

export async function updateOrg(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: Partial<OrgInput>,
): Promise<Organisation> {
  const current = await getOrg(ctx.db, id);
  if (patch.kind && patch.kind !== current.kind)
    throw new AppError('VALIDATION', '机构类型：创建后不能修改', {
      fields: [{ path: 'kind', message: '创建后不能修改' }],
    });
  if (patch.parentId !== undefined)
    await checkParent(ctx.db, current.kind as OrgKind, patch.parentId, id);
  const now = ctx.clock.now();
  return inTx(ctx, async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set(patch)
      .where(eq(organisations.id, id))
      .returning();
    // A division moved to another department takes its users' scope with it.
    if (patch.parentId !== undefined)
      await tx
        .update(users)
        .set({ departmentId: await scopeOf(tx, id) })
        .where(eq(users.orgId, id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'org.update',
        entityType: 'organisation',
        entityId: id,
        payload: { ...patch },
      },
      now,
    );
    return org;
  });
}

export const orgKindLabel = (kind: string) => ORG_KIND_LABELS[kind as OrgKind] ?? kind;

/**
 * The department the public portal speaks for: the first department created (a deployment serves
 * one bureau's portal). Site header, 政府信息公开 and online requests all use this one rule.
 */
export async function portalDepartment(db: DbOrTx): Promise<Organisation | null> {
  const [dept] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'department'))
    .orderBy(organisations.createdAt)
    .limit(1);
  return dept ?? null;
}

/**
 * The oversight body (监督机关) a department answers to: the one under the department's own government.
 * Filings, report imports and submitted reports all follow it; null when the government has none.
 */
export async function oversightBodyOf(
  db: DbOrTx,
  departmentId: string,
): Promise<Organisation | null> {
  const [dept] = await db
    .select({ parentId: organisations.parentId, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, departmentId));
  if (!dept?.parentId || dept.kind !== 'department') return null;
  const [body] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'oversight'), eq(organisations.parentId, dept.parentId)))
    .orderBy(organisations.createdAt)
    .limit(1);
  return body ?? null;
}

/** The departments an oversight body oversees: those of its own government (the inverse of oversightBodyOf). */
export async function overseenDepartments(
  db: DbOrTx,
  oversightOrgId: string,
): Promise<Array<{ id: string; name: string }>> {
  const [body] = await db
    .select({ parentId: organisations.parentId, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, oversightOrgId));
  if (!body?.parentId || body.kind !== 'oversight') return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'department'), eq(organisations.parentId, body.parentId)))
    .orderBy(organisations.createdAt);
}
