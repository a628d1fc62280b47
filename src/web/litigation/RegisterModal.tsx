import { Form, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../lib/api.ts';
import { ActForm, FieldItems, type FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';

/**
 * The served fields from the bureau's own record on: the record, offered among the department's records
 * of the type picked (and then required), and the fields after it.
 */
function FromActRecord({
  form,
  record,
  rest,
}: {
  form: FormInstance;
  record?: FormField;
  rest: FormField[];
}) {
  const module = Form.useWatch('actModule', form) as string | undefined;
  const { data } = useQuery({
    queryKey: ['litigationTargets', module],
    queryFn: () =>
      get<{ id: string; title: string; on: string }[]>('/api/litigation/targets', { module }),
    enabled: !!module,
  });
  const shown =
    module && record
      ? [
          {
            ...record,
            options: (data ?? []).map((t) => ({
              value: t.id,
              label: `${t.on} ${t.title.slice(0, 40)}`,
            })),
          },
        ]
      : [];
  const required = record && { rules: [{ required: true, message: `请选择${record.label}` }] };
  return (
    <FieldItems fields={[...shown, ...rest]} extras={required ? { [record.name]: required } : {}} />
  );
}

/** 登记行政复议 (from the 复议机构's copy) or 登记行政诉讼 (from the court's complaint copy), as served. */
export function RegisterModal({
  kind,
  onClose,
  onSubmit,
}: {
  kind: 'reconsideration' | 'lawsuit';
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  const suit = kind === 'lawsuit';
  const { fields, isPending } = useForms('litigation');
  if (isPending) return null;
  const all = fields(kind);
  const at = all.findIndex((f) => f.name === 'actRecordId');
  return (
    <ActForm
      title={suit ? '登记行政诉讼' : '登记行政复议'}
      fields={at < 0 ? all : all.slice(0, at)}
      initialValues={suit ? { afterReconsideration: 'false' } : { procedureType: 'ordinary' }}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v)}
    >
      {(form) => (
        <FromActRecord form={form} record={all[at]} rest={at < 0 ? [] : all.slice(at + 1)} />
      )}
    </ActForm>
  );
}
