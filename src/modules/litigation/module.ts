/** 行政复议与应诉: the bureau as 被申请人 and 被告 (RULES §9); table 四 and the 法治年报 facts from the records. */
import type { ModuleManifest } from '../../core/module.ts';
import { choicesOf } from '../../core/http/labels.ts';
import { litigationAudit } from './auditLabels.ts';
import { LAWSUIT, LAWSUIT_MODULE_ACTIONS } from './procedureLawsuit.ts';
import { RECONSIDERATION, RECONSIDERATION_MODULE_ACTIONS } from './procedure.ts';
import { litigationFacts } from './facts.ts';
import { litigationRoutes } from './routes.ts';
import { loadLitigation } from './service.ts';
import { authorize, litigationAbilities } from './policy.ts';
import { KIND_LABELS } from './labels.ts';
import { seedDemoLitigation } from './demo.ts';
import { REGISTER_FORMS } from './forms.ts';

const page = { table: 'litigation_cases', path: '/litigation/' };

export const litigationModule: ModuleManifest = {
  name: 'litigation',
  label: '行政复议与应诉',
  audit: litigationAudit,
  procedures: [
    {
      def: RECONSIDERATION,
      moduleActions: RECONSIDERATION_MODULE_ACTIONS,
      page,
      read: loadLitigation,
    },
    { def: LAWSUIT, moduleActions: LAWSUIT_MODULE_ACTIONS, page, read: loadLitigation },
  ],
  facts: [{ module: 'litigation', area: 'reconsideration', facts: litigationFacts }],
  abilities: litigationAbilities,
  labels: {
    summary: '案件类型（列表的筛选项）',
    guard: (a) => authorize(a, 'litigationCase', 'list'),
    lists: { kinds: { label: '案件类型', choices: choicesOf(KIND_LABELS) } },
  },
  routes: (app, ctx) => litigationRoutes(app, ctx),
  forms: {
    summary: '行政复议和行政应诉的表单（登记行政复议、登记行政诉讼）',
    guard: (a) => authorize(a, 'litigationCase', 'list'),
    forms: REGISTER_FORMS,
  },
  demo: (ctx, _staff, opts) => seedDemoLitigation(ctx, opts),
};
