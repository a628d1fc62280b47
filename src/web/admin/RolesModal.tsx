import { useState } from 'react';
import { Alert, Checkbox, Modal, Typography } from 'antd';
import { errorMessage, put } from '../lib/api.ts';
import { useMeta } from '../lib/session.ts';
import type { AdminUser } from '../lib/types.ts';

/** Assigns roles; the server refuses combining two of the three administrator roles (三员分立). */
export function RolesModal({
  user,
  onClose,
  onSaved,
}: {
  user: AdminUser;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { data: meta } = useMeta();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await put(`/api/admin/users/${encodeURIComponent(user.id)}/roles`, { roles });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`分配角色：${user.displayName}（${user.username}）`}
      okText="保存"
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        按“三员分立”要求，系统管理员、安全保密管理员、安全审计员不能由同一人兼任。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="sr-only">角色</legend>
        <Checkbox.Group
          value={roles}
          onChange={(v) => setRoles(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={(meta?.roles ?? []).map((r) => ({ value: r.code, label: r.label }))}
        />
      </fieldset>
    </Modal>
  );
}
