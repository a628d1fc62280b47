import { Fragment, useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Skeleton,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, put } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import {
  FieldItem,
  fieldErrorPath,
  formValues,
  type FormField,
  type ItemExtra,
} from '../lib/ActForm.tsx';

/**
 * One settings group in a card: its fields as the server declares them (GET `<path>/form`, from the
 * setting's form: labels, bounds, units, options, help), its value (GET `<path>`), saved with PUT
 * `<path>`; a 400's field-named problems land on their fields, anything else shows above the button.
 * The card adds only what is its own: the hint, where a field sits, items between the fields.
 */
export function SettingsFormCard<R = Record<string, unknown>>({
  path,
  queryKey,
  title,
  hint,
  name,
  saved,
  inline = false,
  width,
  maxWidth,
  read,
  afterSave,
  extras = {},
  after = {},
  children,
  buttons,
}: {
  /** Where the setting is read and changed; its form is at `${path}/form`. */
  path: string;
  queryKey: readonly unknown[];
  title: string;
  hint?: ReactNode;
  /** The form's name (ids of its inputs). */
  name: string;
  /** Said once saved. */
  saved: string;
  /** Fields side by side rather than one under another. */
  inline?: boolean;
  /** The width of the controls. */
  width?: number;
  maxWidth?: number;
  /** The form's values in what GET answers (default: the answer itself). */
  read?: (data: R) => object;
  /** After saving (default: the reply is the new value). */
  afterSave?: (reply: unknown, client: QueryClient) => Promise<unknown> | void;
  /** The page's additions to a field's item, by name. */
  extras?: Record<string, ItemExtra>;
  /** Items drawn after a field, by name. */
  after?: Record<string, (form: FormInstance) => ReactNode>;
  /** Items after the fields. */
  children?: (form: FormInstance, data: R | undefined) => ReactNode;
  /** Buttons beside 保存. */
  buttons?: (form: FormInstance, data: R | undefined) => ReactNode;
}) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const value = useQuery({ queryKey, queryFn: () => get<R>(path) });
  const served = useQuery({
    queryKey: [...queryKey, 'form'],
    queryFn: () => get<{ fields: FormField[] }>(`${path}/form`),
    staleTime: Infinity,
  });
  const fields = served.data?.fields;
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = value;
  useEffect(() => {
    if (data && fields) form.setFieldsValue(read ? read(data) : (data as object));
    // (read is the page's pure reading of the answer: a new value, or the form arriving, sets it.)
  }, [data, fields, form]);

  async function save(raw: Record<string, unknown>) {
    if (!fields) return;
    setSaving(true);
    setProblem(null);
    try {
      const reply = await put<unknown>(path, formValues(fields, raw));
      if (afterSave) await afterSave(reply, client);
      else client.setQueryData(queryKey, reply);
      message.success(saved);
    } catch (err) {
      const rest = applyFieldErrors(form, err, fieldErrorPath(fields));
      if (!(err instanceof ApiError) || err.fields.length === 0) setProblem(errorMessage(err));
      else if (rest.length) setProblem(rest.join('；'));
    } finally {
      setSaving(false);
    }
  }

  const error = value.error ?? served.error;
  const items = (fields ?? []).map((f) => (
    <Fragment key={f.name}>
      <FieldItem
        field={f}
        fields={fields}
        extra={{
          ...extras[f.name],
          props: {
            // A setting always has a value: a choice offers no empty option.
            ...(f.type === 'select' ? { emptyOption: false } : {}),
            ...(width ? { style: { width } } : {}),
            ...extras[f.name]?.props,
          },
        }}
      />
      {after[f.name]?.(form)}
    </Fragment>
  ));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {value.isPending || served.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name={name} onFinish={save} style={{ maxWidth }}>
          {inline ? (
            <Space wrap size="large" align="start">
              {items}
            </Space>
          ) : (
            items
          )}
          {children?.(form, data)}
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problem}
              style={{ marginBottom: 16 }}
            />
          )}
          <div>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存
              </Button>
              {buttons?.(form, data)}
            </Space>
          </div>
        </Form>
      )}
    </Card>
  );
}
