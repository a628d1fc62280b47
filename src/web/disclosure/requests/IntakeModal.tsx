import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { DATE } from '../../lib/format.ts';
import { CHANNEL_OPTIONS, DELIVERY_OPTIONS, FORM_OPTIONS, ORG_TYPE_OPTIONS } from './types.ts';

type Dates = 'receivedOn' | 'signedOn' | 'arrivedOn' | 'confirmedOn';
interface Values extends Partial<Record<Dates, Dayjs>> {
  applicantKind: string;
  orgType?: string;
  name?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  description?: string;
  form?: string;
  delivery?: string;
  channel: string;
  mailNumber?: string;
  confirmation?: string;
  lateReason?: string;
}

// 条例 Art 31: what fixes the receipt date. By post (Art 31(2)) it is not typed: the 签收 date, or the day the office confirmed with the applicant.
const RECEIVED_LABEL: Record<string, string> = {
  inPerson: '提交日期',
  online: '双方确认日期',
  fax: '双方确认日期',
  email: '双方确认日期',
  oral: '口头提出日期',
};
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const day = (label: string) => [{ required: true, message: `请选择${label}` }];

/** Staff intake of a letter, fax, email or oral request (条例 Art 29, 31: the receipt date by channel). */
export function IntakeModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = Form.useWatch('applicantKind', form);
  const channel = Form.useWatch('channel', form) ?? 'registeredPost';
  const arrived = Form.useWatch('arrivedOn', form);
  const confirmed = Form.useWatch('confirmedOn', form);
  const late = channel === 'mail' && !!arrived && !!confirmed && confirmed.isAfter(arrived, 'day');
  async function submit() {
    const v = await form.validateFields();
    const dates = Object.fromEntries(
      (['receivedOn', 'signedOn', 'arrivedOn', 'confirmedOn'] as const)
        .filter((k) => v[k])
        .map((k) => [k, v[k]!.format(DATE)]),
    );
    try {
      const r = await post<{ id: string; trackingCode: string; duplicate: boolean }>(
        '/api/disclosure/requests',
        { ...v, ...dates },
      );
      message.success(
        r.duplicate
          ? '10分钟内已登记过相同申请，已打开原申请'
          : `已登记，查询码：${r.trackingCode}`,
      );
      onDone();
      navigate(`/disclosure/requests/${r.id}`);
    } catch (e) {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  }
  return (
    <Modal
      open
      title="登记政府信息公开申请"
      okText="登记"
      cancelText="取消"
      onOk={() => void submit()}
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
          signedOn: dayjs(),
          receivedOn: dayjs(),
          arrivedOn: dayjs(),
          confirmedOn: dayjs(),
        }}
      >
        <Form.Item
          name="channel"
          label="申请渠道"
          rules={[{ required: true, message: '请选择申请渠道' }]}
          extra="收到申请之日按条例第三十一条确定，答复期限自其次日起算"
        >
          <Select options={CHANNEL_OPTIONS} />
        </Form.Item>
        {channel === 'registeredPost' && (
          <>
            <Form.Item
              name="signedOn"
              label="签收日期"
              rules={day('签收日期')}
              extra="以本机关签收之日为收到申请之日（条例第三十一条第（二）项）"
            >
              <DatePicker disabledDate={future} />
            </Form.Item>
            <Form.Item name="mailNumber" label="邮件号码">
              <Input maxLength={40} />
            </Form.Item>
          </>
        )}
        {channel === 'mail' && (
          <>
            <Form.Item name="arrivedOn" label="信函收到日期" rules={day('信函收到日期')}>
              <DatePicker disabledDate={future} />
            </Form.Item>
            <Form.Item
              name="confirmedOn"
              label="与申请人确认日期"
              rules={day('与申请人确认日期')}
              extra="应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条第（二）项）"
            >
              <DatePicker disabledDate={future} />
            </Form.Item>
            <Form.Item name="confirmation" label="确认情况">
              <Input maxLength={200} placeholder="如：电话确认，申请人本人接听" />
            </Form.Item>
            {late && (
              <Form.Item
                name="lateReason"
                label="未能当日确认的原因"
                rules={[{ required: true, whitespace: true, message: '请填写未能当日确认的原因' }]}
              >
                <Input.TextArea rows={2} maxLength={400} />
              </Form.Item>
            )}
          </>
        )}
        {channel !== 'registeredPost' && channel !== 'mail' && (
          <Form.Item
            name="receivedOn"
            label={`收到申请之日（${RECEIVED_LABEL[channel] ?? '收到日期'}）`}
            rules={day('收到申请之日')}
          >
            <DatePicker disabledDate={future} />
          </Form.Item>
        )}
        <Form.Item name="applicantKind" label="申请人类型">
          <Radio.Group
            options={[
              { value: 'naturalPerson', label: '自然人' },
              { value: 'legalPerson', label: '法人或其他组织' },
            ]}
          />
        </Form.Item>
        {kind === 'legalPerson' && (
          <Form.Item
            name="orgType"
            label="法人或其他组织类型"
            rules={[{ required: true, message: '请选择法人或其他组织类型' }]}
          >
            <Select options={ORG_TYPE_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item name="name" label="姓名或名称">
          <Input />
        </Form.Item>
        {kind === 'legalPerson' ? (
          <Form.Item name="creditCode" label="统一社会信用代码">
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name="idNumber" label="身份证件号码">
            <Input />
          </Form.Item>
        )}
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱">
          <Input />
        </Form.Item>
        <Form.Item name="address" label="通信地址">
          <Input />
        </Form.Item>
        <Form.Item
          name="description"
          label="所需政府信息的描述"
          extra="要素不全的申请照常登记，并在7个工作日内一次性告知补正"
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="form" label="载体形式">
          <Select allowClear options={FORM_OPTIONS} />
        </Form.Item>
        <Form.Item name="delivery" label="获取方式">
          <Select allowClear options={DELIVERY_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
