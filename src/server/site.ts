import type { Ctx } from '../core/context.ts';
import { getOrg, portalDepartment } from '../core/orgs/service.ts';

export interface Site {
  name: string;
  parentName: string;
  address?: string;
  phone?: string;
}

// Every portal page shows the site header: cache it briefly per context instead of two queries a page.
const TTL_MS = 30_000;
const cache = new WeakMap<Ctx, { at: number; site: Promise<Site> }>();

/** The department the portal speaks for: the first department (a deployment serves one bureau's portal). */
export function siteOf(ctx: Ctx): Promise<Site> {
  const now = ctx.clock.now().getTime();
  const hit = cache.get(ctx);
  if (hit && now - hit.at < TTL_MS && now >= hit.at) return hit.site;
  const site = loadSite(ctx);
  cache.set(ctx, { at: now, site });
  site.catch(() => cache.delete(ctx));
  return site;
}

async function loadSite(ctx: Ctx): Promise<Site> {
  const dept = await portalDepartment(ctx.db);
  const parent = dept?.parentId ? await getOrg(ctx.db, dept.parentId) : undefined;
  return {
    name: dept?.name ?? '法治工作台',
    parentName: parent?.name ?? '',
    address: dept?.address ?? undefined,
    phone: dept?.phone ?? undefined,
  };
}
