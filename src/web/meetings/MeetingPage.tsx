import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ActForm } from '../lib/ActForm.tsx';
import { filled, formBody } from '../lib/forms.ts';
import type { MeetingForm } from '../../modules/meetings/forms.ts';
import type { MeetingPayload } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
/** A form of the page: its declared fields (data.forms), where it posts, its initial values. */
interface Pending {
  title: string;
  form: MeetingForm;
  path: string;
  initial?: Record<string, string>;
}

export default function MeetingPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const key = ['meeting', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<MeetingPayload>(`/api/meetings/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该会议" subTitle={errorMessage(error)} />;
  const m = data.meeting;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<MeetingPayload>(`/api/meetings/${id}${path}`, body);
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['meetings'] });
    setPending(null);
    message.success(`已办理：${label}`);
  };
  return (
    <>
      <PageHeader
        title={m.name}
        subTitle={`${m.meetingOn}${m.location ? ` · ${m.location}` : ''} · ${m.status === 'held' ? '已召开' : '待召开'}`}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={h2('议题')}
          extra={
            <Space>
              {data.abilities.addTopic && (
                <Button
                  onClick={() =>
                    setPending({
                      title: '增加议题',
                      form: 'topic',
                      path: '/agenda',
                      initial: { isPublic: 'false' },
                    })
                  }
                >
                  增加议题
                </Button>
              )}
              {data.abilities.publishAgenda && (
                <Button
                  onClick={() =>
                    void run('/publish-agenda', {}, '公开议题').catch((e) =>
                      message.error(errorMessage(e)),
                    )
                  }
                >
                  在门户网站公开议题
                </Button>
              )}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            重大行政决策须在决策页面“提请集体讨论”列入议题，系统将核对条例第二十九条规定的报送材料。
            {m.agendaPublishedOn ? `公开议题已于${m.agendaPublishedOn}在门户网站公布。` : ''}
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.agenda}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              {
                title: '议题',
                render: (_, a) => (a.link ? <Link to={a.link}>{a.title}</Link> : a.title),
              },
              { title: '类型', dataIndex: 'subjectLabel' },
              { title: '汇报单位', dataIndex: 'presenter' },
              {
                title: '公开',
                dataIndex: 'isPublic',
                render: (v: boolean) => (v ? '公开' : '不公开'),
              },
              {
                title: '报送材料',
                render: (_, a) =>
                  a.materials.length
                    ? `${a.materials.filter((x) => x.present).length}/${a.materials.length}项齐备`
                    : '—',
              },
              {
                title: '结果',
                dataIndex: 'outcome',
                render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—'),
              },
            ]}
          />
        </Card>
        <Card
          title={h2('会议记录')}
          extra={
            data.abilities.recordHeld ? (
              <Button
                type="primary"
                onClick={() => setPending({ title: '登记会议记录', form: 'held', path: '/held' })}
              >
                登记会议记录
              </Button>
            ) : null
          }
        >
          {m.status === 'held' ? (
            <Descriptions
              column={1}
              items={[
                { key: 'a', label: '出席人员', children: m.attendees },
                { key: 'b', label: '缺席人员', children: m.absentees || '无' },
                {
                  key: 'p',
                  label: '列席的公众代表',
                  children: m.publicAttendees.length
                    ? m.publicAttendees.map((p) => `${p.name}（${p.identity}）`).join('、')
                    : '无',
                },
                {
                  key: 'm',
                  label: '会议纪要',
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</span>,
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">
              会议召开后登记出席人员、列席的公众代表和会议纪要。
            </Typography.Text>
          )}
        </Card>
      </Space>
      {pending && (
        <ActForm
          title={pending.title}
          fields={filled(data.forms[pending.form], { initial: pending.initial })}
          onClose={() => setPending(null)}
          onSubmit={(v) => run(pending.path, formBody(data.forms[pending.form])(v), pending.title)}
        />
      )}
    </>
  );
}
