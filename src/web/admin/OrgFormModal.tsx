import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { ApiError, patch, post } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { useMeta } from '../lib/session.ts';
import type { Org } from '../lib/types.ts';
import { orgTreeOptions, type OrgNode } from './orgTree.ts';

export type OrgModalState =
  { mode: 'create'; parentId: string | null } | { mode: 'edit'; org: Org };

interface Values {
  name: string;
  kind: string;
  parentId?: string | null;
  creditCode?: string;
  docPrefix?: string;
}

const FIELDS = ['name', 'kind', 'parentId', 'creditCode', 'docPrefix'];

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
  const [form] = Form.useForm<Values>();
  const { data: meta } = useMeta();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = state.mode === 'edit' ? state.org : null;
  const initial: Partial<Values> = editing
    ? {
        name: editing.name,
        kind: editing.kind,
        parentId: editing.parentId,
        creditCode: editing.creditCode ?? '',
        docPrefix: editing.docPrefix ?? '',
      }
    : { parentId: state.mode === 'create' ? state.parentId : null };

  async function submit() {
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      parentId: v.parentId ?? null,
      creditCode: v.creditCode?.trim() || null,
      docPrefix: v.docPrefix?.trim() || null,
    };
    setSaving(true);
    setError(null);
    try {
      if (editing) await patch(`/api/admin/orgs/${encodeURIComponent(editing.id)}`, body);
      else
        await post('/api/admin/orgs', {
          ...body,
          creditCode: body.creditCode ?? undefined,
          docPrefix: body.docPrefix ?? undefined,
        });
      onSaved();
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(FIELDS));
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
      <Form form={form} layout="vertical" name="org" initialValues={initial}>
        <Form.Item
          label="机构名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="机构类型"
          name="kind"
          rules={[{ required: true, message: '请选择机构类型' }]}
        >
          <Select
            options={(meta?.orgKinds ?? []).map((k) => ({ value: k.code, label: k.label }))}
          />
        </Form.Item>
        <Form.Item label="上级机构" name="parentId" extra="不选则为顶级机构">
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={orgTreeOptions(tree, editing?.id)}
            placeholder="请选择上级机构"
          />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          rules={[
            {
              pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/,
              message: '统一社会信用代码为18位数字或大写字母',
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          label="发文字号前缀"
          name="docPrefix"
          extra="例如：科规（用于生成“科规〔2025〕3号”）"
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
