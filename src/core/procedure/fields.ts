/**
 * The builders of declared fields (FieldSpec), for procedures' acts and for forms that post to routes
 * of their own, so each form reads as its list of fields. They keep a field's name, whether it is
 * required and a select's values as literal types, so a route's body is typed from the declaration
 * (fieldSchema.ts: FieldsInput).
 */
import type { FieldSpec } from './types.ts';

export const opts = <V extends string>(...pairs: Array<[V, string]>) =>
  pairs.map(([value, label]) => ({ value, label }));
export const text = <N extends string, R extends boolean = false>(
  name: N,
  label: string,
  required = false as R,
  help?: string,
) => ({ name, label, type: 'text' as const, required, help });
export const long = <N extends string, R extends boolean = false>(
  name: N,
  label: string,
  required = false as R,
  help?: string,
) => ({ name, label, type: 'longText' as const, required, help });
export const date = <N extends string, R extends boolean = true>(
  name: N,
  label: string,
  required = true as R,
) => ({ name, label, type: 'date' as const, required });
export const yes = <N extends string>(name: N, label: string, help?: string) => ({
  name,
  label,
  type: 'boolean' as const,
  required: true as const,
  help,
});
/** A select of fixed options, given as [value, label] pairs. */
export const choice = <N extends string, V extends string>(
  name: N,
  label: string,
  ...pairs: Array<[V, string]>
) => ({ name, label, type: 'select' as const, required: true as const, options: opts(...pairs) });
/** A select of records the page offers (FieldSpec.ref): the value is the chosen record's id. */
export const ref = <N extends string>(name: N, label: string) => ({
  name,
  label,
  type: 'select' as const,
  required: true as const,
  ref: true,
});
/** A number, with its bounds. */
export const num = <N extends string, R extends boolean = false>(
  name: N,
  label: string,
  bounds: { min?: number; max?: number } = {},
  required = false as R,
) => ({ name, label, type: 'number' as const, required, ...bounds });
/** A text's length bounds (characters, after trimming). */
export const sized = <F extends FieldSpec>(f: F, maxLength: number, minLength?: number) => ({
  ...f,
  maxLength,
  ...(minLength ? { minLength } : {}),
});

/** A long text's non-empty lines, trimmed: how a form posts a list, one item a line. */
export const formLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
