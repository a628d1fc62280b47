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

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
// The same codes and labels as modules/reviews/labels.ts (which imports zod and settings, so it stays out of the bundle).
export const MATTER_TYPES = options({
  majorDecision: '重大行政决策',
  normativeDocument: '行政规范性文件',
  contract: '合同协议',
  disclosureReply: '信息公开答复',
  reconsideration: '行政复议应诉',
  other: '其他法律事务',
});
export const CONCLUSIONS = options({
  lawful: '合法',
  lawfulAfterRevision: '修改后合法',
  unlawful: '不合法',
});
export const ADOPTIONS = options({
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '未采纳',
});
export const ADVISOR_KINDS = options({ external: '法律顾问', governmentLawyer: '公职律师' });
