import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Flex, Input, Radio, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage, post } from '../../lib/api.ts';
import { useCurrentSession } from '../../lib/session.ts';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { formatBytes, importsKey, SELECT_STYLE, uploadReport, useImportMeta } from './queries.ts';

const ACCEPT =
  '.txt,.text,.docx,.html,.htm,.shtml,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function NewImport() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: meta } = useImportMeta();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [orgName, setOrgName] = useState('');
  const [year, setYear] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pickFile = (f: File | null) => {
    setProblem(null);
    // Refused here, before a byte is sent; the server refuses it again if it gets through.
    if (f && meta && f.size > meta.maxBytes) {
      setProblem(
        `文件大小 ${formatBytes(f.size)} 超过上限 ${formatBytes(meta.maxBytes)}，请确认是否为年度报告正文`,
      );
      setFile(null);
      return;
    }
    if (f && f.size === 0) {
      setProblem('文件为空，请选择报告文件');
      setFile(null);
      return;
    }
    setFile(f);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (mode === 'file' && !file) return setProblem('请选择要导入的报告文件');
    if (mode === 'paste' && !text.trim()) return setProblem('请粘贴报告正文');
    const fields = {
      departmentId: departmentId || undefined,
      orgName: orgName.trim() || undefined,
      year: year ? Number(year) : undefined,
    };
    setBusy(true);
    try {
      const { id } =
        mode === 'file'
          ? await uploadReport(file!, fields, session.csrfToken)
          : await post<{ id: string }>('/api/report-imports/paste', { ...fields, text });
      await client.invalidateQueries({ queryKey: importsKey });
      navigate(`/reports/imports/${id}`);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="导入年度报告"
        subTitle="支持 .txt（UTF-8、GBK、Big5 编码）、.docx 和从政府网站另存的网页；也可直接粘贴正文"
      />
      <form onSubmit={submit} aria-label="导入年度报告">
        <Card style={{ marginBottom: 16 }}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              optionType="button"
              aria-label="导入方式"
              options={[
                { value: 'file', label: '上传文件' },
                { value: 'paste', label: '粘贴正文' },
              ]}
            />
            {mode === 'file' ? (
              <div>
                <label htmlFor="report-file" style={{ display: 'block', marginBottom: 4 }}>
                  报告文件
                </label>
                <input
                  id="report-file"
                  type="file"
                  accept={ACCEPT}
                  onChange={(e) => pickFile(e.target.files?.[0] ?? null)}
                />
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                  {meta ? `单个文件不超过 ${formatBytes(meta.maxBytes)}` : null}
                  {file ? `；已选择：${file.name}（${formatBytes(file.size)}）` : null}
                </Typography.Text>
              </div>
            ) : (
              <div>
                <label htmlFor="report-text" style={{ display: 'block', marginBottom: 4 }}>
                  报告正文
                </label>
                <Input.TextArea
                  id="report-text"
                  rows={14}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="将报告全文粘贴到这里（含标题和各部分）"
                />
              </div>
            )}
          </Space>
        </Card>
        <Card title="报告信息（可选，留空则自动识别）" style={{ marginBottom: 16 }}>
          <Flex gap={24} wrap>
            <div>
              <label htmlFor="report-department" style={{ display: 'block', marginBottom: 4 }}>
                所属部门
              </label>
              {meta?.canChooseDepartment ? (
                <select
                  id="report-department"
                  value={departmentId}
                  onChange={(e) => setDepartmentId(e.target.value)}
                  style={SELECT_STYLE}
                >
                  <option value="">本单位</option>
                  {meta.departments
                    .filter((d) => d.id !== meta.ownDepartmentId)
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                </select>
              ) : (
                <Typography.Text id="report-department">
                  {meta?.departments[0]?.name ?? '本部门'}
                </Typography.Text>
              )}
            </div>
            <div>
              <label htmlFor="report-org" style={{ display: 'block', marginBottom: 4 }}>
                报告单位
              </label>
              <Input
                id="report-org"
                value={orgName}
                onChange={(e) => setOrgName(e.target.value)}
                maxLength={60}
                style={{ width: 260 }}
                placeholder="如：示范市科学技术局"
              />
            </div>
            <div>
              <label htmlFor="report-year" style={{ display: 'block', marginBottom: 4 }}>
                报告年度
              </label>
              <Input
                id="report-year"
                value={year}
                onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
                inputMode="numeric"
                style={{ width: 120 }}
                placeholder="如：2024"
              />
            </div>
          </Flex>
        </Card>
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message="导入失败"
            description={problem}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            导入并分析
          </Button>
          <Button onClick={() => navigate('/reports/imports')}>取消</Button>
        </Space>
      </form>
    </>
  );
}

export default function NewImportPage() {
  return (
    <RequireAbility ability="reportImports">
      <NewImport />
    </RequireAbility>
  );
}
