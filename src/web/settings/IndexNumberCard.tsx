import { useEffect, useState } from 'react';
import { Alert, Button, Form, Typography, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get, post } from '../lib/api.ts';
import { SettingsFormCard } from './SettingsFormCard.tsx';
import { settingsKey, type IndexNumberView, type Preview } from './types.ts';

const key = settingsKey('index-number');
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

/** The example (or the problem) of the pattern in the form, below it. */
function PatternPreview({ form, data }: { form: FormInstance; data?: IndexNumberView }) {
  const pattern = Form.useWatch('pattern', form) as string | undefined;
  const preview = usePreview(pattern);
  const shown = preview.data ?? (data && pattern === data.value.pattern ? data : undefined);
  return (
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
  );
}

/** 索引号规则 (RULES §6.1): the province's pattern and which date gives its year and month. */
export function IndexNumberCard() {
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => get<IndexNumberView>('/api/settings/index-number'),
  });
  return (
    <SettingsFormCard<IndexNumberView>
      path="/api/settings/index-number"
      queryKey={key}
      title="索引号规则"
      hint="索引号没有全国统一格式，由各省政府信息公开平台规定。已生成的索引号不会改变，也不会被重复使用；修改后新发布的信息按新规则编号。"
      name="indexNumber"
      saved="索引号规则已保存，此后发布的信息按新规则编号"
      maxWidth={640}
      read={(d) => d.value}
      afterSave={(saved, client) => {
        client.setQueryData(key, (d: IndexNumberView | undefined) =>
          d ? { ...d, ...(saved as Partial<IndexNumberView>) } : d,
        );
      }}
      extras={{
        pattern: { props: { className: 'mono', autoComplete: 'off' } },
        dateFrom: { props: { style: { width: 200 } } },
      }}
      after={{ pattern: (form) => <PatternPreview form={form} data={data} /> }}
      buttons={(form, d) => (
        <Button onClick={() => d && form.setFieldsValue(d.defaults)}>恢复默认格式</Button>
      )}
    >
      {(_, d) => (
        <>
          <Typography.Paragraph>可用占位符：</Typography.Paragraph>
          <ul>
            {d?.tokens.map((t) => (
              <li key={t}>
                <span className="mono">{t}</span>：{TOKEN_HELP[t] ?? ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </SettingsFormCard>
  );
}
