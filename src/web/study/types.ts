// Shapes of the 学法普法 API (type-only imports: nothing of the server reaches the bundle).
import type { listStudy, TOPIC_FIELDS } from '../../modules/study/sessions.ts';
import type { examsOf, trainingHoursByPerson, trainingsOf } from '../../modules/study/training.ts';
import type { dutiesOf, eventsOf } from '../../modules/study/pufa.ts';
import type { FormField } from '../lib/ActForm.tsx';

type Of<F extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
export type Study = Of<typeof listStudy> & {
  kinds: Record<string, string>;
  forms: Record<string, string>;
  ranks: Record<string, string>;
  /** 登记学法 and 登记述法, as the server declares them (GET /api/reports/study). */
  recordForms: Record<'session' | 'statement', FormField[]>;
};
export type Overview = Study & {
  trainings: Of<typeof trainingsOf>;
  exams: Of<typeof examsOf>;
  duties: Of<typeof dutiesOf>;
  events: Of<typeof eventsOf>;
  hours: Of<typeof trainingHoursByPerson>;
  campaigns: Record<string, string>;
  /** The fields of one planned topic, as the server declares them. */
  topicFields: Array<(typeof TOPIC_FIELDS)[keyof typeof TOPIC_FIELDS]>;
  maxTopics: number;
};
