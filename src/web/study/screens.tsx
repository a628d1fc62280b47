import { lazy } from 'react';
import { ReadOutlined } from '@ant-design/icons';
import type { MenuEntry, ScreenManifest } from '../lib/screens.ts';

const group = '法治政府建设';

export const studyScreens: ScreenManifest = {
  routes: [
    // The annual report links to the 学法/述法 records at this path.
    { path: 'reports/study', Component: lazy(() => import('./StudyPage.tsx')) },
    { path: 'study', Component: lazy(() => import('./EducationPage.tsx')) },
    { path: 'study/duties/:id', Component: lazy(() => import('./EducationPage.tsx')) },
  ],
  menu: (a) => {
    const items: MenuEntry[] = [];
    if (a.viewStudy)
      items.push(
        { key: '/reports/study', icon: <ReadOutlined />, label: '学法述法记录', group },
        { key: '/study', icon: <ReadOutlined />, label: '学法普法', group },
      );
    return items;
  },
};
