import { App, Form, Modal, Radio } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import {
  FieldItem,
  fieldErrorPath,
  formValues,
  type FormField,
  type ItemExtra,
} from '../../lib/ActForm.tsx';
import { useForms } from '../../lib/forms.ts';
import { DATE } from '../../lib/format.ts';

// The controls as the dialog drew them before its form was served: a date its own width and none
// later than today, an optional choice clearable, a long text its fixed rows.
const extrasOf = (today: string): Record<string, ItemExtra> => {
  const day = { props: { style: { width: 'auto' }, max: today } };
  const clearable = { props: { allowClear: true } };
  const rows = (n: number) => ({ props: { autoSize: false, rows: n } });
  return {
    receivedOn: day,
    signedOn: day,
    arrivedOn: day,
    confirmedOn: day,
    lateReason: rows(2),
    description: rows(3),
    form: clearable,
    delivery: clearable,
  };
};
const required = (f: FormField): FormField => ({ ...f, required: true });

/**
 * Staff intake of a letter, fax, email or oral request (条例 Art 29, 31: the receipt date by channel),
 * drawn from the form the server declares (modules/disclosure/requests/intakeForms.ts): the channel,
 * that channel's receipt fields, the applicant.
 */
export function IntakeModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const forms = useForms('disclosure/requests');
  const today = dayjs().format(DATE);
  const kind = Form.useWatch('applicantKind', form) as string | undefined;
  const channel = (Form.useWatch('channel', form) as string | undefined) ?? 'registeredPost';
  const arrived = Form.useWatch('arrivedOn', form) as string | undefined;
  const confirmed = Form.useWatch('confirmedOn', form) as string | undefined;
  const late = channel === 'mail' && !!arrived && !!confirmed && confirmed > arrived;
  const intake = forms.fields('intake');
  // The channel's receipt; the reason for a confirmation later than the letter asked (and needed) then.
  const receipt = forms
    .fields(`receipt.${channel}`)
    .filter((f) => f.name !== 'lateReason' || late)
    .map((f) => (f.name === 'lateReason' ? required(f) : f));
  // An organisation's type (needed) and credit code, or a person's ID number.
  const legal = kind === 'legalPerson';
  const applicant = intake
    .filter((f) => f.name !== 'channel')
    .filter((f) => (legal ? f.name !== 'idNumber' : !['orgType', 'creditCode'].includes(f.name)))
    .map((f) => (f.name === 'orgType' ? required(f) : f));
  const shown = [...intake.filter((f) => f.name === 'channel'), ...receipt, ...applicant];
  const extras = extrasOf(today);

  async function submit() {
    const raw = (await form.validateFields()) as Record<string, unknown>;
    try {
      const r = await post<{ id: string; trackingCode: string; duplicate: boolean }>(
        '/api/disclosure/requests',
        formValues(shown, raw),
      );
      message.success(
        r.duplicate
          ? '10分钟内已登记过相同申请，已打开原申请'
          : `已登记，查询码：${r.trackingCode}`,
      );
      onDone();
      navigate(`/disclosure/requests/${r.id}`);
    } catch (e) {
      if (e instanceof ApiError) applyFieldErrors(form, e, fieldErrorPath(shown));
      message.error(errorMessage(e));
    }
  }
  return (
    <Modal
      open
      title="登记政府信息公开申请"
      okText="登记"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          applicantKind: 'naturalPerson',
          channel: 'registeredPost',
          signedOn: today,
          receivedOn: today,
          arrivedOn: today,
          confirmedOn: today,
        }}
      >
        {shown.map((f) =>
          f.name === 'applicantKind' ? (
            // 申请人类型 as radio buttons.
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.help}>
              <Radio.Group options={[...(f.options ?? [])]} />
            </Form.Item>
          ) : (
            <FieldItem key={f.name} field={f} fields={shown} select="antd" extra={extras[f.name]} />
          ),
        )}
      </Form>
    </Modal>
  );
}
