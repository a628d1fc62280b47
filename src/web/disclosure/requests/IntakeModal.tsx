import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage, post } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { DATE } from '../../lib/format.ts';
import { CHANNEL_OPTIONS, DELIVERY_OPTIONS, FORM_OPTIONS, ORG_TYPE_OPTIONS } from './types.ts';

interface Values { applicantKind: string; orgType?: string; name?: string; idNumber?: string; creditCode?: string; phone?: string; email?: string; address?: string; description?: string; form?: string; delivery?: string; channel: string; receivedOn: Dayjs }

/** Staff intake of a letter, fax, email or oral request (条例 Art 29, 31: the receipt date by channel). */
export function IntakeModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = Form.useWatch('applicantKind', form);
  async function submit() {
    const v = await form.validateFields();
    try {
      const r = await post<{ id: string; trackingCode: string; duplicate: boolean }>('/api/disclosure/requests', { ...v, receivedOn: v.receivedOn.format(DATE) });
      message.success(r.duplicate ? '10分钟内已登记过相同申请，已打开原申请' : `已登记，查询码：${r.trackingCode}`);
      onDone();
      navigate(`/disclosure/requests/${r.id}`);
    } catch (e) {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  }
  return (
    <Modal open title="登记政府信息公开申请" okText="登记" cancelText="取消" onOk={() => void submit()} onCancel={onClose} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ applicantKind: 'naturalPerson', channel: 'registeredPost', receivedOn: dayjs() }}>
        <Form.Item name="channel" label="申请渠道" rules={[{ required: true }]} extra="收到申请之日按条例第三十一条确定"><Select options={CHANNEL_OPTIONS} /></Form.Item>
        <Form.Item name="receivedOn" label="收到申请之日" rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="applicantKind" label="申请人类型"><Radio.Group options={[{ value: 'naturalPerson', label: '自然人' }, { value: 'legalPerson', label: '法人或其他组织' }]} /></Form.Item>
        {kind === 'legalPerson' && <Form.Item name="orgType" label="法人或其他组织类型" rules={[{ required: true }]}><Select options={ORG_TYPE_OPTIONS} /></Form.Item>}
        <Form.Item name="name" label="姓名或名称"><Input /></Form.Item>
        {kind === 'legalPerson' ? <Form.Item name="creditCode" label="统一社会信用代码"><Input /></Form.Item> : <Form.Item name="idNumber" label="身份证件号码"><Input /></Form.Item>}
        <Form.Item name="phone" label="联系电话"><Input /></Form.Item>
        <Form.Item name="email" label="电子邮箱"><Input /></Form.Item>
        <Form.Item name="address" label="通信地址"><Input /></Form.Item>
        <Form.Item name="description" label="所需政府信息的描述" extra="要素不全的申请照常登记，并在7个工作日内一次性告知补正"><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="form" label="载体形式"><Select allowClear options={FORM_OPTIONS} /></Form.Item>
        <Form.Item name="delivery" label="获取方式"><Select allowClear options={DELIVERY_OPTIONS} /></Form.Item>
      </Form>
    </Modal>
  );
}
