import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { OpenPenaltyButton } from './OpenPenaltyButton.tsx';
import { useEnforcementForms } from './forms.ts';
import { INSPECTION_STATUS, type Inspection } from './types.ts';

interface Payload {
  inspection: Inspection;
  abilities: { record: boolean; publish: boolean };
}

/** One inspection: record the result with evidence, then publish it on the portal (within 20 WD). */
export default function InspectionPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const forms = useEnforcementForms();
  const { fields } = forms;
  const key = ['enforcement', 'inspection', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<Payload>(`/api/enforcement/inspections/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该检查记录" subTitle={errorMessage(error)} />;
  const r = data.inspection;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['enforcement'] });
  };
  return (
    <>
      <PageHeader
        title={`${r.targetName}检查记录`}
        subTitle={INSPECTION_STATUS[r.status]}
        extra={
          <Space>
            {data.abilities.record && (
              <Button type="primary" onClick={() => setRecording(true)}>
                录入检查结果
              </Button>
            )}
            {data.abilities.publish && (
              <Button
                type="primary"
                onClick={() =>
                  void post(`/api/enforcement/inspections/${id}/publish`)
                    .then(() => {
                      refresh();
                      message.success('已在门户网站公示');
                    })
                    .catch((e) => message.error(errorMessage(e)))
                }
              >
                公示检查结果
              </Button>
            )}
            <OpenPenaltyButton inspection={r} />
          </Space>
        }
      />
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'c', label: '统一社会信用代码', children: r.creditCode },
            {
              key: 'p',
              label: '抽查计划',
              children: <Link to={`/enforcement/draws/${r.drawId}`}>{r.planName}</Link>,
            },
            {
              key: 'i',
              label: '检查人员',
              children: r.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、'),
            },
            {
              key: 'd',
              label: '检查日期',
              children: r.inspectedOn ? `${r.inspectedOn} 至 ${r.endedOn}` : '—',
            },
            {
              key: 'f',
              label: '检查情况',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.findings || '—'}</span>,
            },
            { key: 'r', label: '检查结果', children: r.resultLabel ?? '—' },
            {
              key: 'e',
              label: '证据材料',
              children: r.fileIds.length
                ? r.fileIds.map((f, i) => (
                    <a
                      key={f}
                      href={`/api/files/${f}`}
                      style={{ marginRight: 8, textDecoration: 'underline' }}
                    >
                      材料{i + 1}
                    </a>
                  ))
                : '—',
            },
            {
              key: 'u',
              label: '公示',
              children: (
                <Space>
                  {r.publishDue ? `期限 ${r.publishDue}` : '—'}
                  {r.publishedOn ? `，${r.publishedOn}已公示` : ''}
                  {r.late && <Tag color="red">逾期公示</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {recording && !forms.isPending && (
        <StepModal
          title="录入检查结果"
          fields={fields('record', { initial: { result: 'noProblem' } })}
          onClose={() => setRecording(false)}
          onSubmit={async (v, fileIds) => {
            await post(`/api/enforcement/inspections/${id}/record`, { ...v, fileIds });
            setRecording(false);
            refresh();
            message.success('已录入检查结果');
          }}
        />
      )}
    </>
  );
}
