/** 学法普法 (RULES §10.1): 学法计划 and sessions, 述法, trainings, exams, the 普法责任清单, publicity events. */
import type { ModuleManifest } from '../../core/module.ts';
import { studyAudit } from './auditLabels.ts';
import { educationFacts, studyFacts } from './facts.ts';
import { studyAbilities } from './policy.ts';
import { loadDuty, PUFA_DUTY, PUFA_MODULE_ACTIONS } from './pufa.ts';
import { studyRoutes } from './routes.ts';
import { seedStudyDemo } from './demo.ts';

export const studyModule: ModuleManifest = {
  name: 'study',
  label: '学法普法',
  audit: studyAudit,
  procedures: [
    {
      def: PUFA_DUTY,
      moduleActions: PUFA_MODULE_ACTIONS,
      page: { table: 'pufa_duties', path: '/study/duties' },
      read: loadDuty,
    },
  ],
  // Part (三) (学法, 述法) keeps its keys; trainings and exams go to 执法, the rest to 普法宣传.
  facts: [
    { module: 'study', area: 'firstResponsible', facts: studyFacts },
    { module: 'study.education', area: 'legalEducation', facts: educationFacts },
  ],
  abilities: studyAbilities,
  routes: (app, ctx) => studyRoutes(app, ctx),
  demo: (ctx, staff, o) => seedStudyDemo(ctx, staff, o.history),
};
