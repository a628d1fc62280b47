import { useState } from 'react';
import { Alert, App, Button, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, post } from '../lib/api.ts';
import { FieldItems, fieldErrorPath, formValues } from '../lib/ActForm.tsx';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { useForms } from '../lib/forms.ts';
import type { NoticeValues } from './noticeDraft.ts';

/**
 * Entry of the State Council's holiday notice for one year, as the server declares the form
 * (core/calendar/forms.ts: its 放假安排 and 调休上班日 rows); the server recomputes open deadlines.
 */
export function NoticeForm({ year, initial }: { year: number; initial: NoticeValues }) {
  const [form] = Form.useForm<NoticeValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = useForms('calendar').fields('notice');

  async function onFinish(v: NoticeValues) {
    setSaving(true);
    setError(null);
    try {
      const res = await post<{ recomputed: number }>('/api/calendar/notices', {
        year,
        // The rows as the route takes them: a range as its from and to.
        ...formValues(fields, v as unknown as Record<string, unknown>),
      });
      message.success(`已保存${year}年节假日安排，已重新计算${res.recomputed}个未结期限`);
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      void client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      // A row's problem lands on its field ("holidays.0.from" on the row's range).
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
      if (!(err instanceof ApiError) || err.fields.length === 0) setError(errorMessage(err));
      else if (unplaced.length) setError(unplaced.join('；'));
    } finally {
      setSaving(false);
    }
  }

  if (!fields.length) return null;
  return (
    <Form
      form={form}
      layout="vertical"
      name={`notice-${year}`}
      initialValues={initial}
      onFinish={onFinish}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <FieldItems fields={fields} />
      <Button type="primary" htmlType="submit" loading={saving}>
        保存并重新计算期限
      </Button>
    </Form>
  );
}
