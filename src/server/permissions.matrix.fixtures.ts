/**
 * Who asks and on which records, for the permission matrix (permissions.matrix.test.ts; expectations in
 * permissions.matrix.ts). Scope is where the account sits relative to the record: the demo's records
 * belong to 示范市科学技术局 (most to its 高新技术科; 合法性审查 to its 政策法规科), overseen by 示范市司法局.
 */
import type { Role } from '../core/auth/roles.ts';

export type Scope = 'own' | 'otherDivision' | 'otherDepartment' | 'otherOversight';

export interface MatrixActor {
  key: string;
  role: Role | null;
  scope: Scope;
  /** A demo account (own scope), or a new account in `org`. */
  demo?: string;
  org?: string;
}

/** A second department of the same government and an oversight body of another government (created by the test). */
export const OTHER_DEPARTMENT = '示范市教育局';
export const OTHER_DEPARTMENT_DIVISION = '基础教育科';
export const OTHER_GOVERNMENT = '邻市人民政府';
export const OTHER_OVERSIGHT = '邻市司法局';
const OTHER_DIVISION = '成果转化与区域创新科';

/** Every demo role in its own scope, and each business role again outside it. */
export const ACTORS: MatrixActor[] = [
  { key: 'anon', role: null, scope: 'own' },
  { key: 'staff', role: 'staff', scope: 'own', demo: 'staff' },
  { key: 'staff@division', role: 'staff', scope: 'otherDivision', org: OTHER_DIVISION },
  { key: 'staff@dept', role: 'staff', scope: 'otherDepartment', org: OTHER_DEPARTMENT_DIVISION },
  { key: 'legal', role: 'legalOfficer', scope: 'own', demo: 'legal' },
  { key: 'legal@division', role: 'legalOfficer', scope: 'otherDivision', org: OTHER_DIVISION },
  {
    key: 'legal@dept',
    role: 'legalOfficer',
    scope: 'otherDepartment',
    org: OTHER_DEPARTMENT_DIVISION,
  },
  { key: 'leader', role: 'leader', scope: 'own', demo: 'leader' },
  { key: 'leader@dept', role: 'leader', scope: 'otherDepartment', org: OTHER_DEPARTMENT },
  { key: 'advisor', role: 'legalAdvisor', scope: 'own', demo: 'advisor' },
  {
    key: 'advisor@dept',
    role: 'legalAdvisor',
    scope: 'otherDepartment',
    org: OTHER_DEPARTMENT_DIVISION,
  },
  { key: 'officer', role: 'officer', scope: 'own', demo: 'officer' },
  { key: 'officer@division', role: 'officer', scope: 'otherDivision', org: OTHER_DIVISION },
  {
    key: 'officer@dept',
    role: 'officer',
    scope: 'otherDepartment',
    org: OTHER_DEPARTMENT_DIVISION,
  },
  { key: 'oversight', role: 'oversight', scope: 'own', demo: 'oversight' },
  { key: 'oversight@other', role: 'oversight', scope: 'otherOversight', org: OTHER_OVERSIGHT },
  { key: 'sysadmin', role: 'sysAdmin', scope: 'own', demo: 'sysadmin' },
  { key: 'secadmin', role: 'secAdmin', scope: 'own', demo: 'secadmin' },
  { key: 'auditadmin', role: 'auditAdmin', scope: 'own', demo: 'auditadmin' },
];

/**
 * The record each path parameter names: the first entry whose prefix starts the route's URL; its query
 * returns one row with a column per parameter. `$DEPT` = 示范市科学技术局, `$DIV` = 高新技术科 (records of
 * the own scope first). `factory:<name>` records are made by the test through the API.
 */
