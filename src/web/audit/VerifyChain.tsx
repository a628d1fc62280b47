import { Alert, Button, Descriptions, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, post } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import type { verifyAudit } from '../../core/audit/verify.ts';

/** The server's verification report. */
type AuditVerifyReport = Awaited<ReturnType<typeof verifyAudit>>;

/** "校验审计链": recomputes the SM3 hash chain and checks it against the signed checkpoints on the server. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => post<AuditVerifyReport>('/api/audit/verify') });
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
    >
      校验审计链
    </Button>
  );
}

/**
 * The checkpoints with the public key, for the 审计管理员 to keep away from the server (等保2.0 三级:
 * 定期备份审计记录): `npm run fazhi -- audit verify --checkpoints <文件>` checks the chain against it.
 */
export function ExportCheckpointsButton() {
  return (
    <Button icon={<DownloadOutlined />} href="/api/audit/checkpoints/export">
      下载审计检查点
    </Button>
  );
}

export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  if (verify.error)
    return (
      <Alert
        type="error"
        showIcon
        title="校验失败"
        description={errorMessage(verify.error)}
        style={{ marginBottom: 16 }}
      />
    );
  const r = verify.data;
  if (!r) return null;
  const cps = r.checkpoints;
  return (
    <Alert
      role="status"
      type={!r.intact ? 'error' : r.unanchored.count > 0 || cps.valid === 0 ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      title={r.summary}
      description={
        <>
          {r.lines.length > 0 && (
            <ul style={{ paddingInlineStart: 20, margin: '0 0 8px' }}>
              {r.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="最近检查点">
              {cps.last ? `第 ${cps.last.seq} 条，${dateTime(cps.last.at)}` : '尚无'}
            </Descriptions.Item>
            <Descriptions.Item label="检查点">{`数据库 ${cps.inDatabase} 个，文件副本 ${cps.inFile} 个`}</Descriptions.Item>
            <Descriptions.Item label="公钥标识">
              {r.keyId ? (
                <Typography.Text className="mono" copyable>
                  {r.keyId}
                </Typography.Text>
              ) : (
                '未生成'
              )}
            </Descriptions.Item>
          </Descriptions>
        </>
      }
    />
  );
}
