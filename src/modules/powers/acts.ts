/**
 * What may be done to a 权责事项 now: one rule for the services (adjustPower, cancelPower, recordCount
 * refuse with its reason) and for the list, whose buttons come from it (issue 11 item 3). The list is
 * not on the procedure engine: an item is valid, adjusted or cancelled, and a cancelled item stays on
 * the record, unchanged (restored only as a new item). Its 办件量 may still be recorded, as the import
 * does: the cases of the months before the cancellation were handled under it.
 */
import type { Actor } from '../../core/auth/actor.ts';
import { actsOf } from '../../core/cases/acts.ts';
import { powersPolicy } from './policy.ts';

export const POWER_ACTS = { adjust: '调整', cancel: '取消', count: '登记办件量' } as const;
export type PowerAct = keyof typeof POWER_ACTS;

interface ItemState {
  departmentId: string;
  name: string;
  status: string;
}

/** Why `act` cannot be done to the item now (null: it can); `cancelledOn` dates a cancellation. */
export function powerRefusal(p: ItemState, act: PowerAct, cancelledOn?: string): string | null {
  if (act === 'count' || p.status !== 'cancelled') return null;
  return act === 'adjust'
    ? `事项“${p.name}”已取消，不能调整`
    : `事项“${p.name}”已${cancelledOn ? `于${cancelledOn}` : ''}取消，不能重复取消`;
}

/** The acts of the list for this actor: those who keep the list, where the item's state allows. */
export const powerActs = (actor: Actor, p: ItemState) =>
  actsOf(POWER_ACTS, (a) =>
    powersPolicy.can(actor, 'powerList', 'edit', p) ? (powerRefusal(p, a) ?? true) : false,
  );
