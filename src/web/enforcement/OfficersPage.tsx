import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { ImportButton } from './ImportButton.tsx';
import { optionLabel, useEnforcementForms } from './forms.ts';
import { formBody } from '../lib/forms.ts';
import type { Officer } from './types.ts';

interface Pending {
  title: string;
  /** Drawn once the declared forms have arrived. */
  fields: () => StepField[];
  send: (v: Record<string, unknown>) => Promise<unknown>;
}

/** 执法人员名录: certificates and their validity, status, training hours, conflicts (回避); Excel import/export. */
export default function OfficersPage() {
  const session = useCurrentSession();
  const manage = !!session.abilities.manageOfficers;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['enforcement', 'officers'],
    queryFn: () =>
      get<{ items: Officer[]; settings: { trainingHours: number; expiryNoticeDays: number } }>(
        '/api/enforcement/officers',
      ),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['enforcement', 'officers'] });
  const year = new Date().getFullYear();
  const forms = useEnforcementForms();
  const { fields } = forms;
  const officerFields = (o?: Officer): StepField[] =>
    fields('officer', {
      initial: {
        name: o?.name,
        certificateNo: o?.certificateNo,
        issuingBody: o?.issuingBody,
        field: o?.field,
        validFrom: o?.validFrom,
        validTo: o?.validTo,
        status: o?.status ?? 'active',
      },
    });
  const settings = data?.settings;
  return (
    <>
      <PageHeader
        title="执法人员名录"
        extra={
          manage ? (
            <Button
              type="primary"
              onClick={() =>
                setPending({
                  title: '登记执法人员',
                  fields: () => officerFields(),
                  send: (v) => post('/api/enforcement/officers', v),
                })
              }
            >
              登记执法人员
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <a href="/api/enforcement/officers/export.xlsx">导出Excel</a>
          {manage && (
            <ImportButton
              label="从Excel导入"
              url="/api/enforcement/officer-imports"
              accept=".xlsx"
              onDone={refresh}
            />
          )}
        </Space>
        {settings && (
          <Typography.Paragraph type="secondary">
            执法证在{settings.expiryNoticeDays}
            日内到期的标注“即将到期”并列入法制审核人员的待办；年度培训不少于{settings.trainingHours}
            学时。执法证过期或状态不是“在岗”的人员不能被抽取或指派。
          </Typography.Paragraph>
        )}
        <Table<Officer>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '执法证号', dataIndex: 'certificateNo' },
            { title: '执法领域', dataIndex: 'field' },
            { title: '有效期', render: (_, o) => `${o.validFrom} 至 ${o.validTo}` },
            {
              title: '状态',
              render: (_, o) => (
                <Space size={4}>
                  <Tag>{o.statusLabel}</Tag>
                  {o.expired && <Tag color="red">证件过期</Tag>}
                  {o.expiringSoon && <Tag color="red">即将到期</Tag>}
                </Space>
              ),
            },
            {
              title: `${year}年培训`,
              render: (_, o) => (
                <span>
                  {o.trainingHours}学时
                  {o.trainingShort && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      未达标
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              title: '回避',
              render: (_, o) =>
                o.conflicts
                  .map(
                    (c) => `${c.creditCode}（${optionLabel(fields('conflict'), 'kind', c.kind)}）`,
                  )
                  .join('；') || '—',
            },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, o: Officer) => (
                      <Space size={0} wrap>
                        <Button
                          type="link"
                          onClick={() =>
                            setPending({
                              title: `修改${o.name}`,
                              fields: () => officerFields(o),
                              send: (v) => post(`/api/enforcement/officers/${o.id}`, v),
                            })
                          }
                        >
                          修改
                        </Button>
                        <Button
                          type="link"
                          onClick={() =>
                            setPending({
                              title: `登记${o.name}的培训学时`,
                              fields: () => fields('training', { initial: { year: String(year) } }),
                              send: (v) =>
                                post(
                                  `/api/enforcement/officers/${o.id}/training`,
                                  formBody(fields('training'))(v),
                                ),
                            })
                          }
                        >
                          培训
                        </Button>
                        <Button
                          type="link"
                          onClick={() =>
                            setPending({
                              title: `登记${o.name}的回避情形`,
                              fields: () => fields('conflict', { initial: { kind: 'relative' } }),
                              send: (v) => post(`/api/enforcement/officers/${o.id}/conflicts`, v),
                            })
                          }
                        >
                          回避
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {pending && !forms.isPending && (
        <StepModal
          title={pending.title}
          fields={pending.fields()}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={async (v) => {
            await pending.send(v);
            setPending(null);
            refresh();
            message.success(`已办理：${pending.title}`);
          }}
        />
      )}
    </>
  );
}
