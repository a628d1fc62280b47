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
import { SCREENS } from './modules.ts';

dayjs.locale('zh-cn');

// Screens outside the daily worklist are loaded on demand.
const CasePage = lazy(() => import('./cases/CasePage.tsx'));
const OrgsPage = lazy(() => import('./admin/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./admin/UsersPage.tsx'));
const SecurityPage = lazy(() => import('./admin/SecurityPage.tsx'));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors (401, 403, 404, 400) are answers, not glitches: do not retry them.
        retry: (count, err) =>
          !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
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
        client.setQueryData<Session | null>(sessionKey, (s) =>
          s ? { ...s, user: { ...s.user, mustChangePassword: true } } : s,
        );
        navigate('/password', { replace: true });
      },
    });
  }, [client, navigate]);
  return null;
}

// Whoever asks their system for less motion (WCAG 2.3.3) gets no animated dialogs, messages or waves.
const reducedMotion =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const shownTheme = reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={shownTheme} button={{ autoInsertSpace: false }}>
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
                    {SCREENS.flatMap((m) => m.routes).map(({ path, Component }) => (
                      <Route key={path} path={path} element={<Component />} />
                    ))}
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
