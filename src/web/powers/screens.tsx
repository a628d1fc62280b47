import { lazy } from 'react';
import { ProfileOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const powerScreens: ScreenManifest = {
  routes: [{ path: 'powers', Component: lazy(() => import('./PowersPage.tsx')) }],
  menu: (a) =>
    a.viewPowers
      ? [{ key: '/powers', icon: <ProfileOutlined />, label: '权责清单', group: '法治政府建设' }]
      : [],
};
