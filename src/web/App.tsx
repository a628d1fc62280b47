import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { theme } from './theme.ts';
import { ApiError, setApiHandlers } from './lib/api.ts';
import { sessionKey, storeSession } from './lib/session.ts';
import type { Session } from './lib/types.ts';
import { RequireAuth, PageLoading } from './auth/RequireAuth.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomePage } from './worklist/HomePage.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';

dayjs.locale('zh-cn');

// Screens outside the daily worklist are loaded on demand.
const CasePage = lazy(() => import('./cases/CasePage.tsx'));
const OrgsPage = lazy(() => import('./admin/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./admin/UsersPage.tsx'));
const SecurityPage = lazy(() => import('./admin/SecurityPage.tsx'));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));
const PublicationsPage = lazy(() => import('./disclosure/publications/PublicationsPage.tsx'));
const PublishPage = lazy(() => import('./disclosure/publications/PublishPage.tsx'));
const PublicationDetailPage = lazy(() => import('./disclosure/publications/PublicationDetailPage.tsx'));
const DisclosureGuidePage = lazy(() => import('./disclosure/publications/GuidePage.tsx'));
const DisclosureRequestsPage = lazy(() => import('./disclosure/requests/RequestsPage.tsx'));
const DisclosureRequestPage = lazy(() => import('./disclosure/requests/RequestPage.tsx'));
const DisclosureReportPage = lazy(() => import('./disclosure/report/ReportPage.tsx'));
const DocumentsPage = lazy(() => import('./documents/DocumentsPage.tsx'));
const NewDocumentPage = lazy(() => import('./documents/NewDocumentPage.tsx'));
const DocumentPage = lazy(() => import('./documents/DocumentPage.tsx'));
const FilingsPage = lazy(() => import('./documents/FilingsPage.tsx'));
const ReportImportsPage = lazy(() => import('./reports/imports/ImportsPage.tsx'));
const NewReportImportPage = lazy(() => import('./reports/imports/NewImportPage.tsx'));
const ReportImportPage = lazy(() => import('./reports/imports/ImportPage.tsx'));
const RuleOfLawReportPage = lazy(() => import('./reports/ReportPage.tsx'));
const StudyPage = lazy(() => import('./reports/StudyPage.tsx'));
const ReportOversightPage = lazy(() => import('./reports/OversightPage.tsx'));
const CleanupsPage = lazy(() => import('./documents/CleanupsPage.tsx'));
const CleanupPage = lazy(() => import('./documents/CleanupPage.tsx'));
const DecisionsPage = lazy(() => import('./decisions/DecisionsPage.tsx'));
const NewDecisionPage = lazy(() => import('./decisions/NewDecisionPage.tsx'));
const DecisionPage = lazy(() => import('./decisions/DecisionPage.tsx'));
const DecisionArchivePage = lazy(() => import('./decisions/ArchivePage.tsx'));
const DecisionCataloguePage = lazy(() => import('./decisions/CataloguePage.tsx'));
const MeetingsPage = lazy(() => import('./meetings/MeetingsPage.tsx'));
const MeetingPage = lazy(() => import('./meetings/MeetingPage.tsx'));
const ReviewsPage = lazy(() => import('./reviews/ReviewsPage.tsx'));
const NewMatterPage = lazy(() => import('./reviews/NewMatterPage.tsx'));
const MatterPage = lazy(() => import('./reviews/MatterPage.tsx'));
const AdvisorsPage = lazy(() => import('./reviews/AdvisorsPage.tsx'));

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors (401, 403, 404, 400) are answers, not glitches: do not retry them.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
}

/** Wires the fetch wrapper's global reactions to the router and the query cache. */
function ApiReactions() {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    setApiHandlers({
      onUnauthorized: () => {
        // Session expired or logged out elsewhere: the guard sends the user to the login page.
        if (client.getQueryData(sessionKey)) storeSession(client, null);
      },
      onPasswordChangeRequired: () => {
        client.setQueryData<Session | null>(sessionKey, (s) => (s ? { ...s, user: { ...s.user, mustChangePassword: true } } : s));
        navigate('/password', { replace: true });
      },
    });
  }, [client, navigate]);
  return null;
}

export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={client}>
          <BrowserRouter basename="/app">
            <ApiReactions />
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/password" element={<ChangePasswordPage />} />
                <Route element={<RequireAuth />}>
                  <Route element={<AppLayout />}>
                    <Route index element={<HomePage />} />
                    <Route path="cases/:id" element={<CasePage />} />
                    <Route path="admin/orgs" element={<OrgsPage />} />
                    <Route path="admin/users" element={<UsersPage />} />
                    <Route path="admin/security" element={<SecurityPage />} />
                    <Route path="audit" element={<AuditPage />} />
                    <Route path="calendar" element={<CalendarPage />} />
                    <Route path="settings" element={<SettingsPage />} />
                    <Route path="publications" element={<PublicationsPage />} />
                    <Route path="publications/new" element={<PublishPage />} />
                    <Route path="publications/:id" element={<PublicationDetailPage />} />
                    <Route path="disclosure/guide" element={<DisclosureGuidePage />} />
                    <Route path="disclosure/requests" element={<DisclosureRequestsPage />} />
                    <Route path="disclosure/requests/:id" element={<DisclosureRequestPage />} />
                    <Route path="disclosure/report" element={<DisclosureReportPage />} />
                    <Route path="documents" element={<DocumentsPage />} />
                    <Route path="documents/new" element={<NewDocumentPage />} />
                    <Route path="documents/:id" element={<DocumentPage />} />
                    <Route path="documents/:id/edit" element={<NewDocumentPage />} />
                    <Route path="documents/cleanups" element={<CleanupsPage />} />
                    <Route path="documents/cleanups/:id" element={<CleanupPage />} />
                    <Route path="filings" element={<FilingsPage />} />
                    <Route path="decisions" element={<DecisionsPage />} />
                    <Route path="decisions/new" element={<NewDecisionPage />} />
                    <Route path="decisions/catalogue" element={<DecisionCataloguePage />} />
                    <Route path="decisions/:id" element={<DecisionPage />} />
                    <Route path="decisions/:id/archive" element={<DecisionArchivePage />} />
                    <Route path="meetings" element={<MeetingsPage />} />
                    <Route path="meetings/:id" element={<MeetingPage />} />
                    <Route path="reports/imports" element={<ReportImportsPage />} />
                    <Route path="reports/imports/new" element={<NewReportImportPage />} />
                    <Route path="reports/imports/:id" element={<ReportImportPage />} />
                    <Route path="reports" element={<RuleOfLawReportPage />} />
                    <Route path="reports/study" element={<StudyPage />} />
                    <Route path="reports/oversight" element={<ReportOversightPage />} />
                    <Route path="reports/oversight/:departmentId" element={<RuleOfLawReportPage />} />
                    <Route path="reviews" element={<ReviewsPage />} />
                    <Route path="reviews/new" element={<NewMatterPage />} />
                    <Route path="reviews/advisors" element={<AdvisorsPage />} />
                    <Route path="reviews/:id" element={<MatterPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
