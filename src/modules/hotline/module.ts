/** 12345热线与网民留言: tickets from the city platform, 网民留言 on the portal, 好差评 (RULES §7.2). */
import type { ModuleManifest } from '../../core/module.ts';
import { statusChoices } from '../../core/http/labels.ts';
import { hotlineAudit } from './auditLabels.ts';
import { HOTLINE_MODULE_ACTIONS, HOTLINE_TICKET } from './procedure.ts';
import { hotlineFacts } from './facts.ts';
import { hotlineRoutes } from './routes.ts';
import { hotlinePortal, hotlineSections } from './portal.tsx';
import { loadTicket } from './service.ts';
import { authorize, hotlineAbilities } from './policy.ts';
import { seedDemoHotline } from './demo.ts';
import { CREATE_TICKET } from './ticketForms.ts';
import { CHANNELS, KINDS, SATISFACTION, SCORES } from './labels.ts';

export const hotlineModule: ModuleManifest = {
  name: 'hotline',
  label: '12345热线与网民留言',
  audit: hotlineAudit,
  procedures: [
    {
      def: HOTLINE_TICKET,
      moduleActions: HOTLINE_MODULE_ACTIONS,
      page: { table: 'hotline_tickets', path: '/hotline/' },
      read: loadTicket,
      // Acting is for the ticket's handlers (主办/协办, 办公室, leaders), narrower than reading.
      act: async (db, actor, id) =>
        authorize(actor, 'hotlineTicket', 'act', await loadTicket(db, actor, id)),
    },
  ],
  abilities: hotlineAbilities,
  labels: {
    summary: '12345热线工单的办理状态、诉求类型、来源渠道、回访满意度和好差评等级',
    guard: (a) => authorize(a, 'hotlineTicket', 'list'),
    lists: {
      statuses: { label: '办理状态', choices: statusChoices(HOTLINE_TICKET) },
      kinds: { label: '诉求类型', choices: [...KINDS] },
      channels: { label: '来源渠道', choices: [...CHANNELS] },
      satisfaction: { label: '回访满意度', choices: [...SATISFACTION] },
      scores: { label: '好差评等级', choices: [...SCORES] },
    },
  },
  forms: {
    summary: '12345热线录入工单的表单',
    guard: (a) => authorize(a, 'hotlineTicket', 'list'),
    forms: { create: CREATE_TICKET },
  },
  facts: [{ module: 'hotline', area: 'functions', facts: hotlineFacts }],
  routes: (app, ctx) => hotlineRoutes(app, ctx),
  portal: (ctx, page) => hotlinePortal(ctx, page),
  portalSections: hotlineSections,
  demo: (ctx, staff, opts) => seedDemoHotline(ctx, staff, opts),
};
