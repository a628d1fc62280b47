/** What the 督办 page shows: the task, its progress reports, its case, and what this actor may do now. */
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { caseState } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { actsOf, engineVerdict } from '../../core/cases/acts.ts';
import { supervisionPolicy } from './policy.ts';
import { supervisionProgress } from './schema.ts';
import { loadTask, scopeOf } from './service.ts';
import { fieldView } from '../../core/http/forms.ts';
import { ACT_FORMS } from './forms.ts';

/** The acts of the page (procedure.ts), each with the rule of policy.ts that lets an actor do it. */
export const TASK_ACTS = {
  progress: '报送进展情况',
  adjustDue: '调整办结期限',
  close: '办结',
} as const;
const RULE = { progress: 'act', adjustDue: 'adjust', close: 'act' } as const;

export async function taskView(ctx: Ctx, actor: Actor, id: string) {
  const t = await loadTask(ctx.db, actor, id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, t.caseId));
  const progress = await ctx.db
    .select()
    .from(supervisionProgress)
    .where(eq(supervisionProgress.taskId, t.id))
    .orderBy(desc(supervisionProgress.on), desc(supervisionProgress.createdAt));
  const state = await caseState(ctx, c);
  // The engine's acts on the case (an open task) for the actor's roles, where the policy lets the
  // actor act on this task (its 科室, or a leader; a deadline only by a leader).
  const engine = engineVerdict(state, actor.roles);
  return {
    task: { ...t, createdAt: t.createdAt.toISOString() },
    progress: progress.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    state,
    ...actsOf(TASK_ACTS, (a) =>
      supervisionPolicy.can(actor, 'supervisedTask', RULE[a], scopeOf(t)) ? engine(a) : false,
    ),
    // The acts' forms, declared once (forms.ts): the page adds only the initial values.
    forms: {
      progress: ACT_FORMS.progress.map((f) => fieldView(f)),
      adjustDue: ACT_FORMS.adjustDue.map((f) => fieldView(f)),
      close: ACT_FORMS.close.map((f) => fieldView(f)),
    },
    today: ctx.clock.today(),
  };
}
