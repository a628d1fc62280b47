import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Modal, Space } from 'antd';
import { ApiError, errorMessage, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { dateCn } from '../../lib/format.ts';
import { FieldItems, fieldErrorPath, formValues, type FormField } from '../../lib/ActForm.tsx';
import type { ApprovalView } from './types.ts';

interface Props {
  id: string;
  today: string;
  /** The form's fields as the request's view serves them (forms.ts REQUEST_FORMS). */
  fields: FormField[];
  onClose: () => void;
  onDone: () => void;
}

/** A form's values (and what the page adds) posted to its route; a 400's problems land on the fields. */
function useSubmit(
  form: ReturnType<typeof Form.useForm>[0],
  fields: FormField[],
  onDone: () => void,
) {
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    async run(url: string, added: Record<string, unknown> = {}) {
      // A field left wrong shows its problem on the form; nothing is posted.
      const raw = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
      if (!raw) return;
      setError(null);
      try {
        await post(url, { ...formValues(fields, raw), ...added });
        onDone();
      } catch (e) {
        if (e instanceof ApiError) applyFieldErrors(form, e, fieldErrorPath(fields));
        setError(errorMessage(e));
      }
    },
  };
}

// The controls as the modals drew them before the forms were served: a date picker its own width, a
// long text its fixed rows.
const own = { props: { style: { width: 'auto' } } };
const rows = { props: { autoSize: false, rows: 3 } };

/** The clerk asks for 延长答复期限; it takes effect when the approver consents (条例第三十三条第二款). */
export function ExtensionModal({ id, today, fields, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const s = useSubmit(form, fields, onDone);
  return (
    <Modal
      open
      title="申请延长答复期限"
      okText="提请审批"
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void s.run(`/api/disclosure/requests/${id}/extension`)}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（《政府信息公开条例》第三十三条）。提请后由审批人在其账号中审批，批准后期限方才延长。"
      />
      {s.error && <Alert type="error" role="alert" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: today }}>
        <FieldItems fields={fields} extras={{ reason: rows, on: own }} />
      </Form>
    </Modal>
  );
}

const LABELS = {
  extension: { yes: '同意延长', no: '不同意延长' },
  answer: { yes: '审签同意', no: '退回修改' },
} as const;

/** The approver's decision, in their own session: an opinion is required to refuse or return. */
function DecisionModal({
  id,
  today,
  fields,
  kind,
  approve,
  onClose,
  onDone,
}: Props & { kind: 'extension' | 'answer'; approve: boolean }) {
  const [form] = Form.useForm();
  // An opinion is required to refuse or return (the service says so too).
  const asked = fields.map((f) => (f.name === 'opinion' ? { ...f, required: !approve } : f));
  const s = useSubmit(form, asked, onDone);
  const title = LABELS[kind][approve ? 'yes' : 'no'];
  return (
    <Modal
      open
      title={title}
      okText={`确认${title}`}
      cancelText="取消"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void s.run(`/api/disclosure/requests/${id}/${kind}/decision`, { approve })}
    >
      {s.error && <Alert type="error" role="alert" title={s.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ on: today }}>
        <FieldItems fields={asked} extras={{ opinion: rows, on: own }} />
      </Form>
    </Modal>
  );
}

/** What waits for approval on the request page: the ask, and for the approver the two decisions. */
export function PendingApproval({
  id,
  today,
  approval,
  fields,
  onDone,
}: {
  id: string;
  today: string;
  approval: ApprovalView;
  /** The approver's form (审批意见, 审批日期) as the request's view serves it. */
  fields: FormField[];
  onDone: (label: string) => void;
}) {
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const p = approval.pending;
  if (!p) return null;
  const d = p.data as Record<string, string | number | undefined>;
  const items =
    p.kind === 'extension'
      ? [
          { key: 'w', label: '延长工作日数', children: `${d.workdays}个工作日` },
          { key: 'r', label: '延长理由', children: d.reason },
        ]
      : [
          { key: 'o', label: '拟答复类型', children: String(d.outcomeLabel ?? d.outcome ?? '') },
          { key: 'r', label: '理由', children: d.reasons || '—' },
        ];
  return (
    <>
      <Alert
        type="warning"
        style={{ marginTop: 12 }}
        title={`待审批：${p.what}（${p.requestedByName}于${dateCn(p.requestedOn)}提请，由${approval.approverLabel}审批）`}
        description={
          <>
            <Descriptions size="small" column={1} items={items} />
            {approval.mayDecide ? (
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => setDeciding(true)}>
                  {LABELS[p.kind].yes}
                </Button>
                <Button onClick={() => setDeciding(false)}>{LABELS[p.kind].no}</Button>
              </Space>
            ) : null}
          </>
        }
      />
      {deciding !== null && (
        <DecisionModal
          id={id}
          today={today}
          fields={fields}
          kind={p.kind}
          approve={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            const label = LABELS[p.kind][deciding ? 'yes' : 'no'];
            setDeciding(null);
            onDone(label);
          }}
        />
      )}
    </>
  );
}
