import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage, get } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { importsKey, SELECT_STYLE, TAG, useImportMeta, type ImportListItem } from './queries.ts';

function Imports() {
  const navigate = useNavigate();
  const { data: meta } = useImportMeta();
  const [year, setYear] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const { data, isPending, error } = useQuery({
    queryKey: [...importsKey, 'list', year, departmentId],
    queryFn: () => get<{ items: ImportListItem[] }>('/api/report-imports', { year, departmentId }),
  });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const partLabel = (code: string) =>
    meta?.parts
      .find((p) => p.code === code)
      ?.label.replace(/^（.）/, '')
      .slice(0, 12) ?? code;

  const columns: TableColumnsType<ImportListItem> = [
    {
      title: '报告单位',
      dataIndex: 'orgName',
      render: (v: string | null, r) => (
        <Link to={`/reports/imports/${r.id}`}>{v ?? '（未识别单位）'}</Link>
      ),
    },
    { title: '年度', dataIndex: 'year', render: (v: number | null) => (v ? `${v}年` : '—') },
    { title: '报告日期', dataIndex: 'reportDate', render: (v: string | null) => v ?? '—' },
    ...(meta?.canChooseDepartment ? [{ title: '所属部门', dataIndex: 'departmentName' }] : []),
    {
      title: '法定部分',
      key: 'parts',
      render: (_: unknown, r: ImportListItem) => (
        <Flex gap={4} wrap>
          <Tag style={r.partsMissing.length ? TAG.amber : TAG.green}>{r.partsPresent.length}/5</Tag>
          {r.partsMissing.map((c) => (
            <Tag key={c} style={TAG.red}>
              缺{partLabel(c)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: '具体数字', dataIndex: 'factCount', align: 'right' },
    {
      title: '无具体事实的句子',
      dataIndex: 'emptySentenceShare',
      align: 'right',
      render: (v: number) => `${v}%`,
    },
    {
      title: '提示',
      dataIndex: 'warnings',
      render: (v: number) =>
        v ? <Tag style={TAG.amber}>{v}项</Tag> : <Tag style={TAG.green}>无</Tag>,
    },
    {
      title: '来源',
      key: 'source',
      render: (_: unknown, r: ImportListItem) =>
        `${meta?.formats[r.format] ?? r.format}：${r.fileName}`,
    },
    { title: '导入时间', dataIndex: 'importedAt', render: (v: string) => dateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title="年报导入分析"
        subTitle="导入其他方式编写的法治政府建设年度报告，识别法定部分、具体数字和需要关注的问题（厅字〔2019〕28号）"
        extra={
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => navigate('/reports/imports/new')}
          >
            导入报告
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="筛选导入的报告">
          <select
            aria-label="年度"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            style={SELECT_STYLE}
          >
            <option value="">全部年度</option>
            {years.map((y) => (
              <option key={y} value={y}>{`${y}年`}</option>
            ))}
          </select>
          {meta?.canChooseDepartment ? (
            <select
              aria-label="所属部门"
              value={departmentId}
              onChange={(e) => setDepartmentId(e.target.value)}
              style={SELECT_STYLE}
            >
              <option value="">全部部门</option>
              {meta.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          ) : null}
        </Flex>
        {error ? (
          <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ImportListItem>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 份` }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}

export default function ImportsPage() {
  return (
    <RequireAbility ability="reportImports">
      <Imports />
    </RequireAbility>
  );
}
