import type { listMeetings } from '../../modules/meetings/queries.ts';
import type { AgendaRow, MeetingRow } from '../../modules/meetings/labels.ts';
import type { MeetingForm } from '../../modules/meetings/forms.ts';
import type { FormField } from '../lib/ActForm.tsx';

export type MeetingItem = Awaited<ReturnType<typeof listMeetings>>['rows'][number];
export interface MeetingPayload {
  meeting: MeetingRow & { name: string; kindLabel: string };
  agenda: Array<AgendaRow & { subjectLabel: string; link: string | null }>;
  abilities: { addTopic: boolean; recordHeld: boolean; publishAgenda: boolean };
  /** The page's forms, as the server declares them (modules/meetings/forms.ts). */
  forms: Record<MeetingForm, FormField[]>;
}
