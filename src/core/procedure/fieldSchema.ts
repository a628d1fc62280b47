/**
 * A route's body schema derived from an act's field declarations (FieldSpec), so a field is declared
 * once: the engine checks it, the web renders it, and the route validates it with the same label, type,
 * limits and options. The label is the zod description, from which the error messages name the field
 * in Chinese (src/core/http/validate.ts) and the OpenAPI document takes its title.
 */
import { z } from 'zod';
import { isoDate } from '../http/validate.ts';
import type { FieldSpec } from './types.ts';

/** The zod schema of one field; optional unless `required`. */
export function fieldSchema(f: FieldSpec): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'date':
      s = isoDate(f.label);
      break;
    case 'number': {
      let n = z.number();
      if (f.min !== undefined) n = n.min(f.min);
      if (f.max !== undefined) n = n.max(f.max);
      s = n.describe(f.label);
      break;
    }
    case 'boolean':
      s = z.boolean().describe(f.label);
      break;
    case 'select': {
      if (f.ref) {
        s = z.uuid().describe(f.label);
        break;
      }
      const values = (f.options ?? []).map((o) => o.value);
      s = z.enum(values as [string, ...string[]]).describe(f.label);
      break;
    }
    default: {
      let t = z.string().trim();
      const min = f.minLength ?? (f.required ? 1 : undefined);
      if (min !== undefined) t = t.min(min);
      if (f.maxLength !== undefined) t = t.max(f.maxLength);
      s = t.describe(f.label);
    }
  }
  return f.required ? s : s.optional();
}

type Value<F> = F extends { type: 'number' }
  ? number
  : F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'select'; options: ReadonlyArray<{ value: infer V }> }
      ? V
      : string;
/** The parsed body of a list of fields, typed from their declaration (names and `required: true` as literals). */
export type FieldsInput<Fs extends readonly FieldSpec[]> = {
  [F in Fs[number] as F extends { required: true } ? F['name'] : never]: Value<F>;
} & { [F in Fs[number] as F extends { required: true } ? never : F['name']]?: Value<F> };

type Shape<Fs extends readonly FieldSpec[]> = {
  [K in keyof FieldsInput<Fs>]-?: z.ZodType<FieldsInput<Fs>[K]>;
};
/**
 * The object schema of a list of fields (a form's body, before the route adds what is its own), its
 * output typed from the declaration.
 */
export function fieldsSchema<const Fs extends readonly FieldSpec[]>(fields: Fs) {
  return z.object(
    Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])),
  ) as unknown as z.ZodObject<Shape<Fs>>;
}
