import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../clock.ts';
import { inTx, type Ctx } from '../context.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../auth/actor.ts';
import { sessions, users } from '../auth/schema.ts';
import { generateInitialPassword, hashPassword } from '../auth/password.ts';
import { ADMIN_ROLES, ROLE_LABELS, type Role } from '../auth/roles.ts';
import { organisations } from '../orgs/schema.ts';
import { scopeOf } from '../orgs/service.ts';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  const rows = await ctx.db
    .select({ user: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .orderBy(users.username);
  const now = ctx.clock.now();
  return rows.map(({ user: u, orgName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName,
    roles: u.roles as Role[],
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
  }));
}

async function getUser(ctx: Ctx, id: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!u) throw notFound('用户');
  return u;
}

/** 系统管理员 creates accounts (without roles: the 安全管理员 grants them) with a one-time initial password. */
export async function createUser(
  ctx: Ctx,
  actor: Actor | null,
  input: {
    username: string;
    displayName: string;
    orgId: string;
    roles?: Role[];
    password?: string;
    mustChangePassword?: boolean;
  },
): Promise<{ id: string; initialPassword: string }> {
  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, input.username));
  if (taken)
    throw new AppError('CONFLICT', `用户名：“${input.username}”已被使用`, {
      fields: [{ path: 'username', message: '已被使用' }],
    });
  const roles = input.roles ?? [];
  checkSeparation(roles);
  const departmentId = await scopeOf(ctx.db, input.orgId);
  const initialPassword = input.password ?? generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const now = ctx.clock.now();
  const id = newId();
  await inTx(ctx, async (tx) => {
    await tx.insert(users).values({
      id,
      username: input.username,
      displayName: input.displayName,
      orgId: input.orgId,
      departmentId,
      passwordHash,
      roles,
      mustChangePassword: input.mustChangePassword ?? true,
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actorId: actor?.userId ?? null,
        orgId: actor?.orgId ?? input.orgId,
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        payload: {
          username: input.username,
          displayName: input.displayName,
          orgId: input.orgId,
          roles,
        },
      },
      now,
    );
  });
  return { id, initialPassword };
}

export async function updateUser(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: { displayName?: string; orgId?: string; active?: boolean },
): Promise<void> {
  const user = await getUser(ctx, id);
  if (patch.active === false && id === actor.userId)
    throw new AppError('CONFLICT', '不能停用自己的账号');
  // 三员分立: an administrator who could stop the others (the 审计管理员 above all) would defeat the separation.
  const admin = (user.roles as Role[]).filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length && patch.active !== undefined && patch.active !== user.active) {
    throw new AppError(
      'SEPARATION_OF_DUTIES',
      `三员分立：“${user.username}”是${admin.map((r) => ROLE_LABELS[r]).join('、')}账号，不能在系统内停用或启用；请由服务器运维人员在另一名管理员见证下执行 npm run fazhi -- users ${patch.active ? 'activate' : 'deactivate'} ${user.username} --administrator（该操作记入审计日志）`,
    );
  }
  const departmentId = patch.orgId ? await scopeOf(ctx.db, patch.orgId) : undefined;
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ ...patch, ...(departmentId ? { departmentId } : {}) })
      .where(eq(users.id, id));
    if (patch.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        payload: patch,
      },
      now,
    );
  });
}

/**
 * The 系统管理员's reset of a business account. 三员分立: an administrator account is never reset through
 * the API (whoever resets it receives its password and could sign in as that administrator); that is
 * done on the server's command line, explicitly and audited (resetPasswordByCommand).
 */
export async function resetPassword(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ initialPassword: string }> {
  const user = await getUser(ctx, id);
  const admin = (user.roles as Role[]).filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length) {
    throw new AppError(
      'SEPARATION_OF_DUTIES',
      `三员分立：“${user.username}”是${admin.map((r) => ROLE_LABELS[r]).join('、')}账号，不能在系统内重置其密码；请由服务器运维人员在另一名管理员见证下执行 npm run fazhi -- users reset-password ${user.username} --administrator（该操作记入审计日志）`,
    );
  }
  return issueInitialPassword(ctx, { actorId: actor.userId, orgId: actor.orgId }, id, {});
}

/** A new one-time password: the old one and every session stop working; audited in the same transaction. */
async function issueInitialPassword(
  ctx: Ctx,
  by: { actorId: string | null; orgId: string },
  id: string,
  payload: Record<string, unknown>,
): Promise<{ initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(
      tx,
      {
        actorId: by.actorId,
        orgId: by.orgId,
        action: 'user.resetPassword',
        entityType: 'user',
        entityId: id,
        ...(Object.keys(payload).length ? { payload } : {}),
      },
      now,
    );
  });
  return { initialPassword };
}

