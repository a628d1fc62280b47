// Shapes of the 权责清单 API (type-only imports: nothing of the server reaches the bundle).
import type { historyOf, listPowers } from '../../modules/powers/service.ts';
import type { yearTotals } from '../../modules/powers/counts.ts';

export type PowerItem = Awaited<ReturnType<typeof listPowers>>[number];
export type PowerHistory = Awaited<ReturnType<typeof historyOf>>;
export type PowerTotals = Awaited<ReturnType<typeof yearTotals>>;
export interface PowerList {
  items: PowerItem[];
  categories: Record<string, string>;
  statuses: Record<string, string>;
  actions: Record<string, string>;
}
