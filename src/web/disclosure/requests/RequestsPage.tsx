import { useState } from 'react';
import { Button, Card, Checkbox, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../../lib/api.ts';
import { dateCn } from '../../lib/format.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import type { RequestItem, RequestList } from './types.ts';
import { IntakeModal } from './IntakeModal.tsx';

/** 依申请公开: the disclosure office's list of requests (status, overdue, year). */
export default function RequestsPage() {
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [intake, setIntake] = useState(false);
  const query = { status, overdue: overdue ? 'true' : undefined, year: year ?? undefined, page };
  const { data, isPending, refetch } = useQuery({
    queryKey: ['disclosureRequests', query],
    queryFn: () => get<RequestList>('/api/disclosure/requests', query),
  });
  return (
    <>
      <PageHeader
        title="依申请公开"
        subTitle="政府信息公开申请的登记、办理和答复"
        extra={
          <Button type="primary" onClick={() => setIntake(true)}>
            登记申请
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="状态"
            style={{ width: 140 }}
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              setPage(1);
            }}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              setPage(1);
            }}
          >
            仅看逾期
          </Checkbox>
          <InputNumber
            aria-label="年度"
            placeholder="年度"
            min={2008}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
          />
        </Space>
        <Table<RequestItem>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 50,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: '收到日期',
              dataIndex: 'receivedOn',
              width: 130,
              render: (d: string) => dateCn(d),
            },
            {
              title: '申请人',
              dataIndex: 'applicant',
              width: 160,
              render: (v: string, r) => (
                <>
                  {v}
                  <br />
                  <Typography.Text type="secondary">{r.applicantType}</Typography.Text>
                </>
              ),
            },
            {
              title: '申请内容',
              dataIndex: 'description',
              render: (v: string, r) => <Link to={`/disclosure/requests/${r.id}`}>{v}</Link>,
            },
            { title: '渠道', dataIndex: 'channel', width: 150 },
            {
              title: '状态 / 期限',
              width: 220,
              render: (_: unknown, r) =>
                r.closed ? (
                  <Tag>{r.outcomeLabel ?? '已办结'}</Tag>
                ) : (
                  <Space size={4} wrap>
                    {r.incomplete && <Tag>要素不全</Tag>}
                    {r.dueDate ? (
                      r.overdue ? (
                        <Typography.Text type="danger" strong>
                          已逾期 {dateCn(r.dueDate)}
                        </Typography.Text>
                      ) : (
                        <span>{dateCn(r.dueDate)}前答复</span>
                      )
                    ) : (
                      <Tag>期限暂停</Tag>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {intake && (
        <IntakeModal
          onClose={() => setIntake(false)}
          onDone={() => {
            setIntake(false);
            void refetch();
          }}
        />
      )}
    </>
  );
}
