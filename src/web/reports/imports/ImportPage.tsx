import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Modal,
  Result,
  Row,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get, patch } from '../../lib/api.ts';
import { dateCn, dateTime } from '../../lib/format.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { PageLoading } from '../../auth/RequireAuth.tsx';
import { importsKey, useImportMeta, type ImportView } from './queries.ts';
import { HeadingTree, PartsCard } from './AnalysisParts.tsx';
import { FiguresTable, ReportText } from './FiguresText.tsx';

function CorrectModal({
  view,
  open,
  onClose,
}: {
  view: ImportView;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [orgName, setOrgName] = useState(view.orgName ?? '');
  const [year, setYear] = useState(view.year ? String(view.year) : '');
  const save = useMutation({
    mutationFn: () =>
      patch<ImportView>(`/api/report-imports/${view.id}`, {
        orgName: orgName.trim() || null,
        year: year ? Number(year) : null,
      }),
    onSuccess: async (next) => {
      client.setQueryData([...importsKey, 'view', view.id], next);
      await client.invalidateQueries({ queryKey: [...importsKey, 'list'] });
      onClose();
    },
  });
  return (
    <Modal
      title="更正报告单位和年度"
      open={open}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          自动识别：{view.analysis.orgName ?? '未识别'}，
          {view.analysis.year ? `${view.analysis.year}年度` : '年度未识别'}
        </Typography.Text>
        <label htmlFor="correct-org">报告单位</label>
        <Input
          id="correct-org"
          value={orgName}
          onChange={(e) => setOrgName(e.target.value)}
          maxLength={60}
        />
        <label htmlFor="correct-year">报告年度</label>
        <Input
          id="correct-year"
          value={year}
          onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
          inputMode="numeric"
          style={{ width: 120 }}
        />
        {save.error ? (
          <Alert type="error" showIcon role="alert" message={errorMessage(save.error)} />
        ) : null}
      </Space>
    </Modal>
  );
}

function normalisationText(v: ImportView, encodings: Record<string, string> | undefined): string {
  const n = v.analysis.normalisation;
  const done = [
    v.encoding && v.encoding !== 'utf-8'
      ? `按 ${encodings?.[v.encoding] ?? v.encoding} 编码读取`
      : null,
    n.traditional ? `繁体转简体 ${n.traditional} 字` : null,
    n.pinyin ? `去除误插入的拼音 ${n.pinyin} 处` : null,
    n.chromeLines ? `去除网页导航、元数据和页脚 ${n.chromeLines} 行` : null,
    n.joinedLines ? `合并断行 ${n.joinedLines} 处` : null,
    n.artefacts ? `去除 Word 标记 ${n.artefacts} 处` : null,
  ].filter(Boolean);
  return done.length ? done.join('；') : '无需处理';
}

export default function ImportPage() {
  const { id = '' } = useParams();
  const { data: meta } = useImportMeta();
  const [correcting, setCorrecting] = useState(false);
  const {
    data: v,
    isPending,
    error,
  } = useQuery({
    queryKey: [...importsKey, 'view', id],
    queryFn: () => get<ImportView>(`/api/report-imports/${id}`),
  });
  if (isPending) return <PageLoading />;
  if (error || !v)
    return (
      <Result
        status="404"
        title="报告不存在或无权访问"
        subTitle={errorMessage(error)}
        extra={<Link to="/reports/imports">返回导入列表</Link>}
      />
    );
  const a = v.analysis;
  const warnings = a.flags.filter((f) => f.severity === 'warning');
  const notes = a.flags.filter((f) => f.severity === 'info');

  return (
    <>
      <PageHeader
        title={`${v.orgName ?? '（未识别单位）'}${v.year ? ` ${v.year}年度` : ''}法治政府建设年度报告`}
        subTitle={<Link to="/reports/imports">← 返回导入列表</Link>}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={`/api/report-imports/${v.id}/original`}>
              下载原文件
            </Button>
            {v.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
                更正单位和年度
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label="报告单位">{v.orgName ?? '未识别'}</Descriptions.Item>
          <Descriptions.Item label="报告年度">
            {v.year ? `${v.year}年` : '未识别'}
          </Descriptions.Item>
          <Descriptions.Item label="报告日期">{dateCn(v.reportDate)}</Descriptions.Item>
          <Descriptions.Item label="标题">{a.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主送">{a.addressee ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所属部门">{v.departmentName}</Descriptions.Item>
          <Descriptions.Item label="来源">{`${meta?.formats[v.format] ?? v.format}：${v.fileName}`}</Descriptions.Item>
          <Descriptions.Item label="导入时间">{dateTime(v.importedAt)}</Descriptions.Item>
          <Descriptions.Item label="文本处理">
            {normalisationText(v, meta?.encodings)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card style={{ marginBottom: 16 }}>
            <Statistic title="法定部分" value={a.partsPresent.length} suffix="/ 5" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card style={{ marginBottom: 16 }}>
            <Statistic title="具体数字" value={a.figures.length} suffix="项" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card style={{ marginBottom: 16 }}>
            <Statistic
              title="无具体事实的句子（工作情况部分）"
              value={a.sentences.emptyShare}
              suffix={`%（${a.sentences.total - a.sentences.withFact}/${a.sentences.total}句）`}
            />
          </Card>
        </Col>
      </Row>
      <Card title="审阅提示" style={{ marginBottom: 16 }}>
        {warnings.length ? (
          <Alert
            type="warning"
            showIcon
            message={`需要关注（${warnings.length}项）`}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {warnings.map((f) => (
                  <li key={f.code + f.message}>{f.message}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: notes.length ? 12 : 0 }}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            message="未发现需要关注的问题"
            style={{ marginBottom: notes.length ? 12 : 0 }}
          />
        )}
        {notes.length ? (
          <Alert
            type="info"
            showIcon
            message="说明"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {notes.map((f) => (
                  <li key={f.code + f.message}>{f.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {a.sentences.emptySamples.length ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            无具体事实的句子举例：
            {a.sentences.emptySamples
              .slice(0, 3)
              .map((s) => `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`)
              .join('；')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {v.repetition?.sentences.length ? (
        <Card
          title={`与${v.repetition.earlierYear ?? '上一份'}年度报告重复的句子（${v.repetition.share}%）`}
          extra={<Link to={`/reports/imports/${v.repetition.earlierId}`}>查看该报告</Link>}
          style={{ marginBottom: 16 }}
        >
          <List
            size="small"
            dataSource={v.repetition.sentences.slice(0, 20)}
            renderItem={(s) => <List.Item>{s.text}</List.Item>}
          />
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <PartsCard analysis={a} meta={meta} />
        </Col>
        <Col xs={24} lg={12}>
          <HeadingTree analysis={a} meta={meta} />
        </Col>
      </Row>
      <FiguresTable figures={a.figures} meta={meta} />
      <ReportText text={v.text} figures={a.figures} headings={a.headings} meta={meta} />
      {correcting ? <CorrectModal view={v} open onClose={() => setCorrecting(false)} /> : null}
    </>
  );
}
