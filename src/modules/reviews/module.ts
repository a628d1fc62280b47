/** 合法性审查: the legal office's queue, reviewers and the 法律顾问/公职律师 registry, 法审意见. */
import type { ModuleManifest } from '../../core/module.ts';
import { reviewsAudit } from './auditLabels.ts';
import { authorize, reviewAbilities } from './policy.ts';
import { LEGAL_REVIEW, LEGAL_REVIEW_MODULE_ACTIONS } from './procedure.ts';
import { reviewFacts } from './facts.ts';
import { reviewRoutes } from './routes.ts';
import { loadMatter, materialFileReader } from './matters.ts';
import { seedDemoReviews } from './demo.ts';
import { reviewLabelLists } from './labelLists.ts';
import { REVIEW_FORMS } from './forms.ts';

export const reviewsModule: ModuleManifest = {
  name: 'reviews',
  label: '合法性审查',
  audit: reviewsAudit,
  abilities: reviewAbilities,
  labels: reviewLabelLists,
  forms: {
    summary: '合法性审查的表单（提交审查、审查事项的办理、法律顾问名册、审查期限设置）',
    guard: (a) => authorize(a, 'reviewMatter', 'list'),
    forms: REVIEW_FORMS,
  },
  procedures: [
    {
      def: LEGAL_REVIEW,
      moduleActions: LEGAL_REVIEW_MODULE_ACTIONS,
      page: { table: 'review_matters', path: '/reviews/' },
      read: loadMatter,
      readers: ['legalAdvisor'],
    },
  ],
  facts: [{ module: 'reviews', area: 'decisions', facts: reviewFacts }],
  routes: (app, ctx) => reviewRoutes(app, ctx),
  fileReader: materialFileReader,
  demo: (ctx, staff) => seedDemoReviews(ctx, staff),
};
