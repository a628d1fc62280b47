import { lazy } from 'react';
import { FlagOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const supervisionScreens: ScreenManifest = {
  routes: [
    { path: 'supervision', Component: lazy(() => import('./TasksPage.tsx')) },
    { path: 'supervision/:id', Component: lazy(() => import('./TaskPage.tsx')) },
  ],
  menu: (a) =>
    a.supervision
      ? [{ key: '/supervision', icon: <FlagOutlined />, label: '督办事项', group: '诉求办理' }]
      : [],
};
