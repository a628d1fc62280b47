import { eq } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { organisations } from '../core/orgs/schema.ts';

/** The department the portal speaks for: the first department (a deployment serves one bureau's portal). */
export async function siteOf(ctx: Ctx) {
  const [dept] = await ctx.db.select().from(organisations).where(eq(organisations.kind, 'department')).orderBy(organisations.createdAt).limit(1);
  const parent = dept?.parentId ? (await ctx.db.select().from(organisations).where(eq(organisations.id, dept.parentId)))[0] : undefined;
  return {
    name: dept?.name ?? '法治工作台',
    parentName: parent?.name ?? '',
    address: dept?.address ?? undefined,
    phone: dept?.phone ?? undefined,
  };
}