/**
 * Access recovery from the server's command line (`fazhi users reset-password`), for whoever runs the
 * process: audited with no signed-in actor. 三员分立: an administrator account is reset only when
 * the operator says so explicitly (`--administrator`), so that no one takes one over by accident.
 */
export async function resetPasswordByCommand(
  ctx: Ctx,
  username: string,
  opts: { administrator: boolean; reason: 'cli' | 'demo' },
): Promise<{ user: UserView; initialPassword: string }> {
  const user = (await listUsers(ctx)).find((u) => u.username === username);
  if (!user)
    throw new AppError(
      'NOT_FOUND',
      `用户名：没有名为“${username}”的账号 / no account named ${username}`,
    );
  const admin = user.roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length && !opts.administrator) {
    throw new AppError(
      'FORBIDDEN',
      `“${username}”是${admin.map((r) => ROLE_LABELS[r]).join('、')}账号：三员分立，重置管理员密码须显式加上 --administrator，并由另一名管理员见证 / ${username} is an administrator account: add --administrator to reset it`,
    );
  }
  const { initialPassword } = await issueInitialPassword(
    ctx,
    { actorId: null, orgId: user.orgId },
    user.id,
    {
      via: opts.reason === 'demo' ? 'demo' : 'commandLine',
      ...(admin.length ? { administrator: true } : {}),
    },
  );
  return { user, initialPassword };
}

/**
 * Stops (or restores) an account from the server's command line: audited with no signed-in actor, its
 * sessions ended. Administrator accounts only with `--administrator` (三员分立: the API refuses them).
 */
export async function setActiveByCommand(
  ctx: Ctx,
  username: string,
  active: boolean,
  opts: { administrator: boolean },
): Promise<UserView> {
  const user = (await listUsers(ctx)).find((u) => u.username === username);
  if (!user)
    throw new AppError(
      'NOT_FOUND',
      `用户名：没有名为“${username}”的账号 / no account named ${username}`,
    );
  const admin = user.roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length && !opts.administrator) {
    throw new AppError(
      'FORBIDDEN',
      `“${username}”是${admin.map((r) => ROLE_LABELS[r]).join('、')}账号：三员分立，停用或启用管理员账号须显式加上 --administrator / ${username} is an administrator account: add --administrator`,
    );
  }
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ active }).where(eq(users.id, user.id));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: user.orgId,
        action: 'user.update',
        entityType: 'user',
        entityId: user.id,
        payload: { active, via: 'commandLine', ...(admin.length ? { administrator: true } : {}) },
      },
      ctx.clock.now(),
    );
  });
  return user;
}

/**
 * 三员分立: one account never holds two of 系统管理员 / 安全管理员 / 审计管理员, nor an administrator role
 * together with a business role (an administrator sees no business records; a case worker administers nothing).
 */
function checkSeparation(roles: Role[]) {
  const admin = roles.filter((r) => ADMIN_ROLES.includes(r));
  const business = roles.filter((r) => !ADMIN_ROLES.includes(r));
  const refuse = (message: string) =>
    new AppError('SEPARATION_OF_DUTIES', `角色：${message}`, {
      fields: [{ path: 'roles', message }],
    });
  if (admin.length > 1)
    throw refuse(`三员分立，${admin.map((r) => ROLE_LABELS[r]).join('、')}不能由同一账号兼任`);
  if (admin.length && business.length) {
    throw refuse(
      `三员分立，${ROLE_LABELS[admin[0]]}不能兼任业务角色（${business.map((r) => ROLE_LABELS[r]).join('、')}）`,
    );
  }
}

export async function assignRoles(
  ctx: Ctx,
  actor: Actor,
  id: string,
  roles: Role[],
): Promise<void> {
  const user = await getUser(ctx, id);
  checkSeparation(roles);
  if (id === actor.userId) throw new AppError('SEPARATION_OF_DUTIES', '不能修改自己的角色');
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ roles }).where(eq(users.id, id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'user.assignRoles',
        entityType: 'user',
        entityId: id,
        payload: { before: user.roles, after: roles },
      },
      now,
    );
  });
}

export async function unlockUser(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await getUser(ctx, id);
  const now = ctx.clock.now();
  await inTx(ctx, async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
      },
      now,
    );
  });
}
