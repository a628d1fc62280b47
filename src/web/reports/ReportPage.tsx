import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Space, Spin, Steps, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  formatValue,
  normalizeInlines,
  sentenceInlines,
  type Figure,
  type ReportDocument,
} from '../../modules/reports/document.ts';
import { ApiError, errorMessage, get, post, put } from '../lib/api.ts';
import { dateCn } from '../lib/format.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { DocumentEditor } from './DocumentEditor.tsx';
import { FigureDrawer } from './FigureDrawer.tsx';
import { ActModal, type Act } from './ActModal.tsx';
import { VersionsDrawer } from './VersionsDrawer.tsx';
import { useReportYear, YearSelect } from './YearSelect.tsx';
import { SecrecyReviewPanel } from '../disclosure/SecrecyReviewPanel.tsx';
import type { Approval, Report, ReportPayload } from './types.ts';
import './reports.css';

const STEP_OF: Record<string, number> = {
  new: 0,
  drafting: 0,
  reviewed: 1,
  approved: 2,
  submitted: 3,
  published: 4,
};
const ACT_BUTTONS: Array<[Act, string]> = [
  ['approve', '记录审定'],
  ['submit', '报送'],
  ['publish', '公开'],
];

function Deadlines({ r }: { r: Report }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {r.deadlines.steps.map((s) => (
        <Alert
          key={s.step}
          type={s.status === 'done' ? 'success' : s.overdue ? 'error' : 'info'}
          title={`${s.label}：期限${dateCn(s.dueDate)}${s.status === 'done' ? `，已于${dateCn(s.doneOn)}完成` : s.overdue ? '，已超期' : ''}`}
        />
      ))}
    </Space>
  );
}

const isSentence = (key: string) => (i: { t: string; key?: string; form?: string }) =>
  i.t === 'fact' && i.key === key && i.form === 'sentence';
const hasSentence = (doc: ReportDocument, key: string) =>
  [...doc.preface, ...doc.parts.flatMap((p) => p.blocks)].some((b) =>
    b.inlines.some(isSentence(key)),
  );

/** A generated sentence becomes text staff can rewrite, its figure still a live reference. */
function rewriteSentence(doc: ReportDocument, f: Figure): ReportDocument {
  const blocks = (bs: ReportDocument['preface']) =>
    bs.map((b) =>
      b.inlines.some(isSentence(f.key))
        ? {
            ...b,
            inlines: normalizeInlines(
              b.inlines.flatMap((i) => (isSentence(f.key)(i) ? sentenceInlines(f) : [i])),
            ),
          }
        : b,
    );
  return {
    ...doc,
    preface: blocks(doc.preface),
    parts: doc.parts.map((p) => ({ ...p, blocks: blocks(p.blocks) })),
  };
}

