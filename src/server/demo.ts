import { sql } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { queryRows, type Db, type Tx } from '../core/db/client.ts';
import type { Actor } from '../core/auth/actor.ts';
import type { Role } from '../core/auth/roles.ts';
import { createOrg } from '../core/orgs/service.ts';
import { createUser, listUsers, resetPasswordByCommand } from '../core/users/service.ts';
import { systemActor } from '../core/auth/actor.ts';
import { MODULES, factProviders } from './modules.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  orgName: string;
}
/** A demo account listed again: `password` is null when its owner has already replaced the initial one. */
export type ListedAccount = Omit<DemoAccount, 'password'> & { password: string | null };

const DEMO_DEPARTMENT = '示范市科学技术局';
/** One account per role; `org` names the 科室 (or the department / oversight body) it belongs to. */
const DEMO_USERS: { username: string; displayName: string; org: string; role: Role }[] = [
  { username: 'staff', displayName: '王晓明（高新技术科）', org: '高新技术科', role: 'staff' },
  { username: 'legal', displayName: '李静（政策法规科）', org: '政策法规科', role: 'legalOfficer' },
  { username: 'leader', displayName: '张建国（副局长）', org: DEMO_DEPARTMENT, role: 'leader' },
  {
    username: 'advisor',
    displayName: '陈律师（法律顾问）',
    org: '政策法规科',
    role: 'legalAdvisor',
  },
  {
    username: 'officer',
    displayName: '赵执法（科技监督与诚信建设科）',
    org: '高新技术科',
    role: 'officer',
  },
  {
    username: 'oversight',
    displayName: '刘备案（市司法局）',
    org: '示范市司法局',
    role: 'oversight',
  },
  { username: 'sysadmin', displayName: '系统管理员', org: '办公室', role: 'sysAdmin' },
  { username: 'secadmin', displayName: '安全管理员', org: '办公室', role: 'secAdmin' },
  { username: 'auditadmin', displayName: '审计管理员', org: '办公室', role: 'auditAdmin' },
];
// Serialises two instances starting on one empty PostgreSQL database with FAZHI_DEMO=1.
const DEMO_LOCK = 7_020_241;

/**
 * The demo department: 示范市科学技术局 with its 科室, under 示范市人民政府, with 示范市司法局 as the
 * oversight body; one account per role; each module's records (unless `records: false`).
 * Loaded once, all or nothing (one transaction: a failure leaves the database empty and the next start
 * tries again): returns null when the database already has organisations.
 */
export function loadDemo(
  ctx: Ctx,
  opts: { history?: boolean; records?: boolean } = {},
): Promise<DemoAccount[] | null> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    // Every service joins this transaction as it is: a savepoint per service would only let a failed
    // service be undone alone, and nothing here goes on after a failure (it all rolls back). Without
    // them the demo with history sends 978 fewer statements (of 7,708).
    const joined = Object.create(tx, {
      transaction: { value: (fn: (t: Tx) => unknown) => fn(tx) },
    });
    return seed({ ...ctx, db: joined as Db }, opts);
  });
}

async function seed(
  ctx: Ctx,
  opts: { history?: boolean; records?: boolean },
): Promise<DemoAccount[] | null> {
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from organisations`,
  );
  if (n > 0) return null;
  // Demo data is written by the system itself (no signed-in actor); the audit records actor null.
  const asSystem = systemActor({ departmentId: null });
  const gov = await createOrg(ctx, asSystem, {
    name: '示范市人民政府',
    kind: 'government',
    creditCode: '11341600003046157D',
  });
  const justice = await createOrg(ctx, asSystem, {
    name: '示范市司法局',
    kind: 'oversight',
    parentId: gov.id,
    creditCode: '11341600003046210W',
  });
  const bureau = await createOrg(ctx, asSystem, {
    name: DEMO_DEPARTMENT,
    kind: 'department',
    parentId: gov.id,
    creditCode: '11341600734987449Q',
    docPrefix: '科规',
    address: '示范市政务服务中心B座8楼',
    phone: '0558-5123456',
  });
  const division = (name: string) =>
    createOrg(ctx, asSystem, { name, kind: 'division', parentId: bureau.id });
  const office = await division('办公室');
  const legal = await division('政策法规科');
  const hightech = await division('高新技术科');
  await division('成果转化与区域创新科');
  await division('科技监督与诚信建设科');

  const orgs = new Map([bureau, justice, office, legal, hightech].map((o) => [o.name, o]));
  const accounts: DemoAccount[] = [];
  let staffActor: Actor | null = null;
  for (const p of DEMO_USERS) {
    const org = orgs.get(p.org)!;
    const { id, initialPassword } = await createUser(ctx, null, {
      username: p.username,
      displayName: p.displayName,
      orgId: org.id,
      roles: [p.role],
    });
    accounts.push({
      username: p.username,
      password: initialPassword,
      role: p.role,
      displayName: p.displayName,
      orgName: org.name,
    });
    if (p.role === 'staff') {
      staffActor = {
        userId: id,
        username: p.username,
        displayName: p.displayName,
        orgId: hightech.id,
        orgName: hightech.name,
        departmentId: bureau.id,
        roles: ['staff'],
        mustChangePassword: false,
      };
    }
  }
  // Each module seeds through its own services, in the server's module order. Tests that build their
  // own records (the factories in server/factories.ts) take the organisations and accounts only.
  if (opts.records === false) return accounts;
  for (const m of MODULES)
    await m.demo?.(ctx, staffActor!, {
      history: !!opts.history,
      departmentId: bureau.id,
      orgId: hightech.id,
      facts: factProviders,
    });
  return accounts;
}

/**
 * `fazhi demo` on a database that already holds the demo: the demo accounts again. An initial password
 * cannot be shown twice (only its hash is kept), so accounts whose owner never replaced it get a new
 * one (audited); accounts already in use keep theirs. Null when there is no demo department.
 */
export async function reissueDemoAccounts(ctx: Ctx): Promise<ListedAccount[] | null> {
  const present = new Map((await listUsers(ctx)).map((u) => [u.username, u]));
  if (!present.get('staff') || present.get('staff')!.orgName !== '高新技术科') return null;
  const out: ListedAccount[] = [];
  for (const p of DEMO_USERS) {
    const u = present.get(p.username);
    if (!u) continue;
    const password = u.mustChangePassword
      ? (await resetPasswordByCommand(ctx, u.username, { administrator: true, reason: 'demo' }))
          .initialPassword
      : null;
    out.push({
      username: u.username,
      password,
      role: p.role,
      displayName: u.displayName,
      orgName: u.orgName,
    });
  }
  return out;
}
