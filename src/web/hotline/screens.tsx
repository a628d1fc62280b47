import { lazy } from 'react';
import { PhoneOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const hotlineScreens: ScreenManifest = {
  routes: [
    { path: 'hotline', Component: lazy(() => import('./TicketsPage.tsx')) },
    { path: 'hotline/import', Component: lazy(() => import('./ImportPage.tsx')) },
    { path: 'hotline/ratings', Component: lazy(() => import('./RatingsPage.tsx')) },
    { path: 'hotline/:id', Component: lazy(() => import('./TicketPage.tsx')) },
  ],
  menu: (a) => [
    ...(a.hotlineTickets
      ? [{ key: '/hotline', icon: <PhoneOutlined />, label: '12345工单与留言', group: '诉求办理' }]
      : []),
    ...(a.hotlineRatings
      ? [{ key: '/hotline/ratings', icon: <PhoneOutlined />, label: '好差评', group: '诉求办理' }]
      : []),
    ...(a.hotlineTokens && !a.hotlineTickets
      ? [
          {
            key: '/hotline/import',
            icon: <PhoneOutlined />,
            label: '12345平台接口',
            group: '诉求办理',
          },
        ]
      : []),
  ],
};
