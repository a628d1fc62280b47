import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const litigationScreens: ScreenManifest = {
  routes: [
    { path: 'litigation', Component: lazy(() => import('./LitigationPage.tsx')) },
    { path: 'litigation/:id', Component: lazy(() => import('./CasePage.tsx')) },
  ],
  menu: (a) =>
    a.viewLitigation
      ? [{ key: '/litigation', icon: <AuditOutlined />, label: '行政复议与应诉' }]
      : [],
};
