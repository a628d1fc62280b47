import { ActForm, type FormField } from '../lib/ActForm.tsx';

export { bool, YES_NO } from '../lib/ActForm.tsx';
export type StepField = FormField;

/** One step of a record in a modal (ActForm): its fields and, when `files`, evidence files uploaded to /api/files. */
export function StepModal({
  files = true,
  ...props
}: {
  title: string;
  fields: StepField[];
  files?: boolean;
  onSubmit: (values: Record<string, unknown>, fileIds: string[]) => Promise<void>;
  onClose: () => void;
}) {
  return <ActForm {...props} files={files} />;
}
