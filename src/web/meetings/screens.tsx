import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { ScreenManifest } from '../lib/screens.ts';

export const meetingScreens: ScreenManifest = {
  routes: [
    { path: 'meetings', Component: lazy(() => import('./MeetingsPage.tsx')) },
    { path: 'meetings/:id', Component: lazy(() => import('./MeetingPage.tsx')) },
  ],
  menu: (a) =>
    a.viewMeetings ? [{ key: '/meetings', icon: <TeamOutlined />, label: '会议议题' }] : [],
};
