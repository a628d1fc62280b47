import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const decisionScreens: ScreenManifest = {
  routes: [
    { path: 'decisions', Component: lazy(() => import('./DecisionsPage.tsx')) },
    { path: 'decisions/new', Component: lazy(() => import('./NewDecisionPage.tsx')) },
    { path: 'decisions/catalogue', Component: lazy(() => import('./CataloguePage.tsx')) },
    { path: 'decisions/:id', Component: lazy(() => import('./DecisionPage.tsx')) },
    { path: 'decisions/:id/archive', Component: lazy(() => import('./ArchivePage.tsx')) },
  ],
  menu: (a) =>
    a.viewDecisions
      ? [{ key: '/decisions', icon: <FileTextOutlined />, label: '重大行政决策' }]
      : [],
};
