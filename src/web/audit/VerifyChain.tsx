import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, post } from '../lib/api.ts';
import type { AuditVerify } from '../lib/types.ts';

/** "校验审计链": recomputes the SM3 hash chain on the server and shows the verdict. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => post<AuditVerify>('/api/audit/verify') });
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      校验审计链
    </Button>
  );
}

export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  if (verify.error) return <Alert type="error" showIcon title="校验失败" description={errorMessage(verify.error)} style={{ marginBottom: 16 }} />;
  const r = verify.data;
  if (!r) return null;
  return (
    <Alert
      role="status"
      type={r.intact ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      title={r.intact ? `审计链完整：已校验 ${r.checked} 条记录` : `审计链异常${r.brokenAt !== undefined ? `：第 ${r.brokenAt} 号记录起不一致` : ''}`}
      description={r.message}
    />
  );
}
