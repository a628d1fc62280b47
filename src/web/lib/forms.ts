// The fields of a module's forms as the server declares them (GET /api/<module>/forms,
// core/http/forms.ts): the workbench keeps no copy of a label, a limit or an option.
import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';
import type { FormField } from './ActForm.tsx';
import { bool } from './ActForm.tsx';

/** What a page adds to declared fields: the values a form starts with, the options of a `ref` select. */
export interface FormFill {
  initial?: Record<string, string | undefined>;
  options?: Record<string, ReadonlyArray<{ value: string; label: string }>>;
}

/** Declared fields with the page's initial values and record options. */
export const filled = (fields: readonly FormField[], fill: FormFill = {}): FormField[] =>
  fields.map((f) => ({
    ...f,
    ...(fill.initial?.[f.name] ? { initial: fill.initial[f.name] } : {}),
    ...(fill.options?.[f.name] ? { options: fill.options[f.name] } : {}),
  }));

/** A value as its route takes it: 是/否 as a boolean (a select sends 'true'/'false'), a number as a number (an initial value is a string). */
const typedValue = (field: FormField | undefined, v: unknown) =>
  field?.type === 'boolean' ? bool(v) : field?.type === 'number' ? Number(v) : v;

/** A form's values as its route takes them. */
export const formBody =
  (fields: readonly FormField[]) => (values: Record<string, unknown>, fileIds?: string[]) => ({
    ...Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        typedValue(
          fields.find((f) => f.name === k),
          v,
        ),
      ]),
    ),
    ...(fileIds ? { fileIds } : {}),
  });

/** A module's forms, fetched once per session; `fields(form)` is empty until they arrive. */
export function useForms(module: string) {
  const q = useQuery({
    queryKey: [module, 'forms'],
    queryFn: () => get<Record<string, FormField[]>>(`/api/${module}/forms`),
    staleTime: Infinity,
  });
  const fields = (form: string, fill?: FormFill): FormField[] => filled(q.data?.[form] ?? [], fill);
  return { fields, isPending: q.isPending };
}
