/** 行政处罚 (行政处罚法 2021): cases on the shared engine, 全过程记录, 事后公开 on /xzcf, documents, facts, the feed. */
import type { ModuleManifest } from '../../core/module.ts';
import { penaltiesAudit } from './auditLabels.ts';
import { PENALTY_CASE, PENALTY_MODULE_ACTIONS } from './procedure.ts';
import { PENALTY_SUMMARY } from './procedureSummary.ts';
import { penaltyFacts } from './facts.ts';
import { penaltyRoutes } from './routes.ts';
import { penaltyPortal, penaltySections } from './portal.tsx';
import { loadPenalty } from './service.ts';
import { penaltyFileReader } from './records.ts';
import { authorize, penaltyAbilities } from './policy.ts';
import { LIST_FORMS } from './forms.ts';
import { seedDemoPenalties } from './demo.ts';
import {
  ENFORCEMENT_STATISTICS,
  STATISTICS_MODULE_ACTIONS,
  statisticsSweep,
} from './statistics.ts';

const page = { table: 'penalty_cases', path: '/penalties/' };

export const penaltiesModule: ModuleManifest = {
  name: 'penalties',
  label: '行政处罚',
  audit: penaltiesAudit,
  procedures: [
    { def: PENALTY_CASE, moduleActions: PENALTY_MODULE_ACTIONS, page, read: loadPenalty },
    { def: PENALTY_SUMMARY, moduleActions: PENALTY_MODULE_ACTIONS, page, read: loadPenalty },
    {
      def: ENFORCEMENT_STATISTICS,
      moduleActions: STATISTICS_MODULE_ACTIONS,
      page: { table: 'enforcement_statistics', path: '/penalties/statistics/' },
    },
  ],
  sweepTasks: [statisticsSweep],
  abilities: penaltyAbilities,
  forms: {
    summary: '行政处罚立案、当场处罚的表单',
    guard: (a) => authorize(a, 'penaltyCase', 'list'),
    forms: LIST_FORMS,
  },
  facts: [{ module: 'penalties', area: 'enforcement', facts: penaltyFacts }],
  routes: (app, ctx, deps) => penaltyRoutes(app, ctx, deps),
  portal: (ctx, page) => penaltyPortal({ ctx, page }),
  portalSections: penaltySections,
  fileReader: penaltyFileReader,
  demo: (ctx, staff, opts) => seedDemoPenalties(ctx, staff, opts),
};
