import { useMemo, useState } from 'react';
import { Alert, Form, Modal, Skeleton, TreeSelect } from 'antd';
import { ApiError, patch, post } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { FieldItems, fieldErrorPath, formValues } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import type { AdminUser } from '../lib/types.ts';
import { buildOrgTree, orgTreeOptions } from './orgTree.ts';
import { useOrgs } from './queries.ts';

interface Props {
  user: AdminUser | null; // null: create
  onClose: () => void;
  onCreated: (user: AdminUser, initialPassword: string) => void;
  onUpdated: () => void;
}

/** 新增用户 and 编辑用户: the served form (GET /api/admin/forms), the 所属机构 chosen in the org tree. */
export function UserFormModal({ user, onClose, onCreated, onUpdated }: Props) {
  const [form] = Form.useForm();
  const forms = useForms('admin');
  const { data: orgs, error: orgsError } = useOrgs();
  const treeData = useMemo(() => orgTreeOptions(buildOrgTree(orgs?.items ?? [])), [orgs]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Editing keeps the 用户名 as it was.
  const fields = forms
    .fields('user')
    .map((f) => (user && f.name === 'username' ? { ...f, help: '用户名创建后不能修改' } : f));

  async function submit() {
    const v = formValues(fields, await form.validateFields());
    setSaving(true);
    setError(null);
    try {
      if (user) {
        await patch(`/api/admin/users/${encodeURIComponent(user.id)}`, {
          displayName: v.displayName,
          orgId: v.orgId,
        });
        onUpdated();
      } else {
        const res = await post<{ user: AdminUser; initialPassword: string }>('/api/admin/users', v);
        onCreated(res.user, res.initialPassword);
      }
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
      title={user ? `编辑用户：${user.displayName}` : '新增用户'}
      okText={user ? '保存' : '创建并生成初始密码'}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {orgsError && (
        <Alert
          type="warning"
          showIcon
          title="机构列表加载失败，无法选择所属机构"
          style={{ marginBottom: 16 }}
        />
      )}
      {forms.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="user" initialValues={user ?? undefined}>
          <FieldItems
            fields={fields}
            select="antd"
            extras={{
              username: { props: { disabled: !!user, autoComplete: 'off' } },
              orgId: {
                control: (
                  <TreeSelect
                    treeData={treeData}
                    treeDefaultExpandAll
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    placeholder="请选择所属机构"
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
