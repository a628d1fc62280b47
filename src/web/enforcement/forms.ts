// 行政执法's forms as the server declares them (GET /api/enforcement/forms, modules/enforcement/forms.ts):
// the pages add initial values and record options, and send the values as the routes take them.
import type { FormField } from '../lib/ActForm.tsx';
import { formBody, useForms } from '../lib/forms.ts';

/** The module's declared forms (empty until they arrive). */
export const useEnforcementForms = () => useForms('enforcement');

/** A form's values as its route takes them: 是/否 as booleans, numbers as numbers. */
export const sent = (fields: readonly FormField[]) => (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(formBody(fields)(values)).map(([k, v]) => [
      k,
      fields.find((f) => f.name === k)?.type === 'number' ? Number(v) : v,
    ]),
  );

/** The label of a select's value, as the declared options name it (the value itself if unknown). */
export const optionLabel = (fields: readonly FormField[], name: string, value: string) =>
  fields.find((f) => f.name === name)?.options?.find((o) => o.value === value)?.label ?? value;
