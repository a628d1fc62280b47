import { Form, Input, Select } from 'antd';

export interface ReviewerOption {
  id: string;
  name: string;
}

/**
 * The 保密审查人 picker (条例第十七条): one of the accounts the server offers — the department's other accounts that
 * may publish, never the drafter — chosen by account, with no default (it used to be the clerk).
 */
export function ReviewerSelect({
  reviewers,
  value,
  onChange,
  id,
}: {
  reviewers: ReviewerOption[];
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  return (
    <Select
      id={id}
      style={{ width: 260 }}
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={reviewers.map((r) => ({ value: r.id, label: r.name }))}
    />
  );
}

/** The reviewer's 审查意见 (pass) or 退回理由 (return, required) in the decision form. */
export function OpinionItem({ approve }: { approve: boolean | null }) {
  return (
    <Form.Item
      name="opinion"
      label={approve ? '审查意见' : '退回理由'}
      rules={approve ? [] : [{ required: true, message: '请填写退回理由' }]}
    >
      <Input.TextArea rows={3} maxLength={500} />
    </Form.Item>
  );
}
