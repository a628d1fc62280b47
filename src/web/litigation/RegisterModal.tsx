import { Form, Input, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { ActForm } from '../lib/ActForm.tsx';

const required = (label: string) => [{ required: true, message: `请填写${label}` }];
const YES_NO = [
  { value: 'false', label: '否（未经复议直接起诉）' },
  { value: 'true', label: '是（复议后起诉）' },
];
const PROCEDURES = [
  { value: 'ordinary', label: '普通程序' },
  { value: 'simple', label: '简易程序' },
];

/** The bureau's own record the case challenges, chosen among the department's records of the type picked. */
function ActRecordField({ form }: { form: FormInstance }) {
  const module = Form.useWatch('actModule', form) as string | undefined;
  const { data } = useQuery({
    queryKey: ['litigationTargets', module],
    queryFn: () =>
      get<{ id: string; title: string; on: string }[]>('/api/litigation/targets', { module }),
    enabled: !!module,
  });
  if (!module) return null;
  return (
    <Form.Item label="本机关的记录" name="actRecordId" rules={required('本机关的记录')}>
      <NativeSelect
        options={(data ?? []).map((t) => ({
          value: t.id,
          label: `${t.on} ${t.title.slice(0, 40)}`,
        }))}
      />
    </Form.Item>
  );
}

/** 登记行政复议 (from the 复议机构's copy) or 登记行政诉讼 (from the court's complaint copy). */
export function RegisterModal({
  kind,
  onClose,
  onSubmit,
}: {
  kind: 'reconsideration' | 'lawsuit';
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  const suit = kind === 'lawsuit';
  const { data: modules } = useQuery({
    queryKey: ['litigationActModules'],
    queryFn: () => get<{ value: string; label: string }[]>('/api/litigation/act-modules'),
  });
  return (
    <ActForm
      title={suit ? '登记行政诉讼' : '登记行政复议'}
      initialValues={suit ? { afterReconsideration: 'false' } : { procedureType: 'ordinary' }}
      onClose={onClose}
      onSubmit={(v) => {
        const body: Record<string, unknown> = {
          ...v,
          actModule: v.actModule || null,
          filedOn: v.filedOn || null,
        };
        if (!suit) body.acceptedOn = v.acceptedOn || null;
        if (suit) body.afterReconsideration = v.afterReconsideration === 'true';
        return onSubmit(body);
      }}
    >
      {(form) => (
        <>
          <Form.Item label="案号" name="caseNo" rules={required('案号')}>
            <Input placeholder={suit ? '（2025）皖1602行初1号' : '示政复〔2025〕1号'} />
          </Form.Item>
          <Form.Item
            label={suit ? '原告' : '申请人'}
            name="applicant"
            rules={required(suit ? '原告' : '申请人')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={suit ? '人民法院' : '复议机关'}
            name="body"
            rules={required(suit ? '人民法院' : '复议机关')}
          >
            <Input placeholder={suit ? '示范市人民法院' : '示范市人民政府'} />
          </Form.Item>
          {suit ? (
            <Form.Item label="复议后起诉" name="afterReconsideration">
              <NativeSelect options={YES_NO} />
            </Form.Item>
          ) : (
            <Form.Item
              label="审理程序"
              name="procedureType"
              extra="简易程序：答复期限5个工作日（行政复议法第五十四条）"
            >
              <NativeSelect options={PROCEDURES} />
            </Form.Item>
          )}
          <Form.Item
            label="行政行为类型"
            name="actModule"
            extra="被复议（诉讼）的行政行为是本机关系统中的记录时请选择，将建立关联"
          >
            <NativeSelect placeholder="其他行政行为（不关联记录）" options={modules ?? []} />
          </Form.Item>
          <ActRecordField form={form} />
          <Form.Item
            label="被复议（诉讼）的行政行为"
            name="actTitle"
            extra="关联记录时可不填，自动取记录名称"
          >
            <Input />
          </Form.Item>
          <Form.Item label={suit ? '立案日期' : '申请日期'} name="filedOn">
            <DateField />
          </Form.Item>
          {!suit && (
            <Form.Item
              label="复议机关受理日期"
              name="acceptedOn"
              extra="复议机关作出决定的期限自受理之日起计算（行政复议法第六十二条）；不填则暂按收到副本之日计算"
            >
              <DateField />
            </Form.Item>
          )}
          <Form.Item
            label={suit ? '收到起诉状副本日期' : '收到复议申请书副本日期'}
            name="receivedOn"
            rules={required(suit ? '收到起诉状副本日期' : '收到复议申请书副本日期')}
          >
            <DateField />
          </Form.Item>
        </>
      )}
    </ActForm>
  );
}
