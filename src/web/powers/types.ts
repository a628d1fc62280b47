// Shapes of the 权责清单 API (type-only imports: nothing of the server reaches the bundle).
import type { historyOf, listPowers } from '../../modules/powers/service.ts';
import type { yearTotals } from '../../modules/powers/counts.ts';
import type { Acts } from '../../core/cases/acts.ts';
import type { PowerAct } from '../../modules/powers/acts.ts';

/** An item with what this actor may do to it now (`acts`, from the server's rule: powers/acts.ts). */
export type PowerItem = Awaited<ReturnType<typeof listPowers>>[number] & Acts<PowerAct>;
export type PowerHistory = Awaited<ReturnType<typeof historyOf>>;
export type PowerTotals = Awaited<ReturnType<typeof yearTotals>>;
export interface PowerList {
  items: PowerItem[];
  categories: Record<string, string>;
  statuses: Record<string, string>;
  actions: Record<string, string>;
}
