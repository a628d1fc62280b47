/** 信访 (信访工作条例 2022, RULES §7.1): registration, written acceptance notice, handling, 复查/复核, 处理意见书. */
import type { ModuleManifest } from '../../core/module.ts';
import { petitionsAudit } from './auditLabels.ts';
import { PETITION, PETITION_MODULE_ACTIONS } from './procedure.ts';
import { petitionFacts } from './facts.ts';
import { petitionRoutes } from './routes.ts';
import { loadPetition } from './service.ts';
import { petitionAbilities, petitionPolicy } from './policy.ts';
import { PETITION_FORMS } from './forms.ts';
import { seedDemoPetitions } from './demo.ts';

export const petitionsModule: ModuleManifest = {
  name: 'petitions',
  label: '信访',
  audit: petitionsAudit,
  procedures: [
    {
      def: PETITION,
      moduleActions: PETITION_MODULE_ACTIONS,
      page: { table: 'petitions', path: '/petitions/' },
      read: loadPetition,
    },
  ],
  facts: [{ module: 'petitions', area: 'disputes', facts: petitionFacts }],
  routes: (app, ctx) => petitionRoutes(app, ctx),
  abilities: petitionAbilities,
  forms: {
    summary: '登记信访事项的表单',
    guard: (a) => petitionPolicy.authorize(a, 'petition', 'list'),
    forms: PETITION_FORMS,
  },
  demo: (ctx, staff, opts) => seedDemoPetitions(ctx, staff, opts),
};
