import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const reviewScreens: ScreenManifest = {
  routes: [
    { path: 'reviews', Component: lazy(() => import('./ReviewsPage.tsx')) },
    { path: 'reviews/new', Component: lazy(() => import('./NewMatterPage.tsx')) },
    { path: 'reviews/advisors', Component: lazy(() => import('./AdvisorsPage.tsx')) },
    { path: 'reviews/:id', Component: lazy(() => import('./MatterPage.tsx')) },
  ],
  menu: (a) =>
    a.reviewQueue ? [{ key: '/reviews', icon: <AuditOutlined />, label: '合法性审查' }] : [],
};
