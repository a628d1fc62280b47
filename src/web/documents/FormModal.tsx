import { ActForm, type FormField } from '../lib/ActForm.tsx';

export type Field = FormField;

/** A small form in a modal (ActForm without files): fields → values (dates as YYYY-MM-DD) → submit. */
export function FormModal({
  title,
  onSubmit,
  ...props
}: {
  title: string;
  fields: Field[];
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onClose: () => void;
  okText?: string;
}) {
  return (
    <ActForm
      {...props}
      title={title}
      name={`form-${title}`}
      onSubmit={(values) => onSubmit(values as Record<string, string>)}
    />
  );
}
