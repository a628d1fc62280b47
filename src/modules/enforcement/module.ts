/**
 * 行政执法 (RULES §8.1, §8.3): the 执法人员 registry and its public list, 事前公开 (事项清单, 执法信息,
 * versioned), 双随机、一公开 (target pool, plans, reproducible draws, inspections, results published
 * within 20个工作日 as a step on the shared engine), facts for the annual report, data exchange.
 * Other modules use index.ts (officer eligibility, inspection results).
 */
import type { ModuleManifest } from '../../core/module.ts';
import { enforcementAudit } from './auditLabels.ts';
import { loadInspection } from './inspections.ts';
import { loadOfficer } from './officers.ts';
import { authorize, enforcementAbilities } from './policy.ts';
import { ENFORCEMENT_FORMS } from './forms.ts';
import { CERTIFICATE_RENEWAL, INSPECTION_PUBLICATION, MODULE_ACTIONS } from './procedure.ts';
import { enforcementRoutes } from './routes.ts';
import { enforcementPortal, enforcementSections } from './portal.tsx';
import { enforcementFacts } from './facts.ts';
import { certificateSweep } from './sweep.ts';
import { seedDemoEnforcement } from './demo.ts';
import { inspectionFileReader } from './files.ts';

export const enforcementModule: ModuleManifest = {
  name: 'enforcement',
  label: '行政执法',
  audit: enforcementAudit,
  procedures: [
    {
      def: INSPECTION_PUBLICATION,
      moduleActions: MODULE_ACTIONS.inspectionPublication,
      page: { table: 'enforcement_inspections', path: '/enforcement/inspections/' },
      read: loadInspection,
    },
    {
      def: CERTIFICATE_RENEWAL,
      moduleActions: MODULE_ACTIONS.certificateRenewal,
      page: { table: 'enforcement_officers', path: '/enforcement/officers/' },
      read: loadOfficer,
    },
  ],
  sweepTasks: [certificateSweep],
  abilities: enforcementAbilities,
  forms: {
    summary: '行政执法的表单（执法人员、抽查事项、执法信息、抽查计划、检查结果、作废抽取）',
    guard: (a) => authorize(a, 'inspection', 'list'),
    forms: ENFORCEMENT_FORMS,
  },
  facts: [{ module: 'enforcement', area: 'enforcement', facts: enforcementFacts }],
  routes: (app, ctx) => enforcementRoutes(app, ctx),
  portal: (ctx, page) => enforcementPortal({ ctx, page }),
  portalSections: enforcementSections,
  fileReader: inspectionFileReader,
  demo: (ctx, staff, opts) => seedDemoEnforcement(ctx, staff, opts),
};
