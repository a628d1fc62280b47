import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, TreeSelect } from 'antd';
import { ApiError, patch, post } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import type { AdminUser } from '../lib/types.ts';
import { buildOrgTree, orgTreeOptions } from './orgTree.ts';
import { useOrgs } from './queries.ts';

interface Values {
  username: string;
  displayName: string;
  orgId: string;
}

interface Props {
  user: AdminUser | null; // null: create
  onClose: () => void;
  onCreated: (user: AdminUser, initialPassword: string) => void;
  onUpdated: () => void;
}

export function UserFormModal({ user, onClose, onCreated, onUpdated }: Props) {
  const [form] = Form.useForm<Values>();
  const { data: orgs, error: orgsError } = useOrgs();
  const treeData = useMemo(() => orgTreeOptions(buildOrgTree(orgs?.items ?? [])), [orgs]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (user) {
        await patch(`/api/admin/users/${encodeURIComponent(user.id)}`, {
          displayName: v.displayName.trim(),
          orgId: v.orgId,
        });
        onUpdated();
      } else {
        const res = await post<{ user: AdminUser; initialPassword: string }>('/api/admin/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          orgId: v.orgId,
        });
        onCreated(res.user, res.initialPassword);
      }
    } catch (err) {
      const unplaced = applyFieldErrors(
        form,
        err,
        flatResolver(['username', 'displayName', 'orgId']),
      );
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
      <Form form={form} layout="vertical" name="user" initialValues={user ?? undefined}>
        <Form.Item
          label="用户名"
          name="username"
          extra={user ? '用户名创建后不能修改' : '用于登录，建议使用字母、数字'}
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label="所属机构"
          name="orgId"
          rules={[{ required: true, message: '请选择所属机构' }]}
        >
          <TreeSelect
            treeData={treeData}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="请选择所属机构"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
