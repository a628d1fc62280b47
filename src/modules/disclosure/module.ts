/** 政务公开: 主动公开 (publications), 依申请公开 (requests) and the 政府信息公开工作年度报告 (report). */
import type { ModuleManifest } from '../../core/module.ts';
import { disclosureAudit } from './auditLabels.ts';
import { authorize, disclosureAbilities } from './policy.ts';
import { PUBLICATION_FORMS } from './publications/forms.ts';
import { DISCLOSURE_REQUEST } from './procedure.ts';
import { DISCLOSURE_ANNUAL_REPORT } from './report/procedure.ts';
import { PUBLICATION_REVIEW } from './publications/reviewProcedure.ts';
import { loadPublicationRequest } from './publications/review.ts';
import { publicationFacts } from './publications/facts.ts';
import { disclosureRequestFacts } from './requests/facts.ts';
import { lapsedPauseTask } from './requests/sweep.ts';
import { publicationRoutes } from './publications/routes.ts';
import { guideRecordRoutes } from './publications/guideRecords.ts';
import { disclosureRequestRoutes } from './requests/routes.ts';
import { disclosureReportRoutes } from './report/routes.ts';
import { secrecyReviewRoutes } from './secrecyReviewRoutes.ts';
import { SECRECY_REVIEW_ACTIONS } from './secrecyReview.ts';
import { disclosureRequestPortal } from './requests/portal.tsx';
import { publicationPortal, publicationSections } from './publications/portal.tsx';
import { attachmentFileReader, isPublishedAttachment } from './publications/service.ts';
import { combineFileAccess } from '../../core/files/service.ts';
import { seedDemoRequests } from './requests/demo.ts';
import { actOnRequest, readRequest, releasedFileReader } from './requests/service.ts';
import { seedDemoPublications } from './publications/demo.ts';

const label = '政务公开';

export const disclosureModule: ModuleManifest = {
  name: 'disclosure',
  label,
  audit: disclosureAudit,
  abilities: disclosureAbilities,
  procedures: [
    // 收费通知 goes through the request service (the amount follows the fee schedule), and so do the approvals (the
    // approver's role and person are checked there, approval.ts); the report's acts through its service.
    {
      def: DISCLOSURE_REQUEST,
      moduleActions: [
        'feeNotice',
        'extendRequest',
        'extend',
        'extendRefuse',
        'answerDraft',
        'answer',
        'answerReturn',
      ],
      page: { table: 'disclosure_requests', path: '/disclosure/requests/' },
      read: readRequest,
      act: actOnRequest,
    },
    {
      def: DISCLOSURE_ANNUAL_REPORT,
      moduleActions: ['open', 'submit', 'publish', ...SECRECY_REVIEW_ACTIONS],
    },
    // The 保密审查 before 主动公开: asked and decided through publications/review.ts only.
    {
      def: PUBLICATION_REVIEW,
      moduleActions: ['request', 'pass', 'return'],
      page: { table: 'publication_requests', path: '/publications/reviews/' },
      read: loadPublicationRequest,
    },
  ],
  // The publication page's 撤回 form: GET /api/disclosure/forms.
  forms: {
    summary: '主动公开的表单（撤回）',
    guard: (a) => authorize(a, 'publication', 'list'),
    forms: PUBLICATION_FORMS,
  },
  sweepTasks: [lapsedPauseTask],
  facts: [
    { module: 'disclosure.publications', area: 'disclosure', facts: publicationFacts },
    { module: 'disclosure.requests', area: 'disclosure', facts: disclosureRequestFacts },
  ],
  routes(app, ctx) {
    publicationRoutes(app, ctx);
    guideRecordRoutes(app, ctx);
    disclosureRequestRoutes(app, ctx);
    disclosureReportRoutes(app, ctx);
    secrecyReviewRoutes(app, ctx);
  },
  portal: (ctx, page) =>
    async function disclosurePortal(fastify) {
      await fastify.register(disclosureRequestPortal(ctx, page));
      await fastify.register(publicationPortal({ ctx, ...page }));
    },
  portalSections: publicationSections,
  isPublicFile: isPublishedAttachment,
  fileReader: async (db, actor, fileId) =>
    combineFileAccess(
      await Promise.all([
        attachmentFileReader(db, actor, fileId),
        releasedFileReader(db, actor, fileId),
      ]),
    ),
  async demo(ctx, staff, o) {
    await seedDemoRequests(ctx, staff, o.orgId);
    await seedDemoPublications(ctx, staff);
  },
};
