import { lazy } from 'react';
import { MessageOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const petitionScreens: ScreenManifest = {
  routes: [
    { path: 'petitions', Component: lazy(() => import('./PetitionsPage.tsx')) },
    { path: 'petitions/:id', Component: lazy(() => import('./PetitionPage.tsx')) },
  ],
  menu: (a) =>
    a.petitions
      ? [{ key: '/petitions', icon: <MessageOutlined />, label: '信访事项', group: '诉求办理' }]
      : [],
};
