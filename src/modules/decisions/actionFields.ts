/**
 * The field builders of the 重大行政决策 acts (actions*.ts), so each act reads as its list of fields.
 */
import type { Cond } from '../../core/procedure/engine.ts';

export { choice, date, long, opts, ref, text, yes } from '../../core/procedure/fields.ts';

/** Refuses the act when the event's boolean field is false (evaluate() has no event, so it never blocks there). */
export const mustBeTrue = (field: string, code: string, message: string) => ({
  when: { not: { data: field, eq: false } } as Cond,
  code,
  message,
});

/** The acts of the drafting phase are recorded while the decision is being drafted. */
export const drafting = ['drafting'];
