import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parse } from '../http/validate.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { getSetting } from '../settings/service.ts';
import { getOrg } from '../orgs/service.ts';
import { INDEX_DATE_SOURCES, INDEX_TOKENS, indexNumberSettings, previewIndexNumber, updateIndexNumberSettings } from './indexNumber.ts';

const previewBody = z.object({ pattern: z.string().max(100).describe('索引号格式') });

/** The 索引号 rule as a business setting (系统管理员): read, preview a pattern, change it. */
export function numberingRoutes(app: FastifyInstance, ctx: Ctx): void {
  const example = async (departmentId: string, pattern: string) => {
    const dept = await getOrg(ctx.db, departmentId).catch(() => null);
    return previewIndexNumber(pattern, dept?.creditCode ?? null, ctx.clock.today());
  };

  app.get('/api/settings/index-number', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'businessSettings', 'manage');
    const value = await getSetting(ctx.db, indexNumberSettings, ctx.clock.now().getTime(), 0);
    return {
      value,
      defaults: indexNumberSettings.defaults,
      tokens: INDEX_TOKENS,
      dateSources: Object.entries(INDEX_DATE_SOURCES).map(([code, label]) => ({ code, label })),
      ...(await example(actor.departmentId, value.pattern)),
    };
  });
  app.post('/api/settings/index-number/preview', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'businessSettings', 'manage');
    const { pattern } = parse(previewBody, req.body);
    return example(actor.departmentId, pattern.trim());
  });
  app.put('/api/settings/index-number', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'businessSettings', 'manage');
    const value = await updateIndexNumberSettings(ctx, actor, parse(indexNumberSettings.schema, req.body));
    return { value, ...(await example(actor.departmentId, value.pattern)) };
  });
}
