/**
 * The field builders of the 重大行政决策 acts (actions*.ts), so each act reads as its list of fields.
 */
import type { Cond, FieldSpec } from '../../core/procedure/engine.ts';

export const opts = (...pairs: Array<[string, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));
export const text = (name: string, label: string, required = false, help?: string): FieldSpec => ({
  name,
  label,
  type: 'text',
  required,
  help,
});
export const long = (name: string, label: string, required = false, help?: string): FieldSpec => ({
  name,
  label,
  type: 'longText',
  required,
  help,
});
export const date = (name: string, label: string, required = true): FieldSpec => ({
  name,
  label,
  type: 'date',
  required,
});
export const yes = (name: string, label: string, help?: string): FieldSpec => ({
  name,
  label,
  type: 'boolean',
  required: true,
  help,
});
/** Refuses the act when the event's boolean field is false (evaluate() has no event, so it never blocks there). */
export const mustBeTrue = (field: string, code: string, message: string) => ({
  when: { not: { data: field, eq: false } } as Cond,
  code,
  message,
});

/** The acts of the drafting phase are recorded while the decision is being drafted. */
export const drafting = ['drafting'];
