import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get } from '../lib/api.ts';
import { DATE, dateTime } from '../lib/format.ts';
import type { CaseAction, CasePayload, Worklist } from '../lib/types.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ActionModal } from './ActionModal.tsx';
import { EventsTimeline } from './EventsTimeline.tsx';
import { StepsTable } from './StepsTable.tsx';
import { SecrecyReviewPanel } from '../disclosure/SecrecyReviewPanel.tsx';

export default function CasePage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [action, setAction] = useState<CaseAction | null>(null);
  const key = ['case', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<CasePayload>(`/api/cases/${encodeURIComponent(id)}`),
  });

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={
          notFound ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error'
        }
        title={notFound ? '未找到该事项' : '无法打开该事项'}
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
      />
    );
  }

  const c = data.case;
  // Default action date: the server's "today" (case payload or worklist), else the browser's.
  const today =
    data.today ?? client.getQueryData<Worklist>(['worklist'])?.today ?? dayjs().format(DATE);

  function done(payload: CasePayload, label: string) {
    client.setQueryData(key, payload);
    void client.invalidateQueries({ queryKey: ['worklist'] });
    void client.invalidateQueries({ queryKey: ['notifications'] });
    setAction(null);
    message.success(`已办理：${label}`);
  }

  return (
    <>
      <PageHeader
        title={c.title}
        subTitle={`${c.moduleLabel} · ${c.procedureLabel}`}
        extra={<Tag>{c.statusLabel}</Tag>}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {c.page && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                本事项的材料和专门办理事项在{c.moduleLabel}页面：
                <Link to={c.page} style={{ textDecoration: 'underline' }}>
                  打开{c.moduleLabel}页面
                </Link>
              </span>
            }
          />
        )}
        {/* A record without a page of its own (e.g. the 政府信息公开工作年度报告): its 保密审查 is decided here, where the
            reviewer's 我的待办 leads (条例第十七条). */}
        {!c.page && data.events.some((e) => e.type === 'requestSecrecyReview') && (
          <SecrecyReviewPanel
            caseId={c.id}
            onChanged={() => {
              void client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
            }}
          />
        )}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>基本信息</h2>}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'module', label: '业务领域', children: c.moduleLabel },
              { key: 'procedure', label: '程序', children: c.procedureLabel },
              { key: 'status', label: '状态', children: c.statusLabel },
              { key: 'org', label: '承办单位', children: c.orgName },
              { key: 'created', label: '创建时间', children: dateTime(c.createdAt) },
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理</h2>}>
          {data.actions.length === 0 && data.blocked.length === 0 && (
            <Typography.Text type="secondary">当前没有可办理的操作。</Typography.Text>
          )}
          <Space wrap>
            {data.actions.map((a) => (
              <Button key={a.action} type="primary" onClick={() => setAction(a)}>
                {a.label}
              </Button>
            ))}
            {data.blocked.map((b) => (
              <Tooltip key={b.action} title={b.reason}>
                <Button disabled>{b.label}</Button>
              </Tooltip>
            ))}
          </Space>
          {data.blocked.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              title="以下操作暂不能办理"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.blocked.map((b) => (
                    <li key={b.action}>
                      {b.label}：{b.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>环节与期限</h2>}>
          <StepsTable steps={data.steps} />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理记录</h2>}>
          <EventsTimeline events={data.events} />
        </Card>
      </Space>
      {action && (
        <ActionModal
          key={action.action}
          caseId={id}
          action={action}
          today={today}
          onClose={() => setAction(null)}
          onDone={(p) => done(p, action.label)}
        />
      )}
    </>
  );
}
