/** The histories the procedure tests build: every event on the way is accepted by check(). */
import assert from 'node:assert/strict';
import { createCalendar, type Calendar } from '../../../core/calendar/calendar.ts';
import {
  actionsFor,
  check,
  evaluate,
  type CaseEvent,
  type CaseState,
} from '../../../core/procedure/engine.ts';
import { DISCLOSURE_REQUEST, disclosureRequestProcedure } from '../procedure.ts';
import { DISCLOSURE_OUTCOMES } from '../outcomes.ts';

export const cal = createCalendar({ overrides: [], officialYears: [] });
export const P = DISCLOSURE_REQUEST;

export type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];
export const RECEIVE = {
  channel: 'online',
  applicantType: 'naturalPerson',
  applicantName: '张三',
  content: '2024年科技项目资金分配情况',
};

/** Builds a history, asserting that check() accepts every event on the way (histories are valid by construction). */
export function history(steps: Step[], c: Calendar = cal, proc = P): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = {
      type,
      on,
      data: data ?? (type === 'receive' ? RECEIVE : undefined),
      actorRoles: roles ?? ['staff'],
    };
    const r = check(proc, h, ev, c);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

// The approver's acts are recorded in the procedure's approver role (the service checks the account, approval.ts).
export const APPROVING = ['leader', 'approver'];
/** The answer as the procedure makes it: the clerk's draft, then the approver's 审签. */
export const answered = (on: string, data: Record<string, unknown>): Step[] => [
  ['answerDraft', on, data],
  ['answer', on, data, APPROVING],
];
/** An extension as the procedure grants it: the clerk's request, then the approver's consent. */
export const extended = (on: string, workdays: number): Step[] => [
  ['extendRequest', on, { workdays, reason: '需调取档案' }],
  ['extend', on, { workdays }, APPROVING],
];

export const step = (s: CaseState, code: string) => s.openSteps.find((x) => x.step === code);
export const clock = (s: CaseState, code: string) => s.clocks.find((x) => x.clock === code);

export function stepsOf(h: CaseEvent[]): Step[] {
  return h.map((e) => [e.type, e.on, e.data, e.actorRoles]);
}
