/**
 * The meetings module's public surface for other modules: put a matter on a meeting's agenda (in the
 * caller's transaction), read a meeting and the agenda items about a record, write a decided item's
 * outcome, list the planned sessions, and the portal's public topics.
 */
export {
  addAgendaItem,
  addTopic,
  createMeeting,
  publishAgenda,
  recordHeld,
  setOutcome,
} from './service.ts';
export { itemsAbout, loadMeeting, upcomingMeetings } from './queries.ts';
export { meetingName, type MeetingRow, type AgendaRow } from './labels.ts';
export { PublicTopics, publicTopics } from './portal.tsx';
