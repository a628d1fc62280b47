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
/** A number, with its bounds; `integer`: whole numbers only (the route, the form and OpenAPI ask for one). */
export const num = <N extends string, R extends boolean = false>(
  name: N,
  label: string,
  bounds: { min?: number; max?: number; integer?: boolean } = {},
  required = false as R,
) => ({ name, label, type: 'number' as const, required, ...bounds });
/** A text's length bounds (characters, after trimming). */
export const sized = <F extends FieldSpec>(f: F, maxLength: number, minLength?: number) => ({
  ...f,
  maxLength,
  ...(minLength ? { minLength } : {}),
});

/** A password (not trimmed, never echoed), with what the browser may fill in. */
export const password = <N extends string>(
  name: N,
  label: string,
  autocomplete: 'current-password' | 'new-password',
  maxLength = 256,
) => ({ name, label, type: 'password' as const, required: true as const, autocomplete, maxLength });
/** The form's repeat of a password (确认新密码): checked in the form that both agree, not posted. */
export const confirmation = <N extends string>(
  name: N,
  label: string,
  of: { name: string; autocomplete: 'current-password' | 'new-password' },
) => ({
  name,
  label,
  type: 'password' as const,
  required: true as const,
  autocomplete: of.autocomplete,
  confirms: of.name,
});
/** A select whose options are served at request time (e.g. settings); the value is a code of them. */
export const offered = <N extends string>(name: N, label: string, maxLength = 40) => ({
  name,
  label,
  type: 'select' as const,
  required: true as const,
  offered: true,
  maxLength,
});
/** Free tags: up to `maxItems` short texts, each up to `maxLength` characters. */
export const tags = <N extends string>(
  name: N,
  label: string,
  maxItems: number,
  maxLength: number,
) => ({ name, label, type: 'tags' as const, required: false as const, maxItems, maxLength });
/** One control for two dates (e.g. 放假起止日期), posted as the two date fields `from` and `to`. */
export const dateRange = <N extends string, A extends string, B extends string>(
  name: N,
  label: string,
  from: A,
  fromLabel: string,
  to: B,
  toLabel: string,
) => ({
  name,
  label,
  type: 'dateRange' as const,
  required: true as const,
  ends: [date(from, fromLabel), date(to, toLabel)] as const,
});
/** Repeating rows, each the given fields, `minItems` to `maxItems` of them; `rowLabel` names row {n}. */
export const list = <N extends string, const R extends readonly FieldSpec[]>(
  name: N,
  label: string,
  rows: R,
  bounds: { minItems?: number; maxItems: number; rowLabel: string; removeLabel?: string },
) => ({
  name,
  label,
  type: 'list' as const,
  required: false as const,
  rows,
  ...bounds,
});

/** A long text's non-empty lines, trimmed: how a form posts a list, one item a line. */
export const formLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
