import { lazy } from 'react';
import {
  BarChartOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import type { MenuEntry, ScreenManifest } from '../lib/screens.ts';

const group = '政务公开';

export const disclosureScreens: ScreenManifest = {
  routes: [
    { path: 'publications', Component: lazy(() => import('./publications/PublicationsPage.tsx')) },
    { path: 'publications/new', Component: lazy(() => import('./publications/PublishPage.tsx')) },
    {
      path: 'publications/reviews',
      Component: lazy(() => import('./publications/ReviewsPage.tsx')),
    },
    {
      path: 'publications/reviews/:id',
      Component: lazy(() => import('./publications/ReviewPage.tsx')),
    },
    {
      path: 'publications/:id',
      Component: lazy(() => import('./publications/PublicationDetailPage.tsx')),
    },
    { path: 'disclosure/guide', Component: lazy(() => import('./publications/GuidePage.tsx')) },
    { path: 'disclosure/requests', Component: lazy(() => import('./requests/RequestsPage.tsx')) },
    {
      path: 'disclosure/requests/:id',
      Component: lazy(() => import('./requests/RequestPage.tsx')),
    },
    { path: 'disclosure/report', Component: lazy(() => import('./report/ReportPage.tsx')) },
  ],
  menu: (a) => {
    const items: MenuEntry[] = [];
    if (a.publish)
      items.push(
        { key: '/publications', icon: <FileTextOutlined />, label: '主动公开', group },
        { key: '/disclosure/guide', icon: <ReadOutlined />, label: '公开指南', group },
      );
    if (a.disclosureRequests)
      items.push({
        key: '/disclosure/requests',
        icon: <FileSearchOutlined />,
        label: '依申请公开',
        group,
      });
    if (a.disclosureReport)
      items.push({
        key: '/disclosure/report',
        icon: <BarChartOutlined />,
        label: '公开工作年报',
        group,
      });
    return items;
  },
};
