import { createRegistry, type ProcedureRegistry } from '../core/cases/registry.ts';
import { deadlineTask, type SweepTask } from '../core/cases/sweep.ts';
import type { FactProvider } from '../core/facts.ts';
import type { ModuleManifest } from '../core/module.ts';
import type { PortalSection } from '../portal/layout.tsx';
import { documentsModule } from '../modules/documents/module.ts';
import { decisionsModule } from '../modules/decisions/module.ts';
import { meetingsModule } from '../modules/meetings/module.ts';
import { reviewsModule } from '../modules/reviews/module.ts';
import { disclosureModule } from '../modules/disclosure/module.ts';
import { litigationModule } from '../modules/litigation/module.ts';
import { reportsModule } from '../modules/reports/module.ts';
import { enforcementModule } from '../modules/enforcement/module.ts';
import { penaltiesModule } from '../modules/penalties/module.ts';
import { petitionsModule } from '../modules/petitions/module.ts';
import { proposalsModule } from '../modules/proposals/module.ts';
import { supervisionModule } from '../modules/supervision/module.ts';
import { studyModule } from '../modules/study/module.ts';
import { powersModule } from '../modules/powers/module.ts';
import { hotlineModule } from '../modules/hotline/module.ts';

/**
 * The modules wired into this build, in order: the portal lists their sections in this order and the
 * demo seeds them in this order (the annual report last: it is drafted from everything before it).
 * A new module is one line here (and its screens one line in src/web/modules.ts).
 */
export const MODULES: ModuleManifest[] = [
  documentsModule,
  decisionsModule,
  meetingsModule,
  reviewsModule,
  disclosureModule,
  litigationModule,
  studyModule,
  powersModule,
  enforcementModule,
  penaltiesModule,
  petitionsModule,
  proposalsModule,
  supervisionModule,
  hotlineModule,
  reportsModule,
];

export function procedureRegistry(): ProcedureRegistry {
  return createRegistry(
    MODULES.flatMap((m) =>
      (m.procedures ?? []).map((p) => ({ ...p, module: m.name, moduleLabel: m.label })),
    ),
  );
}

/** Core's deadline sweep, then each module's own tasks. */
export const sweepTasks: SweepTask[] = [
  deadlineTask,
  ...MODULES.flatMap((m) => m.sweepTasks ?? []),
];

/** Every module's facts for the annual report (the report orders them by area). */
export const factProviders: FactProvider[] = MODULES.flatMap((m) => m.facts ?? []);

export const portalSections: PortalSection[] = MODULES.flatMap((m) => m.portalSections ?? []);

/** The tables the modules declare append-only: the owner role withholds UPDATE/DELETE/TRUNCATE on them. */
export const appendOnlyTables: string[] = MODULES.flatMap((m) => m.appendOnlyTables ?? []);
