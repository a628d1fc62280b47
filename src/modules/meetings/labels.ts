/** The names meetings speak in (kinds, agenda subjects, a session's name) and the shapes of their input. */
import type { agendaItems, meetings } from './schema.ts';

/** A meeting's record; its status (planned | held) is its case's. */
export type MeetingRecord = typeof meetings.$inferSelect;
export type MeetingStatus = 'planned' | 'held';
export type MeetingRow = MeetingRecord & { status: MeetingStatus };
export type AgendaRow = typeof agendaItems.$inferSelect;
export type MeetingKind = MeetingRecord['kind'];
export type SubjectType = AgendaRow['subjectType'];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  directorsOffice: '局长办公会',
  partyGroup: '党组会',
};
export const SUBJECT_LABELS: Record<SubjectType, string> = {
  majorDecision: '重大行政决策',
  normativeDocument: '行政规范性文件',
  reviewMatter: '合法性审查事项',
  other: '其他议题',
};

/** "2025年第3次局长办公会" */
export const meetingName = (m: Pick<MeetingRecord, 'year' | 'sessionNo' | 'kind'>) =>
  `${m.year}年第${m.sessionNo}次${MEETING_KIND_LABELS[m.kind]}`;

export interface MeetingInput {
  kind: MeetingKind;
  meetingOn: string;
  sessionNo?: number | null;
  location?: string;
  chair?: string;
}
export interface HeldInput {
  attendees: string;
  absentees?: string;
  publicAttendees: Array<{ name: string; identity: string }>;
  minutes: string;
}
export interface AgendaInput {
  title: string;
  subjectType: SubjectType;
  subjectId?: string | null;
  presenter?: string;
  isPublic?: boolean;
  publicSummary?: string;
  materials?: AgendaRow['materials'];
}
/** A topic added from the meeting page: the linked record's type may be left to be found from it. */
export type TopicInput = Omit<AgendaInput, 'subjectType'> & { subjectType?: SubjectType };
