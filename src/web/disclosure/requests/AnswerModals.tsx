import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { DATE } from '../../lib/format.ts';
import { ANSWER_OUTCOMES, outcomeLabel } from '../../../modules/disclosure/outcomes.ts';
import { DELIVERY_OPTIONS } from './types.ts';

interface Props {
  id: string;
  today: string;
  onClose: () => void;
  onDone: () => void;
}

function useSubmit(onDone: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    async run(form: ReturnType<typeof Form.useForm>[0], url: string, body: unknown) {
      setError(null);
      try {
        await post(url, body);
        onDone();
      } catch (e) {
        if (e instanceof ApiError) applyFieldErrors(form, e);
        setError(errorMessage(e));
        message.error(errorMessage(e));
      }
    },
  };
}

const OUTCOME_OPTIONS = ANSWER_OUTCOMES.map((o) => ({ value: o.code, label: outcomeLabel(o) }));

/** The answer: exactly one table 三 outcome with its legal basis (条例 Art 36–37), drafted for the approver's 审签. */
export function AnswerModal({ id, today, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const s = useSubmit(onDone);
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const basis = ANSWER_OUTCOMES.find((o) => o.code === outcome)?.basis;
  return (
    <Modal
      open
      title="拟定答复并提请审签"
      okText="提请审签"
      cancelText="取消"
      width={680}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form
          .validateFields()
          .then((v: { on: Dayjs }) =>
            s.run(form, `/api/disclosure/requests/${id}/answer`, { ...v, on: v.on.format(DATE) }),
          )
      }
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(today) }}>
        <Form.Item name="on" label="答复日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="outcome"
          label="答复类型（年度报告表三）"
          rules={[{ required: true, message: '请选择答复类型' }]}
        >
          <Select showSearch optionFilterProp="label" options={OUTCOME_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label="法律依据"
          extra={
            basis
              ? `默认：《中华人民共和国政府信息公开条例》${basis.replace(/^条例/, '')}`
              : undefined
          }
        >
          <Input />
        </Form.Item>
        <Form.Item name="reasons" label="理由（不予公开、部分公开、无法提供、不予处理时必填）">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="replyLetterNo" label="答复书编号">
          <Input />
        </Form.Item>
        <Form.Item name="delivery" label="送达方式">
          <Select allowClear options={DELIVERY_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 信息处理费 notice (国办函〔2020〕109号): the amount follows the schedule. */
export function FeeModal({ id, today, onClose, onDone }: Props) {
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
  return (
    <Modal
      open
      title="发出收费通知"
      okText="发出通知"
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((v: { on: Dayjs; deliveredOn?: Dayjs }) =>
          s.run(form, `/api/disclosure/requests/${id}/fee-notice`, {
            ...v,
            on: v.on.format(DATE),
            deliveredOn: v.deliveredOn?.format(DATE),
          }),
        )
      }
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs(today), method: 'perRequest' }}
      >
        <Form.Item name="method" label="计收方式">
          <Radio.Group
            options={[
              { value: 'perRequest', label: '按件计收' },
              { value: 'perPage', label: '按量计收' },
            ]}
          />
        </Form.Item>
        {method === 'perPage' && (
          <Form.Item name="pages" label="页数" rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
        )}
        <Form.Item name="on" label="通知日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="deliveredOn"
          label="申请人收到通知之日"
          extra="缴费期限为收到通知次日起20个工作日"
        >
          <DatePicker />
        </Form.Item>
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
export function DeliveryModal({ id, today, onClose, onDone }: Props) {
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
      onOk={() =>
        void form
          .validateFields()
          .then((v: { on: Dayjs }) =>
            s.run(form, `/api/disclosure/requests/${id}/delivery`, { ...v, on: v.on.format(DATE) }),
          )
      }
    >
      {s.error && <Alert type="error" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(today) }}>
        <Form.Item name="on" label="送达日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Select options={DELIVERY_OPTIONS} />
        </Form.Item>
        <Form.Item name="note" label="送达情况">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
