/**
 * A route's body schema derived from an act's field declarations (FieldSpec), so a field is declared
 * once: the engine checks it, the web renders it, and the route validates it with the same label, type,
 * limits and options. The label is the zod description, from which the error messages name the field
 * in Chinese (src/core/http/validate.ts) and the OpenAPI document takes its title.
 */
import { z } from 'zod';
import { isoDate, rowList } from '../http/validate.ts';
import type { FieldSpec } from './types.ts';

/** A text's schema: trimmed unless it is a secret, with its declared (or required) length bounds. */
function textSchema(f: FieldSpec, trim: boolean) {
  let t = trim ? z.string().trim() : z.string();
  const min = f.minLength ?? (f.required ? 1 : undefined);
  if (min !== undefined) t = t.min(min);
  if (f.maxLength !== undefined) t = t.max(f.maxLength);
  if (f.pattern) t = t.regex(new RegExp(f.pattern.source), f.pattern.message);
  return t.describe(f.label);
}

/** The bounds on a list's number of rows or tags. */
function counted<S extends z.ZodType>(f: FieldSpec, item: S) {
  let a = z.array(item);
  if (f.minItems !== undefined) a = a.min(f.minItems);
  if (f.maxItems !== undefined) a = a.max(f.maxItems);
  return a.describe(f.label);
}

/**
 * The schema of one field; optional unless `required` (left out: its `default`, or an empty list for a
 * list or tags), and null taken for it when it is `nullable`.
 */
export function fieldSchema(f: FieldSpec): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'date':
      s = isoDate(f.label);
      break;
    case 'number': {
      let n = f.integer || f.scale ? z.number().int() : z.number();
      const said = f.boundsText;
      if (f.min !== undefined) n = n.min(f.min, said && `不能小于 ${said.min}`);
      if (f.max !== undefined) n = n.max(f.max, said && `不能超过 ${said.max}`);
      // The body names the unit it counts in (the form draws it beside the control).
      const unit = f.scale?.unit ?? f.unit;
      s = n.describe(unit ? `${f.label}（${unit}）` : f.label);
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
      // Options of the moment (settings): a code within the declared length; the service checks it.
      if (f.offered) {
        s = textSchema({ ...f, required: true }, true);
        break;
      }
      const values = (f.options ?? []).map((o) => o.value);
      s = z.enum(values as [string, ...string[]]).describe(f.label);
      break;
    }
    case 'password':
      s = textSchema(f, false);
      break;
    case 'tags': {
      const tag = z.string().trim().min(1);
      s = counted(f, f.maxLength === undefined ? tag : tag.max(f.maxLength));
      break;
    }
    case 'list':
      s = rowList(counted(f, fieldsSchema(f.rows ?? [])));
      break;
    case 'dateRange':
      throw new Error(`${f.name}: a date range is posted as its ends (fieldsSchema)`);
    default:
      s = textSchema(f, true);
  }
  if (f.required) return s;
  if (f.nullable) s = s.nullable();
  if (f.default !== undefined) return s.default(f.default);
  return f.type === 'list' || f.type === 'tags' ? s.default([]) : s.optional();
}

/** The fields a body carries: a date range as its two ends (as required as the range), a repeat not at all. */
export const postedFields = (fields: readonly FieldSpec[]): FieldSpec[] =>
  fields.flatMap((f) =>
    f.confirms
      ? []
      : f.type === 'dateRange'
        ? (f.ends ?? []).map((e) => ({ ...e, required: f.required }))
        : [f],
  );

type Value<F> = F extends { nullable: true } ? NonNull<F> | null : NonNull<F>;
type NonNull<F> = F extends { type: 'number' }
  ? number
  : F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'tags' }
      ? string[]
      : F extends { type: 'list'; rows: infer R extends readonly FieldSpec[] }
        ? Array<FieldsInput<R>>
        : F extends { type: 'select'; options: ReadonlyArray<{ value: infer V }> }
          ? V
          : string;
/** What a declared field puts in the body: a range its ends (required as the range), a repeat nothing. */
type Posted<F> = F extends { confirms: string }
  ? never
  : F extends { type: 'dateRange'; ends: ReadonlyArray<infer E> }
    ? E & { required: F extends { required: true } ? true : false }
    : F;
// A list or tags left out is an empty list, a field with a default its default: present either way.
type Present<F> = F extends { required: true }
  ? true
  : F extends { type: 'list' | 'tags' } | { default: string | boolean }
    ? true
    : false;
type InputOf<P> = {
  [
    F in P as F extends { name: string } ? (Present<F> extends true ? F['name'] : never) : never
  ]: Value<F>;
} & {
  [
    F in P as F extends { name: string } ? (Present<F> extends true ? never : F['name']) : never
  ]?: Value<F>;
};
/** The parsed body of a list of fields, typed from their declaration (names and `required: true` as literals). */
export type FieldsInput<Fs extends readonly FieldSpec[]> = InputOf<Posted<Fs[number]>>;

type Shape<Fs extends readonly FieldSpec[]> = {
  [K in keyof FieldsInput<Fs>]-?: z.ZodType<FieldsInput<Fs>[K]>;
};
/**
 * The object schema of a list of fields (a form's body, before the route adds what is its own), its
 * output typed from the declaration.
 */
export function fieldsSchema<const Fs extends readonly FieldSpec[]>(fields: Fs) {
  return z.object(
    Object.fromEntries(postedFields(fields).map((f) => [f.name, fieldSchema(f)])),
  ) as unknown as z.ZodObject<Shape<Fs>>;
}
