import { useState } from 'react';
import { Checkbox, Form, Typography, type UploadFile } from 'antd';
import { ActForm, FieldItems, type FormField, type ItemExtra } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { MaterialsUpload, uploadedIds } from './MaterialsUpload.tsx';
import type { Candidates, MatterPayload, Opinion } from './types.ts';

/** The act a dialog of the matter page is open for. */
export type Act =
  | { kind: 'assign' | 'opinion' | 'conclude' | 'withdraw' | 'materials' }
  | { kind: 'adoption'; opinion: Opinion };

// How the dialogs draw the served texts: an opinion from four rows on, a reason from two.
const EXTRAS: Record<string, ItemExtra> = {
  body: { props: { autoSize: { minRows: 4 } } },
  opinion: { props: { autoSize: { minRows: 4 } } },
  reason: { props: { autoSize: { minRows: 2 } } },
};

/** A served choice of several of the records offered (分派: reviewers, advisors in term), ticked. */
function Ticked({
  field,
  options,
}: {
  field?: FormField;
  options: Array<{ value: string; label: string }>;
}) {
  if (!field) return null;
  return (
    <Form.Item label={field.label} name={field.name} extra={field.help}>
      <Checkbox.Group options={options} />
    </Form.Item>
  );
}

/**
 * The form of one act on a review matter (分派, 法审意见, 审查意见, 采纳情况, 撤回, 补充材料): the fields
 * the server declares for it (GET /api/reviews/forms), with the records the page offers.
 */
export function MatterDialog({
  act,
  data,
  candidates,
  onClose,
  run,
}: {
  act: Act;
  data: MatterPayload;
  candidates: Candidates | undefined;
  onClose: () => void;
  run: (path: string, body: unknown, label: string) => Promise<void>;
}) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { fields, isPending } = useForms('reviews');
  if (isPending) return null;
  const a = data.abilities;
  const inTerm = candidates?.advisors.filter((x) => x.inTerm) ?? [];
  const drawn = (form: string, shown: FormField[] = fields(form)) => (
    <FieldItems fields={shown} extras={EXTRAS} />
  );
  const [staff, advisors] = fields('assign');
  const [enteredFor, ...opinion] = fields('opinion', {
    options: {
      assignmentId: a.enterFor.map((r) => ({
        value: r.assignmentId,
        label: `${r.name}（${r.kindLabel}）`,
      })),
    },
  });
  return (
    <>
      {act.kind === 'assign' && (
        <ActForm
          title="分派审查人员"
          onClose={() => onClose()}
          onSubmit={(v) =>
            run(
              '/assign',
              { userIds: v.userIds ?? [], advisorIds: v.advisorIds ?? [] },
              '分派审查人员',
            )
          }
        >
          {() => (
            <>
              <Ticked
                field={staff}
                options={candidates?.staff.map((s) => ({ value: s.id, label: s.name })) ?? []}
              />
              <Ticked
                field={advisors}
                options={inTerm.map((x) => ({ value: x.id, label: `${x.name}（${x.kindLabel}）` }))}
              />
            </>
          )}
        </ActForm>
      )}
      {act.kind === 'opinion' && (
        <ActForm
          title="提出法审意见"
          onClose={() => onClose()}
          onSubmit={(v) => run('/opinions', v, '提出法审意见')}
        >
          {() =>
            drawn('opinion', [
              // 提出人 only for one who enters the opinions of others; left empty, one's own (本人).
              ...(a.enterFor.length && enteredFor
                ? [{ ...enteredFor, placeholder: a.opine ? enteredFor.placeholder : undefined }]
                : []),
              ...opinion.map((f) =>
                f.name === 'body' ? { ...f, help: `将编为第${data.opinions.length + 1}条` } : f,
              ),
            ])
          }
        </ActForm>
      )}
      {act.kind === 'conclude' && (
        <ActForm
          title="出具审查意见"
          onClose={() => onClose()}
          onSubmit={(v) => run('/conclude', v, '出具审查意见')}
        >
          {() => drawn('conclude')}
        </ActForm>
      )}
      {act.kind === 'adoption' && (
        <ActForm
          title={`反馈第${act.opinion.seq}条采纳情况`}
          onClose={() => onClose()}
          onSubmit={(v) => run(`/opinions/${act.opinion.id}/adoption`, v, '反馈采纳情况')}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">{act.opinion.body}</Typography.Paragraph>
              {drawn('adoption')}
            </>
          )}
        </ActForm>
      )}
      {act.kind === 'withdraw' && (
        <ActForm
          title="撤回送审"
          onClose={() => onClose()}
          onSubmit={(v) => run('/withdraw', v, '撤回送审')}
        >
          {() => drawn('withdraw')}
        </ActForm>
      )}
      {act.kind === 'materials' && (
        <ActForm
          title="补充送审材料"
          onClose={() => {
            onClose();
            setFiles([]);
          }}
          onSubmit={async () => {
            await run('/materials', { fileIds: uploadedIds(files) }, '补充送审材料');
            setFiles([]);
          }}
        >
          {() => (
            <Form.Item label="材料">
              <MaterialsUpload files={files} onChange={setFiles} />
            </Form.Item>
          )}
        </ActForm>
      )}
    </>
  );
}