export const RECORDS: [prefix: string, query: string][] = [
  ['/api/admin/users/:id', `select id from users where username = 'staff'`],
  ['/api/admin/orgs/:id', `select id from organisations where id = $DIV`],
  // The case of the draft /api/documents/:id names: the generic case API must answer as the module does.
  [
    '/api/cases/:id',
    `select case_id as id from normative_documents where drafting_org_id = $DIV order by (publication_id is null) desc, version limit 1`,
  ],
  ['/api/notifications/:id', 'factory:notification'],
  ['/api/files/:id', 'factory:file'],
  [
    '/api/documents/:id/comments/:commentId',
    `select k.subject_id as id, c.id as "commentId" from consultation_comments c join consultations k on k.id = c.consultation_id join normative_documents d on d.id = k.subject_id order by c.seq limit 1`,
  ],
  [
    '/api/documents/:id',
    `select id from normative_documents where drafting_org_id = $DIV order by (publication_id is null) desc, version limit 1`,
  ],
  [
    '/api/document-cleanups/:id/items/:documentId',
    `select campaign_id as id, document_id as "documentId" from cleanup_items limit 1`,
  ],
  [
    '/api/document-cleanups/:id',
    `select id from cleanup_campaigns where department_id = $DEPT limit 1`,
  ],
  ['/api/filings/:id', `select id from document_filings where department_id = $DEPT limit 1`],
  [
    '/api/decisions/:id/comments/:commentId',
    `select k.subject_id as id, c.id as "commentId" from consultation_comments c join consultations k on k.id = c.consultation_id join major_decisions d on d.id = k.subject_id order by c.seq limit 1`,
  ],
  [
    '/api/decisions/:id',
    `select id from major_decisions where department_id = $DEPT order by id limit 1`,
  ],
  [
    '/api/decision-catalogues/:id/items/:itemId',
    `select catalogue_id as id, id as "itemId" from decision_catalogue_items limit 1`,
  ],
  [
    '/api/decision-catalogues/:id',
    `select id from decision_catalogues where department_id = $DEPT limit 1`,
  ],
  ['/api/meetings/:id', `select id from meetings where department_id = $DEPT limit 1`],
  [
    '/api/reviews/:id/opinions/:opinionId',
    `select matter_id as id, id as "opinionId" from legal_opinions limit 1`,
  ],
  [
    '/api/reviews/:id',
    `select m.id from review_matters m join review_assignments a on a.matter_id = m.id join users u on u.id = a.user_id where u.username = 'advisor' limit 1`,
  ],
  ['/api/legal-advisors/:id', `select id from legal_advisors where department_id = $DEPT limit 1`],
  ['/api/publications/:id', `select id from publications where department_id = $DEPT limit 1`],
  [
    '/api/publications/reviews/:id',
    `select id from publication_requests where department_id = $DEPT limit 1`,
  ],
  [
    '/api/disclosure/requests/:id',
    `select r.id from disclosure_requests r join cases c on c.id = r.case_id where r.department_id = $DEPT order by (c.org_id = $DIV) desc limit 1`,
  ],
  ['/api/disclosure/reports/:year', `select 2024 as year`],
  ['/api/litigation/:id', `select id from litigation_cases where department_id = $DEPT limit 1`],
  [
    '/api/reports/study/:kind/:id',
    `select 'session' as kind, id from study_sessions where department_id = $DEPT limit 1`,
  ],
  [
    '/api/reports/:year',
    `select year from rule_of_law_reports where department_id = $DEPT limit 1`,
  ],
  ['/api/study/duties/:id', `select id from pufa_duties where department_id = $DEPT limit 1`],
  [
    '/api/study/trainings/:id',
    `select id from study_trainings where department_id = $DEPT limit 1`,
  ],
  ['/api/study/exams/:id', `select id from study_exams where department_id = $DEPT limit 1`],
  ['/api/study/events/:id', `select id from publicity_events where department_id = $DEPT limit 1`],
  ['/api/powers/:id', `select id from power_items where department_id = $DEPT limit 1`],
  [
    '/api/enforcement/officers/:id',
    `select id from enforcement_officers where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/enforcement/items/:id',
    `select id from enforcement_items where department_id = $DEPT limit 1`,
  ],
  [
    '/api/enforcement/plans/:id',
    `select id from enforcement_plans where department_id = $DEPT limit 1`,
  ],
  [
    '/api/enforcement/draws/:id',
    `select id from enforcement_draws where department_id = $DEPT limit 1`,
  ],
  [
    '/api/enforcement/inspections/:id',
    `select id from enforcement_inspections where department_id = $DEPT limit 1`,
  ],
  ['/api/penalties/statistics/:year', `select 2024 as year`],
  [
    '/api/penalties/:id/documents/:kind',
    `select id, 'filing' as kind from penalty_cases where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/penalties/:id',
    `select id from penalty_cases where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/petitions/:id',
    `select id from petitions where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/proposals/:id',
    `select id from proposals where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/supervision/:id',
    `select id from supervised_tasks where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  [
    '/api/hotline/tickets/:id',
    `select id from hotline_tickets where department_id = $DEPT order by (org_id = $DIV) desc limit 1`,
  ],
  ['/api/hotline/tokens/:id', 'factory:hotlineToken'],
  ['/api/report-imports/:id', 'factory:reportImport'],
  // The public portal: pages of published records (what the anonymous visitor gets, everyone gets).
  ['/gfxwj/qingli/:id', `select id from cleanup_campaigns limit 1`],
  [
    '/gfxwj/zqyj/:id',
    `select subject_id as id from consultations where subject_id in (select id from normative_documents) limit 1`,
  ],
  ['/gfxwj/:id', `select id from normative_documents where publication_id is not null limit 1`],
  ['/zdjc/mulu/:id', `select id from decision_catalogues limit 1`],
  [
    '/zdjc/zqyj/:id',
    `select subject_id as id from consultations where subject_id in (select id from major_decisions) limit 1`,
  ],
  ['/zdjc/:id', `select id from major_decisions where publication_id is not null limit 1`],
  ['/xxgk/track/:code', `select tracking_code as code from disclosure_requests limit 1`],
  ['/qzqd/:code', `select code from power_items limit 1`],
  ['/sjcc/draws/:id', `select id from enforcement_draws limit 1`],
  ['/xzcf/:id', `select id from penalty_cases limit 1`],
  ['/jyta/:id', `select id from proposals limit 1`],
  [
    '/wmly/track/:code',
    `select tracking_code as code from hotline_tickets where tracking_code is not null limit 1`,
  ],
  ['/zftj/:year', `select 2024 as year`],
  [
    '/hcp/:code',
    `select tracking_code as code from hotline_tickets where tracking_code is not null limit 1`,
  ],
  ['/fzzfjs/:id', `select id from rule_of_law_reports limit 1`],
];

/**
 * The query a GET needs to be judged at all: without it every account would get the same 400 (the
 * query is validated before some services authorize). A value starting with `select` is run; its column q is the query.
 */
export const QUERIES: Record<string, string> = {
  'GET /api/study': 'year=2024',
  'GET /api/reports/study': 'year=2024',
  'GET /api/reports/step-records': 'procedure=disclosureRequest&step=answer&kind=overdue&year=2024',
  'GET /api/reports/oversight/export.xlsx': 'year=2024',
  'GET /api/reports/:year/compare': `select 'from=' || id || '&to=' || id as q from rule_of_law_report_versions limit 1`,
  'GET /api/petitions/facts': 'year=2024',
  'GET /api/proposals/facts': 'year=2024',
  'GET /api/supervision/facts': 'year=2024',
  'GET /api/enforcement/exchange/inspections.json': 'year=2024',
  'GET /api/enforcement/exchange/inspections.csv': 'year=2024',
  'GET /api/reviews/opinions': 'year=2024',
  'GET /api/disclosure/guide/updates': 'year=2024',
};
