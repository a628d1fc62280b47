/**
 * What an actor may do on a record now, as a view sends it to the workbench: `acts` (act → may do it
 * now) and `blocked` (the acts a rule holds back, with the rule's Chinese reason). The browser shows
 * buttons from `acts` and never compares statuses (issue 11 item 3). On a case the verdicts come from
 * the engine's evaluation for the actor's roles (`engineVerdict`); a record not on the engine passes
 * its module's own rule, the one its service enforces.
 */
import { z } from 'zod';
import type { CaseState } from '../procedure/engine.ts';

export interface BlockedAct {
  action: string;
  label: string;
  reason: string;
}
export interface Acts<C extends string> {
  acts: Record<C, boolean>;
  blocked: BlockedAct[];
}
/** true: may do it now; false: not this actor's act, or not at this stage; a string: held back, and why. */
export type Verdict = boolean | string;

/** `labels` names each act; `verdict` decides it (policy first, then the engine or the record's rule). */
export function actsOf<C extends string>(
  labels: Record<C, string>,
  verdict: (act: C) => Verdict,
): Acts<C> {
  const acts = {} as Record<C, boolean>;
  const blocked: BlockedAct[] = [];
  for (const action of Object.keys(labels) as C[]) {
    const v = verdict(action);
    acts[action] = v === true;
    if (typeof v === 'string') blocked.push({ action, label: labels[action], reason: v });
  }
  return { acts, blocked };
}

/**
 * The engine's verdict on an action for a holder of `roles`: allowed now, blocked by a gate (its
 * reason), or not offered (another status, or another role's act).
 */
export function engineVerdict(state: CaseState, roles: readonly string[]) {
  const mine = (r: { roles: string[] }) => r.roles.some((x) => roles.includes(x));
  return (action: string): Verdict => {
    if (state.allowed.some((a) => a.action === action && mine(a))) return true;
    return state.blocked.find((b) => b.action === action && mine(b))?.reason ?? false;
  };
}

/** The response schema of `actsOf`'s result (OpenAPI): one flag per act, named by its label. */
export function actsReply<C extends string>(labels: Record<C, string>) {
  const flags = Object.fromEntries(
    Object.entries(labels).map(([code, label]) => [code, z.boolean().describe(label as string)]),
  ) as Record<C, z.ZodBoolean>;
  return {
    acts: z.object(flags).describe('当前可办理的操作'),
    blocked: z
      .array(
        z.object({
          action: z.string().describe('操作代码'),
          label: z.string().describe('操作名称'),
          reason: z.string().describe('暂不能办理的原因'),
        }),
      )
      .describe('暂不能办理的操作及原因'),
  };
}
