import { useState } from 'react';
import { Alert, Button, Card, Form, Radio } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, get, post } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import {
  FieldItem,
  fieldErrorPath,
  formValues,
  type FormField,
  type ItemExtra,
} from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import type { Catalogue, DecisionPayload } from './types.ts';

const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** The published catalogues' listed items, as the 年度决策事项目录 choices. */
function useCatalogueItems() {
  const { data } = useQuery({
    queryKey: ['decision-catalogues'],
    queryFn: () => get<{ items: Catalogue[] }>('/api/decision-catalogues'),
  });
  return (data?.items ?? [])
    .filter((c) => c.status === 'published')
    .flatMap((c) =>
      c.items
        .filter((i) => i.status === 'listed')
        .map((i) => ({ value: i.id, label: `${c.year}年：${i.title}` })),
    );
}

/**
 * The form as the server declares it (GET /api/decisions/forms `start`): the page fills the
 * catalogue's items, asks the reason for starting outside it or for not disclosing only when it
 * applies, and draws the 是/否 questions as radio buttons (each starts at 否, never left empty).
 */
function StartForm({ fields }: { fields: FormField[] }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = useCatalogueItems();
  const inCatalogue = Form.useWatch('catalogueItemId', form) as string | undefined;
  const confidential = Form.useWatch('confidential', form) as boolean | undefined;
  async function submit(raw: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const values = formValues(fields, raw);
      const res = await post<DecisionPayload>('/api/decisions', {
        ...values,
        catalogueItemId: values.catalogueItemId || null,
      });
      client.setQueryData(['decision', res.decision.id], res);
      void client.invalidateQueries({ queryKey: ['decisions'] });
      navigate(`/decisions/${res.decision.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
      setError(
        err instanceof ApiError && err.fields.length
          ? unplaced.length
            ? unplaced.join('；')
            : null
          : err instanceof Error
            ? err.message
            : '保存失败',
      );
    } finally {
      setBusy(false);
    }
  }
  // A reason asked only when it applies is required then (the start act requires it).
  const askedWhen = (f: FormField, applies: boolean, extra: ItemExtra) =>
    applies ? (
      <FieldItem
        key={f.name}
        field={f}
        fields={fields}
        extra={{
          ...extra,
          rules: [{ required: true, whitespace: true, message: `请填写${f.label}` }],
        }}
      />
    ) : null;
  const item = (f: FormField) => {
    const rows = f.type === 'textarea' ? { props: { autoSize: { minRows: 2 } } } : {};
    if (f.type === 'boolean')
      return (
        <Form.Item key={f.name} label={f.label} name={f.name} extra={f.help}>
          <Radio.Group options={yesNo} />
        </Form.Item>
      );
    switch (f.name) {
      case 'catalogueItemId':
        return (
          <Form.Item key={f.name} label={f.label} name={f.name} extra={f.help}>
            <NativeSelect options={items} placeholder={f.placeholder} />
          </Form.Item>
        );
      case 'outsideCatalogueReason':
        return askedWhen(f, !inCatalogue, rows);
      case 'confidentialReason':
        return askedWhen(f, !!confidential, rows);
      case 'initialPlan':
        return (
          <FieldItem
            key={f.name}
            field={f}
            fields={fields}
            extra={{ props: { autoSize: { minRows: 3 } } }}
          />
        );
      default:
        return <FieldItem key={f.name} field={f} fields={fields} extra={rows} />;
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="decision"
        onFinish={(v) => void submit(v)}
        initialValues={{
          proposerKind: 'department',
          ...Object.fromEntries(
            fields.filter((f) => f.type === 'boolean').map((f) => [f.name, false]),
          ),
        }}
      >
        {fields.map(item)}
        <Button type="primary" htmlType="submit" loading={busy}>
          启动决策
        </Button>
      </Form>
    </>
  );
}

/** 决策启动 (条例第十条、第十一条): the proposal, the 承办单位, and which statutory steps apply. */
export default function NewDecisionPage() {
  const fields = useForms('decisions').fields('start');
  return (
    <>
      <PageHeader
        title="启动重大行政决策"
        subTitle="论证拟解决的主要问题、建议理由和依据、初步方案及其必要性、可行性（条例第十条）"
      />
      <Card>{fields.length ? <StartForm fields={fields} /> : null}</Card>
    </>
  );
}
