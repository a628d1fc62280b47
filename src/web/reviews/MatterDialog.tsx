import { useState } from 'react';
import { Checkbox, Form, Input, Typography, type UploadFile } from 'antd';
import { ActForm } from '../lib/ActForm.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { MaterialsUpload, uploadedIds } from './MaterialsUpload.tsx';
import { useLabels } from '../lib/labels.ts';
import type { Candidates, MatterPayload, Opinion } from './types.ts';

/** The act a dialog of the matter page is open for. */
export type Act =
  | { kind: 'assign' | 'opinion' | 'conclude' | 'withdraw' | 'materials' }
  | { kind: 'adoption'; opinion: Opinion };

const need = (label: string) => [{ required: true, message: `请填写${label}` }];

/** The form of one act on a review matter (分派, 法审意见, 审查意见, 采纳情况, 撤回, 补充材料). */
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
  const labels = useLabels('reviews');
  const a = data.abilities;
  const inTerm = candidates?.advisors.filter((x) => x.inTerm) ?? [];
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
              <Form.Item label="法制审核人员" name="userIds">
                <Checkbox.Group
                  options={candidates?.staff.map((s) => ({ value: s.id, label: s.name })) ?? []}
                />
              </Form.Item>
              <Form.Item
                label="法律顾问、公职律师（聘任期内）"
                name="advisorIds"
                extra="重大行政决策应当组织法律顾问、公职律师提出法律意见（条例第二十八条）"
              >
                <Checkbox.Group
                  options={inTerm.map((x) => ({
                    value: x.id,
                    label: `${x.name}（${x.kindLabel}）`,
                  }))}
                />
              </Form.Item>
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
          {() => (
            <>
              {a.enterFor.length > 0 && (
                <Form.Item
                  label="提出人"
                  name="assignmentId"
                  extra="代为录入未开通账号的法律顾问、公职律师的书面意见"
                >
                  <NativeSelect
                    placeholder={a.opine ? '本人' : '请选择'}
                    options={a.enterFor.map((r) => ({
                      value: r.assignmentId,
                      label: `${r.name}（${r.kindLabel}）`,
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item
                label="意见内容"
                name="body"
                rules={need('意见内容')}
                extra={`将编为第${data.opinions.length + 1}条`}
              >
                <Input.TextArea autoSize={{ minRows: 4 }} />
              </Form.Item>
            </>
          )}
        </ActForm>
      )}
      {act.kind === 'conclude' && (
        <ActForm
          title="出具审查意见"
          onClose={() => onClose()}
          onSubmit={(v) => run('/conclude', v, '出具审查意见')}
        >
          {() => (
            <>
              <Form.Item
                label="审查结论"
                name="conclusion"
                rules={[{ required: true, message: '请选择审查结论' }]}
              >
                <NativeSelect options={labels.choices('conclusions')} />
              </Form.Item>
              <Form.Item label="审查意见" name="opinion" rules={need('审查意见')}>
                <Input.TextArea autoSize={{ minRows: 4 }} />
              </Form.Item>
            </>
          )}
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
              <Form.Item
                label="采纳情况"
                name="adoption"
                rules={[{ required: true, message: '请选择采纳情况' }]}
              >
                <NativeSelect options={labels.choices('adoptions')} />
              </Form.Item>
              <Form.Item label="理由" name="reason" extra="部分采纳或未采纳的，应当说明理由">
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
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
          {() => (
            <Form.Item label="撤回理由" name="reason" rules={need('撤回理由')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          )}
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
