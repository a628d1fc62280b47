import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage, get, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { DATE } from '../../lib/format.ts';
import { DueDate } from '../../lib/DueDate.tsx';
import { FileUpload, uploadedIds } from '../../lib/FileUpload.tsx';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { ReviewerSelect } from './ReviewerSelect.tsx';
import {
  publicationsKey,
  useFileLimit,
  usePublicationMeta,
  type DueInfo,
  type PublicationRequest,
} from './queries.ts';

interface Values {
  title: string;
  category: string;
  topic: string;
  keywords?: string[];
  docNumber?: string;
  formedOn: Dayjs;
  publishedOn: Dayjs;
  publishedVia?: string;
  summary?: string;
  body: string;
  confidentialityReview: { reviewerId: string };
}

const FIELD_PATHS = [
  'title',
  'category',
  'topic',
  'keywords',
  'docNumber',
  'formedOn',
  'publishedOn',
  'publishedVia',
  'summary',
  'body',
  'confidentialityReview',
];

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

function Publish() {
  const { data: meta } = usePublicationMeta();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const formedOn = Form.useWatch('formedOn', form);
  const publishedOn = Form.useWatch('publishedOn', form);

  async function submit(v: Values) {
    setSubmitting(true);
    setProblems([]);
    try {
      const attachmentIds = uploadedIds(files);
      const asked = await post<PublicationRequest>('/api/publications', {
        title: v.title,
        category: v.category,
        topic: v.topic,
        keywords: v.keywords ?? [],
        docNumber: v.docNumber?.trim() || null,
        formedOn: v.formedOn.format(DATE),
        publishedOn: v.publishedOn.format(DATE),
        publishedVia: earlier ? v.publishedVia?.trim() || null : null,
        summary: v.summary ?? '',
        body: v.body,
        attachmentIds,
        confidentialityReview: { reviewerId: v.confidentialityReview.reviewerId },
      });
      message.success(`已提请${asked.reviewerName}保密审查，审查通过后发布`);
      await client.invalidateQueries({ queryKey: publicationsKey });
      navigate(`/publications/reviews/${asked.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, (path) => {
        const parts = path.split('.');
        return FIELD_PATHS.includes(parts[0]) ? parts : null;
      });
      setProblems(unplaced.length ? unplaced : [errorMessage(err)]);
    } finally {
      setSubmitting(false);
    }
  }

  const today = meta ? dayjs(meta.today) : dayjs();
  // An earlier 发布日期 records a publication first made elsewhere (政府公报, the former website).
  const earlier = !!publishedOn && publishedOn.isBefore(today, 'day');
  const limit = useFileLimit().data;
  return (
    <>
      <PageHeader
        title="发布主动公开信息"
        subTitle={`索引号由系统按“${meta?.indexPattern ?? ''}”自动生成，发布机构为本部门`}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          publishedOn: today,
          keywords: [],
        }}
        style={{ maxWidth: 900 }}
      >
        <Card title="一、信息内容" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap size="large" align="start">
            <Form.Item
              name="category"
              label="组配分类"
              rules={[{ required: true, message: '请选择组配分类' }]}
            >
              <Select
                style={{ width: 200 }}
                options={meta?.categories.map((c) => ({ value: c.code, label: c.label }))}
              />
            </Form.Item>
            <Form.Item
              name="topic"
              label="主题分类"
              rules={[{ required: true, message: '请选择主题分类' }]}
            >
              <Select
                style={{ width: 220 }}
                options={meta?.topics.map((c) => ({ value: c.code, label: c.label }))}
              />
            </Form.Item>
            <Form.Item
              name="formedOn"
              label="生成日期（发文日期）"
              rules={[{ required: true, message: '请选择生成日期' }]}
              extra="信息形成或者变更的日期，20个工作日的公开期限自此起算"
            >
              <DatePicker format={DATE} disabledDate={(d) => d.isAfter(today, 'day')} />
            </Form.Item>
            <Form.Item name="docNumber" label="文号" extra="如 科规〔2025〕3号；没有文号可不填">
              <Input style={{ width: 220 }} maxLength={50} />
            </Form.Item>
          </Space>
          <Space wrap size="large" align="start">
            <Form.Item
              name="publishedOn"
              label="发布日期"
              rules={[{ required: true, message: '请选择发布日期' }]}
              extra="默认今天；已在政府公报、原门户网站等渠道公开的，填写实际发布日期"
            >
              <DatePicker format={DATE} disabledDate={(d) => d.isAfter(today, 'day')} />
            </Form.Item>
            {earlier ? (
              <Form.Item
                name="publishedVia"
                label="首次发布渠道"
                rules={[{ required: true, message: '发布日期早于今天时，请填写首次发布渠道' }]}
                extra="如：示范市人民政府公报2025年第2期"
              >
                <Input style={{ width: 320 }} maxLength={100} />
              </Form.Item>
            ) : null}
          </Space>
          <DueNotice
            formedOn={formedOn ? formedOn.format(DATE) : null}
            publishedOn={publishedOn ? publishedOn.format(DATE) : null}
          />
          <Form.Item name="keywords" label="关键词">
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              maxCount={10}
              open={false}
              suffixIcon={null}
              placeholder="输入后按回车"
            />
          </Form.Item>
          <Form.Item name="summary" label="内容概述">
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <Form.Item
            name="body"
            label="正文"
            rules={[{ required: true, message: '请填写正文' }]}
            extra="段落之间空一行"
          >
            <Input.TextArea rows={12} />
          </Form.Item>
          <Form.Item label="附件" extra={limit ? `单个文件不超过 ${limit.label}` : undefined}>
            <FileUpload files={files} onChange={setFiles} buttonLabel="上传附件" />
          </Form.Item>
        </Card>
        <Card title="二、保密审查（《政府信息公开条例》第十七条）" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            发布前须依照《保守国家秘密法》等规定对拟公开的政府信息进行审查；不能确定的，应报有关主管部门或者保密行政管理部门确定。
          </Typography.Paragraph>
          <Form.Item
            name={['confidentialityReview', 'reviewerId']}
            label="保密审查人"
            extra="由起草人以外的本部门工作人员在其本人账号中审查：审查通过后发布并生成索引号，退回的不发布"
            rules={[{ required: true, message: '请选择保密审查人' }]}
          >
            <ReviewerSelect reviewers={meta?.reviewers ?? []} />
          </Form.Item>
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

export default function PublishPage() {
  return (
    <RequireAbility ability="publish">
      <Publish />
    </RequireAbility>
  );
}
