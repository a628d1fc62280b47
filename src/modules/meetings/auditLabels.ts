/** The audit log's Chinese names for what this module records (src/core/audit/labels.ts). */
import type { ModuleAudit } from '../../core/audit/labels.ts';

export const meetingsAudit = {
  actions: {
    'meeting.create': '新建会议',
    'meeting.agenda': '编排会议议题',
    'meeting.publishAgenda': '公开会议议题',
    'meeting.held': '记录会议召开',
  },
  fields: { meetingOn: '会议日期', publicAttendees: '列席公众代表' },
  entities: { meeting: { label: '会议' } },
} as const satisfies ModuleAudit;
