import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { RegisterModal } from './RegisterModal.tsx';
import { type CaseItem, type CaseView } from './types.ts';
import { useLabels } from '../lib/labels.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => ({
  value: String(thisYear - i),
  label: `${thisYear - i}年`,
}));

/** 行政复议 (the bureau as 被申请人) and 行政诉讼 (as 被告): the cases, their answers and results. */
export default function LitigationPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState('');
  const [kind, setKind] = useState('');
  const [open, setOpen] = useState<'reconsideration' | 'lawsuit' | null>(null);
  const filters = { year: year || undefined, kind: kind || undefined };
  const { data, isPending } = useQuery({
    queryKey: ['litigation', filters],
    queryFn: () => get<CaseItem[]>('/api/litigation', filters),
  });
  const labels = useLabels('litigation');
  const manage = !!session.abilities.manageLitigation;
  return (
    <>
      <PageHeader
        title="行政复议与应诉"
        extra={
          manage ? (
            <Space>
              <Button type="primary" onClick={() => setOpen('reconsideration')}>
                登记行政复议
              </Button>
              <Button onClick={() => setOpen('lawsuit')}>登记行政诉讼</Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <NativeSelect
            ariaLabel="收案年度"
            placeholder="全部年度"
            width={120}
            options={YEARS}
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
          <NativeSelect
            ariaLabel="案件类型"
            placeholder="全部案件"
            width={140}
            options={labels.choices('kinds')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          />
        </Space>
        <Table<CaseItem>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (t: string, r) => <Link to={`/litigation/${r.id}`}>{t}</Link>,
            },
            {
              title: '类型',
              render: (_, r) =>
                r.kindLabel +
                (r.kind === 'lawsuit' && r.afterReconsideration ? '（复议后起诉）' : ''),
            },
            { title: '申请人（原告）', dataIndex: 'applicant' },
            { title: '被复议（诉讼）的行政行为', dataIndex: 'actTitle', ellipsis: true },
            { title: '收到副本', dataIndex: 'receivedOn', width: 110 },
            {
              title: '答复（答辩）',
              width: 150,
              render: (_, r) =>
                r.answeredOn ? (
                  <>
                    {r.answeredOn}
                    {r.answerLate && (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        逾期
                      </Tag>
                    )}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              title: '结果',
              render: (_, r) =>
                r.result ? `${r.result.label}（${r.result.categoryLabel}）` : '尚未审结',
            },
          ]}
        />
      </Card>
      {open && (
        <RegisterModal
          kind={open}
          onClose={() => setOpen(null)}
          onSubmit={async (body) => {
            const res = await post<CaseView>(
              open === 'lawsuit' ? '/api/litigation/lawsuits' : '/api/litigation/reconsiderations',
              body,
            );
            void client.invalidateQueries({ queryKey: ['litigation'] });
            message.success(`已登记${res.record.caseNo}`);
            navigate(`/litigation/${res.record.id}`);
          }}
        />
      )}
    </>
  );
}
