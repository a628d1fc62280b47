import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  List,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { dateCn } from '../lib/format.ts';
import { DueDate } from '../lib/DueDate.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ActDialog } from './ActDialog.tsx';
import { type CaseView, type ClockState } from './types.ts';

const PROCEDURE: Record<string, string> = { ordinary: '普通程序', simple: '简易程序' };

function clockStatus(c: ClockState) {
  // The 复议机关's period: its state in the server's words, marked once passed without a decision.
  if (c.body) return <Tag color={c.passed || c.late ? 'red' : undefined}>{c.watch}</Tag>;
  if (c.state === 'paused') return <Tag>已暂停</Tag>;
  if (c.state === 'stopped') return c.late ? <Tag color="red">逾期完成</Tag> : <Tag>按期完成</Tag>;
  return c.overdue ? <Tag color="red">已超期</Tag> : <Tag color="blue">计时中</Tag>;
}

/** One 行政复议 / 行政诉讼 case: the record, the statutory clocks, the acts (as dialogs) and the history. */
export default function CasePage() {
  const { id } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const key = ['litigationCase', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<CaseView>(`/api/litigation/${id}`),
  });
  const [act, setAct] = useState<CaseView['actions'][number] | null>(null);
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data) return <Alert type="error" title={errorMessage(error)} />;
  const r = data.record;
  const suit = r.kind === 'lawsuit';
  const decision = data.clocks.find((c) => c.body);
  return (
    <>
      <PageHeader
        title={`${r.kindLabel}：${r.caseNo}`}
        subTitle={data.statusLabel}
        extra={
          r.answeredOn ? (
            <Button href={`/api/litigation/${r.id}/answer.docx`}>
              {suit ? '下载答辩状' : '下载答复书'}（.docx）
            </Button>
          ) : null
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>案件信息</h2>}>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={suit ? '原告' : '申请人'}>{r.applicant}</Descriptions.Item>
            <Descriptions.Item label={suit ? '人民法院' : '复议机关'}>{r.body}</Descriptions.Item>
            <Descriptions.Item label="被复议（诉讼）的行政行为">
              {r.act ? <Link to={r.act.path}>{r.actTitle}</Link> : r.actTitle}
            </Descriptions.Item>
            <Descriptions.Item label={suit ? '起诉方式' : '审理程序'}>
              {suit
                ? r.afterReconsideration
                  ? '复议后起诉'
                  : '未经复议直接起诉'
                : PROCEDURE[r.procedureType ?? 'ordinary']}
            </Descriptions.Item>
            <Descriptions.Item label={suit ? '立案日期' : '申请日期'}>
              {dateCn(r.filedOn)}
            </Descriptions.Item>
            <Descriptions.Item label="收到副本日期">{dateCn(r.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label={suit ? '提交答辩状' : '提交书面答复'}>
              {r.answeredOn ? (
                <>
                  {dateCn(r.answeredOn)}
                  {r.answerLate ? (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      逾期（期限{dateCn(r.answerDue)}）
                    </Tag>
                  ) : (
                    <Tag style={{ marginInlineStart: 6 }}>按期</Tag>
                  )}
                </>
              ) : (
                '尚未提交'
              )}
            </Descriptions.Item>
            {!suit && (
              <Descriptions.Item label="受理日期">
                {r.acceptedOn ? dateCn(r.acceptedOn) : '未登记'}
              </Descriptions.Item>
            )}
            {decision && (
              <Descriptions.Item label="复议机关应作出决定">
                {dateCn(decision.due ?? null)}
                <Tag
                  color={decision.passed || decision.late ? 'red' : undefined}
                  style={{ marginInlineStart: 6 }}
                >
                  {decision.watch}
                </Tag>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="结果">
              {r.result
                ? `${r.result.label}（${r.result.categoryLabel}，${dateCn(r.result.on)}）`
                : '尚未审结'}
            </Descriptions.Item>
          </Descriptions>
          {r.evidence.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              证据：{r.evidence.map((e) => `${e.title}（${e.gatheredOn}）`).join('；')}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>法定期限</h2>}>
          <Table<ClockState>
            size="small"
            rowKey="clock"
            pagination={false}
            dataSource={data.clocks}
            columns={[
              { title: '期限', dataIndex: 'label' },
              {
                title: '届满日期',
                render: (_, c) => (
                  <DueDate
                    dueDate={c.due ?? null}
                    explanation={c.explanation ?? ''}
                    provisional={!!c.provisional}
                  />
                ),
              },
              { title: '状态', render: (_, c) => clockStatus(c) },
              { title: '依据', dataIndex: 'legalBasis' },
            ]}
          />
        </Card>
        {data.canAct && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理</h2>}>
            <Space wrap>
              {data.actions.map((a) => (
                <Button key={a.action} onClick={() => setAct(a)}>
                  {a.label}
                </Button>
              ))}
            </Space>
            {data.blocked.length > 0 && (
              <ul style={{ marginTop: 12, marginBottom: 0, paddingInlineStart: 20 }}>
                {data.blocked.map((b) => (
                  <li key={b.action}>
                    <Typography.Text type="secondary">
                      {b.label}：{b.reason}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理记录</h2>}>
          <List
            dataSource={data.history}
            renderItem={(h) => (
              <List.Item>
                <span>
                  {dateCn(h.on)} {h.label}
                  {h.fields.length > 0 && (
                    <Typography.Text type="secondary">
                      ：{h.fields.map((f) => `${f.label}：${f.value}`).join('；')}
                    </Typography.Text>
                  )}
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Space>
      {act && (
        <ActDialog
          label={act.label}
          action={act.action}
          fields={act.fields ?? []}
          today={data.today}
          onClose={() => setAct(null)}
          onSubmit={async (body) => {
            client.setQueryData(key, await post<CaseView>(`/api/litigation/${id}/acts`, body));
            void client.invalidateQueries({ queryKey: ['litigation'] });
            message.success(`已${act.label}`);
            setAct(null);
          }}
        />
      )}
    </>
  );
}
