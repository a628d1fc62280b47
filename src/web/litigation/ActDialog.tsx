import { ActForm } from '../lib/ActForm.tsx';
import { filled } from '../lib/forms.ts';
import type { FieldSpec } from './types.ts';

/**
 * One act on the case, its form as the server sends it (litigation/forms.ts: the date, the engine's
 * fields, for an answer the evidence): the date and the evidence go beside the act's data.
 */
export function ActDialog({
  label,
  action,
  fields,
  today,
  onClose,
  onSubmit,
}: {
  label: string;
  action: string;
  fields: FieldSpec[];
  today: string;
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  return (
    <ActForm
      title={label}
      fields={filled(fields, { initial: { on: today } })}
      onClose={onClose}
      onSubmit={(v) => {
        const { on, evidence, ...data } = v;
        return onSubmit({ action, on, data, ...(evidence ? { evidence } : {}) });
      }}
    />
  );
}