/** 法治政府建设年度报告 of the department (editable) or, for the oversight body, a submitted one (read-only). */
export default function ReportPage() {
  const { departmentId } = useParams();
  const [year, setYear] = useReportYear();
  const key = ['ruleOfLawReport', year, departmentId ?? 'own'];
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<ReportPayload>(`/api/reports/${year}`, { department: departmentId }),
  });
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [dirty, setDirty] = useState(false);
  const [figureKey, setFigureKey] = useState<string | null>(null);
  const [act, setAct] = useState<Act | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (data?.exists) {
      setDoc(data.document);
      setDirty(false);
    }
  }, [data]);

  const show = (r: ReportPayload) => {
    client.setQueryData(key, r);
    void client.invalidateQueries({ queryKey: ['reportVersions', year] });
  };
  const run = async (fn: () => Promise<ReportPayload>, ok: string) => {
    setBusy(true);
    try {
      show(await fn());
      message.success(ok);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data) return <Alert type="error" title={errorMessage(error)} />;
  const yearPicker = <YearSelect year={year} onChange={setYear} />;
  if (!data.exists) {
    return (
      <>
        <PageHeader
          title="法治政府建设年度报告"
          subTitle={`${data.department.name} · ${year}年度`}
          extra={yearPicker}
        />
        <Card>
          <Typography.Paragraph>{`${year}年度报告尚未生成。报送期限：${dateCn(data.deadlines.submitDueOn)}；公开期限：${dateCn(data.deadlines.publishDueOn)}。`}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            系统根据各业务模块的办理记录起草报告的五个部分，每个数字都可追溯到具体记录。
          </Typography.Paragraph>
          {data.canGenerate && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run(() => post(`/api/reports/${year}`), '报告已生成')}
            >
              根据业务记录生成报告
            </Button>
          )}
        </Card>
      </>
    );
  }
  const r = data;
  const current = doc ?? r.document;
  const figure = figureKey
    ? (r.figures[figureKey] ?? r.available.find((f) => f.key === figureKey) ?? null)
    : null;
  const save = async (revise?: { reason: string }) => {
    setBusy(true);
    try {
      show(
        await put<Report>(`/api/reports/${year}`, {
          baseVersionId: r.version.id,
          content: current,
          revise,
        }),
      );
      message.success(revise ? '已保存为修订版本' : '已保存');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ACTION_NOT_ALLOWED' && /确认修订/.test(e.message))
        confirmRevision(e.message);
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const confirmRevision = (why: string) => {
    let reason = '';
    Modal.confirm({
      title: '修订年度报告',
      content: (
        <>
          <p>{why}</p>
          <Input
            aria-label="修订原因"
            placeholder="修订原因"
            onChange={(e) => (reason = e.target.value)}
          />
        </>
      ),
      okText: '确认修订',
      cancelText: '取消',
      onOk: () => save({ reason: reason.trim() || '修改报告内容' }),
    });
  };
  const approval = r.approval as Approval | null;
  return (
    <>
      <PageHeader
        title="法治政府建设年度报告"
        subTitle={`${r.department.name} · ${year}年度 · ${r.statusLabel} · 第${r.version.seq}版`}
        extra={
          <>
            {r.own && yearPicker}
            <Button
              href={`/api/reports/${year}/docx${departmentId ? `?department=${departmentId}` : ''}`}
            >
              导出 .docx
            </Button>
            <Button
              href={`/api/reports/${year}/pdf${departmentId ? `?department=${departmentId}` : ''}`}
            >
              导出 PDF
            </Button>
            {r.own && <Button onClick={() => setVersionsOpen(true)}>版本记录</Button>}
            {r.own && <Link to={`/reports/study?year=${year}`}>学法述法记录</Link>}
          </>
        }
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Steps
          size="small"
          current={STEP_OF[r.status]}
          items={['编制', '保密审查', '审定', '报送', '公开'].map((title) => ({ title }))}
        />
        {r.own && <Deadlines r={r} />}
        {!r.own && (
          <Alert
            type="info"
            title={`监督查看：${r.department.name}报送的版本（只读）。报送日期：${dateCn(r.submittedOn)}${r.publishedOn ? `；公开日期：${dateCn(r.publishedOn)}` : ''}。`}
          />
        )}
        {r.version.frozen && (
          <Alert
            type="success"
            title={`报告已于${dateCn(approval?.meetingOn)}经${approval?.session ?? '会议'}审定，所载数据已锁定。`}
          />
        )}
        {r.unavailable.length > 0 && (
          <Alert type="warning" title={`以下模块的数据暂不可用：${r.unavailable.join('、')}`} />
        )}
        {r.changes.length > 0 && (
          <Alert
            type="warning"
            title="上次保存后，以下数据因业务记录变化已自动更新（保存后确认）："
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {r.changes.map((c) => (
                  <li
                    key={c.key}
                  >{`${c.label}：${formatValue(c.from)}${c.unit} → ${formatValue(c.to)}${c.unit}`}</li>
                ))}
              </ul>
            }
          />
        )}
        {r.manualFigures > 0 && (
          <Alert
            type="info"
            title={`报告中有${r.manualFigures}处人工录入的数字（虚线框标出），不随业务记录更新，请核对。`}
          />
        )}
        <DocumentEditor
          doc={current}
          figures={r.figures}
          available={r.available}
          editable={r.editable}
          reference={r.planReference}
          onChange={(d) => (setDoc(d), setDirty(true))}
          onFigure={setFigureKey}
        />
        {/* 保密审查 (条例第十七条): asked by the drafter while drafting, decided by the named account. */}
        {r.caseId && (r.status === 'drafting' || r.status === 'reviewed') && (
          <SecrecyReviewPanel
            caseId={r.caseId}
            onChanged={() => void client.invalidateQueries({ queryKey: key })}
          />
        )}
        {r.editable && (
          <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
            <Flex gap={8} wrap align="center">
              <Button
                type="primary"
                loading={busy}
                disabled={!dirty && r.changes.length === 0}
                onClick={() => void save()}
              >
                保存
              </Button>
              {r.acts.regenerate && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    Modal.confirm({
                      title: '按最新数据重新生成',
                      content:
                        '将根据当前业务记录重新起草全文，已编辑的文字会被替换（旧内容保留在版本记录中）。',
                      okText: '重新生成',
                      cancelText: '取消',
                      onOk: () =>
                        run(
                          () =>
                            post(`/api/reports/${year}/regenerate`, {
                              baseVersionId: r.version.id,
                            }),
                          '已重新生成',
                        ),
                    })
                  }
                >
                  按最新数据重新生成
                </Button>
              )}
              {ACT_BUTTONS.filter(([a]) => r.acts[a]).map(([a, label]) => (
                <Button key={a} disabled={dirty} onClick={() => setAct(a)}>
                  {label}
                </Button>
              ))}
              {r.blocked.map((b) => (
                <Typography.Text key={b.action} type="secondary">
                  {`${b.label}：${b.reason}`}
                </Typography.Text>
              ))}
              {dirty && (
                <Typography.Text type="secondary">
                  有未保存的修改，保存后才能办理下一步。
                </Typography.Text>
              )}
            </Flex>
          </Card>
        )}
      </Space>
      <FigureDrawer
        figure={figure}
        own={r.own}
        onClose={() => setFigureKey(null)}
        onRewrite={
          r.editable && figure && hasSentence(current, figure.key)
            ? () => (setDoc(rewriteSentence(current, figure)), setDirty(true), setFigureKey(null))
            : undefined
        }
      />
      <ActModal
        act={act}
        year={year}
        today={r.today}
        recipients={r.recipients}
        forms={r.forms}
        onClose={() => setAct(null)}
        onDone={(x) => (show(x), setAct(null), message.success('已办理'))}
      />
      <VersionsDrawer year={year} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </>
  );
}
