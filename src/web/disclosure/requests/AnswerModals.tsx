import { useState } from 'react';
import { Alert, App, Form, Modal, Radio } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { FieldItems, fieldErrorPath, formValues, type FormField } from '../../lib/ActForm.tsx';
import { ANSWER_OUTCOMES } from '../../../modules/disclosure/outcomes.ts';

interface Props {
  id: string;
  today: string;
  /** The form's fields as the request's view serves them (forms.ts REQUEST_FORMS). */
  fields: FormField[];
  onClose: () => void;
  onDone: () => void;
}

/** A form's values posted to its route; a 400's field-named problems land on the fields. */
function useSubmit(onDone: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    async run(form: ReturnType<typeof Form.useForm>[0], fields: FormField[], url: string) {
      // A field left wrong shows its problem on the form; nothing is posted.
      const raw = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
      if (!raw) return;
      setError(null);
      try {
        await post(url, formValues(fields, raw));
        onDone();
      } catch (e) {
        if (e instanceof ApiError) applyFieldErrors(form, e, fieldErrorPath(fields));
        setError(errorMessage(e));
        message.error(errorMessage(e));
      }
    },
  };
}

// The controls as the modals drew them before the forms were served: a date picker and a number box
// their own width, a long text its fixed rows.
const own = { props: { style: { width: 'auto' } } };
const rows = (n: number) => ({ props: { autoSize: false, rows: n } });

/** The answer: exactly one table 三 outcome with its legal basis (条例 Art 36–37), drafted for the approver's 审签. */
export function AnswerModal({ id, today, fields, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const s = useSubmit(onDone);
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const basis = ANSWER_OUTCOMES.find((o) => o.code === outcome)?.basis;
  // The 法律依据 left empty is the outcome's article of the 条例 (service.ts defaultBasis).
  const shown = fields.map((f) =>
    f.name === 'legalBasis' && basis
      ? { ...f, help: `默认：《中华人民共和国政府信息公开条例》${basis.replace(/^条例/, '')}` }
      : f,
  );
  return (
    <Modal
      open
      title="拟定答复并提请审签"
      okText="提请审签"
      cancelText="取消"
      width={680}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void s.run(form, fields, `/api/disclosure/requests/${id}/answer`)}
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: today }}>
        <FieldItems
          fields={shown}
          select="antd"
          extras={{
            on: own,
            outcome: { props: { showSearch: true, optionFilterProp: 'label' } },
            reasons: rows(4),
            delivery: { props: { allowClear: true } },
          }}
        />
      </Form>
    </Modal>
  );
}

/** 信息处理费 notice (国办函〔2020〕109号): the amount follows the schedule. */
export function FeeModal({ id, today, fields, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const s = useSubmit(onDone);
  const method = (Form.useWatch('method', form) as string | undefined) ?? 'perRequest';
  const pages = Form.useWatch('pages', form) as number | undefined;
  const quote = useQuery({
    queryKey: ['fee', id, method, pages],
    queryFn: () =>
      get<{ amount: number; basis: string }>(`/api/disclosure/requests/${id}/fee`, {
        method,
        pages,
      }),
    enabled: method === 'perRequest' || pages !== undefined,
  });
  // 计收方式 is drawn as radio buttons; 页数 is asked (and then required) when charged by the page.
  const methodField = fields.find((f) => f.name === 'method');
  const rest = fields
    .filter((f) => f.name !== 'method' && (f.name !== 'pages' || method === 'perPage'))
    .map((f) => (f.name === 'pages' ? { ...f, required: true } : f));
  return (
    <Modal
      open
      title="发出收费通知"
      okText="发出通知"
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void s.run(form, fields, `/api/disclosure/requests/${id}/fee-notice`)}
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: today, method: 'perRequest' }}>
        {methodField && (
          <Form.Item name="method" label={methodField.label} extra={methodField.help}>
            <Radio.Group options={[...(methodField.options ?? [])]} />
          </Form.Item>
        )}
        <FieldItems fields={rest} extras={{ on: own, deliveredOn: own }} />
      </Form>
      {quote.data && (
        <Alert
          type={quote.data.amount > 0 ? 'info' : 'warning'}
          title={`应收：${quote.data.amount}元`}
          description={quote.data.basis}
        />
      )}
    </Modal>
  );
}

/** 送达 of the answer (条例 Art 40). */
export function DeliveryModal({ id, today, fields, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const s = useSubmit(onDone);
  return (
    <Modal
      open
      title="登记送达"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void s.run(form, fields, `/api/disclosure/requests/${id}/delivery`)}
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: today }}>
        <FieldItems fields={fields} select="antd" extras={{ on: own }} />
      </Form>
    </Modal>
  );
}
