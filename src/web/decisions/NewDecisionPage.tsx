import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, get, post } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import type { Catalogue, DecisionPayload } from './types.ts';

const NAMES = [
  'title',
  'proposer',
  'proposerKind',
  'undertakingUnit',
  'coUnits',
  'problem',
  'reasonsAndBasis',
  'initialPlan',
  'necessity',
  'catalogueItemId',
  'outsideCatalogueReason',
  'confidential',
  'confidentialReason',
  'technical',
  'riskRelevant',
  'concernsMarket',
  'hearingPlanned',
  'partyReportRequired',
  'startApprovedBy',
];
const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const KINDS = [
  { value: 'leader', label: '决策机关领导人员' },
  { value: 'department', label: '所属部门或内设机构' },
  { value: 'lowerGov', label: '下一级人民政府' },
  { value: 'deputy', label: '人大代表、政协委员' },
  { value: 'public', label: '公民、法人或者其他组织' },
];

/** 决策启动 (条例第十条、第十一条): the proposal, the 承办单位, and which statutory steps apply. */
export default function NewDecisionPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data } = useQuery({
    queryKey: ['decision-catalogues'],
    queryFn: () => get<{ items: Catalogue[] }>('/api/decision-catalogues'),
  });
  const items = (data?.items ?? [])
    .filter((c) => c.status === 'published')
    .flatMap((c) =>
      c.items
        .filter((i) => i.status === 'listed')
        .map((i) => ({ value: i.id, label: `${c.year}年：${i.title}` })),
    );
  const inCatalogue = Form.useWatch('catalogueItemId', form);
  const confidential = Form.useWatch('confidential', form);
  async function submit(values: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const res = await post<DecisionPayload>('/api/decisions', {
        ...values,
        catalogueItemId: values.catalogueItemId || null,
      });
      client.setQueryData(['decision', res.decision.id], res);
      void client.invalidateQueries({ queryKey: ['decisions'] });
      navigate(`/decisions/${res.decision.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(NAMES));
      setError(
        err instanceof ApiError && err.fields.length
          ? unplaced.length
            ? unplaced.join('；')
            : null
          : err instanceof Error
            ? err.message
            : '保存失败',
      );
    } finally {
      setBusy(false);
    }
  }
  const flag = (name: string, label: string, extra?: string) => (
    <Form.Item label={label} name={name} extra={extra}>
      <Radio.Group options={yesNo} />
    </Form.Item>
  );
  return (
    <>
      <PageHeader
        title="启动重大行政决策"
        subTitle="论证拟解决的主要问题、建议理由和依据、初步方案及其必要性、可行性（条例第十条）"
      />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          name="decision"
          onFinish={(v) => void submit(v)}
          initialValues={{
            proposerKind: 'department',
            confidential: false,
            technical: false,
            riskRelevant: false,
            concernsMarket: false,
            hearingPlanned: false,
            partyReportRequired: false,
          }}
        >
          <Form.Item
            label="决策事项名称"
            name="title"
            rules={[{ required: true, message: '请填写决策事项名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="年度决策事项目录"
            name="catalogueItemId"
            extra="目录外的事项可以启动，但须记录理由"
          >
            <NativeSelect options={items} placeholder="不在目录中（目录外事项）" />
          </Form.Item>
          {!inCatalogue && (
            <Form.Item
              label="目录外启动的理由"
              name="outsideCatalogueReason"
              rules={[{ required: true, message: '请填写目录外启动的理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          )}
          <Form.Item
            label="建议提出方"
            name="proposer"
            rules={[{ required: true, message: '请填写建议提出方' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="建议来源" name="proposerKind">
            <NativeSelect options={KINDS} />
          </Form.Item>
          <Form.Item
            label="决策承办单位（牵头）"
            name="undertakingUnit"
            rules={[{ required: true, message: '请填写决策承办单位' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="协办单位" name="coUnits">
            <Input />
          </Form.Item>
          <Form.Item
            label="拟解决的主要问题"
            name="problem"
            rules={[{ required: true, message: '请填写拟解决的主要问题' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            label="建议理由和依据"
            name="reasonsAndBasis"
            rules={[{ required: true, message: '请填写建议理由和依据' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            label="解决问题的初步方案"
            name="initialPlan"
            rules={[{ required: true, message: '请填写初步方案' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item
            label="必要性、可行性"
            name="necessity"
            rules={[{ required: true, message: '请填写必要性、可行性' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          {flag(
            'confidential',
            '是否依法不予公开的决策事项',
            '依法不予公开的，不向社会公开征求意见，决策不予公布（条例第十四条、第三十二条）',
          )}
          {confidential && (
            <Form.Item
              label="不予公开的依据"
              name="confidentialReason"
              rules={[{ required: true, message: '请填写不予公开的依据' }]}
            >
              <Input />
            </Form.Item>
          )}
          {flag('technical', '是否专业性、技术性较强', '是的，应当组织专家论证（条例第十九条）')}
          {flag(
            'riskRelevant',
            '是否可能对社会稳定、公共安全等造成不利影响',
            '是的，应当开展风险评估（条例第二十二条）',
          )}
          {flag(
            'concernsMarket',
            '是否涉及市场主体经济活动',
            '是的，应当进行公平竞争审查（条例第二十九条）',
          )}
          {flag(
            'hearingPlanned',
            '是否召开听证会',
            '决策事项直接涉及切身利益或者存在较大分歧的，可以召开听证会（条例第十六条）',
          )}
          {flag('partyReportRequired', '出台前是否需向同级党委请示报告', '条例第三十一条')}
          <Form.Item
            label="决定启动的领导或会议"
            name="startApprovedBy"
            extra="决策机关决定启动决策程序（条例第十一条）；局领导本人启动的可不填"
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            启动决策
          </Button>
        </Form>
      </Card>
    </>
  );
}
