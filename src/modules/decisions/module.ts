/** 重大行政决策 (国务院令第713号): the procedure, the 目录, the portal /zdjc. */
import type { ModuleManifest } from '../../core/module.ts';
import { statusChoices } from '../../core/http/labels.ts';
import { decisionsAudit } from './auditLabels.ts';
import { authorize, decisionAbilities } from './policy.ts';
import { DECISION_MODULE_ACTIONS, MAJOR_DECISION } from './procedure.ts';
import { CATALOGUE_MODULE_ACTIONS, DECISION_CATALOGUE } from './catalogueProcedure.ts';
import { decisionFacts } from './facts.ts';
import { decisionRoutes } from './routes.ts';
import { decisionRecordRoutes } from './factRecords.ts';
import { decisionPortal, decisionSections } from './portal.tsx';
import { evidenceFileReader, loadDecision } from './service.ts';
import { loadCatalogue } from './catalogueQueries.ts';
import { CATALOGUE_FORMS } from './catalogueForms.ts';
import { START_FORM } from './startForm.ts';
import { seedDemoDecisions } from './demo.ts';

export const decisionsModule: ModuleManifest = {
  name: 'decisions',
  label: '重大行政决策',
  audit: decisionsAudit,
  appendOnlyTables: ['decision_evidence'],
  abilities: decisionAbilities,
  labels: {
    summary: '重大行政决策的办理状态（列表的筛选项）',
    guard: (a) => authorize(a, 'majorDecision', 'list'),
    lists: { statuses: { label: '办理状态', choices: statusChoices(MAJOR_DECISION) } },
  },
  forms: {
    summary: '决策事项目录的表单（事项、同意情况、目录调整）和启动决策的表单',
    guard: (a) => authorize(a, 'majorDecision', 'list'),
    forms: { ...CATALOGUE_FORMS, start: START_FORM },
  },
  procedures: [
    {
      def: MAJOR_DECISION,
      moduleActions: DECISION_MODULE_ACTIONS,
      page: { table: 'major_decisions', path: '/decisions/' },
      read: loadDecision,
    },
    {
      def: DECISION_CATALOGUE,
      moduleActions: CATALOGUE_MODULE_ACTIONS,
      page: { table: 'decision_catalogues', path: '/decisions/catalogue#' },
      read: loadCatalogue,
    },
  ],
  facts: [{ module: 'decisions', area: 'decisions', facts: decisionFacts }],
  routes: (app, ctx) => {
    decisionRoutes(app, ctx);
    decisionRecordRoutes(app, ctx);
  },
  portal: (ctx, page) => decisionPortal({ ctx, page }),
  portalSections: decisionSections,
  fileReader: evidenceFileReader,
  demo: (ctx, staff) => seedDemoDecisions(ctx, staff),
};
