import { useState } from 'react';
import { Alert, Form, Modal, Skeleton, TreeSelect } from 'antd';
import { ApiError, patch, post } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { FieldItems, fieldErrorPath, formValues } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import type { Org } from '../lib/types.ts';
import { orgTreeOptions, type OrgNode } from './orgTree.ts';

export type OrgModalState =
  { mode: 'create'; parentId: string | null } | { mode: 'edit'; org: Org };

/** 新增机构 and 编辑机构: the served form (GET /api/admin/forms), the 上级机构 chosen in the org tree. */
export function OrgFormModal({
  state,
  tree,
  onClose,
  onSaved,
}: {
  state: OrgModalState;
  tree: OrgNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const forms = useForms('admin');
  const fields = forms.fields('org');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = state.mode === 'edit' ? state.org : null;
  const initial = editing
    ? {
        name: editing.name,
        kind: editing.kind,
        parentId: editing.parentId,
        creditCode: editing.creditCode ?? '',
        docPrefix: editing.docPrefix ?? '',
      }
    : { parentId: state.mode === 'create' ? state.parentId : null };

  async function submit() {
    const v = formValues(fields, await form.validateFields());
    setSaving(true);
    setError(null);
    try {
      if (editing) {
        // An optional field left empty clears what the organisation had.
        const cleared = fields.filter((f) => !f.required && !(f.name in v));
        await patch(`/api/admin/orgs/${encodeURIComponent(editing.id)}`, {
          ...Object.fromEntries(cleared.map((f) => [f.name, null])),
          ...v,
        });
      } else await post('/api/admin/orgs', v);
      onSaved();
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
      if (err instanceof ApiError && err.fields.length > 0)
        setError(unplaced.length ? unplaced.join('；') : null);
      else setError(err instanceof Error ? err.message : '保存失败');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={editing ? `编辑机构：${editing.name}` : '新增机构'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {forms.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="org" initialValues={initial}>
          <FieldItems
            fields={fields}
            select="antd"
            extras={{
              parentId: {
                control: (
                  <TreeSelect
                    allowClear
                    treeDefaultExpandAll
                    treeData={orgTreeOptions(tree, editing?.id)}
                    placeholder="请选择上级机构"
                  />
                ),
              },
            }}
          />
        </Form>
      )}
    </Modal>
  );
}
