/**
 * The permission matrix as data (issue 12, "Tests"; checked by permissions.matrix.test.ts).
 *
 * Convention. Every registered route (Fastify's route table: /api, the portal, the workbench shell) is
 * listed once, by method and URL, under the rule it follows. A cell is one account asking one route on
 * the demo's records (accounts and records: permissions.matrix.fixtures.ts). A write is sent with a
 * body no schema accepts (a JSON string; a form without its file for uploads), so an authorised caller
 * gets a field-named 400 and nothing changes. The expected outcome of a cell is one of
 *   'ok'  allowed past authorization: 2xx, or 400/409/413/415/422 (the request itself was judged), or
 *         503 for a feature this server lacks (the PDF export without LibreOffice)
 *   401   not signed in
 *   403   signed in, but the role may not use the route (capability)
 *   404   the record is outside the account's scope (or the page does not exist for it)
 * and a 5xx is never expected. Out of scope is 404 (the record's existence is not disclosed), a missing
 * capability 403 (ARCHITECTURE.md "How a request flows").
 *
 * Accounts (keys): anon; staff, legal, leader, advisor, officer, oversight, sysadmin, secadmin, auditadmin
 * = the demo accounts in their own scope; `<role>@division` = the same role in another 科室 of the same
 * department, `<role>@dept` = in another department (示范市教育局), `oversight@other` = another
 * government's oversight body (邻市司法局). In a rule, `staff*` means every staff account, `*` anyone
 * signed in not named otherwise; `anon` is 401 unless the rule says otherwise.
 */

export type Outcome = 'ok' | 401 | 403 | 404 | 405 | '5xx';

export function outcomeOf(status: number): Outcome {
  // 503 UNAVAILABLE: a feature this server lacks (a PDF without LibreOffice), judged after authorization.
  if (status === 503) return 'ok';
  if (status >= 500) return '5xx';
  if (status === 401 || status === 403 || status === 404 || status === 405) return status;
  return 'ok';
}

type Cells = Record<string, Outcome>;

export interface Rule {
  name: string;
  /** The policy in a sentence (and the article or ARCHITECTURE section it comes from). */
  why: string;
  /**
   * 'portal': the public site knows no session — every account gets what the anonymous visitor gets:
   * a page (ok), 404 for a record not published, 403 for a form posted without the portal's form token.
   */
  cells: Cells | 'portal';
  routes: string[];
}

/** What `rule` expects of `actor`; `got` = this route's observed outcomes (the portal compares with anon). */
export function expectationOf(rule: Rule, actor: string, got: Record<string, Outcome>): Outcome {
  if (rule.cells === 'portal') {
    const anon = got.anon;
    return anon === 'ok' || anon === 403 || anon === 404 ? anon : 'ok';
  }
  const cells = rule.cells;
  if (cells[actor] !== undefined) return cells[actor];
  const group = `${actor.split('@')[0]}*`;
  if (cells[group] !== undefined) return cells[group];
  if (actor === 'anon') return 401;
  const rest = cells['*'];
  if (rest === undefined) throw new Error(`${rule.name}: no expectation for ${actor} and no '*'`);
  return rest;
}

