import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../../lib/formErrors.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import type { FormField } from '../../lib/ActForm.tsx';
import { FieldItem } from '../../lib/FieldItems.tsx';
import type { Guide } from './queries.ts';

const guideKey = ['disclosureGuide'] as const;

/** 政府信息公开指南 (条例 Art 12): the disclosure office's contact details and how to obtain information. */
export default function GuidePage() {
  const { data, isPending, error } = useQuery({
    queryKey: guideKey,
    queryFn: () =>
      get<{ guide: Guide; canEdit: boolean; form: FormField[] }>('/api/disclosure/guide'),
  });
  const [form] = Form.useForm<Guide>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (data) form.setFieldsValue(data.guide);
  }, [data, form]);

  async function submit(v: Guide) {
    setBusy(true);
    setProblem(null);
    try {
      await put('/api/disclosure/guide', v);
      message.success('政府信息公开指南已更新，门户网站同步显示');
      await client.invalidateQueries({ queryKey: guideKey });
    } catch (err) {
      const rest = applyFieldErrors(form, err, flatResolver(fields.map((f) => f.name)));
      setProblem(rest.length ? rest.join('；') : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const readOnly = !data?.canEdit;
  // The fields as the server declares them (disclosure/publications/forms.ts GUIDE_FORM).
  const fields = data?.form ?? [];
  // Each drawn by the shared FieldItem: its label, help, required message and limits are the server's.
  const item = (name: keyof Guide, props?: Record<string, unknown>) => {
    const f = fields.find((x) => x.name === name);
    return f ? <FieldItem field={f} fields={fields} extra={props && { props }} /> : null;
  };
  return (
    <>
      <PageHeader
        title="政府信息公开指南"
        subTitle={
          data?.guide.updatedOn
            ? `最近更新：${data.guide.updatedOn}`
            : '尚未编制，门户网站显示“正在编制中”'
        }
        extra={
          <Button href="/xxgk/guide" target="_blank">
            在门户网站查看
          </Button>
        }
      />
      {error ? <Alert type="error" showIcon message={errorMessage(error)} /> : null}
      {readOnly && !isPending ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="仅本部门业务科室工作人员或局领导可以修改指南。"
        />
      ) : null}
      <Form<Guide>
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 900 }}
        disabled={isPending || readOnly}
      >
        <Card title="政府信息公开工作机构" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            《政府信息公开条例》第十二条：指南应当包括政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容，并及时更新。
          </Typography.Paragraph>
          {item('officeName')}
          {item('address')}
          {item('postcode')}
          {item('hours')}
          <Space wrap size="large">
            {item('phone')}
            {item('fax')}
          </Space>
          {item('onlineContact')}
        </Card>
        <Card title="指南正文" style={{ marginBottom: 16 }}>
          {item('body', { autoSize: false, rows: 14 })}
        </Card>
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message={problem}
          />
        ) : null}
        {readOnly ? null : (
          <Button type="primary" htmlType="submit" loading={busy}>
            保存并发布
          </Button>
        )}
      </Form>
    </>
  );
}
