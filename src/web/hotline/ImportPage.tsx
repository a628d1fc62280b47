import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { FieldItems, fieldErrorPath, formValues, type FormField } from '../lib/ActForm.tsx';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import type { ImportResult } from './types.ts';
import { DeadlinesCard } from './DeadlinesCard.tsx';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** 新建令牌: its fields as the server declares them (hotline/ticketForms.ts TOKEN_FORMS), sent with the tokens. */
function TokenForm({
  fields,
  onCreated,
}: {
  fields: FormField[];
  onCreated: (token: string) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      name="token"
      layout="inline"
      onFinish={async (v: Record<string, unknown>) => {
        try {
          const r = await post<{ token: string }>('/api/hotline/tokens', formValues(fields, v));
          form.resetFields();
          onCreated(r.token);
        } catch (e) {
          // A refused name is said under its field; any other problem in a message.
          const unplaced = applyFieldErrors(form, e, fieldErrorPath(fields));
          if (!(e instanceof ApiError) || e.fields.length === 0) message.error(errorMessage(e));
          else if (unplaced.length) message.error(unplaced.join('；'));
        }
      }}
    >
      <FieldItems fields={fields} />
      <Button htmlType="submit" type="primary">
        创建令牌
      </Button>
    </Form>
  );
}

/** Excel import of a day's tickets (staff) and the platform's API tokens (系统管理员). */
export default function ImportPage() {
  const session = useCurrentSession();
  const client = useQueryClient();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ['hotline-tokens'],
    enabled: !!session.abilities.hotlineTokens,
    queryFn: () =>
      get<{
        tokens: Array<{ id: string; label: string; createdAt: string; revokedAt: string | null }>;
        forms: { create: FormField[] };
      }>('/api/hotline/tokens'),
  });
  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch('/api/hotline/ticket-imports', {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': session.csrfToken },
      });
      const json = await res.json();
      if (!res.ok) throw new Error(json?.error?.message ?? `导入失败（${res.status}）`);
      setResult(json as ImportResult);
      void client.invalidateQueries({ queryKey: ['hotline'] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageHeader title="导入12345工单" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {session.abilities.hotlineIntake && (
          <Card title={h2('Excel导入')}>
            <Typography.Paragraph>
              第一行为列名：工单编号、来源渠道、受理时间、诉求类型、标题、诉求内容、发生地点、诉求人、联系电话、证件号码、办理时限。已导入的工单编号不会重复导入。
            </Typography.Paragraph>
            <label htmlFor="hotline-file">选择Excel文件（.xlsx）</label>{' '}
            <input
              id="hotline-file"
              type="file"
              accept=".xlsx"
              disabled={busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
            {result && (
              <div style={{ marginTop: 16 }}>
                <Alert
                  type={result.errors.length ? 'warning' : 'success'}
                  showIcon
                  title={`共${result.received}条，新导入${result.created}条，重复${result.duplicates.length}条，有误${result.errors.length}条`}
                />
                {result.errors.length > 0 && (
                  <Table
                    rowKey="index"
                    size="small"
                    pagination={false}
                    style={{ marginTop: 8 }}
                    dataSource={result.errors}
                    columns={[
                      { title: '行', render: (_, e) => e.index + 2 },
                      { title: '工单编号', dataIndex: 'ticketNo' },
                      { title: '问题', dataIndex: 'message' },
                    ]}
                  />
                )}
              </div>
            )}
          </Card>
        )}
        {session.abilities.hotlineTokens && (
          <Card title={h2('12345平台接口令牌')}>
            <Typography.Paragraph>
              热线平台以 <code>POST /ingest/12345/tickets</code> 推送工单，请求头{' '}
              <code>Authorization: Bearer 令牌</code>。令牌只在创建时显示一次。
            </Typography.Paragraph>
            <TokenForm
              fields={tokens.data?.forms.create ?? []}
              onCreated={(token) => {
                setFresh(token);
                void tokens.refetch();
              }}
            />
            {fresh && (
              <Alert
                style={{ marginTop: 16 }}
                type="info"
                showIcon
                title="请立即复制令牌，关闭后不再显示"
                description={<code>{fresh}</code>}
              />
            )}
            <Table
              rowKey="id"
              size="small"
              style={{ marginTop: 16 }}
              pagination={false}
              dataSource={tokens.data?.tokens ?? []}
              columns={[
                { title: '名称', dataIndex: 'label' },
                { title: '创建时间', dataIndex: 'createdAt' },
                {
                  title: '状态',
                  render: (_, r) =>
                    r.revokedAt ? (
                      '已停用'
                    ) : (
                      <Button
                        size="small"
                        onClick={async () => {
                          await post(`/api/hotline/tokens/${r.id}/revoke`, {});
                          void tokens.refetch();
                        }}
                      >
                        停用
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        )}
        {session.abilities.hotlineTokens && <DeadlinesCard />}
      </Space>
    </>
  );
}
