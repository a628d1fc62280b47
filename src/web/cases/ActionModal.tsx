import { post } from '../lib/api.ts';
import { ActForm } from '../lib/ActForm.tsx';
import type { CaseAction, CasePayload } from '../lib/types.ts';

interface Props {
  caseId: string;
  action: CaseAction;
  today: string;
  onClose: () => void;
  onDone: (payload: CasePayload) => void;
}

/** The form of one case action (ActForm), from the field list the server sent. Mount it keyed by action. */
export function ActionModal({ caseId, action, today, onClose, onDone }: Props) {
  return (
    <ActForm
      title={action.label}
      okText="确认办理"
      name={`action-${action.action}`}
      select="antd"
      fields={[
        {
          name: 'on',
          label: '办理日期',
          type: 'date',
          required: true,
          requiredMessage: '请选择办理日期',
          help: '期限按此日期起算',
          initial: today,
        },
        // The case form shows no hints (as it always has): only the label of each field.
        ...action.fields.map((f) => ({ ...f, help: undefined })),
      ]}
      onClose={onClose}
      onSubmit={async ({ on, ...data }) => {
        const payload = await post<CasePayload>(
          `/api/cases/${encodeURIComponent(caseId)}/actions`,
          { action: action.action, on, data },
        );
        onDone(payload);
      }}
    />
  );
}
