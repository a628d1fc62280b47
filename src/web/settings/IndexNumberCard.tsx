import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post, put } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { settingsKey, type IndexNumberValue, type IndexNumberView, type Preview } from './types.ts';

const key = settingsKey('index-number');
const SELECT = {
  height: 32,
  minWidth: 200,
  padding: '0 8px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
};
const TOKEN_HELP: Record<string, string> = {
  '{creditCode}': '本部门18位统一社会信用代码',
  '{orgCode}': '9位组织机构代码（信用代码第9至17位）',
  '{YYYY}': '年份',
  '{YYYYMM}': '年份和月份',
  '{seq:N}': '本部门当年顺序号，补零至N位（至少3位）',
};

/** The pattern typed so far, settled for 300 ms, previewed by the server (the same check as saving). */
function usePreview(pattern: string | undefined) {
  const [settled, setSettled] = useState(pattern);
  useEffect(() => {
    const t = setTimeout(() => setSettled(pattern), 300);
    return () => clearTimeout(t);
  }, [pattern]);
  return useQuery({
    queryKey: [...key, 'preview', settled],
    queryFn: () => post<Preview>('/api/settings/index-number/preview', { pattern: settled ?? '' }),
    enabled: !!settled,
  });
}

/** 索引号规则 (RULES §6.1): the province's pattern and which date gives its year and month. */
export function IndexNumberCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndexNumberValue>();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<IndexNumberView>('/api/settings/index-number'),
  });
  const pattern = Form.useWatch('pattern', form);
  const preview = usePreview(pattern);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (data) form.setFieldsValue(data.value);
  }, [data, form]);

  async function save(v: IndexNumberValue) {
    setSaving(true);
    setProblem(null);
    try {
      const saved = await put<IndexNumberView>('/api/settings/index-number', v);
      client.setQueryData(key, { ...data!, ...saved });
      message.success('索引号规则已保存，此后发布的信息按新规则编号');
    } catch (err) {
      const rest = applyFieldErrors(form, err, flatResolver(['pattern', 'dateFrom']));
      if (!(err instanceof ApiError) || err.fields.length === 0) setProblem(errorMessage(err));
      else if (rest.length) setProblem(rest.join('；'));
    } finally {
      setSaving(false);
    }
  }

  const shown = preview.data ?? (data && pattern === data.value.pattern ? data : undefined);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>索引号规则</h2>}>
      <Typography.Paragraph type="secondary">
        索引号没有全国统一格式，由各省政府信息公开平台规定。已生成的索引号不会改变，也不会被重复使用；修改后新发布的信息按新规则编号。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          name="indexNumber"
          onFinish={save}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            name="pattern"
            label="索引号格式"
            rules={[{ required: true, message: '请填写索引号格式' }]}
            extra={`默认（安徽）：${data?.defaults.pattern ?? ''}`}
          >
            <Input maxLength={100} className="mono" autoComplete="off" />
          </Form.Item>
          <div role="status" aria-live="polite" style={{ marginBottom: 16 }}>
            {shown?.problem ? (
              <Alert type="warning" showIcon title={`该格式不能使用：${shown.problem}`} />
            ) : shown?.example ? (
              <Alert
                type="info"
                showIcon
                title={
                  <span>
                    示例：<span className="mono">{shown.example}</span>
                  </span>
                }
              />
            ) : null}
          </div>
          <Form.Item name="dateFrom" label="索引号中的年份、月份取自">
            <select style={SELECT}>
              {data?.dateSources.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.label}
                </option>
              ))}
            </select>
          </Form.Item>
          <Typography.Paragraph>可用占位符：</Typography.Paragraph>
          <ul>
            {data?.tokens.map((t) => (
              <li key={t}>
                <span className="mono">{t}</span>：{TOKEN_HELP[t] ?? ''}
              </li>
            ))}
          </ul>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problem}
              style={{ marginBottom: 16 }}
            />
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => data && form.setFieldsValue(data.defaults)}>恢复默认格式</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
