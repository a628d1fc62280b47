/** 督办: tasks from leadership or a superior with owner, deadline, progress and closure; overdue tasks go to the leaders. */
import type { ModuleManifest } from '../../core/module.ts';
import { supervisionAudit } from './auditLabels.ts';
import { SUPERVISED_TASK, SUPERVISED_TASK_MODULE_ACTIONS } from './procedure.ts';
import { supervisionFacts } from './facts.ts';
import { supervisionRoutes } from './routes.ts';
import { escalateOverdue, loadTask } from './service.ts';
import { supervisionAbilities, supervisionPolicy } from './policy.ts';
import { TASK_FORMS } from './forms.ts';
import { seedDemoSupervision } from './demo.ts';

export const supervisionModule: ModuleManifest = {
  name: 'supervision',
  label: '督办',
  audit: supervisionAudit,
  procedures: [
    {
      def: SUPERVISED_TASK,
      moduleActions: SUPERVISED_TASK_MODULE_ACTIONS,
      page: { table: 'supervised_tasks', path: '/supervision/' },
      read: loadTask,
    },
  ],
  sweepTasks: [escalateOverdue],
  facts: [{ module: 'supervision', area: 'other', facts: supervisionFacts }],
  routes: (app, ctx) => supervisionRoutes(app, ctx),
  forms: {
    summary: '督办事项的表单（交办、导入年度工作要点）',
    guard: (a) => supervisionPolicy.authorize(a, 'supervisedTask', 'list'),
    forms: TASK_FORMS,
  },
  abilities: supervisionAbilities,
  demo: (ctx, staff) => seedDemoSupervision(ctx, staff),
};
