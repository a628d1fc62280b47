import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage, get, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { FieldItem, fieldErrorPath, formValues } from '../../lib/ActForm.tsx';
import { DueDate } from '../../lib/DueDate.tsx';
import { FileUpload, uploadedIds } from '../../lib/FileUpload.tsx';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import {
  publicationsKey,
  useFileLimit,
  usePublicationMeta,
  type DueInfo,
  type PublicationMeta,
  type PublicationRequest,
} from './queries.ts';

/** When the form's 生成日期 is set: the 20-working-day due date from the calendar, and whether the 发布日期 is late. */
function DueNotice({
  formedOn,
  publishedOn,
}: {
  formedOn: string | null;
  publishedOn: string | null;
}) {
  const { data } = useQuery({
    queryKey: [...publicationsKey, 'due', formedOn, publishedOn],
    queryFn: () => get<DueInfo>('/api/publications/due', { formedOn, publishedOn }),
    enabled: !!formedOn,
  });
  if (!formedOn || !data) return null;
  return (
    <Alert
      role="status"
      type={data.late ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      message={
        <span>
          应于{' '}
          <DueDate
            dueDate={data.due}
            explanation={data.explanation}
            provisional={data.provisional}
          />{' '}
          前公开
          {data.late
            ? `；${data.publishedOn === data.today ? '今天' : `于${data.publishedOn}`}发布已超过20个工作日，将标记为“超期公开”`
            : ''}
        </span>
      }
      description={data.explanation}
    />
  );
}

/**
 * 发布主动公开信息 as the server declares it (GET /api/publications/meta sends the form, with the
 * 组配分类, 主题分类 and 保密审查人 of the moment as options): the page places the fields in its two
 * cards and adds the due notice, the attachments and the 首次发布渠道 asked for an earlier 发布日期.
 */
function Publish({ meta }: { meta: PublicationMeta }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const formedOn = Form.useWatch('formedOn', form) as string | undefined;
  const publishedOn = Form.useWatch('publishedOn', form) as string | undefined;
  const { today, form: fields } = meta;
  // An earlier 发布日期 records a publication first made elsewhere (政府公报, the former website).
  const earlier = !!publishedOn && publishedOn < today;
  const limit = useFileLimit().data;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const item = (name: string, props: Record<string, unknown> = {}, rules = {}) => {
    const field = byName.get(name);
    return field ? (
      <FieldItem field={field} fields={fields} select="antd" extra={{ props, ...rules }} />
    ) : null;
  };
  // Dates up to the server's today (the test clock's, not the browser's).
  const past = { max: today, style: { width: 160 } };

  async function submit(raw: Record<string, unknown>) {
    setSubmitting(true);
    setProblems([]);
    try {
      const { reviewerId, publishedVia, ...values } = formValues(fields, raw);
      const asked = await post<PublicationRequest>('/api/publications', {
        ...values,
        ...(earlier ? { publishedVia } : {}),
        attachmentIds: uploadedIds(files),
        confidentialityReview: { reviewerId },
      });
      message.success(`已提请${asked.reviewerName}保密审查，审查通过后发布`);
      await client.invalidateQueries({ queryKey: publicationsKey });
      navigate(`/publications/reviews/${asked.id}`);
    } catch (err) {
      // The reviewer is posted as confidentialityReview.reviewerId.
      const placed = fieldErrorPath(fields);
      const unplaced = applyFieldErrors(form, err, (path) =>
        placed(path.replace(/^(body\.)?confidentialityReview\./, '')),
      );
      setProblems(unplaced.length ? unplaced : [errorMessage(err)]);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      <PageHeader
        title="发布主动公开信息"
        subTitle={`索引号由系统按“${meta.indexPattern}”自动生成，发布机构为本部门`}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ publishedOn: today, keywords: [] }}
        style={{ maxWidth: 900 }}
      >
        <Card title="一、信息内容" style={{ marginBottom: 16 }}>
          {item('title')}
          <Space wrap size="large" align="start">
            {item('category', { style: { width: 200 } })}
            {item('topic', { style: { width: 220 } })}
            {item('formedOn', past)}
            {item('docNumber', { style: { width: 220 } })}
          </Space>
          <Space wrap size="large" align="start">
            {item('publishedOn', past)}
            {earlier
              ? item(
                  'publishedVia',
                  { style: { width: 320 } },
                  {
                    rules: [{ required: true, message: '发布日期早于今天时，请填写首次发布渠道' }],
                  },
                )
              : null}
          </Space>
          <DueNotice formedOn={formedOn ?? null} publishedOn={publishedOn ?? null} />
          {item('keywords')}
          {item('summary', { autoSize: { minRows: 2, maxRows: 6 }, showCount: true })}
          {item('body', { autoSize: { minRows: 12, maxRows: 30 } })}
          <Form.Item label="附件" extra={limit ? `单个文件不超过 ${limit.label}` : undefined}>
            <FileUpload files={files} onChange={setFiles} buttonLabel="上传附件" />
          </Form.Item>
        </Card>
        <Card title="二、保密审查（《政府信息公开条例》第十七条）" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            发布前须依照《保守国家秘密法》等规定对拟公开的政府信息进行审查；不能确定的，应报有关主管部门或者保密行政管理部门确定。
          </Typography.Paragraph>
          {/* One of the department's other accounts, chosen by name; no default (条例第十七条). */}
          {item('reviewerId', {
            style: { width: 260 },
            showSearch: true,
            optionFilterProp: 'label',
          })}
        </Card>
        {problems.length ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message="提交失败"
            description={problems.join('；')}
          />
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            提请保密审查并发布
          </Button>
          <Button onClick={() => navigate('/publications')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}

/** The page once the form and its options have come (the 发布日期 starts at the server's today). */
function PublishWithMeta() {
  const { data: meta } = usePublicationMeta();
  return meta ? <Publish meta={meta} /> : null;
}

export default function PublishPage() {
  return (
    <RequireAbility ability="publish">
      <PublishWithMeta />
    </RequireAbility>
  );
}
