// 行政执法's forms as the server declares them (GET /api/enforcement/forms, modules/enforcement/forms.ts):
// the pages add initial values and record options, and send the values with formBody (lib/forms.ts).
import type { FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';

/** The module's declared forms (empty until they arrive). */
export const useEnforcementForms = () => useForms('enforcement');

/** The label of a select's value, as the declared options name it (the value itself if unknown). */
export const optionLabel = (fields: readonly FormField[], name: string, value: string) =>
  fields.find((f) => f.name === name)?.options?.find((o) => o.value === value)?.label ?? value;
