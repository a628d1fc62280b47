/**
 * 局长办公会 / 党组会 as a procedure: a session is scheduled, its agenda (议题) is composed until it is
 * held, the topics marked public are published (before or after the meeting, once), and the record
 * of the meeting (attendees, 列席, minutes) is entered once, on or after its date. The engine is the
 * state machine; `meetings` and `meeting_agenda_items` hold the record.
 */
import type { ProcedureDef } from '../../core/procedure/engine.ts';

export const MEETING: ProcedureDef = {
  code: 'meeting',
  label: '局长办公会/党组会',
  statuses: [
    { code: 'planned', label: '待召开' },
    // Not final: the public topics may still be published after the meeting.
    { code: 'held', label: '已召开' },
  ],
  initialStatus: 'planned',
  roleLabels: { staff: '工作人员', leader: '局领导' },
  steps: [],
  actions: [
    {
      code: 'schedule',
      label: '新建会议',
      roles: ['staff', 'leader'],
      once: { message: '会议已经建立' },
      fields: [
        { name: 'meetingOn', label: '会议日期', type: 'date', required: true },
        { name: 'sessionNo', label: '期次', type: 'number', required: true, min: 1 },
      ],
    },
    {
      code: 'addAgendaItem',
      label: '增加议题',
      roles: ['staff', 'leader'],
      requires: [
        { when: { done: 'schedule' }, code: 'not_scheduled', message: '会议尚未建立' },
        {
          when: { notDone: 'hold' },
          code: 'meeting_held',
          message: '会议已经召开，不能再增加议题',
        },
      ],
      // agendaHasPublic: whether the agenda, this topic included, has a topic marked public.
      fields: [
        { name: 'title', label: '议题名称', type: 'text', required: true },
        { name: 'agendaHasPublic', label: '议程中有公开的议题', type: 'boolean', required: true },
      ],
    },
    {
      code: 'publishAgenda',
      label: '公开会议议题',
      roles: ['staff', 'leader'],
      once: { code: 'agenda_published', message: '议题已经公开' },
      requires: [
        {
          when: { last: 'addAgendaItem', field: 'agendaHasPublic', eq: true },
          code: 'no_public_topic',
          message: '本次会议没有标记为公开的议题',
        },
      ],
    },
    {
      code: 'hold',
      label: '登记会议记录',
      roles: ['staff', 'leader'],
      once: {
        code: 'already_recorded',
        message: '会议记录已经登记，不能覆盖；如需补充，请在相关事项中补充材料',
      },
      dateRules: [
        {
          from: { action: 'schedule', field: 'meetingOn' },
          to: 'event',
          min: { count: 0, unit: 'day' },
          code: 'before_meeting',
          message: '会议召开后才能登记会议记录',
        },
      ],
      effects: [{ status: 'held' }],
    },
  ],
  clocks: [],
};

/** Every act goes through the meeting service (it writes the meeting's record with the act). */
export const MEETING_MODULE_ACTIONS = MEETING.actions.map((a) => a.code);
