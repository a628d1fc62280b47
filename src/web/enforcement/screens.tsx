import { lazy } from 'react';
import {
  AuditOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

const OfficersPage = lazy(() => import('./OfficersPage.tsx'));

export const enforcementScreens: ScreenManifest = {
  routes: [
    { path: 'enforcement/officers', Component: OfficersPage },
    { path: 'enforcement/officers/:id', Component: OfficersPage },
    { path: 'enforcement/catalogue', Component: lazy(() => import('./CataloguePage.tsx')) },
    { path: 'enforcement/plans', Component: lazy(() => import('./PlansPage.tsx')) },
    { path: 'enforcement/plans/:id', Component: lazy(() => import('./PlanPage.tsx')) },
    { path: 'enforcement/draws/:id', Component: lazy(() => import('./DrawPage.tsx')) },
    { path: 'enforcement/inspections', Component: lazy(() => import('./InspectionsPage.tsx')) },
    { path: 'enforcement/inspections/:id', Component: lazy(() => import('./InspectionPage.tsx')) },
  ],
  menu: (a) =>
    a.enforcement
      ? [
          {
            key: '/enforcement/officers',
            icon: <IdcardOutlined />,
            label: '执法人员',
            group: '行政执法',
          },
          {
            key: '/enforcement/catalogue',
            icon: <ProfileOutlined />,
            label: '事前公开',
            group: '行政执法',
          },
          {
            key: '/enforcement/plans',
            icon: <ScheduleOutlined />,
            label: '抽查计划',
            group: '行政执法',
          },
          {
            key: '/enforcement/inspections',
            icon: <AuditOutlined />,
            label: '抽查记录',
            group: '行政执法',
          },
        ]
      : [],
};
