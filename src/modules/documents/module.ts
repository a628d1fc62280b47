/** 行政规范性文件: drafting to 备案, validity and 清理, the portal registry /gfxwj. */
import type { ModuleManifest } from '../../core/module.ts';
import { choicesOf } from '../../core/http/labels.ts';
import { LEGAL_STATUS_LABELS } from './status.ts';
import { documentsAudit } from './auditLabels.ts';
import { authorize, documentAbilities } from './policy.ts';
import { DOCUMENT_MODULE_ACTIONS, NORMATIVE_DOCUMENT } from './procedure.ts';
import { documentExpiryTask, documentReminderTask } from './validity.ts';
import { documentFacts } from './facts.ts';
import { documentRoutes } from './routes.ts';
import { LIST_FORMS } from './forms.ts';
import { documentPortal, documentSections } from './portal.tsx';
import { seedDemoDocuments } from './demo.ts';
import { loadDocument, sourceFileReader } from './service.ts';
import { seedDemoDocumentHistory } from './demoHistory.ts';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  label: '行政规范性文件',
  audit: documentsAudit,
  abilities: documentAbilities,
  labels: {
    summary: '行政规范性文件的效力状态（列表的筛选项）',
    guard: (a) => authorize(a, 'normativeDocument', 'list'),
    lists: { legalStatuses: { label: '效力状态', choices: choicesOf(LEGAL_STATUS_LABELS) } },
  },
  // 起草 and the 清理 forms (the list page's 开展清理, the campaign page's opinion): GET /api/documents/forms.
  forms: {
    summary: '行政规范性文件的表单（起草、清理）',
    guard: (a) => authorize(a, 'normativeDocument', 'list'),
    forms: LIST_FORMS,
  },
  procedures: [
    {
      def: NORMATIVE_DOCUMENT,
      moduleActions: DOCUMENT_MODULE_ACTIONS,
      page: { table: 'normative_documents', path: '/documents/' },
      read: loadDocument,
      oversightReads: true,
    },
  ],
  sweepTasks: [documentExpiryTask, documentReminderTask],
  facts: [{ module: 'documents', area: 'documents', facts: documentFacts }],
  routes: (app, ctx) => documentRoutes(app, ctx),
  portal: (ctx, page) => documentPortal({ ctx, page }),
  portalSections: documentSections,
  fileReader: sourceFileReader,
  async demo(ctx, staff, o) {
    await seedDemoDocuments(ctx, staff, o.orgId, o.departmentId);
    // Years of use (published documents, filings, a 清理): for npm start; tests keep the small demo.
    if (o.history) await seedDemoDocumentHistory(ctx, staff);
  },
};
