import { useEffect, useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { errorMessage, post } from '../lib/api.ts';
import { FieldItems, formValues, type FormField, type ItemExtra } from '../lib/ActForm.tsx';
import type { Report } from './types.ts';

/** The sign-off acts of this page; the 保密审查 is the shared panel's (SecrecyReviewPanel). */
export type Act = 'approve' | 'submit' | 'publish';

const TITLES: Record<Act, string> = {
  approve: '记录审定',
  submit: '报送年度报告',
  publish: '在门户网站公开',
};
const NOTES: Record<Act, string> = {
  approve:
    '报告须经党组（党委）会议或局长办公会议审定。审定后报告所载数据锁定，不再随业务记录变化。',
  submit: '报送本级党委和政府、上一级主管部门，并抄送依法治市办（司法局）。期限：次年3月1日前。',
  publish: '公开后报告在门户网站“法治政府建设”栏目发布。期限：次年4月1日前。',
};

/** Where the report goes: names the org tree knows, and the kinds of recipient staff must name (the 上一级主管部门). */
export interface Recipients {
  known: string[];
  toName: string[];
}

/**
 * The fields of an act as the report's view serves them (modules/reports/forms.ts), with the page's
 * own rules: a recipient to name is named, not called by its kind, and the act is not dated later
 * than today.
 */
function drawn(fields: readonly FormField[], recipients: Recipients, today: string) {
  const extras: Record<string, ItemExtra> = { on: { props: { max: today } } };
  const shown = fields.map((f) => {
    const kind = recipients.toName.find((k) => f.label.startsWith(k));
    if (!kind) return f;
    extras[f.name] = {
      rules: [
        {
          validator: async (_, v: string) => {
            if (v?.trim() === kind) throw new Error(`“${kind}”不是单位名称，请填写${kind}的全称`);
          },
        },
      ],
    };
    return { ...f, requiredMessage: `请填写${kind}的名称` };
  });
  return { shown, extras };
}

/** The form of one workflow act; the server refuses what the status does not allow, with the reason. */
export function ActModal({
  act,
  year,
  today,
  recipients,
  forms,
  onDone,
  onClose,
}: {
  act: Act | null;
  year: number;
  today: string;
  recipients: Recipients;
  /** The acts' fields, declared on the server. */
  forms: Record<Act, FormField[]> | null;
  onDone(r: Report): void;
  onClose(): void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { shown, extras } = drawn((act && forms?.[act]) || [], recipients, today);
  useEffect(() => {
    if (act) {
      setError(null);
      form.setFieldsValue({
        on: today,
        meetingOn: today,
        meetingKind: 'directorsOffice',
        recipients: recipients.known.join('\n'),
      });
    }
  }, [act, form, today, recipients]);
  const submit = async () => {
    const body = formValues(shown, (await form.validateFields()) as Record<string, unknown>);
    setBusy(true);
    try {
      onDone(await post<Report>(`/api/reports/${year}/${act}`, body));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!act}
      title={act ? TITLES[act] : ''}
      okText="确认"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {act && <Alert type="info" title={NOTES[act]} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <FieldItems fields={shown} extras={extras} />
      </Form>
    </Modal>
  );
}
