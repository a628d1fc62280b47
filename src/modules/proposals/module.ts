/** 人大代表建议 / 政协提案办理 (代表法 Art 51, 国办发〔2014〕46号; RULES §7.3): 交办, 面商, 协办, 答复, 反馈, 复文公开. */
import type { ModuleManifest } from '../../core/module.ts';
import { proposalsAudit } from './auditLabels.ts';
import { PROPOSAL, PROPOSAL_MODULE_ACTIONS } from './procedure.ts';
import { proposalFacts } from './facts.ts';
import { proposalRoutes } from './routes.ts';
import { loadProposal } from './service.ts';
import { proposalAbilities, proposalPolicy } from './policy.ts';
import { LIST_FORMS } from './forms.ts';
import { proposalPortal, proposalSections } from './portal.tsx';
import { seedDemoProposals } from './demo.ts';

export const proposalsModule: ModuleManifest = {
  name: 'proposals',
  label: '建议提案办理',
  audit: proposalsAudit,
  procedures: [
    {
      def: PROPOSAL,
      moduleActions: PROPOSAL_MODULE_ACTIONS,
      page: { table: 'proposals', path: '/proposals/' },
      read: loadProposal,
    },
  ],
  facts: [{ module: 'proposals', area: 'decisions', facts: proposalFacts }],
  routes: (app, ctx) => proposalRoutes(app, ctx),
  forms: {
    summary: '建议提案的表单（登记交办）',
    guard: (a) => proposalPolicy.authorize(a, 'proposal', 'list'),
    forms: LIST_FORMS,
  },
  portal: (ctx, page) => proposalPortal({ ctx, page }),
  portalSections: proposalSections,
  abilities: proposalAbilities,
  demo: (ctx, staff) => seedDemoProposals(ctx, staff),
};
