import type { listMeetings } from '../../modules/meetings/queries.ts';
import type { AgendaRow, MeetingRow } from '../../modules/meetings/labels.ts';

export type MeetingItem = Awaited<ReturnType<typeof listMeetings>>['rows'][number];
export interface MeetingPayload {
  meeting: MeetingRow & { name: string; kindLabel: string };
  agenda: Array<AgendaRow & { subjectLabel: string; link: string | null }>;
  abilities: { addTopic: boolean; recordHeld: boolean; publishAgenda: boolean };
  subjects: { value: string; label: string }[];
}
export const KINDS = [
  { value: 'directorsOffice', label: '局长办公会' },
  { value: 'partyGroup', label: '党组会' },
];

/** "赵某，企业代表" per line → [{ name, identity }]. */
export const parseAttendees = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...rest] = l.split(/[，,、\s]+/);
      return { name, identity: rest.join(' ') || '公众代表' };
    });
