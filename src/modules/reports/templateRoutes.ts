/** The report template setting (part order and headings, deadlines): one per deployment, read by everyone who writes or oversees reports, set by the system administrator only. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../core/context.ts';
import { guard, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import { getSetting } from '../../core/settings/service.ts';
import {
  DEFAULT_PARTS,
  PART_LABELS,
  reportTemplateSetting,
  updateReportTemplate,
} from './template.ts';

export function templateRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/reports/template',
    {
      schema: { summary: '年度报告模板' },
      preValidation: guard((a) => authorize(a, 'ruleOfLawReport', 'readTemplate')),
    },
    async () => {
      return {
        value: await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime()),
        defaults: reportTemplateSetting.defaults,
        partLabels: PART_LABELS,
        regulationOrder: DEFAULT_PARTS.map((p) => p.code),
      };
    },
  );
  api.put(
    '/api/reports/template',
    {
      schema: { summary: '修改年度报告模板', body: reportTemplateSetting.schema },
      preValidation: guard((a) => authorize(a, 'ruleOfLawReport', 'template')),
    },
    async (req) => {
      await updateReportTemplate(ctx, requireActor(req), req.body);
      return { value: req.body };
    },
  );
}
