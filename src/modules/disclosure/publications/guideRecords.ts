/**
 * The records behind 「本年度更新政府信息公开指南N次」 (issue 13: a figure and its records never
 * disagree). The guide keeps its last update only, so a year has one update when that date falls in
 * it; the fact counts `guideUpdatesIn` and `/api/disclosure/guide/updates?year=…` lists it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import type { ZodProvider } from '../../../core/http/schema.ts';
import { requireActor } from '../../../core/http/session.ts';
import type { StoredGuide } from './guide.ts';
import { getGuide } from './guide.ts';

export interface GuideUpdate {
  id: string;
  title: string;
  updatedOn: string;
  href: string;
}

/** The updates of the guide in the year (the last update, when it falls in the year). */
export function guideUpdatesIn(guide: StoredGuide, year: number): GuideUpdate[] {
  const on = guide.updatedOn;
  return on?.startsWith(`${year}-`)
    ? [{ id: `guide-${on}`, title: '政府信息公开指南', updatedOn: on, href: '/disclosure/guide' }]
    : [];
}

export function guideRecordRoutes(app: FastifyInstance, ctx: Ctx): void {
  const yearQuery = z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  });
  app
    .withTypeProvider<ZodProvider>()
    .get(
      '/api/disclosure/guide/updates',
      { schema: { summary: '年度内政府信息公开指南的更新', querystring: yearQuery } },
      async (req) => {
        const actor = requireActor(req);
        const { year } = req.query;
        const items = guideUpdatesIn(
          await getGuide(ctx.db, actor.departmentId, ctx.clock.now().getTime()),
          year,
        );
        return { total: items.length, items };
      },
    );
}
