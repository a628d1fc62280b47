/** The report template setting (part order and headings, deadlines): one per deployment, read by everyone who writes or oversees reports, set by the system administrator only. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from '../../core/auth/policy.ts';
import { getSetting } from '../../core/settings/service.ts';
import { DEFAULT_PARTS, PART_LABELS, reportTemplateSetting, updateReportTemplate } from './template.ts';

export function templateRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/reports/template', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'ruleOfLawReport', 'readTemplate');
    return { value: await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime()), defaults: reportTemplateSetting.defaults, partLabels: PART_LABELS, regulationOrder: DEFAULT_PARTS.map((p) => p.code) };
  });
  app.put('/api/reports/template', async (req) => {
    const value = parse(reportTemplateSetting.schema, req.body);
    await updateReportTemplate(ctx, requireActor(req), value);
    return { value };
  });
}
