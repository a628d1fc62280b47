import { lazy } from 'react';
import { SolutionOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const proposalScreens: ScreenManifest = {
  routes: [
    { path: 'proposals', Component: lazy(() => import('./ProposalsPage.tsx')) },
    { path: 'proposals/:id', Component: lazy(() => import('./ProposalPage.tsx')) },
  ],
  menu: (a) =>
    a.proposals
      ? [
          {
            key: '/proposals',
            icon: <SolutionOutlined />,
            label: '建议提案办理',
            group: '诉求办理',
          },
        ]
      : [],
};
