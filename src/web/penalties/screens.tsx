import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const penaltyScreens: ScreenManifest = {
  routes: [
    { path: 'penalties', Component: lazy(() => import('./PenaltiesPage.tsx')) },
    { path: 'penalties/statistics/:ref?', Component: lazy(() => import('./StatisticsPage.tsx')) },
    { path: 'penalties/:id', Component: lazy(() => import('./PenaltyPage.tsx')) },
  ],
  menu: (a) =>
    a.penalties ? [{ key: '/penalties', icon: <AuditOutlined />, label: '行政处罚' }] : [],
};
