import { App, Button, Card, Checkbox, Form, Popconfirm, Space, Spin, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, get, post } from '../lib/api.ts';
import { FieldItem, formValues, type FormField } from '../lib/ActForm.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import type { Study } from './types.ts';
import { useReportYear, YearSelect } from '../reports/YearSelect.tsx';

type Session = Study['sessions'][number];
type Statement = Study['statements'][number];

// How the page draws the served fields in one line: the widths of its controls, a select always
// showing a choice (the form starts with one), 是/否 as a box to tick.
const PROPS: Record<string, Record<string, unknown>> = {
  topic: { style: { width: 240 } },
  speaker: { style: { width: 120 } },
  personName: { style: { width: 120 } },
  position: { style: { width: 140 } },
  summary: { style: { width: 240 } },
};
const propsOf = (f: FormField) => ({
  ...(f.type === 'select' ? { emptyOption: false } : {}),
  ...(f.type === 'number' ? { style: { width: 90 } } : {}),
  ...PROPS[f.name],
});

/** A record's form as the server declares it (GET /api/reports/study `recordForms`). */
function RecordFields({ fields }: { fields: FormField[] }) {
  return fields.map((f) =>
    f.type === 'boolean' ? (
      <Form.Item key={f.name} name={f.name} valuePropName="checked" extra={f.help}>
        <Checkbox>{f.label}</Checkbox>
      </Form.Item>
    ) : (
      <FieldItem key={f.name} field={f} fields={fields} extra={{ props: propsOf(f) }} />
    ),
  );
}

/** 学法 sessions and 述法 entries: the records behind the 第一责任人 part of the annual report. */
export default function StudyPage() {
  const [year, setYear] = useReportYear();
  const client = useQueryClient();
  const { message } = App.useApp();
  const key = ['reportStudy', year];
  const { data, isPending } = useQuery({
    queryKey: key,
    queryFn: () => get<Study>('/api/reports/study', { year }),
  });
  const [sessionForm] = Form.useForm();
  const [statementForm] = Form.useForm();
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const add = async (url: string, body: object, form: typeof sessionForm) => {
    try {
      await post(url, body);
      form.resetFields();
      message.success('已登记');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = async (kind: 'session' | 'statement', id: string) => {
    try {
      await api(`/api/reports/study/${kind}/${id}`, { method: 'DELETE' });
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (isPending || !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const { session: sessionFields, statement: statementFields } = data.recordForms;
  const del = (kind: 'session' | 'statement', id: string) => (
    <Popconfirm
      title="删除这条记录？"
      okText="删除"
      cancelText="取消"
      onConfirm={() => void remove(kind, id)}
    >
      <Button size="small">删除</Button>
    </Popconfirm>
  );
  return (
    <>
      <PageHeader
        title="学法和述法记录"
        subTitle="法治政府建设年度报告第三部分（第一责任人职责）据此生成"
        extra={<YearSelect label="年度" year={year} onChange={setYear} />}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>学法记录</h2>}>
          <Table<Session>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.sessions}
            columns={[
              { title: '日期', dataIndex: 'heldOn', width: 110 },
              { title: '形式', dataIndex: 'kind', render: (k: string) => data.kinds[k] ?? k },
              { title: '学习内容', dataIndex: 'topic' },
              { title: '主讲人', dataIndex: 'speaker' },
              { title: '时长（分钟）', dataIndex: 'durationMinutes', width: 110 },
              { title: '人数', dataIndex: 'attendees', width: 70 },
              {
                title: '主要负责人主持或讲授',
                dataIndex: 'ledByHead',
                render: (v: boolean) => (v ? '是' : '否'),
              },
              { title: '操作', render: (_: unknown, s) => del('session', s.id) },
            ]}
          />
          <Form
            form={sessionForm}
            layout="inline"
            style={{ marginTop: 16, rowGap: 8 }}
            initialValues={{
              kind: 'preMeeting',
              durationMinutes: 30,
              attendees: 10,
              ledByHead: false,
            }}
            onFinish={(v) =>
              void add('/api/reports/study/sessions', formValues(sessionFields, v), sessionForm)
            }
          >
            <RecordFields fields={sessionFields} />
            <Button type="primary" htmlType="submit">
              登记学法
            </Button>
          </Form>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>述法记录</h2>}>
          <Table<Statement>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.statements}
            columns={[
              { title: '述法日期', dataIndex: 'statedOn', width: 110 },
              { title: '述法人', dataIndex: 'personName' },
              { title: '职务', dataIndex: 'position' },
              { title: '身份', dataIndex: 'rank', render: (k: string) => data.ranks[k] ?? k },
              { title: '形式', dataIndex: 'form', render: (k: string) => data.forms[k] ?? k },
              { title: '要点', dataIndex: 'summary' },
              { title: '操作', render: (_: unknown, s) => del('statement', s.id) },
            ]}
          />
          <Form
            form={statementForm}
            layout="inline"
            style={{ marginTop: 16, rowGap: 8 }}
            initialValues={{ rank: 'head', form: 'yearEnd' }}
            onFinish={(v) =>
              void add(
                '/api/reports/study/statements',
                { ...formValues(statementFields, v), year },
                statementForm,
              )
            }
          >
            <RecordFields fields={statementFields} />
            <Button type="primary" htmlType="submit">
              登记述法
            </Button>
          </Form>
        </Card>
      </Space>
    </>
  );
}
