/** Demo: nothing in the small demo (tests); with `history` (npm start) no records yet either — officers come from the enforcement demo. */
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';

export async function seedDemoPenalties(_ctx: Ctx, _staff: Actor, _opts: { history: boolean; departmentId: string }): Promise<void> {
  // Filled in below when the enforcement demo's officers exist (see report).
}
