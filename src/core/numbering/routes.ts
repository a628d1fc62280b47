import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { getSetting } from '../settings/service.ts';
import { settingFormRoute } from '../settings/forms.ts';
import { getOrg } from '../orgs/service.ts';
import {
  INDEX_DATE_SOURCES,
  INDEX_TOKENS,
  indexNumberSettings,
  previewIndexNumber,
  updateIndexNumberSettings,
} from './indexNumber.ts';

const previewBody = z.object({ pattern: z.string().max(100).describe('索引号格式') });

/** The 索引号 rule as a business setting (系统管理员): read, preview a pattern, change it. */
export function numberingRoutes(app: FastifyInstance, ctx: Ctx): void {
  const example = async (departmentId: string, pattern: string) => {
    const dept = await getOrg(ctx.db, departmentId).catch(() => null);
    return previewIndexNumber(pattern, dept?.creditCode ?? null, ctx.clock.today());
  };

  const api = app.withTypeProvider<ZodProvider>();
  const manage = guard((a) => authorize(a, 'businessSettings', 'manage'));
  api.get(
    '/api/settings/index-number',
    { schema: { summary: '索引号规则' }, preValidation: manage },
    async (req) => {
      const actor = requireActor(req);
      const value = await getSetting(ctx.db, indexNumberSettings, ctx.clock.now().getTime(), 0);
      return {
        value,
        defaults: indexNumberSettings.defaults,
        tokens: INDEX_TOKENS,
        dateSources: Object.entries(INDEX_DATE_SOURCES).map(([code, label]) => ({ code, label })),
        ...(await example(actor.departmentId, value.pattern)),
      };
    },
  );
  settingFormRoute(app, '/api/settings/index-number', indexNumberSettings, manage);
  api.post(
    '/api/settings/index-number/preview',
    { schema: { summary: '预览索引号格式', body: previewBody }, preValidation: manage },
    async (req) => example(requireActor(req).departmentId, req.body.pattern.trim()),
  );
  api.put(
    '/api/settings/index-number',
    {
      schema: { summary: '修改索引号规则', body: indexNumberSettings.schema },
      preValidation: manage,
    },
    async (req) => {
      const actor = requireActor(req);
      const value = await updateIndexNumberSettings(ctx, actor, req.body);
      return { value, ...(await example(actor.departmentId, value.pattern)) };
    },
  );
}
