/** 权责清单 (RULES §10.2): the list of powers, its adjustment log, Excel in the provincial template, licensing counts. */
import type { ModuleManifest } from '../../core/module.ts';
import { powersAudit } from './auditLabels.ts';
import { powerFacts } from './facts.ts';
import { powersAbilities } from './policy.ts';
import { powerRoutes } from './routes.ts';
import { powerPortal, powerSections } from './portal.tsx';
import { seedPowersDemo } from './demo.ts';

export const powersModule: ModuleManifest = {
  name: 'powers',
  label: '权责清单',
  audit: powersAudit,
  facts: [{ module: 'powers', area: 'functions', facts: powerFacts }],
  abilities: powersAbilities,
  routes: (app, ctx) => powerRoutes(app, ctx),
  portal: (ctx, page) => powerPortal({ ctx, page }),
  portalSections: powerSections,
  demo: (ctx, staff, o) => seedPowersDemo(ctx, staff, o.history),
};
