/** 局长办公会/党组会: numbered sessions, agendas, 列席, minutes; public topics on /hyyt. */
import type { ModuleManifest } from '../../core/module.ts';
import { meetingsAudit } from './auditLabels.ts';
import { authorize, meetingAbilities } from './policy.ts';
import { LIST_FORMS } from './forms.ts';
import { meetingFacts } from './facts.ts';
import { meetingRoutes } from './routes.ts';
import { meetingPortal, meetingSections } from './portal.tsx';
import { MEETING, MEETING_MODULE_ACTIONS } from './procedure.ts';
import { loadMeeting } from './queries.ts';

export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  label: '会议',
  audit: meetingsAudit,
  procedures: [
    {
      def: MEETING,
      moduleActions: MEETING_MODULE_ACTIONS,
      page: { table: 'meetings', path: '/meetings/' },
      read: loadMeeting,
    },
  ],
  abilities: meetingAbilities,
  // Meeting counts belong to the 第一责任人 / decisions part of the report.
  facts: [{ module: 'meetings', area: 'decisions', facts: meetingFacts }],
  routes: (app, ctx) => meetingRoutes(app, ctx),
  forms: {
    summary: '会议的表单（安排会议）',
    guard: (a) => authorize(a, 'meeting', 'list'),
    forms: LIST_FORMS,
  },
  portal: (ctx, page) => meetingPortal({ ctx, page }),
  portalSections: meetingSections,
};
