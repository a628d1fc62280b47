// Shapes of the review API, taken from the server's own functions (type-only: nothing of the server reaches the bundle).
import type { listMatters, reviewerCandidates } from '../../modules/reviews/queue.ts';
import type { matterView } from '../../modules/reviews/view.ts';
import type { listAdvisors } from '../../modules/reviews/advisors.ts';
import type { ReviewLimits } from '../../modules/reviews/settings.ts';

type Json<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type MatterList = Json<Awaited<ReturnType<typeof listMatters>>>;
export type MatterItem = MatterList['items'][number];
export type MatterPayload = Json<Awaited<ReturnType<typeof matterView>>>;
export type Opinion = MatterPayload['opinions'][number];
export type Candidates = Json<Awaited<ReturnType<typeof reviewerCandidates>>>;
export type Advisor = Json<Awaited<ReturnType<typeof listAdvisors>>[number]>;
export type { ReviewLimits };