export const MATRIX: Rule[] = [
  {
    name: 'public',
    why: "Public: health check, sign-in, metadata, the workbench shell (its data comes from the API)",
    cells: { anon: 'ok', '*': 'ok' },
    routes: [
      'GET /healthz', 'POST /api/auth/login', 'GET /api/meta', 'GET /api/calendar/due', 'GET /app', 'GET /app/',
      'GET /app/*', 'GET /gfxwj', 'GET /gfxwj/:id', 'GET /gfxwj/qingli/:id', 'GET /gfxwj/zqyj', 'GET /gfxwj/qingli',
      'GET /zdjc', 'GET /zdjc/mulu/:id', 'GET /zdjc/:id', 'GET /hyyt', 'GET /xxgk/apply', 'GET /xxgk/track',
      'GET /xxgk/track/:code', 'GET /xxgk', 'GET /xxgk/catalog', 'GET /xxgk/guide', 'GET /qzqd', 'GET /qzqd/:code',
      'GET /zfgs', 'GET /sjcc', 'GET /sjcc/draws/:id', 'GET /sjcc/draws/:id/snapshot.json', 'GET /xzcf', 'GET /xzcf/:id',
      'GET /jyta', 'GET /jyta/:id', 'GET /wmly', 'GET /wmly/new', 'GET /wmly/track', 'GET /wmly/track/:code', 'GET /fzzfjs',
      'GET /portal/assets/portal.css', 'GET /', 'GET /elder', 'GET /tools/deadline',
    ],
  },
  {
    name: 'signedIn',
    why: "Any signed-in account: the own session and password, notifications, reference data, the API document; lists and aggregates filtered to what the account may see",
    cells: { '*': 'ok' },
    routes: [
      'GET /api/auth/session', 'POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/admin/orgs',
      'GET /api/calendar/years', 'GET /api/calendar/days', 'GET /api/notifications', 'POST /api/notifications/read-all',
      'POST /api/notifications/:id/read', 'GET /api/files/limits', 'GET /api/disclosure/guide', 'GET /api/hotline/settings',
      'GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/', 'GET /api/docs/init.js', 'GET /api/docs/swagger-ui.css',
      'GET /api/docs/swagger-ui-bundle.js', 'GET /api/disclosure/guide/updates',
    ],
  },
  {
    name: 'accountList',
    why: "The account list: 系统管理员 and 安全管理员",
    cells: { sysadmin: 'ok', secadmin: 'ok', '*': 403 },
    routes: [
      'GET /api/admin/users',
    ],
  },
  {
    name: 'sysAdmin',
    why: "系统管理员 only: organisations, accounts, calendar, settings every department shares (三员分立)",
    cells: { sysadmin: 'ok', '*': 403 },
    routes: [
      'GET /api/settings/disclosure-approval', 'PUT /api/settings/disclosure-approval',
      'POST /api/admin/users', 'PATCH /api/admin/users/:id', 'POST /api/admin/users/:id/reset-password',
      'POST /api/admin/orgs', 'PATCH /api/admin/orgs/:id', 'POST /api/calendar/notices', 'GET /api/settings/files',
      'PUT /api/settings/files', 'GET /api/settings/files/large', 'PUT /api/settings/files/large',
      'GET /api/settings/index-number', 'POST /api/settings/index-number/preview', 'PUT /api/settings/index-number',
      'GET /api/settings/documents', 'PUT /api/settings/documents', 'GET /api/settings/disclosure-classifications',
      'PUT /api/settings/disclosure-classifications', 'GET /api/hotline/tokens', 'POST /api/hotline/tokens/:id/revoke',
      'PUT /api/hotline/settings', 'PUT /api/reports/template',
      'POST /api/hotline/tokens',
    ],
  },
  {
    name: 'secAdmin',
    why: "安全管理员 only: roles and security settings (三员分立)",
    cells: { secadmin: 'ok', '*': 403 },
    routes: [
      'PUT /api/admin/users/:id/roles', 'POST /api/admin/users/:id/unlock', 'GET /api/admin/security-settings',
      'PUT /api/admin/security-settings',
    ],
  },
  {
    name: 'auditAdmin',
    why: "审计管理员 only (三员分立)",
    cells: { auditadmin: 'ok', '*': 403 },
    routes: [
      'GET /api/audit', 'GET /api/audit/export.xlsx', 'GET /api/audit/options', 'POST /api/audit/verify',
    ],
  },
  {
    name: 'auditCheckpoints',
    why: "审计管理员 only; 404 while no checkpoint has been signed (the test app signs none)",
    cells: { auditadmin: 404, '*': 403 },
    routes: [
      'GET /api/audit/checkpoints/export',
    ],
  },
  {
    name: 'businessAccounts',
    why: "Any business account (我的待办, uploads); administrators see no business cases",
    cells: { sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/worklist', 'POST /api/files', 'POST /api/files/stream',
    ],
  },
  {
    name: 'divisionDraft',
    why: "A 科室's draft 规范性文件 and its case: its own 科室, the legal office, the leaders; another 科室 404 (item 1: the generic case API answers as the module)",
    cells: { staff: 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', officer: 'ok', '*': 404 },
    routes: [
      'GET /api/cases/:id', 'POST /api/cases/:id/actions', 'GET /api/documents/:id/document.docx',
      'GET /api/documents/:id/feedback.docx', 'GET /api/documents/:id/interpretation.docx', 'GET /api/documents/:id',
      'PUT /api/documents/:id', 'POST /api/documents/:id/comment/open', 'POST /api/documents/:id/comment/close',
      'POST /api/documents/:id/comment/feedback', 'POST /api/documents/:id/comments/:commentId/disposition',
      'POST /api/documents/:id/act', 'POST /api/documents/:id/decide', 'POST /api/documents/:id/number',
      'POST /api/documents/:id/publish', 'POST /api/documents/:id/filing', 'POST /api/documents/:id/amend',
      'POST /api/documents/:id/source', 'POST /api/documents/:id/end', 'POST /api/documents/:id/evaluation',
    ],
  },
  {
    name: 'uploaderFile',
    why: "A file no record owns yet: its uploader only, 404 for everyone else (item 2)",
    cells: { anon: 404, staff: 'ok', '*': 404 },
    routes: [
      'GET /api/files/:id',
    ],
  },
  {
    name: 'businessLists',
    why: "Business lists, facts and exports of the own department (filtered by scope): every business role except the outside 法律顾问 (item 3) and the oversight body; no administrator (三员分立)",
    cells: { 'advisor*': 403, 'oversight*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/penalties/statistics/:year',
      'GET /api/documents', 'GET /api/documents/export.xlsx', 'GET /api/documents/facts', 'GET /api/document-cleanups',
      'GET /api/decisions', 'GET /api/decisions/facts', 'GET /api/decision-catalogues', 'GET /api/decisions/records',
      'GET /api/meetings', 'GET /api/meetings/facts', 'GET /api/litigation', 'GET /api/litigation/hearings',
      'GET /api/litigation/facts', 'GET /api/litigation/table4', 'GET /api/study/trainings', 'GET /api/study/hours',
      'GET /api/study/exams', 'GET /api/study/duties', 'GET /api/study/events', 'GET /api/powers',
      'GET /api/powers/export.xlsx', 'GET /api/powers/adjustments', 'GET /api/powers/counts',
      'GET /api/enforcement/officers', 'GET /api/enforcement/officers/export.xlsx', 'GET /api/enforcement/settings',
      'GET /api/enforcement/items', 'GET /api/enforcement/info', 'GET /api/enforcement/targets',
      'POST /api/enforcement/target-imports', 'GET /api/enforcement/plans', 'GET /api/enforcement/draws',
      'GET /api/enforcement/inspections', 'GET /api/enforcement/facts', 'GET /api/penalties', 'GET /api/penalties/facts',
      'GET /api/penalties/settings', 'GET /api/proposals', 'GET /api/supervision', 'GET /api/reports/:year',
      'GET /api/enforcement/exchange/inspections.csv', 'GET /api/enforcement/exchange/inspections.json',
      'GET /api/proposals/facts', 'GET /api/supervision/facts', 'GET /api/reports/study', 'GET /api/study',
    ],
  },
  {
    name: 'drafters',
    why: "Drafting and registering (文件, 决策, 目录, 会议, 依申请公开, 信访, 12345, 建议提案, 督办 登记; 信访/12345 lists): staff and leaders",
    cells: { 'staff*': 'ok', 'leader*': 'ok', '*': 403 },
    routes: [
      'POST /api/documents', 'POST /api/decisions', 'POST /api/decision-catalogues',
      'POST /api/decision-catalogues/:id/items', 'POST /api/decision-catalogues/:id/items/:itemId',
      'POST /api/decision-catalogues/:id/items/:itemId/delete', 'POST /api/decision-catalogues/:id/approve',
      'POST /api/decision-catalogues/:id/publish', 'POST /api/decision-catalogues/:id/adjustments', 'POST /api/meetings',
      'PUT /api/disclosure/guide', 'GET /api/disclosure/requests', 'POST /api/disclosure/requests',
      'PUT /api/disclosure/reports/:year', 'POST /api/disclosure/reports/:year/submit',
      'POST /api/disclosure/reports/:year/publish', 'GET /api/disclosure/reports/:year/cell', 'GET /api/petitions',
      'GET /api/petitions/options', 'GET /api/hotline/tickets', 'POST /api/hotline/ticket-imports', 'GET /api/hotline/facts',
      'GET /api/hotline/ratings', 'GET /api/petitions/facts',
      'POST /api/petitions', 'POST /api/hotline/tickets', 'POST /api/proposals', 'POST /api/supervision', 'POST /api/supervision/import-plan',
    ],
  },
  {
    name: 'legalOfficers',
    why: "The 法制审核人员 only (清理, reviewers, advisor registry, the department's 合法性审查 time limits: item 4)",
    cells: { 'legal*': 'ok', '*': 403 },
    routes: [
      'POST /api/document-cleanups', 'POST /api/document-cleanups/:id/items/:documentId',
      'POST /api/document-cleanups/:id/publish', 'GET /api/reviews/reviewers', 'PUT /api/reviews/settings',
      'POST /api/legal-advisors', 'PUT /api/legal-advisors/:id',
    ],
  },
  {
    name: 'departmentInsiders',
    why: "A record of the department, for its business roles other than the advisor; another department 404; oversight 403",
    cells: { 'staff@dept': 404, 'legal@dept': 404, 'leader@dept': 404, 'advisor*': 403, 'officer@dept': 404, 'oversight*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/document-cleanups/:id', 'GET /api/powers/:id', 'POST /api/enforcement/plans/:id/draws',
      'POST /api/enforcement/draws/:id/execute', 'POST /api/enforcement/inspections/:id/publish',
      'GET /api/reports/:year/versions', 'GET /api/reports/:year/docx', 'GET /api/reports/:year/compare',
      'POST /api/enforcement/inspections/:id/record',
    ],
  },
  {
    name: 'oversight',
    why: "The oversight bodies (each sees the departments it oversees)",
    cells: { 'oversight*': 'ok', '*': 403 },
    routes: [
      'GET /api/filings', 'GET /api/reports/oversight', 'GET /api/reports/oversight/export.xlsx',
    ],
  },
  {
    name: 'departmentRecords',
    why: "A record of the department: its 科室 and the department's legal office and leaders; another department 404; advisors and oversight 404",
    cells: { staff: 'ok', 'staff@division': 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', officer: 'ok', 'officer@division': 'ok', '*': 404 },
    routes: [
      'GET /api/decisions/:id', 'GET /api/decisions/:id/archive', 'GET /api/decisions/:id/archive.zip',
      'POST /api/decisions/:id/draft', 'POST /api/decisions/:id/comment/open', 'POST /api/decisions/:id/comment/close',
      'POST /api/decisions/:id/comment/feedback', 'POST /api/decisions/:id/comments/:commentId/disposition',
      'POST /api/decisions/:id/participation', 'POST /api/decisions/:id/act', 'POST /api/decisions/:id/legal-review',
      'POST /api/decisions/:id/meeting', 'POST /api/decisions/:id/decision', 'POST /api/decisions/:id/publish',
      'POST /api/decisions/:id/post-evaluation', 'POST /api/decisions/:id/adjust', 'POST /api/decisions/:id/evidence',
      'GET /api/meetings/:id', 'GET /api/publications/:id', 'POST /api/publications/:id/withdraw', 'GET /api/litigation/:id',
      'GET /api/litigation/:id/answer.docx', 'GET /api/enforcement/officers/:id', 'GET /api/enforcement/plans/:id',
      'GET /api/enforcement/draws/:id', 'GET /api/enforcement/draws/:id/redraw', 'GET /api/enforcement/inspections/:id',
      'GET /api/proposals/:id', 'GET /api/supervision/:id',
    ],
  },
  {
    name: 'divisionHandlers',
    why: "A record handled by one 科室 (its staff) and the leaders: another 科室 or department 404",
    cells: { staff: 'ok', 'staff@division': 'ok', leader: 'ok', '*': 404 },
    routes: [
      'POST /api/disclosure/requests/:id/answer/decision', 'POST /api/disclosure/requests/:id/extension', 'POST /api/disclosure/requests/:id/extension/decision',
      'POST /api/meetings/:id/agenda', 'POST /api/meetings/:id/held', 'POST /api/meetings/:id/publish-agenda',
      'GET /api/disclosure/requests/:id', 'GET /api/disclosure/requests/:id/fee', 'POST /api/disclosure/requests/:id/answer',
      'POST /api/disclosure/requests/:id/delivery', 'POST /api/disclosure/requests/:id/files',
      'POST /api/disclosure/requests/:id/fee-notice', 'GET /api/petitions/:id', 'GET /api/petitions/:id/opinion.docx',
      'GET /api/hotline/tickets/:id',
      'POST /api/petitions/:id/act', 'POST /api/hotline/tickets/:id/act', 'POST /api/hotline/tickets/:id/convert', 'POST /api/hotline/tickets/:id/publish',
    ],
  },
  {
    name: 'reviewLists',
    why: "The 合法性审查 queue and time limits: department roles and advisors (their assigned matters)",
    cells: { 'officer*': 403, 'oversight*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/reviews', 'GET /api/reviews/settings', 'GET /api/reviews/opinions',
    ],
  },
  {
    name: 'submitters',
    why: "Submitting to 合法性审查 and 权责清单 imports: business roles of a department",
    cells: { 'staff*': 'ok', 'legal*': 'ok', 'leader*': 'ok', '*': 403 },
    routes: [
      'POST /api/reviews', 'POST /api/powers/import', 'POST /api/powers/counts/import',
    ],
  },
  {
    name: 'legalOffice',
    why: "The legal office and leaders: registries, settings and imports of the legal function",
    cells: { 'legal*': 'ok', 'leader*': 'ok', '*': 403 },
    routes: [
      'POST /api/penalties/statistics/:year/publish',
      'GET /api/reviews/facts', 'GET /api/legal-advisors', 'POST /api/litigation/reconsiderations',
      'POST /api/litigation/lawsuits', 'GET /api/litigation/act-modules', 'GET /api/litigation/targets',
      'POST /api/enforcement/officer-imports', 'POST /api/enforcement/settings', 'POST /api/enforcement/items/publish',
      'PUT /api/penalties/settings', 'GET /api/penalties/export',
      'POST /api/enforcement/officers', 'POST /api/enforcement/items', 'POST /api/enforcement/info/publish',
    ],
  },
  {
    name: 'reviewMatter',
    why: "A 合法性审查 matter: the submitting 科室, the legal office, leaders and the advisor it is assigned to (item 3); others 404",
    cells: { staff: 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', advisor: 'ok', '*': 404 },
    routes: [
      'GET /api/reviews/:id', 'POST /api/reviews/:id/assign', 'POST /api/reviews/:id/opinions',
      'POST /api/reviews/:id/conclude', 'POST /api/reviews/:id/withdraw', 'POST /api/reviews/:id/materials',
    ],
  },
  {
    name: 'opinionAdoption',
    why: "Marking an opinion adopted: the submitting 科室, legal office, leaders",
    cells: { staff: 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', '*': 404 },
    routes: [
      'POST /api/reviews/:id/opinions/:opinionId/adoption',
    ],
  },
  {
    name: 'publications',
    why: "Publications, the 政务公开 annual report and the 法治年报's source records: every business role and the oversight body, not the outside 法律顾问 nor an administrator",
    cells: { 'advisor*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/publications/meta', 'GET /api/publications/due', 'GET /api/publications', 'POST /api/publications',
      'GET /api/disclosure/facts', 'GET /api/disclosure/reports/:year', 'GET /api/disclosure/reports/:year/docx',
      'GET /api/reports/step-records',
    ],
  },
  {
    name: 'replyLetter',
    why: "The 答复书 holds the applicant's personal data: the handling 科室 and leaders; the department's other staff 403 (they see the request masked), other departments 404 (item 6)",
    cells: { staff: 'ok', 'staff@division': 403, leader: 'ok', '*': 404 },
    routes: [
      'GET /api/disclosure/requests/:id/reply-letter',
    ],
  },
  {
    name: 'legalAndLeaders',
    why: "Cases the legal office handles for the department (复议/应诉, 处罚 法制审核): the legal office and the leaders of that department; other departments 404",
    cells: { legal: 'ok', 'legal@division': 'ok', leader: 'ok', '*': 404 },
    routes: [
      'POST /api/litigation/:id/acts', 'GET /api/penalties/:id', 'GET /api/penalties/:id/archive',
      'GET /api/penalties/:id/documents/:kind', 'POST /api/penalties/:id/assign', 'POST /api/penalties/:id/notice',
      'POST /api/penalties/:id/hearing-notice', 'POST /api/penalties/:id/hearing', 'POST /api/penalties/:id/legal-check',
      'POST /api/penalties/:id/collective', 'POST /api/penalties/:id/decide', 'POST /api/penalties/:id/deliver',
      'POST /api/penalties/:id/execute', 'POST /api/penalties/:id/publish', 'POST /api/penalties/:id/close',
      'POST /api/penalties/:id/file-record', 'POST /api/penalties/:id/revoke', 'POST /api/penalties/:id/withdraw',
      'POST /api/penalties/:id/files', 'POST /api/penalties/:id/acts/collectEvidence',
      'POST /api/penalties/:id/acts/preserveEvidence', 'POST /api/penalties/:id/acts/decidePreservation',
      'POST /api/penalties/:id/acts/classify', 'POST /api/penalties/:id/acts/statement',
      'POST /api/penalties/:id/acts/waiveRights', 'POST /api/penalties/:id/acts/requestHearing',
      'POST /api/penalties/:id/acts/withdrawHearing', 'POST /api/penalties/:id/acts/extendDecision',
      'POST /api/penalties/:id/acts/exemptPublication', 'POST /api/penalties/:id/acts/terminate',
    ],
  },
  {
    name: 'studyDelete',
    why: "Removing a 学法 record: the department's staff, legal office and leaders; another department 404",
    cells: { 'staff@dept': 404, 'legal@dept': 404, 'leader@dept': 404, staff: 'ok', 'staff@division': 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', '*': 403 },
    routes: [
      'DELETE /api/reports/study/:kind/:id', 'DELETE /api/study/trainings/:id', 'DELETE /api/study/exams/:id',
      'DELETE /api/study/events/:id',
    ],
  },
  {
    name: 'planApproval',
    why: "Approving/publishing the department's 抽查 plan: the legal office and leaders of the department",
    cells: { legal: 'ok', 'legal@division': 'ok', 'legal@dept': 404, leader: 'ok', 'leader@dept': 404, '*': 403 },
    routes: [
      'POST /api/enforcement/plans/:id/approve', 'POST /api/enforcement/plans/:id/publish',
    ],
  },
  {
    name: 'enforcement',
    why: "行政处罚 intake: staff, officers and leaders",
    cells: { 'staff*': 'ok', 'leader*': 'ok', 'officer*': 'ok', '*': 403 },
    routes: [
      'GET /api/penalties/officers', 'POST /api/penalties', 'POST /api/penalties/from-inspection',
      'POST /api/penalties/summary',
    ],
  },
  {
    name: 'registerKeepers',
    why: "Keeping the 学法普法 records and the 权责清单 (RULES §10.1, §10.2): the department's staff, legal office and leaders",
    cells: { 'staff*': 'ok', 'legal*': 'ok', 'leader*': 'ok', '*': 403 },
    routes: [
      'PUT /api/study/plan', 'PUT /api/study/plan/topics', 'POST /api/reports/study/sessions', 'POST /api/reports/study/statements',
      'POST /api/study/trainings', 'POST /api/study/exams', 'POST /api/study/duties', 'POST /api/study/events', 'POST /api/powers',
    ],
  },
  {
    name: 'registerRecords',
    why: "A 普法 duty or 权责事项 of the department: its staff, legal office and leaders; another department 404",
    cells: { 'staff@dept': 404, 'legal@dept': 404, 'leader@dept': 404, staff: 'ok', 'staff@division': 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', '*': 403 },
    routes: [
      'POST /api/study/duties/:id/complete', 'PUT /api/powers/:id', 'POST /api/powers/:id/cancel', 'POST /api/powers/:id/counts',
    ],
  },
  {
    name: 'legalOfficeRecords',
    why: "A 执法人员, 抽查事项 or 抽取 of the department kept by the legal office and leaders (RULES §8.1); another department 404",
    cells: { legal: 'ok', 'legal@division': 'ok', 'legal@dept': 404, leader: 'ok', 'leader@dept': 404, '*': 403 },
    routes: [
      'POST /api/enforcement/officers/:id', 'POST /api/enforcement/officers/:id/training',
      'POST /api/enforcement/officers/:id/conflicts', 'POST /api/enforcement/items/:id/active',
      'POST /api/enforcement/draws/:id/cancel',
    ],
  },
  {
    name: 'inspectors',
    why: "双随机 plans: the department's staff, legal office, leaders and 执法人员",
    cells: { 'staff*': 'ok', 'legal*': 'ok', 'leader*': 'ok', 'officer*': 'ok', '*': 403 },
    routes: [
      'POST /api/enforcement/plans',
    ],
  },
  {
    name: 'handlerRecords',
    why: "Handling a 建议提案, 督办事项 or the answer to a 备案 纠错: the department's staff and leaders (the service then checks the lead 科室); another department 404",
    cells: { staff: 'ok', 'staff@division': 'ok', 'staff@dept': 404, leader: 'ok', 'leader@dept': 404, '*': 403 },
    routes: [
      'POST /api/proposals/:id/act', 'POST /api/proposals/:id/co-opinion', 'POST /api/proposals/:id/publish',
      'POST /api/supervision/:id/act', 'POST /api/filings/:id/answer',
    ],
  },
  {
    name: 'filingReview',
    why: "备案审查: the oversight body the filing was sent to; another government's 404",
    cells: { oversight: 'ok', 'oversight@other': 404, '*': 403 },
    routes: [
      'POST /api/filings/:id/review',
    ],
  },
  {
    name: 'reportWriters',
    why: "Writing, approving, submitting and publishing the department's own 法治年报: staff and leaders",
    cells: { 'staff*': 'ok', 'leader*': 'ok', '*': 403 },
    routes: [
      'POST /api/reports/:year', 'PUT /api/reports/:year', 'POST /api/reports/:year/regenerate', 'POST /api/reports/:year/review',
      'POST /api/reports/:year/approve', 'POST /api/reports/:year/submit', 'POST /api/reports/:year/publish',
    ],
  },
  {
    name: 'ingestToken',
    why: "The 12345 batch feed authenticates by its own token, not by a session",
    cells: { '*': 401 },
    routes: [
      'POST /ingest/12345/tickets',
    ],
  },
  {
    name: 'reportTemplate',
    why: "The 法治年报 template: read by business roles and oversight, changed by the 系统管理员 (item 4)",
    cells: { 'advisor*': 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/reports/template',
    ],
  },
  {
    name: 'reportPdf',
    why: "The department's 法治年报 as PDF: as /docx",
    cells: { 'staff@dept': 404, 'legal@dept': 404, 'leader@dept': 404, 'advisor*': 403, 'officer@dept': 404, 'oversight*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/reports/:year/pdf',
    ],
  },
  {
    name: 'reportImports',
    why: "Imported reports: business roles of departments and the oversight bodies; not advisors, officers, administrators",
    cells: { 'advisor*': 403, 'officer*': 403, sysadmin: 403, secadmin: 403, auditadmin: 403, '*': 'ok' },
    routes: [
      'GET /api/report-imports/meta', 'GET /api/report-imports', 'POST /api/report-imports',
      'POST /api/report-imports/paste',
    ],
  },
  {
    name: 'reportImport',
    why: "An imported report: its department, and the oversight body of its government only (item 4)",
    cells: { staff: 'ok', 'staff@division': 'ok', legal: 'ok', 'legal@division': 'ok', leader: 'ok', oversight: 'ok', '*': 404 },
    routes: [
      'GET /api/report-imports/:id', 'PATCH /api/report-imports/:id', 'GET /api/report-imports/:id/original',
    ],
  },
  {
    name: 'portal',
    why: "The public portal knows no session: every account gets what the anonymous visitor gets",
    cells: 'portal',
    routes: [
      'GET /zftj', 'GET /zftj/:year',
      'GET /hcp', 'GET /hcp/:code', 'POST /hcp/:code/rate',
      'GET /gfxwj/zqyj/:id', 'GET /zdjc/zqyj/:id', 'GET /xxgk/p/*', 'GET /fzzfjs/:id',
    ],
  },
  {
    name: 'portalForms',
    why: "Portal forms: the same answer for everyone (a request without the portal form token is 403)",
    cells: 'portal',
    routes: [
      'POST /gfxwj/zqyj/:id', 'POST /zdjc/zqyj/:id', 'POST /xxgk/apply', 'POST /xxgk/track/:code/supplement',
      'POST /wmly/new', 'POST /wmly/track/:code/rate', 'POST /elder',
    ],
  },
];
