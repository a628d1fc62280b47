import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { errorMessage, post } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
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

interface Values {
  meetingKind?: string;
  meetingOn?: string;
  session?: string;
  recipients?: string;
  named?: string[];
  on: string;
}

/** Where the report goes: names the org tree knows, and the kinds of recipient staff must name (the 上一级主管部门). */
export interface Recipients {
  known: string[];
  toName: string[];
}

/** The form of one workflow act; the server refuses what the status does not allow, with the reason. */
export function ActModal({
  act,
  year,
  today,
  recipients,
  onDone,
  onClose,
}: {
  act: Act | null;
  year: number;
  today: string;
  recipients: Recipients;
  onDone(r: Report): void;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (act) {
      setError(null);
      form.setFieldsValue({
        on: today,
        meetingOn: today,
        meetingKind: 'directorsOffice',
        recipients: recipients.known.join('\n'),
        named: recipients.toName.map(() => ''),
      });
    }
  }, [act, form, today, recipients]);
  const submit = async () => {
    const v = await form.validateFields();
    const body =
      act === 'approve'
        ? { meetingKind: v.meetingKind, meetingOn: v.meetingOn, session: v.session, on: v.on }
        : act === 'submit'
          ? {
              on: v.on,
              recipients: [
                ...(v.named ?? []).map((s) => s.trim()),
                ...(v.recipients ?? '').split('\n').map((s) => s.trim()),
              ].filter(Boolean),
            }
          : { on: v.on };
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
        {act === 'approve' && (
          <>
            <Form.Item name="meetingKind" label="审定会议" rules={[{ required: true }]}>
              <select aria-label="审定会议" style={{ width: '100%', height: 32 }}>
                <option value="directorsOffice">局长办公会议</option>
                <option value="partyGroup">党组（党委）会议</option>
              </select>
            </Form.Item>
            <Form.Item
              name="session"
              label="会议名称及期次"
              rules={[{ required: true, min: 2, message: '请填写会议名称及期次' }]}
            >
              <Input maxLength={100} placeholder={`${year + 1}年第1次局长办公会议`} />
            </Form.Item>
            <Form.Item name="meetingOn" label="会议日期" rules={[{ required: true }]}>
              <DateField />
            </Form.Item>
          </>
        )}
        {act === 'submit' && (
          <>
            {recipients.toName.map((kind, i) => (
              <Form.Item
                key={kind}
                name={['named', i]}
                label={`${kind}（填写单位全称）`}
                rules={[
                  { required: true, whitespace: true, message: `请填写${kind}的名称` },
                  {
                    validator: async (_, v: string) => {
                      if (v?.trim() === kind)
                        throw new Error(`“${kind}”不是单位名称，请填写${kind}的全称`);
                    },
                  },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
            ))}
            <Form.Item name="recipients" label="其他报送单位（每行一个）">
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        <Form.Item name="on" label="办理日期" rules={[{ required: true }]}>
          <DateField max={today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
