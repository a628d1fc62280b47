import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { MenuEntry, ScreenManifest } from '../lib/screens.ts';

const NewDocumentPage = lazy(() => import('./NewDocumentPage.tsx'));

export const documentScreens: ScreenManifest = {
  routes: [
    { path: 'documents', Component: lazy(() => import('./DocumentsPage.tsx')) },
    { path: 'documents/new', Component: NewDocumentPage },
    { path: 'documents/:id', Component: lazy(() => import('./DocumentPage.tsx')) },
    { path: 'documents/:id/edit', Component: NewDocumentPage },
    { path: 'documents/cleanups', Component: lazy(() => import('./CleanupsPage.tsx')) },
    { path: 'documents/cleanups/:id', Component: lazy(() => import('./CleanupPage.tsx')) },
    { path: 'filings', Component: lazy(() => import('./FilingsPage.tsx')) },
  ],
  menu: (a) => {
    const items: MenuEntry[] = [];
    if (a.viewDocuments)
      items.push({ key: '/documents', icon: <FileTextOutlined />, label: '规范性文件' });
    if (a.filingQueue)
      items.push({ key: '/filings', icon: <FileTextOutlined />, label: '备案审查' });
    return items;
  },
};
