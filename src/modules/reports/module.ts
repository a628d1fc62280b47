/** 法治政府建设年度报告 (assembled from every module's facts; part 三 from the study module's), the report analyser. */
import type { ModuleManifest } from '../../core/module.ts';
import { reportsAudit } from './auditLabels.ts';
import { reportAbilities } from './policy.ts';
import { REPORT_MODULE_ACTIONS, RULE_OF_LAW_REPORT } from './procedure.ts';
import { reportRoutes } from './routes.ts';
import { reportImportRoutes } from './analyser/routes.ts';
import { reportPortal, reportSections } from './portal.tsx';
import { seedDemoReport } from './demo.ts';
import { originalFileReader } from './analyser/service.ts';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  label: '法治政府建设年度报告',
  audit: reportsAudit,
  abilities: reportAbilities,
  procedures: [{ def: RULE_OF_LAW_REPORT, moduleActions: REPORT_MODULE_ACTIONS }],
  routes(app, ctx, deps) {
    reportRoutes(app, ctx, { providers: deps.facts });
    reportImportRoutes(app, ctx);
  },
  portal: (ctx, page) => reportPortal({ ctx, page }),
  portalSections: reportSections,
  fileReader: originalFileReader,
  // Last year's report, drafted from all of the above (npm start only: it adds 我的待办 steps).
  demo: async (ctx, staff, o) => (o.history ? seedDemoReport(ctx, staff, o.facts) : undefined),
};
