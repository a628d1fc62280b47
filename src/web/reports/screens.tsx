import { lazy } from 'react';
import { BarChartOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { MenuEntry, ScreenManifest } from '../lib/screens.ts';

const ReportPage = lazy(() => import('./ReportPage.tsx'));
const group = '法治政府建设';

export const reportScreens: ScreenManifest = {
  routes: [
    { path: 'reports/imports', Component: lazy(() => import('./imports/ImportsPage.tsx')) },
    { path: 'reports/imports/new', Component: lazy(() => import('./imports/NewImportPage.tsx')) },
    { path: 'reports/imports/:id', Component: lazy(() => import('./imports/ImportPage.tsx')) },
    { path: 'reports', Component: ReportPage },
    { path: 'reports/oversight', Component: lazy(() => import('./OversightPage.tsx')) },
    { path: 'reports/oversight/:departmentId', Component: ReportPage },
  ],
  menu: (a) => {
    const items: MenuEntry[] = [];
    if (a.ruleOfLawReport)
      items.push({ key: '/reports', icon: <BarChartOutlined />, label: '法治政府建设年报', group });
    if (a.reportOversight)
      items.push({
        key: '/reports/oversight',
        icon: <BarChartOutlined />,
        label: '年度报告监督',
        group,
      });
    if (a.reportImports)
      items.push({ key: '/reports/imports', icon: <FileSearchOutlined />, label: '年报导入分析' });
    return items;
  },
};
